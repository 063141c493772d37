"""Child process for the crash tests: one poll and one send, killed at a chosen point.

Usage: python -m tests.intake.crash_harness DATA_DIR DATABASE_URL POINT
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ingest_service.intake import poller
from ingest_service.intake.context import IntakeMessage
from ingest_service.intake.ledger import record_fetched
from ingest_service.replies.outbox import send_pending
from ingest_service.service import Service
from ingest_service.settings import Settings

KILLED = 86


def die() -> None:
    """Die at once, as a killed process does: no cleanup, no commit."""
    os._exit(KILLED)


class DieStep:
    """A step that kills the process after the chain has filed the referral."""

    name = "die"

    def able_to_run(self, item: IntakeMessage) -> bool:
        return True

    def run(self, item: IntakeMessage, session: Session) -> str:
        session.flush()
        die()
        return ""


def main(data_dir: str, database_url: str, point: str) -> None:
    service = Service.from_settings(Settings(data_dir=Path(data_dir), database_url=database_url))
    mailbox, outgoing = service.mailbox
    if point == "after-fetch":

        def record_then_die(*args: Any) -> Any:
            record_fetched(*args)
            die()

        setattr(poller, "record_fetched", record_then_die)  # noqa: B010 (a test seam)
    elif point == "after-filing":
        steps = service.pipeline.steps
        steps.insert([s.name for s in steps].index("file") + 1, DieStep())
    elif point == "before-move":
        mailbox.move = lambda key, folder: die()  # type: ignore[method-assign]
    elif point == "after-sending":
        real_send = outgoing.send

        def send_then_die(raw: bytes, rfc_message_id: str) -> None:
            real_send(raw, rfc_message_id)
            die()

        outgoing.send = send_then_die  # type: ignore[method-assign]
    poller.poll_once(mailbox, service.sessions, service.documents, service.pipeline)
    settings = service.settings
    send_pending(service.sessions, outgoing, settings.lado_display_name, settings.lado_address)


if __name__ == "__main__":
    main(*sys.argv[1:4])
