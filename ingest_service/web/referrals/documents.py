"""A referral's original documents: stored attachments and email bodies, each view audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from typing import Literal, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ingest_service.store import audit
from ingest_service.store.documents import DocumentStore
from ingest_service.store.models import Attachment, Message, Referral
from parsers.dispatch import parse_attachment
from parsers.document import Block, ParsedDocument
from parsers.email_message import read_email
from parsers.errors import ParseError
from parsers.html_text import html_to_text
from parsers.magic import is_pdf

DocumentKind = Literal["pdf", "word", "other"]
WORD_EXTENSIONS = frozenset({".docx", ".dotx", ".doc", ".rtf", ".odt"})
CHECKED, UNCHECKED = "\u2612", "\u2610"
T = TypeVar("T")


class DocumentNotFound(LookupError):
    """The referral has no such attachment or message."""


@dataclass(frozen=True)
class StoredDocument:
    """An attachment's bytes with what kind of document they are."""

    id: int
    filename: str
    content_type: str
    data: bytes = field(repr=False)

    @property
    def kind(self) -> DocumentKind:
        """PDF (shown inline), Word-like (shown as HTML) or anything else (downloaded)."""
        if is_pdf(self.data):
            return "pdf"
        if PurePath(self.filename.lower()).suffix in WORD_EXTENSIONS:
            return "word"
        return "other"


@dataclass(frozen=True)
class DocumentPart:
    """A paragraph (one row of one cell) or a table (rows of cells) of a parsed document."""

    rows: list[list[str]]
    is_table: bool


@dataclass(frozen=True)
class EmailView:
    """An email as received: who from, when, its subject and plain-text body."""

    id: int
    sender: str | None
    subject: str | None
    received_at: datetime
    body: str


def _viewed(
    session: Session, query: Select[T, int], actor: str, action: str, key: str, item_id: int
) -> T:
    """The item the query finds with its referral's id, the view audited under `key`."""
    row = session.execute(query).first()
    if row is None:
        raise DocumentNotFound(item_id)
    item, referral_id = row
    audit.record(session, actor, action, "referral", referral_id, {key: item_id})
    return item


def referral_document(
    session: Session, documents: DocumentStore, reference: str, attachment_id: int, actor: str
) -> StoredDocument:
    """One attachment of the referral's messages; the view is audited by attachment id."""
    query = (
        select(Attachment, Referral.id)
        .join(Message, Attachment.message_id == Message.id)
        .join(Referral, Message.referral_id == Referral.id)
        .where(Referral.reference == reference, Attachment.id == attachment_id)
    )
    attachment = _viewed(session, query, actor, "document_viewed", "attachment_id", attachment_id)
    data = documents.get(attachment.content_sha256)
    return StoredDocument(attachment.id, attachment.filename, attachment.content_type, data)


def referral_email(
    session: Session, documents: DocumentStore, reference: str, message_id: int, actor: str
) -> EmailView:
    """One email of the referral, as plain text; the view is audited by message id."""
    query = (
        select(Message, Referral.id)
        .join(Referral, Message.referral_id == Referral.id)
        .where(Referral.reference == reference, Message.id == message_id)
    )
    message = _viewed(session, query, actor, "email_viewed", "message_id", message_id)
    email = read_email(documents.get(message.content_sha256))
    body = email.body_text.strip() or html_to_text(email.body_html)
    return EmailView(message.id, message.sender, message.subject, message.received_at, body)


def document_parts(document: StoredDocument) -> list[DocumentPart]:
    """The document's paragraphs and tables in reading order, or [] if it cannot be parsed."""
    try:
        parsed = parse_attachment(document.filename, document.content_type, document.data)
    except ParseError:
        return []
    return parts_of(parsed)


def parts_of(parsed: ParsedDocument) -> list[DocumentPart]:
    """Group the blocks: consecutive cells of one table become that table's rows."""
    parts: list[DocumentPart] = []
    table: dict[int, dict[int, str]] = {}
    current: int | None = None

    def close_table() -> None:
        if table:
            rows = [[cells[c] for c in sorted(cells)] for _, cells in sorted(table.items())]
            parts.append(DocumentPart(rows, is_table=True))
            table.clear()

    for block in parsed.blocks:
        if block.kind == "cell" and block.table is not None:
            if block.table != current:
                close_table()
                current = block.table
            cells = table.setdefault(block.row or 0, {})
            cells[block.col or 0] = " ".join(filter(None, (cells.get(block.col or 0), block.text)))
            continue
        close_table()
        current = None
        parts.append(DocumentPart([[block_text(block)]], is_table=False))
    close_table()
    return parts


def block_text(block: Block) -> str:
    """A paragraph's text; a form field or tick box with its caption."""
    if block.kind == "checkbox":
        return f"{CHECKED if block.checked else UNCHECKED} {block.label or block.text}".strip()
    if block.kind == "form_field" and block.label:
        return f"{block.label}: {block.text}"
    return block.text
