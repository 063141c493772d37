"""One poll of a mailbox: ledger each new message, run the chain, then file the mail away."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from ingest_service.intake.ledger import record_fetched
from ingest_service.intake.pipeline import IntakePipeline
from ingest_service.mailbox.base import Mailbox
from ingest_service.store.database import unit_of_work
from ingest_service.store.documents import DocumentStore
from ingest_service.store.models import Message, ReferralStatus, utcnow

log = logging.getLogger(__name__)

PROCESSED_FOLDER = "Processed"
NEEDS_REVIEW_FOLDER = "Needs review"


@dataclass(frozen=True)
class Folders:
    """Where processed mail is filed in the mailbox (the council's choice of names)."""

    processed: str = PROCESSED_FOLDER
    needs_review: str = NEEDS_REVIEW_FOLDER


@dataclass(frozen=True)
class PollResult:
    """What one poll did."""

    fetched: int
    processed: int
    moved: int


def destination_folder(message: Message, folders: Folders) -> str | None:
    """Where a processed message goes; None while it is still unprocessed."""
    if message.processed_at is None:
        return None
    referral = message.referral
    if referral is None or referral.status is ReferralStatus.NEEDS_REVIEW:
        return folders.needs_review
    return folders.processed


def poll_once(
    mailbox: Mailbox,
    sessions: sessionmaker[Session],
    documents: DocumentStore,
    pipeline: IntakePipeline,
    folders: Folders = Folders(),
) -> PollResult:
    """Fetch, ledger, process and move every message waiting in the mailbox."""
    fetched = processed = moved = 0
    for incoming in mailbox.fetch_new():
        fetched += 1
        entry = record_fetched(sessions, documents, mailbox.identity, incoming)
        if not entry.processed:
            pipeline.process(entry.message_id)
            processed += 1
        with unit_of_work(sessions) as session:
            message = session.get(Message, entry.message_id)
            assert message is not None
            folder = destination_folder(message, folders)
            if folder is None:
                continue  # failed this time; stays in the inbox and is retried next poll
            mailbox.move(incoming.key, folder)
            message.moved_at = utcnow()
            message.moved_to = folder
            moved += 1
    if fetched:
        log.info(
            "poll of %s: %s fetched, %s processed, %s moved",
            mailbox.identity,
            fetched,
            processed,
            moved,
        )
    return PollResult(fetched=fetched, processed=processed, moved=moved)
