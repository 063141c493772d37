""".doc, .rtf and .odt through LibreOffice headless; the time limit; OLE files told apart."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import olefile
import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from bench.scoring import flatten_fields
from ingest_service.synthetic.cases import generate_case
from ingest_service.synthetic.model import Case
from ingest_service.synthetic.render_docx import render_docx
from parsers import libreoffice
from parsers.dispatch import parse_attachment
from parsers.errors import ConversionFailed, EncryptedDocument, UnsupportedFormat
from parsers.extraction import extract_fields
from parsers.form_schema import FormSchema
from parsers.libreoffice import convert_document, convert_to_docx, find_soffice
from tests.parsers.builders import docx, para

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
FORMATS = ("doc", "rtf", "odt")


@pytest.fixture(scope="module")
def case() -> Case:
    """One fictional referral with tick boxes and a blank section."""
    return generate_case(31, form_layout="A", emailed=False, blank_sections=("history",))


@pytest.fixture(scope="module")
def legacy_files(case: Case) -> dict[str, bytes]:
    """The referral saved by LibreOffice as .doc, .rtf and .odt."""
    return {kind: convert_document(render_docx(case), "docx", kind) for kind in FORMATS}


@needs_soffice
@pytest.mark.parametrize("kind", FORMATS)
def test_legacy_formats_extract_as_the_docx_does(
    schema: FormSchema, case: Case, legacy_files: dict[str, bytes], kind: str
) -> None:
    document = parse_attachment(f"referral.{kind}", "", legacy_files[kind])
    assert document.format == kind
    fields = extract_fields(document, schema).output_fields()
    assert flatten_fields(fields) == flatten_fields(case.truth["fields"])


@needs_soffice
def test_a_legacy_doc_is_recognised_by_its_ole_streams(legacy_files: dict[str, bytes]) -> None:
    assert parse_attachment("no-extension", "", legacy_files["doc"]).format == "doc"


@needs_soffice
def test_a_doc_marked_encrypted_is_refused_unopened(legacy_files: dict[str, bytes]) -> None:
    ole = olefile.OleFileIO(io.BytesIO(legacy_files["doc"]))
    header = bytearray(ole.openstream("WordDocument").read())
    ole.close()
    header[0x0B] |= 0x01  # fEncrypted in the FIB flags
    patched = io.BytesIO(legacy_files["doc"])
    with olefile.OleFileIO(patched, write_mode=True) as writable:
        writable.write_stream("WordDocument", bytes(header))
    with pytest.raises(EncryptedDocument):
        parse_attachment("referral.doc", "", patched.getvalue())


def test_encrypted_docx_is_reported_as_encrypted() -> None:
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(docx(para("Referral")))).encrypt("fictional-password", encrypted)
    for name in ("referral.docx", "referral.doc"):
        with pytest.raises(EncryptedDocument):
            parse_attachment(name, "", encrypted.getvalue())


def test_conversion_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    """A hanging converter (and the child it started) is killed after the time limit."""
    pid_file = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {pid_file}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    start = time.monotonic()
    with pytest.raises(ConversionFailed, match="too long"):
        convert_to_docx(b"{\\rtf1 hello}", "rtf", soffice=str(fake), timeout=1.0)
    assert time.monotonic() - start < 10
    child = int(pid_file.read_text(encoding="utf-8"))
    assert not _running(child)


def test_missing_libreoffice_is_one_recorded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    with pytest.raises(ConversionFailed, match=r"cannot read \.rtf"):
        parse_attachment("referral.rtf", "", b"{\\rtf1\\ansi Name: Sam}")


def test_other_ole_files_are_unsupported() -> None:
    with pytest.raises(UnsupportedFormat):
        parse_attachment("sheet.xls", "", _ole_without_word_document())


def _ole_without_word_document() -> bytes:
    """The encrypted-docx container with its streams renamed away: an OLE file that is
    neither Word nor encrypted OOXML."""
    buffer = io.BytesIO()
    OOXMLFile(io.BytesIO(docx(para("Referral")))).encrypt("fictional-password", buffer)
    data = buffer.getvalue()
    for name in ("EncryptionInfo", "EncryptedPackage"):
        encoded = name.encode("utf-16-le")
        data = data.replace(encoded, ("Workbook" + "x" * (len(name) - 8)).encode("utf-16-le"))
    return data


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        return False
    return "State:\tZ" not in status.read_text(encoding="utf-8")
