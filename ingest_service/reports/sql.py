"""Date buckets that group the same way on SQLite and PostgreSQL, by UK local time.

Times are stored in UTC; `timezone('Europe/London', column)` gives the wall-clock time in
the UK (PostgreSQL's own function; on SQLite the one ingest_service.store.database defines),
so a referral received at 23:30 UTC on 31 May, 00:30 BST, counts in June.
A bucket groups by one expression and shows another: on PostgreSQL the rows are grouped by
the truncated timestamp and only each group is formatted, which halves the query's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import InstrumentedAttribute, Session

from ingest_service.reports.period import LOCAL_ZONE_NAME


@dataclass(frozen=True)
class Bucket:
    """Group by `group`, show `shown` (a function of `group`) as the key."""

    group: ColumnElement[Any]
    shown: ColumnElement[str]


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def local_time(column: InstrumentedAttribute[Any]) -> ColumnElement[Any]:
    """The stored UTC time as UK wall-clock time."""
    return func.timezone(LOCAL_ZONE_NAME, column)


def _truncated(unit: str, column: InstrumentedAttribute[Any], fmt: str) -> Bucket:
    start = func.date_trunc(unit, local_time(column))
    return Bucket(start, func.to_char(start, fmt))


def month_of(session: Session, column: InstrumentedAttribute[Any]) -> Bucket:
    """The column's local month as YYYY-MM."""
    if _postgres(session):
        return _truncated("month", column, "YYYY-MM")
    month = func.strftime("%Y-%m", local_time(column))
    return Bucket(month, month)


def week_of(session: Session, column: InstrumentedAttribute[Any]) -> Bucket:
    """The Monday of the column's local ISO week as YYYY-MM-DD."""
    if _postgres(session):
        return _truncated("week", column, "YYYY-MM-DD")
    # SQLite: forward to the week's Sunday (or stay on it), then back six days to its Monday.
    monday = func.date(local_time(column), "weekday 0", "-6 days")
    return Bucket(monday, monday)


def joined_text(session: Session, column: InstrumentedAttribute[Any]) -> ColumnElement[str]:
    """The group's values joined by commas (in no set order), labelled `types`."""
    if _postgres(session):
        return func.string_agg(column, ",").label("types")
    return func.group_concat(column, ",").label("types")
