"""Reading a PDF into blocks with pdfplumber: ruled tables as cells, other text as lines."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
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
from parsers.text import is_blank, join_wrapped, strip_placeholders

MAX_PAGES = 50
LABEL_GAP = 18.0
"""Horizontal gap (points) that separates a label from its value on an unruled line."""
_LINE_TOLERANCE = 3.0

logging.getLogger("pdfminer").setLevel(logging.ERROR)


@dataclass
class _Placed:
    """A block with its vertical position on the page, for ordering."""

    top: float
    blocks: list[Block]


def parse_pdf(data: bytes, source: str) -> ParsedDocument:
    """Parse PDF bytes; raise a ParseError subclass when the PDF cannot be used."""
    if not is_pdf(data):
        raise CorruptDocument("The file is not a valid PDF.")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise DocumentTooLarge(f"The PDF has more than {MAX_PAGES} pages.")
            reader = _PageReader(source)
            blocks = [block for page in pdf.pages for block in reader.read(page)]
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises many types; pdfplumber may wrap them
        if _is_encryption_error(exc):
            raise EncryptedDocument() from exc
        raise CorruptDocument("The PDF is damaged and cannot be read.") from exc
    if not any(not is_blank(block.text) for block in blocks):
        raise EmptyDocument("The PDF contains no text; it may be a scan, which is not yet read.")
    return ParsedDocument(source=source, format="pdf", blocks=blocks)


def _is_encryption_error(exc: BaseException) -> bool:
    """True when the error (or the one it wraps) is about a password or encryption."""
    causes = [exc, *(arg for arg in exc.args if isinstance(arg, BaseException))]
    if exc.__cause__ is not None:
        causes.append(exc.__cause__)
    return any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes)


class _PageReader:
    """Reads pages one by one, numbering tables across the whole document."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.tables = 0
        self.lines = 0

    def read(self, page: Any) -> list[Block]:
        number = page.page_number
        tables = page.find_tables()
        placed = [self._table(table, number) for table in tables]
        boxes = [table.bbox for table in tables]
        outside = page.filter(lambda obj: not _inside_any(obj, boxes))
        placed.extend(self._lines(outside, number))
        placed.sort(key=lambda item: item.top)
        return [block for item in placed for block in item.blocks]

    def _table(self, table: Any, page: int) -> _Placed:
        self.tables += 1
        blocks: list[Block] = []
        for row_no, row in enumerate(table.extract(), start=1):
            where = Provenance(self.source, page, f"table {self.tables} row {row_no}")
            for col_no, cell in enumerate(row, start=1):
                if cell is None:
                    continue
                text = join_wrapped(strip_placeholders(cell).splitlines())
                blocks.append(Block("cell", text, where, self.tables, row_no, col_no))
        return _Placed(table.bbox[1], blocks)

    def _lines(self, page: Any, number: int) -> list[_Placed]:
        """Text lines outside tables; a line split by a wide gap becomes a label/value pair."""
        placed: list[_Placed] = []
        for words in _group_lines(page.extract_words(keep_blank_chars=False)):
            chunks = _split_on_gaps(words)
            self.lines += 1
            where = Provenance(self.source, number, f"line {self.lines}")
            if len(chunks) == 2:
                self.tables += 1
                blocks = [
                    Block("cell", chunk, where, self.tables, 1, col)
                    for col, chunk in enumerate(chunks, start=1)
                ]
            else:
                blocks = [Block("paragraph", " ".join(chunks), where)]
            placed.append(_Placed(float(words[0]["top"]), blocks))
        return placed


def _inside_any(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _group_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into lines by their vertical position, each line left to right."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (float(w["top"]), float(w["x0"]))):
        if lines and abs(float(lines[-1][0]["top"]) - float(word["top"])) <= _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: float(w["x0"])) for line in lines]


def _split_on_gaps(words: list[dict[str, Any]]) -> list[str]:
    """The line's text, split where words are further apart than a label/value gap."""
    chunks: list[list[str]] = [[]]
    previous: dict[str, Any] | None = None
    for word in words:
        if previous is not None and float(word["x0"]) - float(previous["x1"]) > LABEL_GAP:
            chunks.append([])
        chunks[-1].append(str(word["text"]))
        previous = word
    return [" ".join(chunk) for chunk in chunks if chunk]
