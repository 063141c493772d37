"""The ledger: every message is stored, raw, before anything else happens to it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ingest_service.mailbox.base import FetchedMessage
from ingest_service.store.database import unit_of_work
from ingest_service.store.documents import DocumentStore
from ingest_service.store.models import Message
from parsers.email_message import read_envelope


@dataclass(frozen=True)
class LedgerEntry:
    """A message's id in the store and whether the chain has already finished with it."""

    message_id: int
    processed: bool


def _find(session: Session, mailbox: str, key: str) -> Message | None:
    return session.scalar(
        select(Message).where(Message.mailbox == mailbox, Message.mailbox_key == key)
    )


def record_fetched(
    sessions: sessionmaker[Session], documents: DocumentStore, mailbox: str, fetched: FetchedMessage
) -> LedgerEntry:
    """Store the raw message durably and ledger it once; a message seen before is not re-stored."""
    with sessions() as session:
        known = _find(session, mailbox, fetched.key)
        if known is not None:
            return LedgerEntry(known.id, known.processed_at is not None)
    digest = documents.put(fetched.raw)
    headers = read_envelope(fetched.raw)
    try:
        with unit_of_work(sessions) as session:
            message = Message(
                mailbox=mailbox,
                mailbox_key=fetched.key,
                message_id=headers.message_id,
                sender=headers.sender_address,
                subject=headers.subject,
                received_at=fetched.received_at,
                content_sha256=digest,
                size_bytes=len(fetched.raw),
                attempts=0,
            )
            session.add(message)
            session.flush()
            return LedgerEntry(message.id, False)
    except IntegrityError:
        with sessions() as session:  # another poller ledgered it first
            known = _find(session, mailbox, fetched.key)
            assert known is not None
            return LedgerEntry(known.id, known.processed_at is not None)
