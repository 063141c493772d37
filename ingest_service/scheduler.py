"""The long-running service: APScheduler jobs that poll the mailbox and send queued replies.

Each job runs under its lease in the database (see job_guard), so two service instances on
one database never poll or send for the same mailbox at once, and a failing job backs off.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler

from ingest_service.intake.poller import poll_once
from ingest_service.job_guard import JobGuard, JobRun, RunOutcome
from ingest_service.replies.outbox import send_pending
from ingest_service.service import Service

log = logging.getLogger(__name__)


def poll_work(service: Service) -> str:
    """One poll of the mailbox; returns what it did."""
    mailbox, _ = service.mailbox
    result = poll_once(
        mailbox, service.sessions, service.documents, service.pipeline, service.folders
    )
    return f"fetched {result.fetched}, processed {result.processed}, moved {result.moved}"


def send_work(service: Service) -> str:
    """One pass over the outbox; returns what it did."""
    _, outgoing = service.mailbox
    settings = service.settings
    sent = send_pending(
        service.sessions, outgoing, settings.lado_display_name, settings.lado_address
    )
    return f"sent {sent}"


def guard(service: Service, job: str, interval_seconds: int) -> JobGuard:
    """The lease and health record of one job of this service's mailbox."""
    return JobGuard(
        service.sessions,
        f"{job}:{service.mailbox[0].identity}",
        service.instance_id,
        timedelta(seconds=interval_seconds),
    )


def guarded_jobs(service: Service) -> list[tuple[JobGuard, Callable[[], str]]]:
    """The poll and send jobs, each with its guard."""
    settings = service.settings
    return [
        (guard(service, "poll", settings.poll_interval_seconds), lambda: poll_work(service)),
        (guard(service, "send", settings.send_interval_seconds), lambda: send_work(service)),
    ]


def run_job(job_guard: JobGuard, work: Callable[[], str]) -> JobRun:
    """Run one job under its guard, logging anything but a plain success."""
    run = job_guard.run(work)
    if run.outcome is not RunOutcome.SUCCEEDED:
        log.info("job %s: %s", job_guard.name, run.outcome.value)
    return run


@contextmanager
def holding_leases(guards: list[JobGuard]) -> Iterator[None]:
    """Give the jobs' leases back when the block ends, so another instance can take over."""
    try:
        yield
    finally:
        for job_guard in guards:
            job_guard.release()


JOB_DEFAULTS = {"max_instances": 1, "coalesce": True}


def add_jobs(scheduler: BaseScheduler, service: Service) -> None:
    """Both jobs, starting now, never overlapping themselves; missed runs are coalesced."""
    for job_guard, work in guarded_jobs(service):
        scheduler.add_job(
            run_job,
            "interval",
            args=[job_guard, work],
            id=job_guard.name,
            seconds=job_guard.interval.total_seconds(),
            next_run_time=datetime.now(UTC),
        )


def build_scheduler(service: Service) -> BlockingScheduler:
    """The jobs on a scheduler that runs in the calling thread."""
    scheduler = BlockingScheduler(job_defaults=JOB_DEFAULTS)
    add_jobs(scheduler, service)
    return scheduler


def build_background_scheduler(service: Service) -> BackgroundScheduler:
    """The jobs on a scheduler that runs in its own thread (beside the web app)."""
    scheduler = BackgroundScheduler(job_defaults=JOB_DEFAULTS)
    add_jobs(scheduler, service)
    return scheduler
