"""Running a scheduled job under a lease in the database, with back-off and a health record.

Only one service instance runs a given job of a given mailbox at a time, even when several
instances share the database: a run first takes the job's lease (a conditional UPDATE, atomic
on SQLite and PostgreSQL); the lease is kept between runs and lapses if its holder dies.
After a failure the job waits `interval * 2**failures` (capped) before it runs again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import CursorResult, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ingest_service.safe_logging import log_failure
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import JobState, utcnow

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=1)


class RunOutcome(StrEnum):
    """What happened when a job was due."""

    SUCCEEDED = "succeeded"
    FAILED = "failed"
    HELD_ELSEWHERE = "held by another instance"
    BACKING_OFF = "backing off after failures"


@dataclass(frozen=True)
class JobRun:
    """The outcome of one due run, and what the work reported if it ran."""

    outcome: RunOutcome
    detail: str = ""


@dataclass(frozen=True)
class JobGuard:
    """The lease and health record of one job, for one service instance."""

    sessions: sessionmaker[Session]
    name: str
    instance: str
    interval: timedelta

    @property
    def lease(self) -> timedelta:
        """How long a lease lasts without renewal: three intervals, at least a minute."""
        return max(3 * self.interval, timedelta(minutes=1))

    def run(self, work: Callable[[], str]) -> JobRun:
        """Run `work` if this instance holds the lease and the job is not backing off."""
        refusal = self._acquire()
        if refusal is not None:
            return JobRun(refusal)
        try:
            detail = work()
        except Exception as exc:
            log_failure(log, f"job {self.name} failed", exc)
            self._record_failure(type(exc).__name__)
            return JobRun(RunOutcome.FAILED, type(exc).__name__)
        self._record_success(detail)
        return JobRun(RunOutcome.SUCCEEDED, detail)

    def release(self) -> None:
        """Give the lease back (on shutdown), keeping the health record."""
        with unit_of_work(self.sessions) as session:
            session.execute(
                update(JobState)
                .where(JobState.name == self.name, JobState.holder == self.instance)
                .values(holder=None, lease_until=None)
            )

    def _acquire(self) -> RunOutcome | None:
        now = utcnow()
        with unit_of_work(self.sessions) as session:
            result = session.execute(
                update(JobState)
                .where(
                    JobState.name == self.name,
                    or_(
                        JobState.holder.is_(None),
                        JobState.holder == self.instance,
                        JobState.lease_until < now,
                    ),
                    or_(JobState.retry_after.is_(None), JobState.retry_after <= now),
                )
                .values(holder=self.instance, lease_until=now + self.lease, last_started_at=now)
            )
            if cast("CursorResult[Any]", result).rowcount:
                return None
            if session.get(JobState, self.name) is not None:
                return self._why_not(session)
        try:
            with unit_of_work(self.sessions) as session:
                session.add(
                    JobState(
                        name=self.name,
                        holder=self.instance,
                        lease_until=now + self.lease,
                        last_started_at=now,
                        consecutive_failures=0,
                    )
                )
        except IntegrityError:
            return RunOutcome.HELD_ELSEWHERE  # another instance created it first
        return None

    def _why_not(self, session: Session) -> RunOutcome:
        """Held by another live instance, or backing off (checked in SQL, times are UTC)."""
        now = utcnow()
        held = session.scalar(
            select(JobState.name).where(
                JobState.name == self.name,
                JobState.holder != self.instance,
                JobState.lease_until >= now,
            )
        )
        return RunOutcome.HELD_ELSEWHERE if held else RunOutcome.BACKING_OFF

    def _record_success(self, detail: str) -> None:
        with unit_of_work(self.sessions) as session:
            session.execute(
                update(JobState)
                .where(JobState.name == self.name)
                .values(
                    last_succeeded_at=utcnow(),
                    last_detail=detail,
                    consecutive_failures=0,
                    retry_after=None,
                    lease_until=utcnow() + self.lease,
                )
            )

    def _record_failure(self, error: str) -> None:
        with unit_of_work(self.sessions) as session:
            state = session.get(JobState, self.name)
            assert state is not None
            state.consecutive_failures += 1
            backoff = min(self.interval * 2**state.consecutive_failures, MAX_BACKOFF)
            state.last_failed_at = utcnow()
            state.last_error = error
            state.retry_after = utcnow() + backoff
            state.lease_until = utcnow() + self.lease
