"""Intake counts for the manager's dashboard. Knows nothing of HTTP."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ingest_service.store.models import Referral, ReferralStatus


@dataclass(frozen=True)
class IntakeByMonth:
    """Referrals received per month (UTC, YYYY-MM) and status."""

    months: list[str]
    counts: dict[tuple[str, ReferralStatus], int]

    def count(self, month: str, status: ReferralStatus) -> int:
        """Referrals of that month still at that status."""
        return self.counts.get((month, status), 0)

    def month_total(self, month: str) -> int:
        """All referrals received that month."""
        return sum(n for (m, _), n in self.counts.items() if m == month)


def _month(session: Session) -> ColumnElement[str]:
    """The received month as YYYY-MM, in UTC, on SQLite and PostgreSQL."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", Referral.received_at), "YYYY-MM")
    return func.strftime("%Y-%m", Referral.received_at)


def intake_by_month(session: Session) -> IntakeByMonth:
    """Counts of referrals by the month they arrived and their current status, newest first."""
    month = _month(session).label("month")
    rows = session.execute(
        select(month, Referral.status, func.count(Referral.id)).group_by(month, Referral.status)
    ).all()
    counts = {(m, status): n for m, status, n in rows}
    return IntakeByMonth(sorted({m for m, _ in counts}, reverse=True), counts)
