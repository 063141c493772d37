"""Drawing a form on a reportlab canvas line by line, starting new pages as needed."""

from __future__ import annotations

import io
import re

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from ingest_service.synthetic.model import Case
from ingest_service.synthetic.render_docx import CLOSING, INTRO
from ingest_service.synthetic.render_pdf import fonts
from ingest_service.synthetic.wording import TICKED, UNTICKED

LEFT, RIGHT, TOP, BOTTOM = 50.0, A4[0] - 50.0, A4[1] - 48.0, 56.0
BODY_SIZE, LABEL_SIZE, HEADING_SIZE, TITLE_SIZE = 9.5, 9.0, 12.0, 15.0
LEADING = 12.0
_BOX = re.compile(rf"([{TICKED}{UNTICKED}])\s*([^{TICKED}{UNTICKED}]+)")


def tick_options(text: str) -> list[tuple[str, bool]]:
    """A row of tick boxes ("☐ Yes   ☒ No") as (caption, ticked) pairs; [] for other text."""
    return [(caption.strip(), box == TICKED) for box, caption in _BOX.findall(text)]


def plain(text: str, font: str) -> str:
    """Text drawable in this font (tick boxes spelled out without DejaVu)."""
    if font == "Helvetica":
        return text.replace(TICKED, "[X]").replace(UNTICKED, "[ ]")
    return text


class Sheet:
    """A canvas with a writing position; `need` starts a new page when space runs out."""

    def __init__(self, case: Case) -> None:
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, invariant=1)
        self.canvas.setTitle("LADO referral form")
        self.canvas.setAuthor(case.referrer.name)
        self.regular, self.bold = fonts()
        self.y = TOP

    def need(self, height: float) -> None:
        """Move to a new page unless `height` points fit above the bottom margin."""
        if self.y - height < BOTTOM:
            self.canvas.showPage()
            self.y = TOP

    def text(
        self, x: float, y: float, text: str, bold: bool = False, size: float = BODY_SIZE
    ) -> None:
        """Draw one line of text at a baseline."""
        font = self.bold if bold else self.regular
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, y, plain(text, self.regular))

    def wrap(
        self, text: str, width: float, bold: bool = False, size: float = BODY_SIZE
    ) -> list[str]:
        """The text's lines when wrapped to `width` (paragraph breaks kept)."""
        font = self.bold if bold else self.regular
        lines: list[str] = []
        for paragraph in text.split("\n"):
            lines.extend(simpleSplit(plain(paragraph, self.regular), font, size, width) or [""])
        return lines

    def width(self, text: str, bold: bool = False, size: float = BODY_SIZE) -> float:
        """The drawn width of a line of text."""
        font = self.bold if bold else self.regular
        return float(self.canvas.stringWidth(plain(text, self.regular), font, size))

    def paragraph(self, text: str, bold: bool = False, size: float = BODY_SIZE) -> None:
        """A wrapped paragraph across the full width, followed by a little space."""
        for line in self.wrap(text, RIGHT - LEFT, bold, size):
            self.need(size * 1.3)
            self.y -= size * 1.3
            self.text(LEFT, self.y, line, bold, size)
        self.y -= 4

    def opening(self, case: Case) -> None:
        """Marking, council, title and the form's introduction."""
        self.paragraph("OFFICIAL \N{EN DASH} SENSITIVE")
        self.paragraph(case.council)
        self.paragraph(case.form_title, bold=True, size=TITLE_SIZE)
        self.paragraph(INTRO)

    def heading(self, text: str) -> None:
        """A section heading, kept with at least two rows below it."""
        self.need(HEADING_SIZE * 1.4 + 4 * LEADING)
        self.y -= 10
        self.paragraph(text, bold=True, size=HEADING_SIZE)

    def finish(self) -> bytes:
        """The closing note, then the PDF bytes."""
        self.y -= 10
        self.paragraph(CLOSING)
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()
