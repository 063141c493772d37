"""Normalising answers by field type: ISO dates, yes/no/unknown, option ids, tidy text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from parsers.form_schema import FieldSpec
from parsers.text import collapse, is_blank, strip_placeholders
from parsers.tick_boxes import BOX, TICKED, has_boxes, ticked_captions
from parsers.vocabulary import NEGATORS, NO_WORDS, UNKNOWN_WORDS, YES_WORDS, option_wordings

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4}|\d{2})\b")
_WORDY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}}|\d{{2}})\b", re.I
)
_US_WORDY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_LIST_SPLIT = re.compile(r"[,;\n]|\band\b|&")
_NOT_WORD = re.compile(r"[^a-z0-9/']+")
_CLAUSE = re.compile(r"[,;.()\u2013\u2014]|\s-\s")
_NEGATION_REACH = 2


@dataclass(frozen=True)
class Normalised:
    """A normalised answer and how sure the normaliser is of it (0..1)."""

    value: str | list[str]
    confidence: float


def normalise_value(raw: str, spec: FieldSpec, today: date | None = None) -> Normalised | None:
    """Normalise one raw answer for its field; None when the field was left unanswered."""
    text = collapse(strip_placeholders(raw))
    if spec.type == "multichoice":
        return _multichoice(raw, spec)
    if spec.type == "choice" and has_boxes(text):
        return _ticked_choice(text, spec)
    if is_blank(text):
        return None
    if spec.type == "date":
        iso = parse_date(text, today or date.today())
        return Normalised(iso, 1.0) if iso else Normalised(text, 0.7)
    if spec.type == "choice":
        chosen = choose_option(text, spec)
        return Normalised(*chosen) if chosen else Normalised(text, 0.3)
    if spec.type == "email":
        match = _EMAIL.search(text)
        return Normalised(match.group(0), 1.0) if match else Normalised(text, 0.6)
    return Normalised(text, 1.0)


def parse_date(text: str, today: date) -> str | None:
    """The first UK-style date in the text as ISO 8601, or None when there is none."""
    candidates: list[tuple[int, int, int, int]] = []
    for match in _ISO.finditer(text):
        candidates.append((match.start(), int(match[1]), int(match[2]), int(match[3])))
    for match in _NUMERIC.finditer(text):
        year = _full_year(match[3], today)
        candidates.append((match.start(), year, int(match[2]), int(match[1])))
    for match in _WORDY.finditer(text):
        year = _full_year(match[3], today)
        candidates.append((match.start(), year, _MONTHS[match[2].lower()], int(match[1])))
    for match in _US_WORDY.finditer(text):
        candidates.append((match.start(), int(match[3]), _MONTHS[match[1].lower()], int(match[2])))
    for _, year, month, day in sorted(candidates):
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def _full_year(year: str, today: date) -> int:
    """Two-digit years are this century unless that would be more than a year ahead."""
    if len(year) == 4:
        return int(year)
    value = 2000 + int(year)
    return value if value <= today.year + 1 else value - 100


def words(text: str) -> str:
    """Lower-case words only, for matching wordings ("Self-employed" → "self employed")."""
    text = text.lower().replace("\u2019", "'").replace("_", " ").replace("-", " ")
    return " ".join(_NOT_WORD.sub(" ", text).split())


def yes_no_unknown(text: str) -> str | None:
    """ "yes", "no" or "unknown" from an answer's leading words, or None."""
    norm = words(text)
    for phrase, answer in (
        *((w, "unknown") for w in UNKNOWN_WORDS),
        *((w, "yes") for w in YES_WORDS),
        *((w, "no") for w in NO_WORDS),
    ):
        if _starts_with(norm, phrase):
            return answer
    return None


def choose_option(text: str, spec: FieldSpec) -> tuple[str, float] | None:
    """The option id an answer means, with confidence, or None when nothing fits."""
    norm = words(text)
    options = spec.options
    if "unknown" in options and any(_starts_with(norm, w) for w in UNKNOWN_WORDS):
        return "unknown", 1.0
    if set(options) <= {"yes", "no", "unknown"}:
        answer = yes_no_unknown(text)
        return (answer, 1.0) if answer in options else None
    for option in sorted(options, key=len, reverse=True):
        if _starts_with(norm, words(option)):
            return option, 1.0
    clauses = [words(clause) for clause in _CLAUSE.split(text)]
    wordings = [(phrase, option, 0.9) for phrase, option in option_wordings(spec.id)]
    for phrase, option, confidence in (*wordings, *((o, o, 0.8) for o in options)):
        said = _mentioned(clauses, phrase) if option in options else None
        if said is True:
            return option, confidence
        if said is False and f"not_{option}" in options:
            return f"not_{option}", confidence
    if "other" in options:
        return "other", 0.6
    return None


def choose_options(text: str, spec: FieldSpec) -> list[str]:
    """Option ids for a multichoice answer: ticked boxes, or a list of wordings."""
    if has_boxes(text):
        parts = ticked_captions(text)
    else:
        parts = [part for part in _LIST_SPLIT.split(text) if part.strip()]
    chosen: set[str] = set()
    for part in parts:
        found = choose_option(part, spec)
        if found and found[1] >= 0.8:
            chosen.add(found[0])
    return [option for option in spec.options if option in chosen]


def _multichoice(raw: str, spec: FieldSpec) -> Normalised | None:
    text = strip_placeholders(raw)
    if is_blank(BOX.sub(" ", text)) and not TICKED.search(text):
        return None
    chosen = choose_options(text, spec)
    if chosen:
        return Normalised(chosen, 1.0)
    if has_boxes(text):
        return None
    return Normalised([collapse(text)], 0.3)


def _ticked_choice(text: str, spec: FieldSpec) -> Normalised | None:
    """A single choice drawn as tick boxes: the ticked option; none ticked is unanswered,
    several ticked keeps the first with low confidence."""
    chosen: list[tuple[str, float]] = []
    for caption in ticked_captions(text):
        found = choose_option(caption, spec)
        if found and found[0] not in (option for option, _ in chosen):
            chosen.append(found)
    if not chosen:
        return None
    option, confidence = chosen[0]
    return Normalised(option, confidence if len(chosen) == 1 else 0.4)


def _starts_with(norm: str, phrase: str) -> bool:
    phrase = words(phrase)
    return norm == phrase or norm.startswith(phrase + " ")


def _mentioned(clauses: list[str], phrase: str) -> bool | None:
    """True when the phrase occurs un-negated, False when only after "not", "no"... in
    its clause ("not currently working"), None when it does not occur."""
    target = f" {words(phrase)} "
    found: bool | None = None
    for clause in clauses:
        padded = f" {clause} "
        start = padded.find(target)
        while start >= 0:
            before = padded[:start].split()[-_NEGATION_REACH:]
            if not any(word in NEGATORS for word in before):
                return True
            found = False
            start = padded.find(target, start + 1)
    return found
