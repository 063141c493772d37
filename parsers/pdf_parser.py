"""Reading a PDF into blocks with pdfplumber: ruled tables as cells, form fields from the
AcroForm, other text paired by position, and pages without a text layer through OCR."""

from __future__ import annotations

import io
import logging
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from parsers.document import Block, ParsedDocument, Provenance
from parsers.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    ParseError,
)
from parsers.magic import is_pdf
from parsers.pdf_forms import FormReader, page_widgets
from parsers.pdf_scan import PageScanner
from parsers.pdf_words import LineReader, Placed, Word, body_size, group_lines
from parsers.text import is_blank, join_wrapped, strip_placeholders

MAX_PAGES = 50

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def parse_pdf(data: bytes, source: str) -> ParsedDocument:
    """Parse PDF bytes; raise a ParseError subclass when the PDF cannot be used."""
    if not is_pdf(data):
        raise CorruptDocument("The file is not a valid PDF.")
    scanner = PageScanner(data, source)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise DocumentTooLarge(f"The PDF has more than {MAX_PAGES} pages.")
            reader = _PageReader(source, scanner)
            blocks = [block for page in pdf.pages for block in reader.read(page)]
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises many types; pdfplumber may wrap them
        if _is_encryption_error(exc):
            raise EncryptedDocument() from exc
        raise CorruptDocument("The PDF is damaged and cannot be read.") from exc
    finally:
        scanner.close()
    if not any(not is_blank(block.text) for block in blocks):
        raise EmptyDocument("The PDF contains no readable text.")
    return ParsedDocument(source=source, format="pdf", blocks=blocks)


def _is_encryption_error(exc: BaseException) -> bool:
    """True when the error (or the one it wraps) is about a password or encryption."""
    causes = [exc, *(arg for arg in exc.args if isinstance(arg, BaseException))]
    if exc.__cause__ is not None:
        causes.append(exc.__cause__)
    return any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes)


class _PageReader:
    """Reads pages one by one, numbering tables and lines across the whole document."""

    def __init__(self, source: str, scanner: PageScanner) -> None:
        self.source = source
        self.scanner = scanner
        self.tables = 0
        self.lines = 0
        self.page = 0

    def read(self, page: Any) -> list[Block]:
        self.page = page.page_number
        if not page.chars:
            if page.images:
                return self.scanner.read(page, self._next_table)
            return []
        tables = page.find_tables()
        placed = [item for table in tables for item in self._table(table)]
        boxes = [table.bbox for table in tables]
        outside = page.filter(lambda obj: not _inside_any(obj, boxes))
        words = _words(outside)
        body = body_size(words)
        widgets = page_widgets(page)
        if widgets:
            fields, words = FormReader(self._field_place).read(widgets, words)
            placed.extend(fields)
        lines = LineReader(self._line_place, self._next_table)
        placed.extend(lines.read(group_lines(words), body))
        placed.sort(key=lambda item: item.top)
        return [item.block for item in placed]

    def _next_table(self) -> int:
        self.tables += 1
        return self.tables

    def _line_place(self) -> Provenance:
        self.lines += 1
        return Provenance(self.source, self.page, f"line {self.lines}")

    def _field_place(self, location: str) -> Provenance:
        return Provenance(self.source, self.page, location)

    def _table(self, table: Any) -> list[Placed]:
        number = self._next_table()
        top = float(table.bbox[1])
        placed: list[Placed] = []
        for row_no, row in enumerate(table.extract(), start=1):
            where = Provenance(self.source, self.page, f"table {number} row {row_no}")
            for col_no, cell in enumerate(row, start=1):
                if cell is None:
                    continue
                text = join_wrapped(strip_placeholders(cell).splitlines())
                placed.append(Placed(top, Block("cell", text, where, number, row_no, col_no)))
        return placed


def _words(page: Any) -> list[Word]:
    """The page's words with their boxes and fonts."""
    return [
        Word(
            str(w["text"]),
            float(w["x0"]),
            float(w["x1"]),
            float(w["top"]),
            float(w["bottom"]),
            bold="bold" in str(w.get("fontname", "")).lower(),
            size=float(w.get("size") or 0.0),
        )
        for w in page.extract_words(keep_blank_chars=False, extra_attrs=["fontname", "size"])
    ]


def _inside_any(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)
