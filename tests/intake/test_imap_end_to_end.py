"""The intake chain over IMAP and SMTP: a private Dovecot holds the mailbox, aiosmtpd receives."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.smtp import Envelope
from pydantic import SecretStr
from sqlalchemy import func, select

from ingest_service.intake.ledger import record_fetched
from ingest_service.intake.poller import poll_once
from ingest_service.replies.composer import compose
from ingest_service.replies.missing_items import describe_missing
from ingest_service.replies.outbox import send_pending
from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.migrate import upgrade
from ingest_service.store.models import Message, OutboxEmail, OutboxStatus, Referral
from ingest_service.synthetic.demo_set import demo_referrals
from tests.intake.mail import synthetic_emails, with_headers
from tests.mailbox.servers import (
    PASSWORD,
    MailAccount,
    SmtpServer,
    running_smtp,
)

FROM_NAME, FROM_ADDRESS = "LADO Team", "lado@example.org"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    with running_smtp() as server:
        yield server


@pytest.fixture
def service(tmp_path: Path, account: MailAccount, smtp_server: SmtpServer) -> Iterator[Service]:
    """The service on SQLite, polling the account's INBOX and sending through aiosmtpd."""
    database_url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    upgrade(database_url)
    settings = Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        mailbox_url=account.url("INBOX"),
        mailbox_password=SecretStr(PASSWORD),
        smtp_url=smtp_server.url,
    )
    built = Service.from_settings(settings)
    yield built
    built.engine.dispose()


def poll_and_send(service: Service) -> int:
    mailbox, outgoing = service.mailbox
    poll_once(mailbox, service.sessions, service.documents, service.pipeline)
    return send_pending(service.sessions, outgoing, FROM_NAME, FROM_ADDRESS)


def count(service: Service, model: type[object]) -> int:
    with service.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def folder_size(account: MailAccount, folder: str) -> int:
    with account.client() as client:
        if not client.folder_exists(folder):
            return 0
        return int(client.folder_status(folder, ["MESSAGES"])[b"MESSAGES"])


def parse(raw: bytes | Envelope) -> EmailMessage:
    if isinstance(raw, Envelope):
        assert isinstance(raw.content, bytes)
        raw = raw.content
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_referrals_are_filed_answered_and_moved(
    service: Service, account: MailAccount, smtp_server: SmtpServer
) -> None:
    referrals = demo_referrals(count=8)
    raws = [referral.raw for referral in referrals[:6]]
    out_of_office = with_headers(referrals[6].raw, Auto_Submitted="auto-replied")
    bulk = with_headers(referrals[7].raw, Precedence="bulk")
    for raw in [*raws, out_of_office, bulk]:
        account.append(raw)

    assert poll_and_send(service) == len(raws)

    assert count(service, Referral) == 8
    assert folder_size(account, "INBOX") == 0
    assert folder_size(account, "Processed") == 8
    assert folder_size(account, "Sent") == len(raws)
    replies = {parse(envelope)["In-Reply-To"]: envelope for envelope in smtp_server.received}
    assert len(replies) == len(smtp_server.received) == len(raws)
    assert parse(out_of_office)["Message-ID"] not in replies
    assert parse(bulk)["Message-ID"] not in replies
    with service.sessions() as session:
        filed = {m.message_id: m.referral for m in session.scalars(select(Message))}
    for referral in referrals[:6]:
        original = parse(referral.raw)
        envelope = replies[original["Message-ID"]]
        reply = parse(envelope)
        reference = filed[original["Message-ID"]].reference  # type: ignore[union-attr]
        assert envelope.rcpt_tos == [original["From"].addresses[0].addr_spec]
        assert reply["Subject"].startswith(f"[{reference}] ")
        assert reply["Auto-Submitted"] == "auto-replied"
        plain = reply.get_body(preferencelist=("plain",))
        assert plain is not None and reply.get_body(preferencelist=("html",)) is not None
        body = plain.get_content()
        missing = referral.truth["missing_fields"]
        assert isinstance(missing, list)
        if not missing:
            assert "Referral received" in reply["Subject"]
            continue
        assert "More information needed" in reply["Subject"]
        for section in describe_missing(service.council.form, missing):
            assert section.title in body
            assert all(item in body for item in section.fields)


def test_a_new_uidvalidity_does_not_file_twice(service: Service, account: MailAccount) -> None:
    for raw in synthetic_emails(2):
        account.append(raw)
    mailbox, _ = service.mailbox
    for fetched in mailbox.fetch_new():  # a poll that filed both, then died before moving
        entry = record_fetched(service.sessions, service.documents, mailbox.identity, fetched)
        service.pipeline.process(entry.message_id)
    account.set_uidvalidity("INBOX", 7)  # the server rebuilt its index: every UID is new

    result = poll_once(mailbox, service.sessions, service.documents, service.pipeline)

    assert (result.fetched, result.moved) == (2, 2)
    assert count(service, Message) == 4  # ledgered under the old and the new keys
    assert count(service, Referral) == 2
    assert count(service, OutboxEmail) == 2
    assert folder_size(account, "INBOX") == 0
    assert folder_size(account, "Processed") == 2


def test_a_reply_already_in_sent_is_not_sent_again(
    service: Service, account: MailAccount, smtp_server: SmtpServer
) -> None:
    account.append(synthetic_emails(1)[0])
    mailbox, _ = service.mailbox
    poll_once(mailbox, service.sessions, service.documents, service.pipeline)
    with service.sessions() as session:
        outbox = session.scalars(select(OutboxEmail)).one()
        account.append(compose(outbox, FROM_NAME, FROM_ADDRESS), folder="Sent")  # sent, then died

    assert poll_and_send(service) == 1  # marked sent ...
    assert smtp_server.received == []  # ... without sending again
    assert folder_size(account, "Sent") == 1
    with service.sessions() as session:
        assert session.scalars(select(OutboxEmail.status)).one() is OutboxStatus.SENT
