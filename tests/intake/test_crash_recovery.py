"""A process killed at any point of the chain loses nothing and sends nothing twice."""

from __future__ import annotations

import subprocess
import sys
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ingest_service.mailbox.factory import maildir_root
from ingest_service.service import Service
from ingest_service.store.models import Message, OutboxEmail, OutboxStatus, Referral
from tests.intake.crash_harness import KILLED
from tests.intake.mail import deliver_all, synthetic_emails

REPO = Path(__file__).resolve().parents[2]


def run_child(service: Service, point: str) -> int:
    settings = service.settings
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.intake.crash_harness",
            str(settings.data_dir),
            settings.database_url,
            point,
        ],
        cwd=REPO,
        capture_output=True,
        timeout=300,
        check=False,
    )
    return completed.returncode


@pytest.mark.parametrize("point", ["after-fetch", "after-filing", "before-move", "after-sending"])
def test_killed_then_restarted_loses_nothing(service: Service, point: str) -> None:
    raws = synthetic_emails(3)
    root = maildir_root(service.settings.mailbox_url)
    deliver_all(root, raws)
    assert run_child(service, point) == KILLED
    assert run_child(service, "none") == 0
    with service.sessions() as session:
        referrals = session.scalar(select(func.count(Referral.id)))
        unprocessed = session.scalar(
            select(func.count(Message.id)).where(Message.processed_at.is_(None))
        )
        statuses = session.scalars(select(OutboxEmail.status)).all()
        message_ids = session.scalars(select(OutboxEmail.rfc_message_id)).all()
    assert referrals == len(raws)
    assert unprocessed == 0
    assert statuses == [OutboxStatus.SENT] * len(raws)
    sent = [
        message_from_bytes(p.read_bytes(), policy=policy.default)["Message-ID"]
        for p in (root / ".Sent" / "new").iterdir()
    ]
    assert sorted(sent) == sorted(message_ids)
    assert not list((root / "new").iterdir()) and not list((root / "cur").iterdir())
