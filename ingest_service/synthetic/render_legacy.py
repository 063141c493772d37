"""Legacy word-processor files (.doc, .rtf, .odt) made from a generated .docx by LibreOffice."""

from __future__ import annotations

from typing import Literal, get_args

from ingest_service.synthetic.model import Case
from ingest_service.synthetic.render_docx import render_docx
from parsers.libreoffice import convert_document, find_soffice

LegacyLayout = Literal["L-doc", "L-rtf", "L-odt"]
LEGACY_LAYOUTS: tuple[LegacyLayout, ...] = get_args(LegacyLayout)


def can_render_legacy() -> bool:
    """True when LibreOffice is installed (legacy files are skipped otherwise)."""
    return find_soffice() is not None


def render_legacy(case: Case, layout: LegacyLayout) -> tuple[str, bytes]:
    """The case's .docx (layout A or B) converted by LibreOffice: file suffix and bytes."""
    suffix = layout.removeprefix("L-")
    return suffix, convert_document(render_docx(case), "docx", suffix)
