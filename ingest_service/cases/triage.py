"""The triage decision: which kind of contact a referral is, audited without the note."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ingest_service.cases.lookup import CaseInputError, find_referral
from ingest_service.store import audit
from ingest_service.store.models import ContactType, Referral, utcnow


def record_triage(
    session: Session, reference: str, contact_type: ContactType, note: str, actor: str
) -> Referral:
    """Set the contact type; one not for the LADO needs a note saying where it was signposted."""
    note = note.strip()
    if contact_type is ContactType.NOT_FOR_LADO and not note:
        raise CaseInputError("Say where the referrer was signposted.")
    referral = find_referral(session, reference, for_update=True)
    referral.contact_type = contact_type
    referral.triage_note = note or None
    referral.triaged_at, referral.triaged_by = utcnow(), actor
    referral.updated_at = utcnow()
    audit.record(
        session, actor, "triaged", "referral", referral.id, {"changed": ["contact_type", "note"]}
    )
    return referral
