"""Reference numbers such as LADO-2026-000123, one sequence per year."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ingest_service.store.models import ReferenceCounter

REFERENCE_PATTERN = r"LADO-\d{4}-\d{6}"


def format_reference(year: int, number: int) -> str:
    """The printed form of a reference number."""
    return f"LADO-{year}-{number:06d}"


def next_reference(session: Session, year: int) -> str:
    """Issue the next reference number for the year, inside the caller's transaction."""
    exists = session.scalar(select(ReferenceCounter.year).where(ReferenceCounter.year == year))
    if exists is None:
        try:
            with session.begin_nested():
                session.add(ReferenceCounter(year=year, last_number=0))
        except IntegrityError:
            pass  # another process created this year's counter first
    number = session.scalar(
        update(ReferenceCounter)
        .where(ReferenceCounter.year == year)
        .values(last_number=ReferenceCounter.last_number + 1)
        .returning(ReferenceCounter.last_number)
    )
    assert number is not None
    return format_reference(year, number)
