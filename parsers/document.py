"""One document model for every input format: blocks of text in reading order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["paragraph", "cell", "form_field", "checkbox"]


@dataclass(frozen=True)
class Provenance:
    """Where a block came from: file, page (PDF only) and a readable location."""

    file: str
    page: int | None
    location: str

    def describe(self) -> str:
        """A human-readable reference, e.g. "referral.pdf page 2 table 1 row 3"."""
        page = f" page {self.page}" if self.page is not None else ""
        return f"{self.file}{page} {self.location}".strip()


@dataclass(frozen=True)
class Block:
    """A piece of text: a paragraph, a table cell, a form field's value or a tick box."""

    kind: BlockKind
    text: str
    provenance: Provenance
    table: int | None = None
    row: int | None = None
    col: int | None = None
    checked: bool | None = None
    label: str | None = None
    """For form fields and tick boxes: the field's own name or caption, when it has one."""
    confidence: float = 1.0
    """How far the text itself can be trusted: 1.0 as read from the file, lower from OCR."""


@dataclass(frozen=True)
class ParsedDocument:
    """A parsed document: its source name, format ("docx", "pdf", "email") and its blocks."""

    source: str
    format: str
    blocks: list[Block]
