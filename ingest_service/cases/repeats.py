"""Other referrals about the same adult: same subject key, or a similar name and same birth date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz
from sqlalchemy import String, select
from sqlalchemy.orm import Session

from ingest_service.cases.inline_sql import inline_constants
from ingest_service.cases.reporting_fields import normalised_name, words
from ingest_service.store.models import SUBJECT_DOB, CaseOutcome, Referral

SIMILAR_NAME = 85.0
SAME_KEY = "same name and date of birth"
SIMILAR = "similar name, same date of birth"


@dataclass(frozen=True)
class RepeatReferral:
    """Another referral about the adult, with whether the employer differs."""

    reference: str
    received_at: datetime
    employer: str | None
    outcome: CaseOutcome | None
    employer_differs: bool
    match: str


def repeat_referrals(session: Session, referral: Referral) -> list[RepeatReferral]:
    """Earlier and later referrals about the same adult, newest first."""
    employer = Referral.fields["employer_name"].as_string()
    columns = (Referral.reference, Referral.received_at, employer, Referral.outcome)
    found: dict[str, tuple[tuple[str, datetime, str | None, CaseOutcome | None], str]] = {}
    if referral.subject_key:
        rows = session.execute(
            select(*columns).where(
                Referral.subject_key == referral.subject_key, Referral.id != referral.id
            )
        ).all()
        found.update((row[0], ((row[0], row[1], row[2], row[3]), SAME_KEY)) for row in rows)
    name = normalised_name(referral.fields.get("subject_name"))
    birth = referral.fields.get("subject_dob")
    if name and isinstance(birth, str) and birth:
        rows = session.execute(
            select(*columns, Referral.fields["subject_name"].as_string()).where(
                inline_constants(session, SUBJECT_DOB, String()) == birth,
                Referral.id != referral.id,
            )
        ).all()
        for row in rows:
            similar = fuzz.token_sort_ratio(name, normalised_name(row[4])) >= SIMILAR_NAME
            if similar and row[0] not in found:
                found[row[0]] = ((row[0], row[1], row[2], row[3]), SIMILAR)
    own = words(referral.fields.get("employer_name"))
    repeats = []
    for (ref, received, other, outcome), match in found.values():
        differs = bool(own and other and words(other) != own)
        repeats.append(RepeatReferral(ref, received, other, outcome, differs, match))
    return sorted(repeats, key=lambda item: item.received_at, reverse=True)
