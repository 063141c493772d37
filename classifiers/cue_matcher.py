"""Matching the rules' phrases and token patterns in a spaCy Doc, as weighted cues."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from classifiers.rules_config import LabelRules, TokenPattern, WeightedPhrases
from classifiers.stem import stem

STEM_NORMS = "stem_norms"


@Language.component(STEM_NORMS)
def stem_norms(doc: Doc) -> Doc:
    """Write each token's stem into its NORM, where the Matcher reads it at C speed."""
    for token in doc:
        token.norm_ = stem(token.text)
    return doc


@dataclass(frozen=True)
class Cue:
    """One matched phrase or pattern: which label it signals, how strongly, and where."""

    label: str
    weight: float
    start: int
    end: int
    text: str


class CueMatcher:
    """All phrases (on LOWER) and token patterns of a set of labels, matched in one pass."""

    def __init__(
        self, nlp: Language, rules: Iterable[tuple[LabelRules, Iterable[WeightedPhrases]]]
    ) -> None:
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._patterns = Matcher(nlp.vocab, validate=True)
        self._keys: dict[int, tuple[str, float]] = {}
        for rule, phrase_groups in rules:
            for index, group in enumerate(phrase_groups):
                key = self._key(nlp, f"{rule.label}/phrases/{index}", rule.label, group.weight)
                docs = [nlp.make_doc(text) for text in _variants(group.phrases)]
                self._phrases.add(key, docs)
            for index, weighted in enumerate(rule.patterns):
                key = self._key(nlp, f"{rule.label}/patterns/{index}", rule.label, weighted.weight)
                self._patterns.add(key, [_spacy_pattern(weighted.pattern)])

    def _key(self, nlp: Language, name: str, label: str, weight: float) -> str:
        self._keys[nlp.vocab.strings.add(name)] = (label, weight)
        return name

    def __call__(self, doc: Doc) -> list[Cue]:
        """Every match, overlapping ones included, in text order."""
        matches = [*self._phrases(doc), *(self._patterns(doc) if len(self._patterns) else [])]
        cues = []
        for match_id, start, end in sorted(matches, key=lambda match: (match[1], match[2])):
            label, weight = self._keys[match_id]
            cues.append(Cue(label, weight, start, end, doc[start:end].text))
        return cues


def longest_per_label(cues: list[Cue]) -> list[Cue]:
    """Drop cues overlapping a longer (or equally long, heavier) cue of the same label."""
    kept: list[Cue] = []
    for label in dict.fromkeys(cue.label for cue in cues):
        kept.extend(longest([cue for cue in cues if cue.label == label]))
    return sorted(kept, key=lambda cue: cue.start)


def longest(cues: list[Cue], covering: str = "") -> list[Cue]:
    """Keep the longest of overlapping cues whatever their label ("home to school taxi" over
    "school"); among equally long ones, the heaviest. A phrase listed under several labels
    (the very same span) supports each of them, unless one of them is the `covering` label."""
    kept: list[Cue] = []
    labels: dict[tuple[int, int], set[str]] = {}
    taken: set[int] = set()
    for cue in sorted(cues, key=lambda cue: (cue.start - cue.end, -cue.weight, cue.start)):
        span = (cue.start, cue.end)
        said = labels.get(span)
        shared = said is not None and covering not in said and cue.label not in said
        if shared or taken.isdisjoint(range(*span)):
            kept.append(cue)
            labels.setdefault(span, set()).add(cue.label)
            taken.update(range(*span))
    return sorted(kept, key=lambda cue: cue.start)


def _variants(phrases: Iterable[str]) -> Iterator[str]:
    """Each phrase as written, with hyphens as spaces and with spaces as hyphens."""
    seen: set[str] = set()
    for phrase in phrases:
        for variant in (phrase, phrase.replace("-", " "), phrase.replace(" ", "-")):
            if variant not in seen:
                seen.add(variant)
                yield variant


def _spacy_pattern(pattern: TokenPattern) -> list[dict[str, Any]]:
    """The rules' pattern with `STEM: x` turned into `NORM: stem(x)` (see `stem_norms`)."""
    converted = []
    for token in pattern:
        spec = {key: value for key, value in token.items() if key != "STEM"}
        if "STEM" in token:
            spec["NORM"] = _stemmed(token["STEM"])
        converted.append(spec)
    return converted


def _stemmed(value: object) -> object:
    if isinstance(value, str):
        return stem(value)
    if isinstance(value, dict):
        return {op: [stem(word) for word in words] for op, words in value.items()}
    raise ValueError(f"STEM takes a word or {{IN: [words]}}, not {value!r}")
