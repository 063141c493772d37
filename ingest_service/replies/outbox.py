"""Queueing replies in the referral's transaction, and the job that sends them exactly once."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ingest_service.mailbox.base import OutgoingMail
from ingest_service.replies.composer import compose, reply_message_id
from ingest_service.replies.missing_items import describe_missing
from ingest_service.replies.templates import ReplyTemplates
from ingest_service.store import audit
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import (
    Message,
    OutboxEmail,
    OutboxStatus,
    Referral,
    ReplyKind,
    utcnow,
)
from parsers.form_schema import FormSchema

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReplyPolicy:
    """How the council wants automatic replies handled."""

    team_name: str
    team_address: str
    send_acknowledgements: bool
    needs_approval: bool
    max_per_sender_per_day: int
    allowed_domains: tuple[str, ...] = ()


def replies_today(session: Session, address: str) -> int:
    """How many automatic replies went (or are queued) to this address in the last day."""
    since = utcnow() - timedelta(days=1)
    return (
        session.scalar(
            select(func.count(OutboxEmail.id)).where(
                func.lower(OutboxEmail.to_address) == address.lower(),
                OutboxEmail.created_at >= since,
            )
        )
        or 0
    )


def queue_reply(
    session: Session,
    referral: Referral,
    message: Message,
    kind: ReplyKind,
    schema: FormSchema,
    templates: ReplyTemplates,
    policy: ReplyPolicy,
    thread_references: tuple[str, ...],
) -> OutboxEmail:
    """Add the reply for this message to the outbox, in the caller's transaction."""
    template = (
        templates.missing_information
        if kind is ReplyKind.MISSING_INFORMATION
        else templates.acknowledgement
    )
    rendered = template.render(
        reference=referral.reference,
        original_subject=(message.subject or "your referral").strip(),
        missing=describe_missing(schema, referral.missing_fields),
        team_name=policy.team_name,
        team_address=policy.team_address,
    )
    domain = policy.team_address.split("@", 1)[1]
    assert message.sender is not None
    outbox = OutboxEmail(
        referral_id=referral.id,
        source_message_id=message.id,
        kind=kind,
        status=OutboxStatus.AWAITING_APPROVAL if policy.needs_approval else OutboxStatus.PENDING,
        rfc_message_id=reply_message_id(
            referral.reference, kind.value, message.content_sha256, domain
        ),
        to_address=message.sender,
        subject=rendered.subject,
        body_text=rendered.body_text,
        body_html=rendered.body_html,
        in_reply_to=message.message_id,
        references=" ".join(thread_references) or None,
    )
    session.add(outbox)
    session.flush()
    audit.record(
        session,
        audit.SYSTEM_INTAKE,
        "reply_queued",
        "referral",
        referral.id,
        {"outbox_id": outbox.id, "kind": kind.value, "status": outbox.status.value},
    )
    return outbox


def send_pending(
    sessions: sessionmaker[Session], outgoing: OutgoingMail, from_name: str, from_address: str
) -> int:
    """Send every pending reply once; a reply already sent before a crash is only marked."""
    with sessions() as session:
        pending_ids = session.scalars(
            select(OutboxEmail.id)
            .where(OutboxEmail.status == OutboxStatus.PENDING)
            .order_by(OutboxEmail.id)
        ).all()
    sent = 0
    for outbox_id in pending_ids:
        with unit_of_work(sessions) as session:
            outbox = session.get(OutboxEmail, outbox_id, with_for_update=True)
            if outbox is None or outbox.status is not OutboxStatus.PENDING:
                continue
            outbox.attempts += 1
            try:
                if not outgoing.was_sent(outbox.rfc_message_id):
                    outgoing.send(compose(outbox, from_name, from_address), outbox.rfc_message_id)
            except OSError as exc:
                outbox.last_error = f"{type(exc).__name__}: sending failed"
                log.warning("outbox %s: sending failed (%s)", outbox_id, type(exc).__name__)
                continue
            outbox.status = OutboxStatus.SENT
            outbox.sent_at = utcnow()
            audit.record(
                session,
                audit.SYSTEM_OUTBOX,
                "reply_sent",
                "referral",
                outbox.referral_id,
                {"outbox_id": outbox.id},
            )
            sent += 1
    return sent
