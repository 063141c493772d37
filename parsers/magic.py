"""Recognising file types by their first bytes."""

from __future__ import annotations

from parsers.errors import EncryptedDocument, ParseError, UnsupportedFormat

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def is_zip(data: bytes) -> bool:
    """True for a zip container (docx and other Office Open XML files)."""
    return data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC))


def is_pdf(data: bytes) -> bool:
    """True for a PDF (the header may follow a little junk, as readers allow)."""
    return PDF_MAGIC in data[:1024]


def is_ole(data: bytes) -> bool:
    """True for an OLE compound file: legacy .doc/.xls or password-protected OOXML."""
    return data.startswith(OLE_MAGIC)


def ole_error(data: bytes) -> ParseError:
    """The error for an OLE compound file: encrypted OOXML, or a legacy Office format."""
    if _ENCRYPTED_PACKAGE in data:
        return EncryptedDocument()
    return UnsupportedFormat(
        "This is a legacy Word (.doc) or other old Office file; please save it as .docx or .pdf."
    )
