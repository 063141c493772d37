"""Date bucket expressions that group the same way on SQLite and PostgreSQL (UTC)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import InstrumentedAttribute, Session


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def month_of(session: Session, column: InstrumentedAttribute[object]) -> ColumnElement[str]:
    """The column's month as YYYY-MM."""
    if _postgres(session):
        return func.to_char(func.timezone("UTC", column), "YYYY-MM")
    return func.strftime("%Y-%m", column)


def week_of(session: Session, column: InstrumentedAttribute[object]) -> ColumnElement[str]:
    """The Monday of the column's ISO week as YYYY-MM-DD."""
    if _postgres(session):
        return func.to_char(func.date_trunc("week", func.timezone("UTC", column)), "YYYY-MM-DD")
    # SQLite: forward to the week's Sunday (or stay on it), then back six days to its Monday.
    return func.date(column, "weekday 0", "-6 days")
