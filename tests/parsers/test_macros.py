"""Documents carrying macros: recorded as macro-laden and never opened, by LibreOffice or
by the .docx reader, whatever their name says."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from ingest_service.synthetic.cases import generate_case
from ingest_service.synthetic.render_docx import render_docx
from parsers import libreoffice, libreoffice_formats
from parsers.dispatch import parse_attachment
from parsers.errors import MacroEnabledDocument
from parsers.form_schema import FormSchema
from parsers.libreoffice import convert_document, find_soffice
from parsers.referral_file import extract_path

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
DOCM_TYPE = "application/vnd.ms-word.document.macroEnabled.12"


@pytest.fixture(scope="module")
def referral_docx() -> bytes:
    return render_docx(generate_case(77, form_layout="A", emailed=False))


@pytest.fixture
def no_conversion(monkeypatch: pytest.MonkeyPatch) -> None:
    """LibreOffice must not be started: any conversion fails the test."""

    def refuse(*_: object, **__: object) -> bytes:
        raise AssertionError("a macro-carrying document was handed to LibreOffice")

    monkeypatch.setattr(libreoffice_formats, "convert_to_docx", refuse)
    monkeypatch.setattr(libreoffice, "convert_document", refuse)


def _with_macro_storage(doc: bytes) -> bytes:
    """A legacy .doc whose "1Table" entry is renamed "Macros" (same length, so the
    compound file stays valid): to the reader, a .doc carrying a VBA project."""
    table, macros = "1Table".encode("utf-16-le"), "Macros".encode("utf-16-le")
    assert doc.count(table) == 1
    return doc.replace(table, macros)


def _docx_with_vba(data: bytes) -> bytes:
    """The .docx with a VBA project part added, as Word saves a .docm."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/vbaProject.bin", b"fictional VBA project")
    return out.getvalue()


@needs_soffice
def test_a_legacy_doc_with_macros_is_refused_unconverted(
    referral_docx: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = _with_macro_storage(convert_document(referral_docx, "docx", "doc"))
    calls: list[object] = []
    monkeypatch.setattr(libreoffice_formats, "convert_to_docx", lambda *a: calls.append(a))
    for name in ("referral.doc", "no-extension", "referral.docx"):
        with pytest.raises(MacroEnabledDocument):
            parse_attachment(name, "application/msword", doc)
    assert calls == []


@pytest.mark.usefixtures("no_conversion")
@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("referral.docm", ""),
        ("referral.DOTM", ""),
        ("referral", DOCM_TYPE),
        ("referral.docx", DOCM_TYPE),
    ],
)
def test_docm_by_name_or_type_is_refused(
    referral_docx: bytes, name: str, content_type: str
) -> None:
    with pytest.raises(MacroEnabledDocument):
        parse_attachment(name, content_type, referral_docx)


@pytest.mark.usefixtures("no_conversion")
def test_a_docx_named_file_with_a_vba_project_is_refused(referral_docx: bytes) -> None:
    with pytest.raises(MacroEnabledDocument):
        parse_attachment("referral.docx", "", _docx_with_vba(referral_docx))


@pytest.mark.usefixtures("no_conversion")
def test_an_emailed_docm_is_recorded_as_macro_laden(
    referral_docx: bytes, schema: FormSchema, tmp_path: Path
) -> None:
    """The email's other content is still read; the attachment is reported, not opened."""
    message = EmailMessage()
    message["From"] = "dsl@example.org"
    message["To"] = "lado@example.gov.uk"
    message["Subject"] = "LADO referral"
    message.set_content("Please find the referral form attached.")
    message.add_attachment(
        _docx_with_vba(referral_docx),
        maintype="application",
        subtype="vnd.ms-word.document.macroEnabled.12",
        filename="referral.docm",
    )
    path = tmp_path / "referral.eml"
    path.write_bytes(message.as_bytes())
    result = extract_path(path, schema)
    assert result.errors == [f"attachment 1 (.docm): {MacroEnabledDocument.default_message}"]
    assert "contains macros" in result.to_json()["errors"][0]  # type: ignore[index]


def test_libreoffice_profile_disables_macros() -> None:
    """Whatever LibreOffice does open runs with macros off and at the highest security."""
    settings = libreoffice._PROFILE_SETTINGS
    assert '"DisableMacrosExecution" oor:op="fuse"><value>true</value>' in settings
    assert '"MacroSecurityLevel" oor:op="fuse"><value>3</value>' in settings
