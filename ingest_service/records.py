"""Reading filed referrals for people: summaries, full records, each view audited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ingest_service.store import audit
from ingest_service.store.models import Message, OutboxEmail, Referral


class RecordNotFound(LookupError):
    """No referral has that reference."""


def referral_summaries(session: Session, limit: int = 200) -> list[dict[str, Any]]:
    """Newest referrals first, without personal details."""
    referrals = session.scalars(
        select(Referral).order_by(Referral.received_at.desc(), Referral.id.desc()).limit(limit)
    ).all()
    return [
        {
            "reference": r.reference,
            "status": r.status.value,
            "received_at": r.received_at.isoformat(),
            "missing_sections": list(r.missing_sections),
            "allegation_types": list(r.classification.get("allegation_types", [])),
            "sector": r.classification.get("sector"),
        }
        for r in referrals
    ]


def referral_record(session: Session, reference: str, actor: str) -> dict[str, Any]:
    """The whole record of one referral; the view is written to the audit log."""
    referral = session.scalar(
        select(Referral)
        .where(Referral.reference == reference)
        .options(selectinload(Referral.messages).selectinload(Message.steps))
    )
    if referral is None:
        raise RecordNotFound(reference)
    audit.record(session, actor, "viewed", "referral", referral.id)
    replies = session.scalars(
        select(OutboxEmail).where(OutboxEmail.referral_id == referral.id).order_by(OutboxEmail.id)
    ).all()
    return {
        "reference": referral.reference,
        "status": referral.status.value,
        "received_at": referral.received_at.isoformat(),
        "completed_at": referral.completed_at.isoformat() if referral.completed_at else None,
        "fields": referral.fields,
        "provenance": referral.field_provenance,
        "missing_fields": referral.missing_fields,
        "missing_sections": referral.missing_sections,
        "classification": referral.classification,
        "review_reasons": referral.review_reasons,
        "messages": [
            {
                "id": m.id,
                "message_id": m.message_id,
                "received_at": m.received_at.isoformat(),
                "moved_to": m.moved_to,
                "error": m.error,
                "steps": [
                    {"step": s.step, "status": s.status.value, "detail": s.detail} for s in m.steps
                ],
            }
            for m in referral.messages
        ],
        "replies": [
            {
                "id": o.id,
                "kind": o.kind.value,
                "status": o.status.value,
                "subject": o.subject,
                "to": o.to_address,
                "sent_at": o.sent_at.isoformat() if o.sent_at else None,
            }
            for o in replies
        ],
    }
