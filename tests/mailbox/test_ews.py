"""The EWS adapter (exchangelib, the real client code) against a local fake EWS endpoint.

Exchange Server cannot run here; tests/mailbox/fakes/ews_server.py answers the documented
SOAP messages on 127.0.0.1 only.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from exchangelib import Account
from pydantic import SecretStr

from ingest_service.intake.poller import NEEDS_REVIEW_FOLDER, PROCESSED_FOLDER, poll_once
from ingest_service.mailbox.ews import EwsError, EwsMailbox, EwsOutgoingMail, ews_account
from ingest_service.mailbox.factory import open_mailbox
from ingest_service.replies.outbox import send_pending
from ingest_service.service import Service
from tests.intake.mail import synthetic_emails
from tests.mailbox.fakes.ews_server import (
    ACCESS_TOKEN,
    CLIENT_ID,
    CLIENT_SECRET,
    INBOX,
    MAILBOX,
    PASSWORD,
    SENT,
    TENANT,
    USERNAME,
    FakeExchange,
    handler_for,
)
from tests.mailbox.fakes.http import self_signed_certificate, serve


@dataclass
class Ews:
    fake: FakeExchange
    account: Account


@pytest.fixture(params=["delegate", "impersonation"])
def ews(request: pytest.FixtureRequest) -> Iterator[Ews]:
    fake = FakeExchange()
    with serve(handler_for(fake)) as base_url:
        account = ews_account(
            f"{base_url}/EWS/Exchange.asmx",
            MAILBOX,
            username=USERNAME,
            password=SecretStr(PASSWORD),
            auth_type="basic",
            access_type=request.param,
        )
        yield Ews(fake, account)
        account.protocol.close()


def emails(count: int) -> list[bytes]:
    return [
        f"Message-ID: <m{n}@school.example>\r\nSubject: referral {n}\r\n\r\nbody {n}\r\n".encode()
        for n in range(count)
    ]


def test_fetch_lists_the_folder_oldest_first_with_mime(ews: Ews) -> None:
    raws = [*emails(2), synthetic_emails(1)[0]]  # the last has its referral form attached
    ids = [ews.fake.deliver(raw) for raw in raws]
    fetched = list(EwsMailbox(ews.account, "Inbox").fetch_new())
    assert [m.key for m in fetched] == ids
    assert [m.raw for m in fetched] == raws
    assert fetched[0].received_at.isoformat() == "2026-03-09T10:01:00+00:00"
    assert {"FindItem", "GetItem"} <= set(ews.fake.operations)


def test_move_creates_the_folder_once(ews: Ews) -> None:
    ids = [ews.fake.deliver(raw) for raw in emails(3)]
    mailbox = EwsMailbox(ews.account, "Inbox")
    mailbox.move(ids[0], PROCESSED_FOLDER)
    mailbox.move(ids[1], PROCESSED_FOLDER)
    mailbox.move(ids[2], NEEDS_REVIEW_FOLDER)
    mailbox.move(ids[2], NEEDS_REVIEW_FOLDER)  # already moved: a no-op
    assert ews.fake.operations.count("CreateFolder") == 2
    processed = ews.fake.folder_named(PROCESSED_FOLDER)
    assert processed is not None and len(ews.fake.in_folder(processed)) == 2
    assert list(mailbox.fetch_new()) == []
    assert ews.fake.in_folder(INBOX) == []


def test_reply_is_sent_as_mime_and_found_in_sent_items(ews: Ews) -> None:
    outgoing = EwsOutgoingMail(ews.account)
    raw = b"Message-ID: <reply-1@lado.example.org>\r\nSubject: [LADO-2026-000001]\r\n\r\nThanks\r\n"
    assert not outgoing.was_sent("<reply-1@lado.example.org>")
    outgoing.send(raw, "<reply-1@lado.example.org>")
    assert outgoing.was_sent("<reply-1@lado.example.org>")
    assert not outgoing.was_sent("<reply-2@lado.example.org>")
    (sent,) = ews.fake.in_folder(SENT)
    assert ews.fake.items[sent].raw == raw


def test_access_type_decides_impersonation(ews: Ews) -> None:
    ews.fake.deliver(emails(1)[0])
    list(EwsMailbox(ews.account, "Inbox").fetch_new())
    if ews.account.access_type == "impersonation":
        assert set(ews.fake.impersonated) == {MAILBOX}
    else:
        assert ews.fake.impersonated == []


def test_service_files_and_answers_through_the_factory(service: Service) -> None:
    fake = FakeExchange()
    with serve(handler_for(fake)) as base_url:
        settings = service.settings.model_copy(
            update={
                "mailbox_url": f"ews://{MAILBOX}/Inbox",
                "ews_url": f"{base_url}/EWS/Exchange.asmx",
                "ews_username": USERNAME,
                "ews_password": SecretStr(PASSWORD),
                "ews_auth": "basic",
            }
        )
        mailbox, outgoing = open_mailbox(settings)
        for raw in synthetic_emails(2):
            fake.deliver(raw)
        result = poll_once(mailbox, service.sessions, service.documents, service.pipeline)
        sent = send_pending(service.sessions, outgoing, "LADO Team", "lado@example.org")
        again = send_pending(service.sessions, outgoing, "LADO Team", "lado@example.org")
    assert (result.fetched, result.processed, result.moved) == (2, 2, 2)
    assert (sent, again) == (2, 0)
    assert len(fake.in_folder(SENT)) == 2
    assert fake.in_folder(INBOX) == []


def test_throttled_request_waits_for_retry_after_then_succeeds(ews: Ews) -> None:
    ews.fake.deliver(emails(1)[0])
    ews.fake.busy_once.add("FindItem")
    started = time.monotonic()
    fetched = list(EwsMailbox(ews.account, "Inbox").fetch_new())
    assert len(fetched) == 1
    assert "FindItem (throttled)" in ews.fake.operations
    assert time.monotonic() - started >= 1.0


@contextmanager
def oauth_ews(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, secret: str) -> Iterator[Ews]:
    """A fake Exchange over TLS and an account signing in with client credentials."""
    fake = FakeExchange()
    tls = self_signed_certificate(tmp_path)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tls[0]))  # trust the fake's own certificate
    with serve(handler_for(fake), tls) as base_url:
        account = ews_account(
            f"{base_url}/EWS/Exchange.asmx",
            MAILBOX,
            tenant_id=TENANT,
            client_id=CLIENT_ID,
            client_secret=SecretStr(secret),
            authority_host=base_url,
        )
        yield Ews(fake, account)
        account.protocol.close()


def test_oauth_client_credentials_fetch_a_token_and_impersonate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with oauth_ews(tmp_path, monkeypatch, CLIENT_SECRET) as ews:
        ews.fake.deliver(emails(1)[0])
        fetched = list(EwsMailbox(ews.account, "Inbox").fetch_new())
    assert [m.raw for m in fetched] == emails(1)
    (token_request,) = ews.fake.token_requests
    assert token_request["grant_type"] == "client_credentials"
    assert token_request["scope"] == "https://outlook.office365.com/.default"
    assert set(ews.fake.impersonated) == {MAILBOX}
    assert ACCESS_TOKEN not in repr(ews.account.protocol.credentials)


def test_oauth_with_a_wrong_secret_is_an_ews_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with oauth_ews(tmp_path, monkeypatch, "wrong") as ews:
        ews.fake.deliver(emails(1)[0])
        with pytest.raises(EwsError, match="InvalidClientError"):
            list(EwsMailbox(ews.account, "Inbox").fetch_new())
    assert ews.fake.operations == [] and not ews.fake.impersonated, (
        "nothing may be read without a token"
    )
