"""Blocks from OCR lines: paired by position like PDF text, flagged and of lower confidence."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from parsers.document import Block, Provenance
from parsers.ocr import OCR_MARK, OcrPage, ocr_confidence
from parsers.pdf_words import LineReader

_PLACEHOLDER = re.compile(
    r"click\W*(?:or\W*tap\W*)?here\W*to\W*enter\W*(?:a\W*)?(?:text|date)\W*", re.IGNORECASE
)
"""Word's placeholder prompt as OCR may print it ("Click or tap here to enter.text.")."""


class OcrBlockReader:
    """Numbers OCR lines across a document; each block says it was read by OCR."""

    def __init__(self, source: str, next_table: Callable[[], int]) -> None:
        self.source = source
        self.next_table = next_table
        self.lines = 0

    def read(self, scanned: OcrPage, page: int | None) -> list[Block]:
        """The page's blocks in reading order, each capped at the page's OCR confidence."""

        def where() -> Provenance:
            self.lines += 1
            return Provenance(self.source, page, f"OCR line {self.lines} ({OCR_MARK})")

        confidence = ocr_confidence(scanned)
        ruling = scanned.ruling
        reader = LineReader(where, self.next_table, ruling.between, ruling.columns)
        placed = reader.read([line.words for line in scanned.lines])
        return [
            dataclasses.replace(
                item.block, text=_PLACEHOLDER.sub("", item.block.text), confidence=confidence
            )
            for item in placed
        ]
