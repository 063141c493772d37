"""A referral shared by the case and web tests: when it came in, its answers, reading it back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ingest_service.store.models import Referral

RECEIVED = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)

COMPLETE_FIELDS: dict[str, Any] = {
    "referrer_name": "Pat Head",
    "referrer_organisation": "Millbrook Primary School",
    "referrer_phone": "01234 567890",
    "subject_name": "Sam Example",
    "subject_dob": "1980-02-01",
    "subject_role": "Teaching assistant",
    "employer_name": "Millbrook Primary School",
    "allegation_description": "A pupil said the adult grabbed her arm.",
    "incident_date": "2026-03-02",
    "children": [{"child_age": "9"}],
    "previous_concerns": "no",
    "actions_taken": "Adult sent home.",
}


def stored(sessions: sessionmaker[Session], reference: str) -> Referral:
    """The referral as stored now, read in a session of its own."""
    with sessions() as session:
        referral = session.scalar(select(Referral).where(Referral.reference == reference))
        assert referral is not None
        return referral
