"""Extracting the schema's fields from a parsed document, section by section."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from parsers.document import Block, ParsedDocument
from parsers.form_schema import FieldSpec, FormSchema, SectionSpec
from parsers.labels import LabelIndex, LabelMatch, has_section_prefix, label_index
from parsers.normalise import normalise_value
from parsers.text import is_blank
from parsers.tick_boxes import has_boxes

_SEPARATOR = re.compile(r"[:?]")
_RULE_READ_AS_TEXT = re.compile(r"\s[-\u2013|]\s")
_MAX_HEADING_WORDS = 12


@dataclass(frozen=True)
class ExtractedField:
    """One answer: normalised value, confidence (0..1), where it was found, label as written."""

    value: str | list[str]
    confidence: float
    source: str
    label: str


@dataclass
class FieldExtraction:
    """Answered fields by id, and one dict of answered fields per child."""

    fields: dict[str, ExtractedField] = field(default_factory=dict)
    children: list[dict[str, ExtractedField]] = field(default_factory=list)

    def output_fields(self) -> dict[str, object]:
        """The README's `fields` object: answered fields, children as a list of objects."""
        out: dict[str, object] = {key: item.value for key, item in self.fields.items()}
        children = [{key: item.value for key, item in child.items()} for child in self.children]
        if any(children):
            out["children"] = [child for child in children if child]
        return out


def extract_fields(document: ParsedDocument, schema: FormSchema) -> FieldExtraction:
    """Find each field's answer by its label, tracking the section from headings and labels."""
    index = label_index(schema)
    reader = _Reader(schema, index)
    for entry in _entries(document.blocks, index):
        reader.feed(entry)
    return reader.result()


def merge_extractions(parts: Sequence[FieldExtraction]) -> FieldExtraction:
    """Combine parts of one referral: per field the most confident answer wins; the children
    come from the part that says most about them."""
    merged = FieldExtraction()
    for part in parts:
        for key, item in part.fields.items():
            current = merged.fields.get(key)
            if current is None or item.confidence > current.confidence:
                merged.fields[key] = item
    richest = max(parts, key=lambda p: sum(len(child) for child in p.children), default=None)
    if richest is not None:
        merged.children = [dict(child) for child in richest.children]
    return merged


@dataclass(frozen=True)
class _Heading:
    text: str


@dataclass(frozen=True)
class _Pair:
    label: str
    value: str
    block: Block


@dataclass(frozen=True)
class _Text:
    text: str


@dataclass(frozen=True)
class _Break:
    """The end of a table: text after it does not continue the table's last answer."""


_Entry = _Heading | _Pair | _Text | _Break


def _entries(blocks: list[Block], index: LabelIndex) -> Iterator[_Entry]:
    """Turn blocks into headings, label/value pairs and loose text, in reading order."""
    rows: list[list[Block]] = []
    previous: Block | None = None
    for block in blocks:
        if block.kind == "cell":
            if (
                previous is not None
                and previous.kind == "cell"
                and ((previous.table, previous.row) == (block.table, block.row))
            ):
                rows[-1].append(block)
            else:
                rows.append([block])
        else:
            if rows:
                yield from _table_entries(rows, index)
                yield _Break()
                rows = []
            yield from _loose_entries(block, index)
        previous = block
    yield from _table_entries(rows, index)


def _loose_entries(block: Block, index: LabelIndex) -> Iterator[_Entry]:
    if block.kind == "form_field" and block.label:
        yield _Pair(block.label, block.text, block)
    elif block.kind == "checkbox":
        mark = "\u2612" if block.checked else "\u2610"
        yield _Text(f"{mark} {block.label or block.text}")
    else:
        for line in block.text.splitlines():
            yield _line_entry(line, block, index)


def _table_entries(rows: list[list[Block]], index: LabelIndex) -> Iterator[_Entry]:
    skip = False
    for number, cells in enumerate(rows):
        if skip:
            skip = False
            continue
        following = rows[number + 1] if number + 1 < len(rows) else None
        if (
            len(cells) == 1
            and following is not None
            and _label_alone_above(cells, following, index)
        ):
            skip = True
            yield _Pair(cells[0].text, following[0].text, following[0])
        elif len(cells) == 1:
            for line in cells[0].text.splitlines() or [""]:
                entry = _line_entry(line, cells[0], index)
                yield _Heading(line) if isinstance(entry, _Text) and line.strip() else entry
        elif following is not None and _labels_above(cells, following, index):
            skip = True
            for label, value in zip(cells, following, strict=False):
                yield _Pair(label.text, value.text, value)
        else:
            for pos in range(0, len(cells) - 1, 2):
                label, value = cells[pos], cells[pos + 1]
                if is_blank(label.text):
                    if not is_blank(value.text):
                        yield _Text(value.text)
                else:
                    yield _Pair(label.text, value.text, value)


def _labels_above(cells: list[Block], following: list[Block], index: LabelIndex) -> bool:
    """A row of labels with their answers in the row below (same table, same columns). An
    answer may happen to be a label wording ("Designated Safeguarding Lead"), so the row
    below is answers when it is not ALL CAPS under ALL-CAPS labels, or (three or more
    columns) when it does not start with a label and is mostly not labels."""
    if following[0].table != cells[0].table or len(following) != len(cells):
        return False
    labels = [c.text for c in cells if not is_blank(c.text)]
    if len(labels) < 2 or not all(index.match(text) for text in labels):
        return False
    values = [c.text for c in following if not is_blank(c.text)]
    named = sum(_exact_label(text, index) for text in values)
    if all(text.isupper() for text in labels) and not any(text.isupper() for text in values):
        return True
    if len(cells) == 2:
        return named == 0
    return not _exact_label(following[0].text, index) and 2 * named < len(values)


def _label_alone_above(cells: list[Block], following: list[Block], index: LabelIndex) -> bool:
    """A full-width label row ("DESCRIPTION OF THE ALLEGATION") over a full-width answer."""
    label, value = cells[0], following[0]
    if len(following) != 1 or value.table != label.table or "\n" in label.text:
        return False
    if _SEPARATOR.search(label.text.rstrip(":? ")) or not index.match(label.text):
        return False
    return is_blank(value.text) or not _exact_label(value.text.splitlines()[0], index)


def _exact_label(text: str, index: LabelIndex) -> bool:
    """True when the text is one of the schema's label wordings (answers such as "Agency
    staff" only resemble one)."""
    matches = index.match(text)
    return bool(matches) and matches[0].score == 1.0


def _line_entry(line: str, block: Block, index: LabelIndex) -> _Entry:
    """One line of text: "Label: value", "Label? value", a heading, or loose text."""
    separator = _SEPARATOR.search(line)
    if separator:
        end = separator.end() if separator.group(0) == "?" else separator.start()
        label = line[:end].strip()
        if label and index.match(label):
            return _Pair(label, line[separator.end() :].strip(), block)
    if block.confidence < 1.0 and (pair := _pair_across_rule(line, block, index)):
        return pair
    if _looks_like_heading(line, index):
        return _Heading(line.strip())
    return _Text(line)


def _pair_across_rule(line: str, block: Block, index: LabelIndex) -> _Pair | None:
    """OCR text of a row whose ruling between label and value was read as a dash or a bar:
    split there only when the text before it is exactly one of the schema's labels."""
    rule = _RULE_READ_AS_TEXT.search(line)
    if rule is None or not _exact_label(line[: rule.start()], index):
        return None
    return _Pair(line[: rule.start()].strip(), line[rule.end() :].strip(), block)


def _looks_like_heading(line: str, index: LabelIndex) -> bool:
    text = line.strip()
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or not letters[0].isupper() or text.endswith((".", ",", ";")):
        return False
    if len(text.split()) > _MAX_HEADING_WORDS:
        return False
    return has_section_prefix(text) or text.isupper() or index.heading_section(text) is not None


@dataclass
class _Raw:
    """An answer as found, before normalisation."""

    spec: FieldSpec
    label: str
    lines: list[str]
    block: Block
    confidence: float

    @property
    def blank(self) -> bool:
        return is_blank("\n".join(self.lines))


class _Reader:
    """Follows the document, keeping the current section and the answer being continued."""

    def __init__(self, schema: FormSchema, index: LabelIndex) -> None:
        self.schema = schema
        self.index = index
        self.order = {section.id: n for n, section in enumerate(schema.sections)}
        self.section: SectionSpec | None = None
        self.fields: dict[str, _Raw] = {}
        self.children: list[dict[str, _Raw]] = []
        self.target: _Raw | None = None

    def feed(self, entry: _Entry) -> None:
        if isinstance(entry, _Pair):
            self.pair(entry)
        elif isinstance(entry, _Text):
            if self.target is not None and entry.text.strip():
                self.text(self.target, entry.text)
        elif isinstance(entry, _Heading):
            self.heading(entry.text)
        else:
            self.target = None

    def text(self, target: _Raw, line: str) -> None:
        """Loose text continues a text answer, a row of tick boxes wrapped onto the next
        line, or gives an answer left blank beside its label; else it ends the answer."""
        ticks = has_boxes(line) and (target.blank or has_boxes(target.lines[-1]))
        if target.spec.type == "text" or target.blank or ticks:
            target.lines.append(line)
        if target.spec.type != "text" and not ticks:
            self.target = None

    def heading(self, text: str) -> None:
        self.target = None
        section = self.index.heading_section(text)
        if section is None:
            return
        if section.repeatable and self.children and self.children[-1] and re.search(r"\d", text):
            self.children.append({})
        self.section = section

    def pair(self, pair: _Pair) -> None:
        matches = self.index.match(pair.label)
        if not matches:
            self.target = None
            return
        match, confidence = self.resolve(matches)
        self.section = match.section
        raw = _Raw(match.field, pair.label.strip(), [pair.value], pair.block, confidence)
        self.target = raw
        if match.section.repeatable:
            if not self.children or match.field.id in self.children[-1]:
                self.children.append({})
            self.children[-1][match.field.id] = raw
            return
        existing = self.fields.get(match.field.id)
        if existing is None or (existing.blank and not raw.blank):
            self.fields[match.field.id] = raw
        else:
            self.target = None

    def resolve(self, matches: list[LabelMatch]) -> tuple[LabelMatch, float]:
        """Pick the field a label names: the current section's (while unanswered), the only
        one, or the next unanswered one in form order."""
        score = matches[0].score
        current = self.section.id if self.section else None
        open_ = [m for m in matches if m.section.repeatable or m.field.id not in self.fields]
        for match in open_:
            if match.section.id == current:
                return match, 0.95 * score
        if len(matches) == 1:
            return matches[0], 0.9 * score
        position = self.order[current] if current else -1
        ahead = [m for m in open_ if self.order[m.section.id] >= position]
        pool = ahead or open_ or matches
        return min(pool, key=lambda m: self.order[m.section.id]), 0.75 * score

    def result(self) -> FieldExtraction:
        out = FieldExtraction()
        for key, raw in self.fields.items():
            item = _finish(raw)
            if item is not None:
                out.fields[key] = item
        for child in self.children:
            answered = {key: item for key, raw in child.items() if (item := _finish(raw))}
            if answered:
                out.children.append(answered)
        return out


def _finish(raw: _Raw) -> ExtractedField | None:
    normalised = normalise_value("\n".join(raw.lines), raw.spec)
    if normalised is None:
        return None
    return ExtractedField(
        value=normalised.value,
        confidence=round(min(raw.confidence * normalised.confidence, raw.block.confidence), 3),
        source=raw.block.provenance.describe(),
        label=raw.label,
    )
