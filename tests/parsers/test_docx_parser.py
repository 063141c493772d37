"""The .docx reader: structure, tick boxes, placeholders and hostile files."""

from __future__ import annotations

import io
import zipfile

import pytest

from parsers.docx_parser import MAX_UNCOMPRESSED_BYTES, parse_docx
from parsers.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    MacroEnabledDocument,
    UnsupportedFormat,
)
from parsers.magic import OLE_MAGIC
from tests.parsers.builders import cell, docx, pair_row, para, table


def test_paragraphs_and_cells_in_reading_order() -> None:
    body = para("Title") + table([cell(para("Section 1"), span=2)], pair_row("Name", "Ann"))
    document = parse_docx(docx(body), "form.docx")
    assert [(b.kind, b.text, b.row, b.col) for b in document.blocks] == [
        ("paragraph", "Title", None, None),
        ("cell", "Section 1", 1, 1),
        ("cell", "Name", 2, 1),
        ("cell", "Ann", 2, 2),
    ]
    assert document.blocks[3].provenance.describe() == "form.docx table 1 row 2"


def test_vertically_merged_cells_appear_once_and_nested_tables_are_read() -> None:
    nested = table(pair_row("Age", "9"))
    body = table(
        [cell(para("Child"), merge="restart"), cell(para("Leo") + nested)],
        [cell("", merge=""), cell(para("more"))],
    )
    blocks = parse_docx(docx(body), "f.docx").blocks
    texts = [(b.table, b.row, b.col, b.text) for b in blocks]
    assert (1, 1, 1, "Child") in texts
    assert (1, 2, 2, "more") in texts
    assert not any(t[:3] == (1, 2, 1) for t in texts)
    assert (2, 1, 2, "9") in texts


def test_tick_boxes_become_characters() -> None:
    legacy = (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="0"/>'
        "<w:checked/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:t>Physical</w:t></w:r>"
    )
    control = (
        '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="0"/></w14:checkbox></w:sdtPr>'
        "<w:sdtContent><w:r><w:t>\u2610</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:r><w:t>Sexual</w:t></w:r>"
    )
    blocks = parse_docx(docx(f"<w:p>{legacy}{control}</w:p>"), "f.docx").blocks
    assert blocks[0].text == "\u2612Physical\u2610Sexual"


def test_placeholders_count_as_empty() -> None:
    control = (
        "<w:p><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r>"
        "<w:t>Some prompt</w:t></w:r></w:sdtContent></w:sdt></w:p>"
    )
    body = table(
        pair_row("Email", "Click or tap here to enter text."), [cell(para("x")), cell(control)]
    )
    cells = [b.text for b in parse_docx(docx(body), "f.docx").blocks]
    assert cells == ["Email", "", "x", ""]


def test_macro_project_is_refused() -> None:
    data = docx(para("Hello"), {"word/vbaProject.bin": b"\x00" * 10})
    with pytest.raises(MacroEnabledDocument):
        parse_docx(data, "f.docx")


def test_corrupt_zip_is_refused() -> None:
    with pytest.raises(CorruptDocument):
        parse_docx(b"PK\x03\x04" + b"\x00" * 40, "f.docx")


def test_zip_without_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(CorruptDocument):
        parse_docx(buffer.getvalue(), "f.docx")


def test_zip_bomb_is_refused_before_expanding() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"\x00" * (MAX_UNCOMPRESSED_BYTES + 1))
    assert len(buffer.getvalue()) < 1024 * 1024
    with pytest.raises(DocumentTooLarge):
        parse_docx(buffer.getvalue(), "f.docx")


def test_entity_declarations_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    with pytest.raises(CorruptDocument):
        parse_docx(buffer.getvalue(), "f.docx")


def test_encrypted_ooxml_and_legacy_doc() -> None:
    encrypted = OLE_MAGIC + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedDocument):
        parse_docx(encrypted, "f.docx")
    with pytest.raises(UnsupportedFormat):
        parse_docx(OLE_MAGIC + b"\x00" * 512, "f.doc")


def test_document_without_text_is_empty() -> None:
    with pytest.raises(EmptyDocument):
        parse_docx(docx("<w:p/>" + table(pair_row("", ""))), "f.docx")
