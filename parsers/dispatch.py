"""Choosing the parser for an attachment by its bytes and name, within size limits."""

from __future__ import annotations

from pathlib import PurePath

from parsers.document import ParsedDocument
from parsers.docx_parser import parse_docx
from parsers.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    MacroEnabledDocument,
    UnsupportedFormat,
)
from parsers.libreoffice_formats import (
    is_odt,
    is_rtf,
    parse_converted,
    parse_odt,
    parse_ole_document,
)
from parsers.magic import is_ole, is_pdf, is_zip
from parsers.ocr_image import is_image, parse_image
from parsers.pdf_parser import parse_pdf

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
_MACRO_EXTENSIONS = (".docm", ".dotm", ".xlsm", ".pptm")
_DOCX_EXTENSIONS = (".docx", ".dotx")


def parse_attachment(filename: str, content_type: str, data: bytes) -> ParsedDocument:
    """Parse a .docx, .pdf, .doc, .rtf or .odt attachment, or an image (by OCR); raise a
    ParseError otherwise."""
    extension = PurePath(filename.lower()).suffix
    if not data:
        raise EmptyDocument("The attachment is empty.")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise DocumentTooLarge(
            f"The attachment is larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB."
        )
    if extension in _MACRO_EXTENSIONS or "macroenabled" in content_type.lower():
        raise MacroEnabledDocument()
    if is_pdf(data):
        return parse_pdf(data, filename)
    if is_ole(data):
        return parse_ole_document(data, filename)
    if is_rtf(data):
        return parse_converted(data, filename, "rtf")
    if is_image(data):
        return parse_image(data, filename)
    if is_zip(data):
        if extension in _DOCX_EXTENSIONS or "wordprocessingml" in content_type.lower():
            return parse_docx(data, filename)
        if is_odt(data):
            return parse_odt(data, filename)
        raise UnsupportedFormat()
    if extension in (*_DOCX_EXTENSIONS, ".pdf"):
        raise CorruptDocument("The file's content does not match its .docx or .pdf name.")
    raise UnsupportedFormat()
