"""The long-running service: APScheduler jobs that poll the mailbox and send queued replies."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from apscheduler.schedulers.blocking import BlockingScheduler

from ingest_service.intake.poller import poll_once
from ingest_service.replies.outbox import send_pending
from ingest_service.safe_logging import log_failure
from ingest_service.service import Service

log = logging.getLogger(__name__)


def poll_job(service: Service) -> None:
    """Poll once; a failure is logged and the next run tries again."""
    mailbox, _ = service.mailbox
    try:
        poll_once(mailbox, service.sessions, service.documents, service.pipeline)
    except Exception as exc:
        log_failure(log, "poll of the mailbox failed; will retry at the next interval", exc)


def send_job(service: Service) -> None:
    """Send queued replies; a failure is logged and the next run tries again."""
    _, outgoing = service.mailbox
    try:
        send_pending(
            service.sessions,
            outgoing,
            service.settings.lado_display_name,
            service.settings.lado_address,
        )
    except Exception as exc:
        log_failure(log, "sending replies failed; will retry at the next interval", exc)


def build_scheduler(service: Service) -> BlockingScheduler:
    """Both jobs, starting now, never overlapping themselves; missed runs are coalesced."""
    scheduler = BlockingScheduler(job_defaults={"max_instances": 1, "coalesce": True})
    settings = service.settings
    scheduler.add_job(
        poll_job,
        "interval",
        args=[service],
        id="poll",
        seconds=settings.poll_interval_seconds,
        next_run_time=datetime.now(UTC),
    )
    scheduler.add_job(
        send_job,
        "interval",
        args=[service],
        id="send",
        seconds=settings.send_interval_seconds,
        next_run_time=datetime.now(UTC),
    )
    return scheduler
