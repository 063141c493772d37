"""Choosing a parser by content, size limits, and the PDF reader on generated PDFs."""

from __future__ import annotations

import io

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from parsers.dispatch import MAX_ATTACHMENT_BYTES, parse_attachment
from parsers.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    MacroEnabledDocument,
    UnsupportedFormat,
)
from parsers.magic import OLE_MAGIC
from parsers.pdf_parser import MAX_PAGES, parse_pdf
from tests.parsers.builders import docx, para


def _pdf(lines: list[tuple[float, str]], pages: int = 1, password: str | None = None) -> bytes:
    buffer = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption(password) if password else None
    pdf = canvas.Canvas(buffer, encrypt=encrypt)
    for _ in range(pages):
        for x, text in lines:
            pdf.drawString(x, 700, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_docx_and_pdf_are_recognised_by_content() -> None:
    octet = "application/octet-stream"
    assert parse_attachment("form.DOCX", octet, docx(para("Hello"))).format == "docx"
    assert parse_attachment("form", "", _pdf([(72, "Hello")])).format == "pdf"


def test_empty_wrong_and_oversized_attachments() -> None:
    with pytest.raises(EmptyDocument):
        parse_attachment("form.docx", "", b"")
    with pytest.raises(UnsupportedFormat):
        parse_attachment("animation.gif", "image/gif", b"GIF89a animation")
    with pytest.raises(CorruptDocument):
        parse_attachment("form.docx", "", b"this is not a word document")
    with pytest.raises(DocumentTooLarge):
        parse_attachment("form.pdf", "", b"%PDF-" + b"0" * MAX_ATTACHMENT_BYTES)


def test_macro_and_ole_attachments() -> None:
    with pytest.raises(MacroEnabledDocument):
        parse_attachment("form.docm", "", docx(para("Hello")))
    with pytest.raises(CorruptDocument):
        parse_attachment("form.doc", "application/msword", OLE_MAGIC + b"\x00" * 512)
    with pytest.raises(UnsupportedFormat):
        parse_attachment("sheet.xlsx", "", docx(para("Hello")))


def test_pdf_label_and_value_split_by_layout() -> None:
    document = parse_pdf(_pdf([(72, "Your name"), (250, "Ann Smith")]), "f.pdf")
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("cell", "Your name"),
        ("cell", "Ann Smith"),
    ]
    assert document.blocks[0].provenance.page == 1


def test_pdf_errors() -> None:
    with pytest.raises(EncryptedDocument):
        parse_pdf(_pdf([(72, "Name: Ann")], password="secret"), "f.pdf")
    with pytest.raises(EmptyDocument):
        parse_pdf(_pdf([]), "f.pdf")
    with pytest.raises(CorruptDocument):
        parse_pdf(b"%PDF-1.4 truncated", "f.pdf")
    with pytest.raises(DocumentTooLarge):
        parse_pdf(_pdf([(72, "x")], pages=MAX_PAGES + 1), "f.pdf")


def test_error_messages_carry_no_content() -> None:
    with pytest.raises(EncryptedDocument) as caught:
        parse_pdf(_pdf([(72, "Ann Smith")], password="secret"), "Ann Smith.pdf")
    assert "Ann" not in str(caught.value)
