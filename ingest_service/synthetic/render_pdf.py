"""A synthetic referral as a text PDF: section headings and label/value rows (layout C)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ingest_service.synthetic.model import Case, FormSection
from ingest_service.synthetic.render_docx import CLOSING, INTRO
from ingest_service.synthetic.wording import TICKED, UNTICKED

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


@cache
def fonts() -> tuple[str, str]:
    """Regular and bold font names: DejaVu Sans (has ☒/☐) when installed, else Helvetica."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _printable(text: str, font: str) -> str:
    """Text safe for a Paragraph in this font (tick boxes spelled out without DejaVu)."""
    if font == "Helvetica":
        text = text.replace(TICKED, "[X]").replace(UNTICKED, "[ ]")
    return escape(text).replace("\n", "<br/>")


def render_pdf(case: Case) -> bytes:
    """The form as PDF bytes; long forms run over several pages."""
    regular, bold = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12)
    label = ParagraphStyle("label", parent=body, fontName=bold)
    heading = ParagraphStyle(
        "heading", parent=body, fontName=bold, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4
    )
    title = ParagraphStyle("title", parent=heading, fontSize=15, leading=19)
    story: list[object] = [
        Paragraph("OFFICIAL \N{EN DASH} SENSITIVE", body),
        Paragraph(_printable(case.council, regular), body),
        Paragraph(_printable(case.form_title, regular), title),
        Paragraph(INTRO, body),
    ]
    for section in case.sections:
        story.append(Paragraph(_printable(section.heading, regular), heading))
        story.append(_table(section, regular, label, body))
    story += [Spacer(1, 6 * mm), Paragraph(CLOSING, body)]
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        title="LADO referral form",
        author=case.referrer.name,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        invariant=1,
    )
    document.build(story)
    return out.getvalue()


def _table(section: FormSection, font: str, label: ParagraphStyle, body: ParagraphStyle) -> Table:
    rows = [
        [Paragraph(_printable(row.label, font), label), Paragraph(_printable(row.text, font), body)]
        for row in section.rows
    ]
    table = Table(rows, colWidths=(62 * mm, 112 * mm))
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table
