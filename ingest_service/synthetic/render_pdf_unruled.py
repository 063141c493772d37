"""A synthetic referral as a PDF with no ruling at all (layout C-unruled): each bold label
sits above its answer, or in a left column with the answers aligned in a second column."""

from __future__ import annotations

import random

from ingest_service.synthetic.model import Case, Row
from ingest_service.synthetic.render_pdf_canvas import (
    BODY_SIZE,
    LABEL_SIZE,
    LEADING,
    LEFT,
    RIGHT,
    Sheet,
)

COLUMN_GAP = 28.0
ROW_SPACE = 7.0


def render_pdf_unruled(case: Case) -> bytes:
    """The filled-in form as PDF bytes, labels above or beside their answers (seeded choice)."""
    above = random.Random(f"unruled|{case.name}").random() < 0.5
    sheet = Sheet(case)
    sheet.opening(case)
    labels = [row.label for section in case.sections for row in section.rows if row.field_id]
    column = LEFT + max(sheet.width(label, True, LABEL_SIZE) for label in labels) + COLUMN_GAP
    for section in case.sections:
        sheet.heading(section.heading)
        for row in section.rows:
            if row.field_id is None:
                sheet.need(2 * LEADING)
                sheet.y -= 4
                sheet.paragraph(row.label, bold=True, size=11)
            elif above:
                _label_above(sheet, row)
            else:
                _label_beside(sheet, row, column)
    return sheet.finish()


def _label_above(sheet: Sheet, row: Row) -> None:
    lines = sheet.wrap(row.text, RIGHT - LEFT) if row.text else []
    sheet.need((len(lines) + 1) * LEADING + ROW_SPACE)
    sheet.y -= LEADING + ROW_SPACE
    sheet.text(LEFT, sheet.y, row.label, bold=True, size=LABEL_SIZE)
    for line in lines:
        sheet.y -= LEADING
        sheet.text(LEFT, sheet.y, line, size=BODY_SIZE)


def _label_beside(sheet: Sheet, row: Row, column: float) -> None:
    lines = sheet.wrap(row.text, RIGHT - column) if row.text else []
    sheet.need(max(len(lines), 1) * LEADING + ROW_SPACE)
    sheet.y -= LEADING + ROW_SPACE
    sheet.text(LEFT, sheet.y, row.label, bold=True, size=LABEL_SIZE)
    for number, line in enumerate(lines):
        if number:
            sheet.y -= LEADING
        sheet.text(column, sheet.y, line, size=BODY_SIZE)
