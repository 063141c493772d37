"""Months, weeks and periods follow UK local time on SQLite and PostgreSQL: 23:30 UTC on
31 May is 00:30 BST on 1 June, so the referral belongs to June."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.orm import Session

from ingest_service.reports import queries
from ingest_service.reports.period import Period
from ingest_service.reports.sql import month_of, week_of
from ingest_service.store.database import make_engine, make_session_factory, unit_of_work
from ingest_service.store.models import ContactType, Referral
from tests.reports.known_referrals import Known, add_known, at

MAY_AND_JUNE = Period(date(2025, 5, 1), date(2025, 6, 30))
EDGE = (
    # 00:30 BST on Sunday 1 June 2025.
    Known("L-1", at(date(2025, 5, 31), 23, 30), ContactType.ALLEGATION),
    # 23:59 BST on Saturday 31 May 2025.
    Known("L-2", at(date(2025, 5, 31), 22, 59), ContactType.ALLEGATION),
    # 00:30 BST on Monday 2 June 2025 (still Sunday in UTC).
    Known("L-4", at(date(2025, 6, 1), 23, 30), ContactType.ALLEGATION),
    # 23:30 GMT on Friday 31 January 2025: winter, local time is UTC.
    Known("L-3", at(date(2025, 1, 31), 23, 30), ContactType.ALLEGATION),
)


@pytest.fixture
def session(database_url: str) -> Iterator[Session]:
    """A session on a store holding the edge referrals."""
    engine = make_engine(database_url)
    with unit_of_work(make_session_factory(engine)) as writing:
        add_known(writing, EDGE)
    with Session(engine) as reading:
        yield reading
    engine.dispose()


def counts_by(session: Session, period: Period, weekly: bool = False) -> dict[str | None, int]:
    """Referrals received in the period, per local month (or week)."""
    bucket = (week_of if weekly else month_of)(session, Referral.received_at)
    return {key[0]: n for key, n in queries.received_counts(session, period, [bucket]).items()}


def test_a_referral_after_midnight_bst_counts_in_the_next_month(session: Session) -> None:
    assert counts_by(session, MAY_AND_JUNE) == {"2025-05": 1, "2025-06": 2}
    assert counts_by(session, Period(date(2025, 1, 1), date(2025, 2, 28))) == {"2025-01": 1}


def test_weeks_begin_on_local_mondays(session: Session) -> None:
    # Saturday 31 May and Sunday 1 June are in the week of 26 May; Monday 2 June starts one.
    assert counts_by(session, MAY_AND_JUNE, weekly=True) == {"2025-05-26": 2, "2025-06-02": 1}


def test_a_period_starts_and_ends_at_uk_midnight(session: Session) -> None:
    assert counts_by(session, Period(date(2025, 6, 1), date(2025, 6, 30))) == {"2025-06": 2}
    assert counts_by(session, Period(date(2025, 5, 1), date(2025, 5, 31))) == {"2025-05": 1}
