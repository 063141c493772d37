"""Reading .doc, .rtf and .odt: recognised by their bytes, checked, converted to .docx by
LibreOffice, then read by the .docx parser."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from typing import Literal

from parsers.document import ParsedDocument
from parsers.docx_parser import MAX_ENTRIES, MAX_UNCOMPRESSED_BYTES, parse_docx
from parsers.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
    MacroEnabledDocument,
    UnsupportedFormat,
)
from parsers.libreoffice import convert_to_docx
from parsers.ole import ole_kind

LegacyFormat = Literal["doc", "rtf", "odt"]
_ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"
_ODT_MACRO_FOLDERS = ("Basic/", "Scripts/")


def is_rtf(data: bytes) -> bool:
    """True for a Rich Text Format document."""
    return data.lstrip()[:5] == b"{\\rtf"


def is_odt(data: bytes) -> bool:
    """True for an OpenDocument text file (its stored "mimetype" entry comes first)."""
    return data[30 : 30 + len(_ODT_MIMETYPE)] == _ODT_MIMETYPE


def parse_ole_document(data: bytes, source: str) -> ParsedDocument:
    """A legacy .doc converted and parsed; encrypted, macro-carrying or non-Word OLE files
    are refused without being opened."""
    kind = ole_kind(data)
    if kind == "encrypted":
        raise EncryptedDocument()
    if kind == "macros":
        raise MacroEnabledDocument()
    if kind == "other":
        raise UnsupportedFormat(
            "This is an old Office file that is not a Word document; please send a .docx or .pdf."
        )
    return parse_converted(data, source, "doc")


def parse_odt(data: bytes, source: str) -> ParsedDocument:
    """An OpenDocument text file, within the zip limits and without macros, converted and
    parsed."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise CorruptDocument("The document is damaged and cannot be opened.") from exc
    if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
        raise DocumentTooLarge("The document expands beyond the size the service accepts.")
    if any(i.filename.startswith(_ODT_MACRO_FOLDERS) and not i.is_dir() for i in infos):
        raise MacroEnabledDocument()
    return parse_converted(data, source, "odt")


def parse_converted(data: bytes, source: str, kind: LegacyFormat) -> ParsedDocument:
    """Convert with LibreOffice and parse the .docx; the document keeps its own format name."""
    document = parse_docx(convert_to_docx(data, kind), source)
    return dataclasses.replace(document, format=kind)
