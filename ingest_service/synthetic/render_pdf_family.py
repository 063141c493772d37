"""The PDF family of extra corpus layouts: fillable and unruled PDFs and scans, each with
the truth layout name the benchmark reports it under."""

from __future__ import annotations

import email
import shutil
from email.message import EmailMessage
from email.policy import default

from ingest_service.synthetic.model import Case
from ingest_service.synthetic.render_docx_family import SpecialLayout
from ingest_service.synthetic.render_email import render_email
from ingest_service.synthetic.render_pdf_fillable import render_pdf_fillable
from ingest_service.synthetic.render_pdf_unruled import render_pdf_unruled
from ingest_service.synthetic.render_scan import render_scan_pdf, render_scan_png


def _fillable(case: Case) -> tuple[str, bytes]:
    return "pdf", render_pdf_fillable(case)


def _unruled(case: Case) -> tuple[str, bytes]:
    return "pdf", render_pdf_unruled(case)


def _scan_pdf(case: Case) -> tuple[str, bytes]:
    return "pdf", render_scan_pdf(case)


def _scan_png_email(case: Case) -> tuple[str, bytes]:
    """The covering email with the scan attached as a .png in place of the PDF."""
    message = email.message_from_bytes(render_email(case, "pdf"), policy=default)
    assert isinstance(message, EmailMessage)
    for part in message.iter_attachments():
        name = (part.get_filename() or "scan.pdf").removesuffix(".pdf")
        part.set_content(
            render_scan_png(case), maintype="image", subtype="png", filename=f"{name}.png"
        )
    return "eml", message.as_bytes()


OCR_LAYOUTS = frozenset({"S-scan", "S-scan-png"})
"""Truth layouts read back by OCR: scored on their own, below the text layouts' bar."""


def can_read_scans() -> bool:
    """True when Tesseract is installed to read the scans back."""
    return shutil.which("tesseract") is not None


PDF_FAMILY: tuple[SpecialLayout, ...] = (
    SpecialLayout("C-fillable", "C", False, _fillable),
    SpecialLayout("C-unruled", "C", False, _unruled),
    SpecialLayout("S-scan", "C", False, _scan_pdf, can_read_scans),
    SpecialLayout("S-scan-png", "C", True, _scan_png_email, can_read_scans),
)
"""C-fillable: answers only in AcroForm fields; C-unruled: no ruling, labels above or beside;
S-scan: the printed form scanned into an image-only PDF; S-scan-png: the scan as a .png
attached to the covering email."""
