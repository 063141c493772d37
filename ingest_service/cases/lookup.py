"""Finding the referral a case action is about, and the error case actions raise."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest_service.records import RecordNotFound
from ingest_service.store.models import Referral


class CaseInputError(ValueError):
    """A case change that cannot be made as given; the message is safe to show the user."""


def find_referral(session: Session, reference: str) -> Referral:
    """The referral with this reference, or RecordNotFound."""
    referral = session.scalar(select(Referral).where(Referral.reference == reference))
    if referral is None:
        raise RecordNotFound(reference)
    return referral
