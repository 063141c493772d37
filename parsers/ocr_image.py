"""Image attachments (.png, .jpg, .tif), recognised by their first bytes and read by OCR."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageSequence, UnidentifiedImageError

from parsers.document import Block, ParsedDocument
from parsers.errors import CorruptDocument, DocumentTooLarge, EmptyDocument
from parsers.ocr import MAX_OCR_PAGES, MAX_PIXELS, OcrBudget, ocr_page
from parsers.ocr_blocks import OcrBlockReader
from parsers.ocr_pages import stacked_pages
from parsers.text import is_blank

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
A4_WIDTH_POINTS = 595.0
"""An image is taken to be as wide as a page of A4, which fixes its scale in points."""


def is_image(data: bytes) -> bool:
    """True for PNG, JPEG or TIFF bytes."""
    return data.startswith(_IMAGE_MAGIC)


def parse_image(data: bytes, source: str) -> ParsedDocument:
    """OCR every page of an image (each frame, and each page of a tall stacked capture);
    raise a ParseError subclass when it cannot be read."""
    tables = iter(range(1, 1_000_000))
    reader = OcrBlockReader(source, lambda: next(tables))
    budget = OcrBudget.start()
    blocks: list[Block] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if getattr(image, "n_frames", 1) > MAX_OCR_PAGES:
                raise DocumentTooLarge(f"The image has more than {MAX_OCR_PAGES} pages.")
            pages = _pages(image)
            for number, page in enumerate(pages, start=1):
                if number > MAX_OCR_PAGES:
                    raise DocumentTooLarge(f"The image has more than {MAX_OCR_PAGES} pages.")
                scanned = ocr_page(page, A4_WIDTH_POINTS / page.width, budget)
                blocks.extend(reader.read(scanned, number if len(pages) > 1 else None))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DocumentTooLarge("The image is larger than the service reads.") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise CorruptDocument("The image is damaged and cannot be read.") from exc
    if not any(not is_blank(block.text) for block in blocks):
        raise EmptyDocument("The image contains no readable text.")
    return ParsedDocument(source=source, format="image", blocks=blocks)


def _pages(image: Image.Image) -> list[Image.Image]:
    """Every frame of the image in greyscale, tall frames cut into their stacked pages."""
    pages: list[Image.Image] = []
    for frame in ImageSequence.Iterator(image):
        if frame.width * frame.height > MAX_PIXELS:
            raise DocumentTooLarge("The image is larger than the service reads.")
        pages.extend(stacked_pages(frame.convert("L")))
    return pages
