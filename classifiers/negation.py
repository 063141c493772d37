"""Dropping allegation cues that the text negates ("no marks", "nothing sexual")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from classifiers.cue_matcher import Cue
from classifiers.rules_config import AllegationRules, Negation


class Negator:
    """Two kinds of negation, both confined to a sentence.

    - a negation word ("no", "not", "without") up to `window` tokens before a cue cancels it;
    - a label's negation phrase ("no physical contact") cancels all that label's cues in its
      sentence.
    """

    def __init__(self, nlp: Language, negation: Negation, rules: Iterable[AllegationRules]):
        self._words = frozenset(word.lower() for word in negation.cues)
        self._window = negation.window
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[int, str] = {}
        for rule in rules:
            if rule.negations:
                key = f"{rule.label}/negations"
                self._labels[nlp.vocab.strings.add(key)] = rule.label
                self._phrases.add(key, [nlp.make_doc(text) for text in rule.negations])

    def keep(self, doc: Doc, cues: list[Cue]) -> list[Cue]:
        """The cues that are not negated."""
        negated = {
            (self._labels[match_id], doc[start].sent.start)
            for match_id, start, _end in self._phrases(doc)
        }
        return [
            cue
            for cue in cues
            if (cue.label, doc[cue.start].sent.start) not in negated
            and not self._preceded_by_negation(doc, cue)
        ]

    def _preceded_by_negation(self, doc: Doc, cue: Cue) -> bool:
        first = max(doc[cue.start].sent.start, cue.start - self._window)
        return any(token.lower_ in self._words for token in doc[first : cue.start])
