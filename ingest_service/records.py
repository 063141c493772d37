"""Reading filed referrals for people: summaries, full records, each view audited."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ingest_service.store import audit
from ingest_service.store.models import Message, OutboxEmail, Referral

CASE_COLUMNS = (
    "sector",
    "role_category",
    "district",
    "referral_source",
    "any_child_send",
    "any_child_in_care",
    "contact_type",
    "triage_note",
    "triaged_at",
    "triaged_by",
    "strategy_meeting_on",
    "evaluation_meeting_on",
    "outcome",
    "closed_at",
    "timeliness",
    "days_to_close",
)


class RecordNotFound(LookupError):
    """No referral has that reference."""


def referral_summaries(session: Session, limit: int = 200) -> list[dict[str, Any]]:
    """Newest referrals first, without personal details; the sector and types as reported
    (corrected by an officer, or imported from a tracker, as well as classified)."""
    referrals = session.scalars(
        select(Referral)
        .options(selectinload(Referral.allegation_type_rows))
        .order_by(Referral.received_at.desc(), Referral.id.desc())
        .limit(limit)
    ).all()
    return [
        {
            "reference": r.reference,
            "status": r.status.value,
            "received_at": r.received_at.isoformat(),
            "missing_sections": list(r.missing_sections),
            "allegation_types": [row.allegation_type for row in r.allegation_type_rows],
            "sector": r.sector,
        }
        for r in referrals
    ]


def referral_record(session: Session, reference: str, actor: str) -> dict[str, Any]:
    """The whole record of one referral; the view is written to the audit log."""
    referral = session.scalar(
        select(Referral)
        .where(Referral.reference == reference)
        .options(
            selectinload(Referral.messages).selectinload(Message.steps),
            selectinload(Referral.messages).selectinload(Message.attachments),
            selectinload(Referral.allegation_type_rows),
        )
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
        "case": case_of(referral),
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
                "attachments": [
                    {
                        "id": a.id,
                        "filename": a.filename,
                        "content_type": a.content_type,
                        "size_bytes": a.size_bytes,
                        "parse_error": a.parse_error,
                    }
                    for a in m.attachments
                    if not a.inline
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


def case_of(referral: Referral) -> dict[str, Any]:
    """The referral's reporting columns and case record as JSON values (ids, ISO dates)."""
    case = {name: _json_value(getattr(referral, name)) for name in CASE_COLUMNS}
    case["allegation_types"] = [row.allegation_type for row in referral.allegation_type_rows]
    case["regulator_referrals"] = list(referral.regulator_referrals)
    return case


def exported_records(
    session: Session, received_from: datetime, received_before: datetime, actor: str
) -> list[dict[str, Any]]:
    """Referrals received in [from, before), oldest first; each one's export is audited."""
    referrals = session.scalars(
        select(Referral)
        .where(Referral.received_at >= received_from, Referral.received_at < received_before)
        .order_by(Referral.received_at, Referral.id)
        .options(selectinload(Referral.allegation_type_rows))
    ).all()
    for referral in referrals:
        audit.record(session, actor, "exported", "referral", referral.id)
    return [
        {
            "reference": r.reference,
            "status": r.status.value,
            "received_at": r.received_at.isoformat(),
            "completed_at": r.completed_at.isoformat() if r.completed_at else None,
            "fields": r.fields,
            "missing_sections": r.missing_sections,
            "case": case_of(r),
        }
        for r in referrals
    ]


def _json_value(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    return value
