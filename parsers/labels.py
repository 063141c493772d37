"""Matching label text and headings against the schema's field synonyms and section words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from parsers.form_schema import FieldSpec, FormSchema, SectionSpec
from parsers.vocabulary import SECTION_WORDS

_SECTION_PREFIX = re.compile(r"^\s*(?:section|part)\s+\w{1,3}\s*[:.\-\u2013]?\s*", re.I)
_LABEL_EDGES = re.compile(r"^[\s*\u2022\-\u2013]+|[\s:?*.\u2013\-]+$")
FUZZY_RATIO = 0.88


@dataclass(frozen=True)
class LabelMatch:
    """A field a label may name, with how closely the label matched (1.0 = exactly)."""

    field: FieldSpec
    section: SectionSpec
    score: float


def label_key(text: str) -> str:
    """Label text reduced for comparison: lower case, plain quotes, tidy slashes, no edges."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s*/\s*", " / ", " ".join(text.split()))
    return _LABEL_EDGES.sub("", text)


class LabelIndex:
    """Every synonym of every field, for looking labels up."""

    def __init__(self, schema: FormSchema) -> None:
        self.schema = schema
        self._synonyms: list[tuple[str, FieldSpec, SectionSpec]] = [
            (label_key(synonym), spec, section)
            for section in schema.sections
            for spec in section.fields
            for synonym in spec.synonyms
        ]
        self._section_words = {
            section.id: tuple(
                label_key(word) for word in (section.title, *SECTION_WORDS.get(section.id, ()))
            )
            for section in schema.sections
        }
        self._matches: dict[str, list[LabelMatch]] = {}

    def match(self, label: str) -> list[LabelMatch]:
        """Fields this label may name, best score first (exact matches hide fuzzy ones)."""
        key = label_key(label)
        if not key or len(key) > 120:
            return []
        cached = self._matches.get(key)
        if cached is None:
            cached = self._matches[key] = self._match_key(key)
        return cached

    def _match_key(self, key: str) -> list[LabelMatch]:
        exact = [LabelMatch(s, sec, 1.0) for syn, s, sec in self._synonyms if syn == key]
        if exact:
            return _unique(exact)
        fuzzy: list[LabelMatch] = []
        for synonym, spec, section in self._synonyms:
            score = _fuzzy_score(key, synonym)
            if score:
                fuzzy.append(LabelMatch(spec, section, score))
        fuzzy.sort(key=lambda m: m.score, reverse=True)
        best = fuzzy[0].score if fuzzy else 0.0
        return _unique([m for m in fuzzy if m.score == best])

    def heading_section(self, text: str) -> SectionSpec | None:
        """The section a heading introduces: the earliest section word in it wins."""
        key = label_key(_SECTION_PREFIX.sub("", text))
        best: tuple[int, int, SectionSpec] | None = None
        for section in self.schema.sections:
            for word in self._section_words[section.id]:
                found = re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", key)
                if found:
                    rank = (found.start(), -len(word), section)
                    if best is None or rank[:2] < best[:2]:
                        best = rank
        if best is not None:
            return best[2]
        matches = self.match(text)
        return matches[0].section if matches and matches[0].score == 1.0 else None


@lru_cache(maxsize=8)
def label_index(schema: FormSchema) -> LabelIndex:
    """The label index of a schema, built once and kept with its cache of matched labels."""
    return LabelIndex(schema)


def _fuzzy_score(key: str, synonym: str) -> float:
    """Near-identical wording, or the synonym followed by a word or two ("Telephone number")."""
    if _similar(key, synonym):
        return 0.85
    if key.startswith(synonym + " "):
        extra = len(key[len(synonym) :].split())
        if extra <= (1 if " " not in synonym else 2):
            return 0.75
    return 0.0


def _similar(key: str, synonym: str) -> bool:
    """InDel similarity (2 x common subsequence / total length) at least FUZZY_RATIO."""
    return fuzz.ratio(key, synonym, score_cutoff=FUZZY_RATIO * 100) > 0


def _unique(matches: list[LabelMatch]) -> list[LabelMatch]:
    seen: set[str] = set()
    out: list[LabelMatch] = []
    for match in matches:
        if match.field.id not in seen:
            seen.add(match.field.id)
            out.append(match)
    return out


def has_section_prefix(text: str) -> bool:
    """True for headings such as "Section 2: ..." or "Part B - ..."."""
    return bool(_SECTION_PREFIX.match(text)) and bool(_SECTION_PREFIX.sub("", text).strip())
