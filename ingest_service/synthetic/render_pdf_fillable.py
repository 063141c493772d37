"""A synthetic referral as a fillable PDF (layout C-fillable): the page shows only labels;
the answers live in AcroForm text fields and check boxes."""

from __future__ import annotations

import random
from collections.abc import Iterator

from ingest_service.synthetic.model import Case, Row
from ingest_service.synthetic.render_pdf_canvas import (
    LABEL_SIZE,
    LEADING,
    LEFT,
    RIGHT,
    Sheet,
    tick_options,
)

FIELD_X = 230.0
FIELD_SIZE = 9.0
BOX = 9.0


def render_pdf_fillable(case: Case) -> bytes:
    """The filled-in form as PDF bytes. Some fields carry their label as a tooltip (/TU),
    others only a generated name, as forms made in different tools do."""
    rng = random.Random(f"fillable|{case.name}")
    sheet = Sheet(case)
    sheet.opening(case)
    names = iter(range(1, 10_000))
    for section in case.sections:
        sheet.heading(section.heading)
        for row in section.rows:
            if row.field_id is None:
                sheet.need(2 * LEADING)
                sheet.y -= LEADING + 4
                sheet.text(LEFT, sheet.y, row.label, bold=True, size=10)
            elif options := tick_options(row.text):
                _boxes(sheet, row, options, names)
            else:
                tooltip = row.label if rng.random() < 0.5 else None
                _text_field(sheet, row, f"Text{next(names)}", tooltip)
    return sheet.finish()


def _label(sheet: Sheet, row: Row) -> int:
    """Draw the row's label (wrapped within the label column); how many lines it took."""
    lines = sheet.wrap(row.label, FIELD_X - LEFT - 10, bold=True, size=LABEL_SIZE)
    for number, line in enumerate(lines):
        sheet.text(LEFT, sheet.y - number * LEADING, line, bold=True, size=LABEL_SIZE)
    return len(lines)


def _text_field(sheet: Sheet, row: Row, name: str, tooltip: str | None) -> None:
    width = RIGHT - FIELD_X
    value_lines = len(sheet.wrap(row.text, width - 8, size=FIELD_SIZE)) if row.text else 1
    label_lines = len(sheet.wrap(row.label, FIELD_X - LEFT - 10, bold=True, size=LABEL_SIZE))
    height = max(value_lines, 1) * 11.0 + 6.0
    sheet.need(max(height, label_lines * LEADING) + 8)
    sheet.y -= LEADING + 4
    _label(sheet, row)
    multiline = "\n" in row.text or value_lines > 1
    # reportlab writes field values in PDFDocEncoding: the en dashes referrers type become "-".
    sheet.canvas.acroForm.textfield(
        name=name,
        tooltip=tooltip,
        value=row.text.replace("\N{EN DASH}", "-"),
        x=FIELD_X,
        y=sheet.y + 9 - height,
        width=width,
        height=height,
        fontName="Helvetica",
        fontSize=FIELD_SIZE,
        borderWidth=0.5,
        fieldFlags="multiline" if multiline else "",
        forceBorder=True,
        maxlen=4000,
    )
    sheet.y -= max(height - 9, (label_lines - 1) * LEADING)


def _boxes(sheet: Sheet, row: Row, options: list[tuple[str, bool]], names: Iterator[int]) -> None:
    """A question with one check box per option, each followed by its caption."""
    sheet.need(3 * LEADING)
    sheet.y -= LEADING + 4
    label_lines = _label(sheet, row)
    x, y = FIELD_X, sheet.y
    for caption, ticked in options:
        caption_width = sheet.width(caption, size=FIELD_SIZE)
        if x + BOX + 4 + caption_width > RIGHT:
            x, y = FIELD_X, y - LEADING - 2
        sheet.canvas.acroForm.checkbox(
            name=f"Check{next(names)}",
            checked=ticked,
            x=x,
            y=y - 1.5,
            size=BOX,
            buttonStyle="cross",
            borderWidth=0.5,
        )
        sheet.text(x + BOX + 4, y, caption, size=FIELD_SIZE)
        x += BOX + 4 + caption_width + 14
    sheet.y = min(y, sheet.y - (label_lines - 1) * LEADING)
