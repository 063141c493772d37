"""The IMAP mailbox and SMTP sending against a private Dovecot and an aiosmtpd server."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from imapclient import DELETED, SEEN
from pydantic import SecretStr

from ingest_service.mailbox.endpoints import MailboxUrlError, parse_server_url
from ingest_service.mailbox.factory import open_mailbox
from ingest_service.mailbox.imap import ImapMailbox
from ingest_service.mailbox.imap_connection import MailServerError
from ingest_service.mailbox.smtp import SmtpOutgoingMail
from ingest_service.settings import Settings
from tests.mailbox.servers import (
    PASSWORD,
    SMTP_OAUTH_TOKEN,
    SMTP_PASSWORD,
    SMTP_USER,
    MailAccount,
    SmtpServer,
    running_dovecot,
    running_smtp,
)

# Dovecot announcing neither MOVE nor anything else the move fallback does not need.
WITHOUT_MOVE = "IMAP4rev1 LITERAL+ UIDPLUS"


def raw_email(number: int) -> bytes:
    """A small email with a Message-ID of its own."""
    return (
        f"From: school{number}@example.sch.uk\r\nTo: lado@example.org\r\n"
        f"Message-ID: <m{number}@example.sch.uk>\r\nSubject: referral {number}\r\n\r\n"
        f"body {number}\r\n"
    ).encode()


@pytest.fixture(scope="module")
def smtp_server() -> Iterator[SmtpServer]:
    with running_smtp() as server:
        yield server


def make_settings(tmp_path: Path, account: MailAccount, smtp_url: str, **extra: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": tmp_path,
        "mailbox_url": account.url(),
        "mailbox_password": SecretStr(PASSWORD),
        "smtp_url": smtp_url,
    }
    return Settings.model_validate({**values, **extra})


def open_imap(
    tmp_path: Path, account: MailAccount, smtp_url: str = "smtp://127.0.0.1:1", **extra: object
) -> tuple[ImapMailbox, SmtpOutgoingMail]:
    mailbox, outgoing = open_mailbox(make_settings(tmp_path, account, smtp_url, **extra))
    assert isinstance(mailbox, ImapMailbox) and isinstance(outgoing, SmtpOutgoingMail)
    return mailbox, outgoing


def flags_in(account: MailAccount, folder: str) -> list[tuple[bytes, ...]]:
    with account.client() as client:
        client.select_folder(folder, readonly=True)
        return [data[b"FLAGS"] for data in client.fetch("1:*", ["FLAGS"]).values()]


def test_fetches_oldest_first_without_marking_seen(tmp_path: Path, account: MailAccount) -> None:
    start = datetime(2026, 3, 9, 9, 0, tzinfo=UTC)
    with account.client() as client:
        for number, minutes in ((1, 30), (2, 10), (3, 20)):  # UID order is not arrival order
            client.append("INBOX", raw_email(number), msg_time=start + timedelta(minutes=minutes))
        validity = client.select_folder("INBOX")[b"UIDVALIDITY"]
    mailbox, _ = open_imap(tmp_path, account)
    fetched = list(mailbox.fetch_new())
    assert [m.raw for m in fetched] == [raw_email(2), raw_email(3), raw_email(1)]
    assert [m.key for m in fetched] == [f"{validity}:2", f"{validity}:3", f"{validity}:1"]
    assert fetched[0].received_at == start + timedelta(minutes=10)
    assert all(SEEN not in flags for flags in flags_in(account, "INBOX"))
    assert mailbox.identity == f"imap://{account.user}@127.0.0.1/INBOX"


def test_move_creates_the_folder_and_is_harmless_twice(
    tmp_path: Path, account: MailAccount
) -> None:
    account.append(raw_email(1))
    account.append(raw_email(2))
    mailbox, _ = open_imap(tmp_path, account)
    first, _second = list(mailbox.fetch_new())
    mailbox.move(first.key, "Needs review")
    mailbox.move(first.key, "Needs review")
    assert [m.raw for m in mailbox.fetch_new()] == [raw_email(2)]
    with account.client() as client:
        client.select_folder("Needs review", readonly=True)
        moved = client.fetch("1:*", ["BODY.PEEK[]"])
        assert [data[b"BODY[]"] for data in moved.values()] == [raw_email(1)]
        assert client.folder_status("INBOX", ["MESSAGES"])[b"MESSAGES"] == 1


def test_without_move_it_copies_and_expunges_only_that_uid(
    tmp_path: Path, account: MailAccount
) -> None:
    with running_dovecot(capabilities=WITHOUT_MOVE) as limited:
        own = limited.add_user()
        own.append(raw_email(1))
        own.append(raw_email(2), flags=(DELETED,))  # someone else's pending deletion
        mailbox, _ = open_imap(tmp_path, own)
        [fetched] = list(mailbox.fetch_new())  # a message marked \Deleted is not listed
        mailbox.move(fetched.key, "Processed")
        with own.client() as client:
            assert not client.has_capability("MOVE")
            assert client.folder_status("INBOX", ["MESSAGES"])[b"MESSAGES"] == 1
            assert client.folder_status("Processed", ["MESSAGES"])[b"MESSAGES"] == 1
        [left_flags] = flags_in(own, "INBOX")
        assert DELETED in left_flags


def test_a_new_uidvalidity_relists_and_old_keys_move_nothing(
    tmp_path: Path, account: MailAccount
) -> None:
    account.append(raw_email(1))
    mailbox, _ = open_imap(tmp_path, account)
    [before] = list(mailbox.fetch_new())
    account.set_uidvalidity("INBOX", 4242)
    mailbox.move(before.key, "Processed")  # stale key: left for the next poll
    [after] = list(mailbox.fetch_new())
    assert after.key == "4242:1" and after.raw == before.raw
    mailbox.move(after.key, "Processed")
    assert list(mailbox.fetch_new()) == []


def test_send_submits_and_keeps_a_copy_in_sent(
    tmp_path: Path, account: MailAccount, smtp_server: SmtpServer
) -> None:
    _, outgoing = open_imap(
        tmp_path,
        account,
        smtp_server.url,
        smtp_username=SMTP_USER,
        smtp_password=SecretStr(SMTP_PASSWORD),
    )
    raw = raw_email(7)
    assert not outgoing.was_sent("<m7@example.sch.uk>")
    before = len(smtp_server.received)
    outgoing.send(raw, "<m7@example.sch.uk>")
    envelope = smtp_server.received[before]
    assert envelope.mail_from == "school7@example.sch.uk"
    assert envelope.rcpt_tos == ["lado@example.org"]
    assert isinstance(envelope.content, bytes)
    delivered = message_from_bytes(envelope.content, policy=policy.default)
    assert delivered["Message-ID"] == "<m7@example.sch.uk>"
    assert outgoing.was_sent("<m7@example.sch.uk>")
    assert not outgoing.was_sent("<m8@example.sch.uk>")
    [sent_flags] = flags_in(account, "Sent")
    assert SEEN in sent_flags


def test_wrong_credentials_are_mail_server_errors(
    tmp_path: Path, account: MailAccount, smtp_server: SmtpServer
) -> None:
    mailbox, outgoing = open_imap(tmp_path, account, mailbox_password=SecretStr("wrong"))
    with pytest.raises(MailServerError):
        list(mailbox.fetch_new())
    with pytest.raises(MailServerError):  # no Sent copy, so nothing is submitted
        outgoing.send(raw_email(2), "<m2@example.sch.uk>")
    assert len(smtp_server.received) == 0 or all(
        b"<m2@example.sch.uk>" not in (e.content or b"") for e in smtp_server.received
    )
    _, outgoing = open_imap(
        tmp_path, account, smtp_server.url, smtp_username=SMTP_USER, smtp_password=SecretStr("x")
    )
    with pytest.raises(OSError):  # smtplib's errors are OSErrors: the outbox retries them
        outgoing.send(raw_email(1), "<m1@example.sch.uk>")
    assert not outgoing.was_sent("<m1@example.sch.uk>"), "a refused reply left its Sent copy"


def test_smtp_xoauth2_submits_with_a_bearer_token(
    tmp_path: Path, account: MailAccount, smtp_server: SmtpServer
) -> None:
    _, outgoing = open_imap(
        tmp_path,
        account,
        smtp_server.url,
        smtp_username=SMTP_USER,
        smtp_oauth_token=SecretStr(SMTP_OAUTH_TOKEN),
    )
    outgoing.send(raw_email(4), "<m4@example.sch.uk>")
    assert smtp_server.received[-1].rcpt_tos == ["lado@example.org"]
    assert outgoing.was_sent("<m4@example.sch.uk>")
    _, expired = open_imap(
        tmp_path,
        account,
        smtp_server.url,
        smtp_username=SMTP_USER,
        smtp_oauth_token=SecretStr("expired"),
    )
    with pytest.raises(smtplib.SMTPAuthenticationError):
        expired.send(raw_email(5), "<m5@example.sch.uk>")
    assert not expired.was_sent("<m5@example.sch.uk>")


def test_a_crash_during_submission_never_sends_twice(
    tmp_path: Path, account: MailAccount, smtp_server: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, outgoing = open_imap(tmp_path, account, smtp_server.url)

    def killed(*args: object) -> None:
        raise SystemExit("killed during SMTP submission")

    monkeypatch.setattr("ingest_service.mailbox.smtp.submit", killed)
    with pytest.raises(SystemExit):
        outgoing.send(raw_email(3), "<m3@example.sch.uk>")
    assert outgoing.was_sent("<m3@example.sch.uk>"), "after a restart the outbox would resend"


def test_xoauth2_login(tmp_path: Path, account: MailAccount) -> None:
    account.append(raw_email(1))
    token = SecretStr(account.oauth_token)
    mailbox, _ = open_imap(tmp_path, account, mailbox_password=None, mailbox_oauth_token=token)
    assert [m.raw for m in mailbox.fetch_new()] == [raw_email(1)]
    expired = SecretStr("expired-token")
    mailbox, _ = open_imap(tmp_path, account, mailbox_password=None, mailbox_oauth_token=expired)
    with pytest.raises(MailServerError):
        list(mailbox.fetch_new())


def test_a_dropped_connection_is_reopened(tmp_path: Path, account: MailAccount) -> None:
    account.append(raw_email(1))
    mailbox, _ = open_imap(tmp_path, account)
    assert len(list(mailbox.fetch_new())) == 1
    account.kick()  # the server drops the idle connection
    assert len(list(mailbox.fetch_new())) == 1


def test_urls_and_settings(tmp_path: Path) -> None:
    server = parse_server_url(
        "imaps://lado%40council.gov.uk@mail.example.org/LADO/Referrals",
        "LADO_MAILBOX_URL",
        ("imap", "imaps"),
    )
    assert (server.host, server.port, server.implicit_tls) == ("mail.example.org", 993, True)
    assert (server.username, server.path) == ("lado@council.gov.uk", "LADO/Referrals")
    assert not server.is_loopback
    smtp = parse_server_url("smtp://127.0.0.1", "LADO_SMTP_URL", ("smtp", "smtps"))
    assert (smtp.port, smtp.implicit_tls, smtp.is_loopback) == (587, False, True)
    good: dict[str, object] = {
        "data_dir": tmp_path,
        "mailbox_url": "imaps://lado@mail.example.org/INBOX",
        "mailbox_oauth_token": SecretStr("token"),
        "smtp_url": "smtps://mail.example.org",
    }
    assert (
        open_mailbox(Settings.model_validate(good))[0].identity
        == "imap://lado@mail.example.org/INBOX"
    )
    refused: list[tuple[dict[str, object], str]] = [
        ({"mailbox_url": "imaps://lado:secret@mail.example.org/"}, "own setting"),
        ({"mailbox_url": "imaps://mail.example.org/"}, "name the IMAP user"),
        ({"mailbox_oauth_token": None}, "LADO_MAILBOX_PASSWORD"),
        ({"smtp_url": ""}, "LADO_SMTP_URL: an IMAP mailbox"),
        ({"smtp_url": "http://mail.example.org"}, "expected smtp or smtps"),
        ({"mailbox_url": "pop3://lado@mail.example.org"}, "unsupported scheme 'pop3'"),
    ]
    for change, message in refused:
        with pytest.raises(MailboxUrlError, match=message):
            open_mailbox(Settings.model_validate({**good, **change}))
