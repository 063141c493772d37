"""The service's health: what is waiting or failing, and how each scheduled job last ran."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ingest_service.store.models import JobState, Message, OutboxEmail, OutboxStatus, Referral

PRIVATE_JOB_KEYS = ("holder", "last_detail")


@dataclass(frozen=True)
class JobHealth:
    """One scheduled job as last recorded."""

    name: str
    holder: str | None
    last_succeeded_at: str | None
    last_failed_at: str | None
    last_error: str | None
    last_detail: str | None
    consecutive_failures: int


@dataclass(frozen=True)
class HealthReport:
    """Counts and job states; healthy when nothing is failing."""

    referrals: int
    messages_waiting: int
    messages_failing: int
    replies_pending: int
    replies_awaiting_approval: int
    jobs: tuple[JobHealth, ...]

    @property
    def healthy(self) -> bool:
        """No message stuck with an error and no job failing."""
        return not self.messages_failing and all(not j.consecutive_failures for j in self.jobs)

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready values, for operators (the status command)."""
        return {**asdict(self), "healthy": self.healthy}

    def to_public_json(self) -> dict[str, Any]:
        """The report for an unauthenticated probe: no host names, process ids or job details."""
        report = self.to_json()
        for job in report["jobs"]:
            for private in PRIVATE_JOB_KEYS:
                del job[private]
        return report


def _count(session: Session, statement: Select[int]) -> int:
    return session.scalar(statement) or 0


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def health_report(session: Session) -> HealthReport:
    """Read the current health from the store."""
    unprocessed = Message.processed_at.is_(None)
    outbox = select(func.count(OutboxEmail.id))
    jobs = session.scalars(select(JobState).order_by(JobState.name)).all()
    return HealthReport(
        referrals=_count(session, select(func.count(Referral.id))),
        messages_waiting=_count(session, select(func.count(Message.id)).where(unprocessed)),
        messages_failing=_count(
            session, select(func.count(Message.id)).where(unprocessed, Message.error.is_not(None))
        ),
        replies_pending=_count(session, outbox.where(OutboxEmail.status == OutboxStatus.PENDING)),
        replies_awaiting_approval=_count(
            session, outbox.where(OutboxEmail.status == OutboxStatus.AWAITING_APPROVAL)
        ),
        jobs=tuple(
            JobHealth(
                name=job.name,
                holder=job.holder,
                last_succeeded_at=_iso(job.last_succeeded_at),
                last_failed_at=_iso(job.last_failed_at),
                last_error=job.last_error,
                last_detail=job.last_detail,
                consecutive_failures=job.consecutive_failures,
            )
            for job in jobs
        ),
    )
