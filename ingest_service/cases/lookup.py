"""Finding the referral a case action is about, and the error case actions raise."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest_service.records import RecordNotFound
from ingest_service.store.models import Referral


class CaseInputError(ValueError):
    """A case change that cannot be made as given; the message is safe to show the user."""


def find_referral(session: Session, reference: str, *, for_update: bool = False) -> Referral:
    """The referral with this reference, or RecordNotFound; locked until commit for a change
    (PostgreSQL; a SQLite unit of work already holds the write lock)."""
    statement = select(Referral).where(Referral.reference == reference)
    referral = session.scalar(statement.with_for_update() if for_update else statement)
    if referral is None:
        raise RecordNotFound(reference)
    return referral
