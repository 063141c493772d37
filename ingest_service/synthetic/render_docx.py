"""A synthetic referral as a Word document: label/value tables (A) or paragraphs (B)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any, Literal

from docx import Document

from ingest_service.synthetic.model import Case, FormSection, Row

DocxLayout = Literal["A", "B"]
INTRO = (
    "Use this form to tell the LADO about an allegation or concern about an adult who works "
    "or volunteers with children. Do not delay the referral to gather more information."
)
CLOSING = "Thank you. The LADO will contact you within one working day."


def render_docx(case: Case, layout: DocxLayout | None = None) -> bytes:
    """The form as .docx bytes; the layout defaults to the case's (A unless it is B)."""
    chosen = layout or ("B" if case.form_layout == "B" else "A")
    document = Document()
    for line in ("OFFICIAL \N{EN DASH} SENSITIVE", case.council, case.form_title, INTRO):
        document.add_paragraph(line)
    for section in case.sections:
        if chosen == "A":
            _table_section(document, section)
            document.add_paragraph("")
        else:
            _paragraph_section(document, section)
    document.add_paragraph(CLOSING)
    set_properties(document, case)
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue(), case.sent_at)


def paragraph_line(row: Row) -> str:
    """A row as one "Label: value" line ("Label? value" when the label is a question)."""
    separator = "" if row.label.endswith("?") else ":"
    return f"{row.label}{separator} {row.text}".rstrip()


def _table_section(document: Any, section: FormSection) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    _merged_heading(table, section.heading)
    for row in section.rows:
        if row.field_id is None:
            _merged_heading(table, row.label)
            continue
        label_cell, value_cell = table.add_row().cells
        label_cell.text = row.label
        lines = row.text.split("\n")
        value_cell.text = lines[0]
        for line in lines[1:]:
            value_cell.add_paragraph(line)


def _merged_heading(table: Any, text: str) -> None:
    first, second = table.add_row().cells
    merged = first.merge(second)
    merged.text = text
    for run in merged.paragraphs[0].runs:
        run.bold = True


def _paragraph_section(document: Any, section: FormSection) -> None:
    document.add_heading(section.heading, level=2)
    for row in section.rows:
        if row.field_id is None:
            document.add_paragraph().add_run(row.label).bold = True
        elif "\n" in row.text:
            document.add_paragraph(paragraph_line(Row(row.label, "")))
            for line in row.text.split("\n"):
                document.add_paragraph(line)
        else:
            document.add_paragraph(paragraph_line(row))


def set_properties(document: Any, case: Case) -> None:
    properties = document.core_properties
    properties.author = properties.last_modified_by = case.referrer.name
    properties.title = case.form_title
    properties.created = properties.modified = case.sent_at


def fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same archive with every entry stamped `when`, so equal forms give equal bytes."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(item.filename))
    return out.getvalue()
