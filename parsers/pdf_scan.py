"""Pages of a PDF with no text layer (scans): rendered with pypdfium2 and read by OCR."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pypdfium2  # type: ignore[import-untyped]

from parsers.document import Block
from parsers.errors import DocumentTooLarge
from parsers.ocr import MAX_OCR_PAGES, MAX_PIXELS, OcrBudget, ocr_page
from parsers.ocr_blocks import OcrBlockReader

OCR_DPI = 200


class PageScanner:
    """OCR for the scanned pages of one PDF, within the page and time limits."""

    def __init__(self, data: bytes, source: str) -> None:
        self.data = data
        self.source = source
        self.document: pypdfium2.PdfDocument | None = None
        self.budget: OcrBudget | None = None
        self.reader: OcrBlockReader | None = None
        self.pages = 0

    def read(self, page: Any, next_table: Callable[[], int]) -> list[Block]:
        """The blocks OCR finds on a pdfplumber page (numbered from 1)."""
        self.pages += 1
        if self.pages > MAX_OCR_PAGES:
            raise DocumentTooLarge(f"The scan has more than {MAX_OCR_PAGES} pages to read.")
        if self.document is None or self.budget is None or self.reader is None:
            self.document = pypdfium2.PdfDocument(self.data)
            self.budget = OcrBudget.start()
            self.reader = OcrBlockReader(self.source, next_table)
        pdf_page = self.document[page.page_number - 1]
        width, height = pdf_page.get_size()
        scale = min(OCR_DPI / 72, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
        image = pdf_page.render(scale=scale, grayscale=True).to_pil()
        scanned = ocr_page(image, 1 / scale, self.budget)
        return self.reader.read(scanned, page.page_number)

    def close(self) -> None:
        """Release the rendering library's copy of the document."""
        if self.document is not None:
            self.document.close()
