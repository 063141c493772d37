"""WordprocessingML snippets for the synthetic Word layouts: runs, paragraphs, cells, controls."""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import parse_xml

from ingest_service.synthetic.model import Row
from ingest_service.synthetic.wording import PLACEHOLDER, TICKED, UNTICKED

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
NAMESPACES = f'xmlns:w="{W_NS}" xmlns:w14="{W14_NS}"'
DATE_PLACEHOLDER = "Click or tap to enter a date."
_TICK = re.compile(f"([{TICKED}{UNTICKED}])\\s*([^{TICKED}{UNTICKED}]+)")


def tick_options(text: str) -> list[tuple[bool, str]]:
    """A row of ☒/☐ tick boxes as (ticked, caption) pairs; empty for any other answer."""
    return [(mark == TICKED, caption.strip()) for mark, caption in _TICK.findall(text)]


def is_unanswered(row: Row) -> bool:
    """True when the row's answer is blank or the Word placeholder."""
    return row.text.strip() in ("", PLACEHOLDER)


def run(text: str, props: str = "") -> str:
    """A run of text; line breaks become w:br."""
    pieces = [f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text.split("\n")]
    properties = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{properties}{'<w:br/>'.join(pieces)}</w:r>"


def paragraph(content: str, style: str | None = None) -> str:
    """A paragraph from runs (or inline controls)."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{content}</w:p>"


def cell(content: str, span: int = 1, width: int = 3000) -> str:
    """A table cell holding paragraphs; `span` grid columns wide."""
    spans = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    props = f'<w:tcPr><w:tcW w:w="{width * span}" w:type="dxa"/>{spans}</w:tcPr>'
    return f"<w:tc>{props}{content or '<w:p/>'}</w:tc>"


def table(rows: list[list[str]], columns: int, width: int = 3000) -> str:
    """A bordered table of already-built cells."""
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
    body = "".join(f"<w:tr>{''.join(row)}</w:tr>" for row in rows)
    props = (
        f'<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
    )
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def text_paragraphs(text: str) -> str:
    """Each line of a plain answer as its own paragraph."""
    return "".join(paragraph(run(line)) for line in text.split("\n"))


def append_body(document: Any, snippets: list[str]) -> None:
    """Add body-level XML (paragraphs and tables) before the section properties."""
    body = document.element.body
    for snippet in snippets:
        root = re.match(r"<(w:\w+)", snippet)
        assert root is not None
        tag = root.group(1)
        element = parse_xml(snippet.replace(f"<{tag}", f"<{tag} {NAMESPACES}", 1))
        body.insert(len(body) - 1, element)
