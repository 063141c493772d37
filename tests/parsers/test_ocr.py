"""Scans read by OCR: lower confidence and a mark for checking, images through dispatch,
and the page, pixel and time limits."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from bench.scoring import ExtractionScore
from ingest_service.synthetic.cases import generate_case
from ingest_service.synthetic.render_pdf_family import PDF_FAMILY
from ingest_service.synthetic.render_scan import render_scan_pdf
from parsers import ocr, pdf_scan
from parsers.dispatch import parse_attachment
from parsers.errors import CorruptDocument, DocumentTooLarge, EmptyDocument, ScanNotRead
from parsers.form_schema import FormSchema
from parsers.ocr import OCR_CONFIDENCE, OCR_MARK, OcrLine, OcrPage
from parsers.ocr_blocks import OcrBlockReader
from parsers.ocr_cleanup import Ruling
from parsers.pdf_parser import parse_pdf
from parsers.pdf_words import Word
from parsers.referral_file import extract_path

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Tesseract is not installed"
)
OCR_FLOOR = 0.95


def _image_pdf(pages: int, size: tuple[int, int] = (200, 280)) -> bytes:
    """A PDF of blank page images, with no text layer."""
    first, *rest = [Image.new("L", size, 255) for _ in range(pages)]
    out = io.BytesIO()
    first.save(out, "PDF", resolution=50, save_all=True, append_images=rest)
    return out.getvalue()


def _png(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("L", size, 255).save(out, "PNG")
    return out.getvalue()


@needs_tesseract
def test_scans_extract_flagged_and_never_pass_incomplete(
    schema: FormSchema, tmp_path: Path
) -> None:
    """A scanned PDF and a .png emailed: fields read with capped confidence, marked for
    checking; exactly the sections the referral leaves incomplete are reported (a
    complete section is not judged incomplete)."""
    score = ExtractionScore()
    for number, layout in enumerate(PDF_FAMILY[2:], start=1):
        case = generate_case(
            40 + number,
            name=f"scan-{number}",
            form_layout="C",
            emailed=layout.emailed,
            blank_sections=["history"],
        )
        suffix, data = layout.render(case)
        path = tmp_path / f"scan-{number}.{suffix}"
        path.write_bytes(data)
        result = extract_path(path, schema)
        output = result.to_json()
        score.add(output, case.truth)
        assert result.errors == []
        assert set(result.missing.missing_sections) == set(case.truth["missing_sections"])
        assert all(f.confidence <= OCR_CONFIDENCE for f in result.extraction.fields.values())
        assert all(OCR_MARK in f.source for f in result.extraction.fields.values())
    figures = score.fields.figures()
    print(f"\nOCR fields: {figures}")
    assert figures["f1"] >= OCR_FLOOR


@needs_tesseract
def test_scanned_page_blocks_carry_lower_confidence() -> None:
    case = generate_case(5, name="scan-blocks", form_layout="C", emailed=False)
    document = parse_pdf(render_scan_pdf(case), "scan.pdf")
    texts = [block.text for block in document.blocks]
    assert any(case.referrer.name in text for text in texts)
    assert all(block.confidence <= OCR_CONFIDENCE for block in document.blocks)
    assert document.blocks[0].provenance.describe().startswith("scan.pdf page 1 OCR line 1")


@needs_tesseract
def test_blank_scans_are_empty() -> None:
    with pytest.raises(EmptyDocument):
        parse_pdf(_image_pdf(1), "scan.pdf")
    with pytest.raises(EmptyDocument):
        parse_attachment("photo.png", "image/png", _png((300, 400)))


def test_images_are_recognised_by_content() -> None:
    with pytest.raises(CorruptDocument):
        parse_attachment("photo.jpg", "image/jpeg", b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(CorruptDocument):
        parse_attachment("scan", "", b"\x89PNG\r\n\x1a\n damaged")


def test_page_pixel_and_time_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DocumentTooLarge):
        parse_attachment("huge.png", "image/png", _png((7000, 7000)))
    monkeypatch.setattr(pdf_scan, "MAX_OCR_PAGES", 2)
    with pytest.raises(DocumentTooLarge):
        parse_pdf(_image_pdf(3, size=(1, 1)), "scan.pdf")
    monkeypatch.setattr(ocr, "OCR_SECONDS_PER_DOCUMENT", 0.0)
    with pytest.raises(DocumentTooLarge) as caught:
        parse_attachment("Alex Example.png", "image/png", _png((300, 400)))
    assert "Alex" not in str(caught.value)


def test_missing_tesseract_is_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _: None)
    with pytest.raises(ScanNotRead):
        parse_attachment("scan.png", "image/png", _png((300, 400)))


def test_placeholder_misread_by_ocr_is_blank() -> None:
    """Word's prompt, with a space read as a full stop, is still no answer."""
    words = [("Employer", 50.0, 90.0), ("Click", 200.0, 220.0), ("or", 222.0, 230.0)]
    words += [("tap", 232.0, 245.0), ("here", 247.0, 262.0), ("to", 264.0, 272.0)]
    words += [("enter.text.", 274.0, 310.0)]
    line = OcrLine([Word(text, x0, x1, 100.0, 110.0, size=10.0) for text, x0, x1 in words], 90.0)
    page = OcrPage([line], Ruling(np.zeros((1, 1), dtype=bool), 1.0))
    tables = iter(range(1, 10))
    blocks = OcrBlockReader("scan.png", lambda: next(tables)).read(page, None)
    assert [(b.kind, b.text) for b in blocks] == [("cell", "Employer"), ("cell", "")]
