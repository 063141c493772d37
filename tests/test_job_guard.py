"""One active runner per job across service instances, back-off after failures, health."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from ingest_service.health import health_report
from ingest_service.job_guard import JobGuard, RunOutcome
from ingest_service.store.database import make_engine, make_session_factory, unit_of_work
from ingest_service.store.models import JobState, utcnow

JOB = "poll:maildir:///lado"


@pytest.fixture
def sessions(database_url: str) -> sessionmaker[Session]:
    return make_session_factory(make_engine(database_url))


def guard(sessions: sessionmaker[Session], instance: str) -> JobGuard:
    return JobGuard(sessions, JOB, instance, timedelta(seconds=30))


def age(sessions: sessionmaker[Session], **values: object) -> None:
    """Move the job's recorded times into the past, as if time had passed."""
    past = utcnow() - timedelta(hours=2)
    with unit_of_work(sessions) as session:
        session.execute(update(JobState).values({k: past for k in values}))


def test_one_instance_at_a_time(sessions: sessionmaker[Session]) -> None:
    first, second = guard(sessions, "host-a:1"), guard(sessions, "host-b:2")
    assert first.run(lambda: "polled").outcome is RunOutcome.SUCCEEDED
    assert second.run(lambda: "polled").outcome is RunOutcome.HELD_ELSEWHERE
    assert first.run(lambda: "polled again").outcome is RunOutcome.SUCCEEDED
    first.release()
    assert second.run(lambda: "taken over").outcome is RunOutcome.SUCCEEDED
    assert first.run(lambda: "polled").outcome is RunOutcome.HELD_ELSEWHERE


def test_a_dead_holders_lease_lapses(sessions: sessionmaker[Session]) -> None:
    first, second = guard(sessions, "host-a:1"), guard(sessions, "host-b:2")
    first.run(lambda: "polled")
    age(sessions, lease_until=True)
    assert second.run(lambda: "taken over").outcome is RunOutcome.SUCCEEDED


def broken() -> str:
    raise ConnectionError("mail server unreachable")


def test_failures_back_off_and_show_in_health(sessions: sessionmaker[Session]) -> None:
    runner = guard(sessions, "host-a:1")
    run = runner.run(broken)
    assert (run.outcome, run.detail) == (RunOutcome.FAILED, "ConnectionError")
    assert runner.run(lambda: "polled").outcome is RunOutcome.BACKING_OFF
    with sessions() as session:
        report = health_report(session)
    assert not report.healthy
    assert report.jobs[0].last_error == "ConnectionError"
    assert report.jobs[0].consecutive_failures == 1

    age(sessions, retry_after=True)
    assert runner.run(lambda: "polled").outcome is RunOutcome.SUCCEEDED
    with sessions() as session:
        report = health_report(session)
    assert report.healthy and report.jobs[0].last_detail == "polled"


def test_back_off_doubles(sessions: sessionmaker[Session]) -> None:
    runner = guard(sessions, "host-a:1")
    waits = []
    for _ in range(3):
        age(sessions, retry_after=True)
        before = utcnow()
        runner.run(broken)
        with sessions() as session:
            state = session.get(JobState, JOB)
            assert state is not None and state.retry_after is not None
            waits.append(state.retry_after.replace(tzinfo=None) - before.replace(tzinfo=None))
    assert [round(w.total_seconds() / 30) for w in waits] == [2, 4, 8]
