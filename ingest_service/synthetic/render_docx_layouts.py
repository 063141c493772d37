"""More Word layouts: content controls, legacy form fields, labels above values (merged cells,
ALL-CAPS labels), and Yes/No answered by striking out or highlighting words."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from typing import Literal, get_args

from docx import Document

from ingest_service.synthetic.model import Case, FormSection, Row
from ingest_service.synthetic.render_docx import CLOSING, INTRO, fixed_zip, set_properties
from ingest_service.synthetic.render_docx_controls import (
    content_control_value,
    legacy_field_value,
)
from ingest_service.synthetic.render_docx_xml import (
    append_body,
    cell,
    paragraph,
    run,
    table,
    text_paragraphs,
    tick_options,
)

WordLayout = Literal[
    "A-content-controls", "A-legacy-fields", "A-labels-above", "A-highlighted", "B-struck"
]
WORD_LAYOUTS: tuple[WordLayout, ...] = get_args(WordLayout)
ABOVE_COLUMNS = 3
_WIDE_TEXT = 40
_HIGHLIGHTS = (
    '<w:highlight w:val="yellow"/>',
    '<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>',
)
_STRIKES = ("<w:strike/>", "<w:dstrike/>")


def render_word_layout(case: Case, layout: WordLayout) -> bytes:
    """The case's form as .docx bytes in one of the extra Word layouts."""
    rng = random.Random(f"{case.name}|{layout}")
    document = Document()
    intro = ["OFFICIAL \N{EN DASH} SENSITIVE", case.council, case.form_title, INTRO]
    snippets = [paragraph(run(line)) for line in intro]
    for section in case.sections:
        snippets.extend(_section(rng, layout, section))
    snippets.append(paragraph(run(CLOSING)))
    append_body(document, snippets)
    set_properties(document, case)
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue(), case.sent_at)


def _section(rng: random.Random, layout: WordLayout, section: FormSection) -> Iterator[str]:
    if layout == "B-struck":
        yield from _struck_paragraphs(rng, section)
    elif layout == "A-labels-above":
        yield _labels_above_table(section)
        yield paragraph("")
    else:
        yield _beside_table(rng, layout, section)
        yield paragraph("")


def _beside_table(rng: random.Random, layout: WordLayout, section: FormSection) -> str:
    """Label cell beside answer cell, headings in merged rows."""
    rows = [[cell(paragraph(run(section.heading, "<w:b/>")), span=2)]]
    for number, row in enumerate(section.rows, start=1):
        if row.field_id is None:
            rows.append([cell(paragraph(run(row.label, "<w:b/>")), span=2)])
            continue
        rows.append([cell(paragraph(run(row.label))), cell(_value(rng, layout, row, number))])
    return table(rows, columns=2, width=4500)


def _value(rng: random.Random, layout: WordLayout, row: Row, number: int) -> str:
    if layout == "A-content-controls":
        is_date = "date" in (row.field_id or "") or row.field_id == "subject_dob"
        return content_control_value(rng, row, number, is_date)
    if layout == "A-legacy-fields":
        return legacy_field_value(rng, row)
    options = tick_options(row.text)
    if options:
        return paragraph(_marked(rng, options, highlight=True))
    return text_paragraphs(row.text)


def _marked(rng: random.Random, options: list[tuple[bool, str]], *, highlight: bool) -> str:
    """Options as words: the chosen highlighted, or the others struck through."""
    look = rng.choice(_HIGHLIGHTS if highlight else _STRIKES)
    several = sum(ticked for ticked, _ in options) > 1
    gap = run("   " if several or rng.random() < 0.5 else " / ")
    return gap.join(
        run(caption, look if ticked == highlight else "") for ticked, caption in options
    )


def _struck_paragraphs(rng: random.Random, section: FormSection) -> Iterator[str]:
    """ "Label: answer" paragraphs; choices as "Yes / No / Not known" with the wrong ones
    struck through."""
    yield paragraph(run(section.heading), style="Heading2")
    for row in section.rows:
        separator = "" if row.label.endswith("?") else ":"
        label = run(f"{row.label}{separator} ")
        options = tick_options(row.text)
        if row.field_id is None:
            yield paragraph(run(row.label, "<w:b/>"))
        elif options:
            yield paragraph(label + _marked(rng, options, highlight=False))
        elif "\n" in row.text:
            yield paragraph(label)
            yield from (paragraph(run(line)) for line in row.text.split("\n"))
        else:
            yield paragraph(label + run(row.text))


def _labels_above_table(section: FormSection) -> str:
    """ALL-CAPS labels in one row, answers in the row below; long answers and headings
    span the table."""
    rows = [[cell(paragraph(run(section.heading.upper(), "<w:b/>")), span=ABOVE_COLUMNS)]]
    for group in _groups(section.rows):
        if group[0].field_id is None:
            rows.append([cell(paragraph(run(group[0].label.upper(), "<w:b/>")), span=3)])
            continue
        spans = [1] * (len(group) - 1) + [ABOVE_COLUMNS - len(group) + 1]
        rows.append(
            [
                cell(paragraph(run(row.label.upper(), "<w:b/>")), span)
                for row, span in zip(group, spans, strict=True)
            ]
        )
        rows.append(
            [cell(text_paragraphs(row.text), span) for row, span in zip(group, spans, strict=True)]
        )
    return table(rows, columns=ABOVE_COLUMNS)


def _groups(rows: tuple[Row, ...]) -> Iterator[list[Row]]:
    """Short answers side by side (up to ABOVE_COLUMNS); long answers and sub-headings alone."""
    group: list[Row] = []
    for row in rows:
        wide = row.field_id is None or "\n" in row.text or len(row.text) > _WIDE_TEXT
        if wide or len(group) == ABOVE_COLUMNS:
            if group:
                yield group
            group = []
        if wide:
            yield [row]
        else:
            group.append(row)
    if group:
        yield group
