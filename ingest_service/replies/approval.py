"""Officer approval of automatic replies, for councils that want a person to check each one."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest_service.store import audit
from ingest_service.store.models import OutboxEmail, OutboxStatus, Referral


class ReplyNotAwaitingApproval(LookupError):
    """No reply with that id is waiting for approval."""


def replies_awaiting_approval(session: Session) -> list[tuple[OutboxEmail, str]]:
    """Replies held for an officer, oldest first, with their referral's reference."""
    rows = session.execute(
        select(OutboxEmail, Referral.reference)
        .join(Referral, Referral.id == OutboxEmail.referral_id)
        .where(OutboxEmail.status == OutboxStatus.AWAITING_APPROVAL)
        .order_by(OutboxEmail.id)
    ).all()
    return [(outbox, reference) for outbox, reference in rows]


def approve_reply(session: Session, outbox_id: int, actor: str) -> OutboxEmail:
    """Release a held reply to the send job; the approval is audited with who gave it."""
    outbox = session.get(OutboxEmail, outbox_id, with_for_update=True)
    if outbox is None or outbox.status is not OutboxStatus.AWAITING_APPROVAL:
        raise ReplyNotAwaitingApproval(f"no reply {outbox_id} is awaiting approval")
    outbox.status = OutboxStatus.PENDING
    audit.record(
        session, actor, "reply_approved", "referral", outbox.referral_id, {"outbox_id": outbox.id}
    )
    return outbox
