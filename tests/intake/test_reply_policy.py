"""The council's reply policy: officer approval first, and replies only to chosen domains."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from ingest_service.mailbox.factory import maildir_root
from ingest_service.replies.approval import (
    ReplyNotAwaitingApproval,
    approve_reply,
    replies_awaiting_approval,
)
from ingest_service.replies.outbox import send_pending
from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import AuditEvent, OutboxEmail, OutboxStatus
from tests.intake.mail import deliver_all, synthetic_emails, with_headers
from tests.intake.test_chain import poll


@pytest.fixture
def council_service(settings: Settings, request: pytest.FixtureRequest) -> Iterator[Service]:
    built = Service.from_settings(settings.model_copy(update=request.param))
    yield built
    built.engine.dispose()


def send(service: Service) -> int:
    _, outgoing = service.mailbox
    return send_pending(service.sessions, outgoing, "LADO Team", "lado@example.org")


@pytest.mark.parametrize("council_service", [{"reply_mode": "approval"}], indirect=True)
def test_held_replies_go_only_once_approved(council_service: Service) -> None:
    deliver_all(maildir_root(council_service.settings.mailbox_url), synthetic_emails(2))
    poll(council_service)
    assert send(council_service) == 0
    with council_service.sessions() as session:
        held = [outbox.id for outbox, _ in replies_awaiting_approval(session)]
    assert len(held) == 2
    with unit_of_work(council_service.sessions) as session:
        approve_reply(session, held[0], "user:officer.a")
    assert send(council_service) == 1
    with council_service.sessions() as session:
        statuses = session.scalars(select(OutboxEmail.status).order_by(OutboxEmail.id)).all()
        approvals = session.scalars(
            select(AuditEvent.actor).where(AuditEvent.action == "reply_approved")
        ).all()
    assert statuses == [OutboxStatus.SENT, OutboxStatus.AWAITING_APPROVAL]
    assert approvals == ["user:officer.a"]
    with pytest.raises(ReplyNotAwaitingApproval), unit_of_work(council_service.sessions) as s:
        approve_reply(s, held[0], "user:officer.a")


@pytest.mark.parametrize("council_service", [{"reply_domains": ("example.sch.uk",)}], indirect=True)
def test_replies_only_to_listed_domains(council_service: Service) -> None:
    school, elsewhere = synthetic_emails(2)
    raws = [
        with_headers(school, From="Head <head@fernbrook.example.sch.uk>"),
        with_headers(elsewhere, From="Someone <someone@example.com>"),
    ]
    deliver_all(maildir_root(council_service.settings.mailbox_url), raws)
    poll(council_service)
    with council_service.sessions() as session:
        recipients = session.scalars(select(OutboxEmail.to_address)).all()
    assert recipients == ["head@fernbrook.example.sch.uk"]
