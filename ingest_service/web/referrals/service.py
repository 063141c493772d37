"""The review queue and reply approval for a referral. Knows nothing of HTTP."""

from __future__ import annotations

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from ingest_service.replies.approval import ReplyNotAwaitingApproval, approve_reply
from ingest_service.store.models import OutboxEmail, Referral, ReferralStatus
from ingest_service.web.referrals.models import QueueEntryRead

QUEUE_LIMIT = 500

_low_confidence = Referral.classification["needs_review"].as_boolean()
# Most urgent first: held for review, then missing information, then an unsure classifier.
URGENCY = case(
    (Referral.status == ReferralStatus.NEEDS_REVIEW, 0),
    (Referral.status == ReferralStatus.AWAITING_INFORMATION, 1),
    (_low_confidence, 2),
    else_=3,
)


def review_queue(
    session: Session, status: ReferralStatus | None = None, limit: int = QUEUE_LIMIT
) -> list[QueueEntryRead]:
    """Open referrals, most urgent first and oldest first within the same urgency."""
    statement = select(Referral).where(Referral.closed_at.is_(None))
    if status is not None:
        statement = statement.where(Referral.status == status)
    referrals = session.scalars(
        statement.order_by(URGENCY, Referral.received_at, Referral.id).limit(limit)
    ).all()
    return [
        QueueEntryRead(
            reference=r.reference,
            status=r.status,
            received_at=r.received_at,
            missing_sections=list(r.missing_sections),
            allegation_types=list(r.classification.get("allegation_types", [])),
            sector=r.classification.get("sector"),
            low_confidence=bool(r.classification.get("needs_review")),
            review_reasons=len(r.review_reasons),
        )
        for r in referrals
    ]


def approve_referral_reply(session: Session, reference: str, outbox_id: int, actor: str) -> None:
    """Approve a held reply of this referral (audited with the actor)."""
    owner = session.scalar(
        select(Referral.reference)
        .join(OutboxEmail, OutboxEmail.referral_id == Referral.id)
        .where(OutboxEmail.id == outbox_id)
    )
    if owner != reference:
        raise ReplyNotAwaitingApproval(f"no reply {outbox_id} of {reference} is awaiting approval")
    approve_reply(session, outbox_id, actor)
