"""The Graph adapter (MSAL + httpx, the real client code) against a local fake of Graph.

Exchange Online cannot run here; tests/mailbox/fakes/graph_server.py answers with the
documented v1.0 JSON and identity-platform messages, over TLS on 127.0.0.1 only.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import func, select

from ingest_service.intake.poller import PROCESSED_FOLDER, poll_once
from ingest_service.mailbox.factory import MailboxUrlError, open_mailbox
from ingest_service.mailbox.graph import GraphMailbox, GraphOutgoingMail, state_path
from ingest_service.mailbox.graph_auth import CertificateCredential, GraphTokenProvider
from ingest_service.mailbox.graph_http import GraphError, GraphHttp
from ingest_service.mailbox.graph_state import DeltaStateFile
from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.models import Referral
from tests.intake.mail import synthetic_emails
from tests.mailbox.fakes.graph_server import MAILBOX, TENANT, WELL_KNOWN, FakeGraph, handler_for
from tests.mailbox.fakes.http import self_signed_certificate, serve, write_private_key


@dataclass
class Graph:
    """A running fake and what a client needs to reach it."""

    fake: FakeGraph
    base_url: str
    ca_bundle: Path
    state_file: Path

    def api(self, tokens: GraphTokenProvider | None = None, **options: object) -> GraphHttp:
        provider = tokens or GraphTokenProvider(
            TENANT,
            "client-id",
            secret=SecretStr("client-secret"),
            authority_host=self.base_url,
            ca_bundle=self.ca_bundle,
        )
        return GraphHttp(
            provider.token,
            base_url=f"{self.base_url}/v1.0",
            ca_bundle=self.ca_bundle,
            **options,  # type: ignore[arg-type]
        )

    def mailbox(self, page_size: int = 2) -> GraphMailbox:
        state = DeltaStateFile(self.state_file)
        return GraphMailbox(self.api(), TENANT, MAILBOX, "Inbox", state, page_size=page_size)


@pytest.fixture
def graph(tmp_path: Path) -> Iterator[Graph]:
    fake = FakeGraph()
    tls = self_signed_certificate(tmp_path)
    with serve(handler_for(fake), tls) as base_url:
        fake.base_url = base_url
        state = state_path(tmp_path / "data", TENANT, MAILBOX, "Inbox")
        yield Graph(fake, base_url, tls[0], state)


def emails(count: int) -> list[bytes]:
    return [
        f"Message-ID: <m{n}@school.example>\r\nSubject: referral {n}\r\n\r\nbody {n}\r\n".encode()
        for n in range(count)
    ]


def delta_requests(fake: FakeGraph) -> list[str]:
    return [
        "&".join(sorted(r.query)) or "initial"
        for r in fake.requests
        if r.path.endswith("/messages/delta")
    ]


def test_delta_reads_every_page_then_only_new_messages(graph: Graph) -> None:
    ids = [graph.fake.deliver(raw) for raw in emails(3)]
    mailbox = graph.mailbox(page_size=2)

    first = list(mailbox.fetch_new())
    assert [m.key for m in first] == ids
    assert [m.raw for m in first] == emails(3)
    assert first[0].received_at.isoformat() == "2026-03-09T10:01:00+00:00"
    assert delta_requests(graph.fake) == ["$select", "$skiptoken"]  # followed the nextLink

    for message in first:
        mailbox.move(message.key, PROCESSED_FOLDER)
    new_id = graph.fake.deliver(b"Message-ID: <new@school.example>\r\n\r\nnew\r\n")
    second = list(mailbox.fetch_new())
    assert [m.key for m in second] == [new_id]
    assert delta_requests(graph.fake)[2] == "$deltatoken"  # then the next page of changes

    assert all('IdType="ImmutableId"' in r.headers["Prefer"] for r in graph.fake.requests[2:])
    (token_request,) = graph.fake.token_requests  # cached by MSAL afterwards
    assert token_request["grant_type"] == "client_credentials"
    assert token_request["client_secret"] == "client-secret"
    assert token_request["scope"].split() == ["https://graph.microsoft.com/.default"]


def test_message_not_moved_is_fetched_again(graph: Graph) -> None:
    (message_id,) = [graph.fake.deliver(raw) for raw in emails(1)]
    mailbox = graph.mailbox()
    assert [m.key for m in mailbox.fetch_new()] == [message_id]
    assert [m.key for m in mailbox.fetch_new()] == [message_id]  # e.g. processing failed
    mailbox.move(message_id, PROCESSED_FOLDER)
    assert list(mailbox.fetch_new()) == []


def test_move_finds_or_creates_the_folder_and_keeps_the_id(graph: Graph) -> None:
    ids = [graph.fake.deliver(raw) for raw in emails(2)]
    mailbox = graph.mailbox()
    list(mailbox.fetch_new())
    for message_id in ids:
        mailbox.move(message_id, "Needs review")
    mailbox.move("AAkALgAAAAAAHYQDEapmEc2byACqAC-Gone==", "Needs review")  # a no-op

    folder = graph.fake.folder_named("Needs review")
    assert folder is not None
    assert [m.id for m in graph.fake.in_folder(folder)] == ids  # immutable ids survive
    creations = [
        r for r in graph.fake.requests if r.method == "POST" and r.path.endswith("Folders")
    ]
    assert len(creations) == 1

    fresh = graph.mailbox()  # another poller finds the existing folder by displayName
    fresh.move(ids[0], "Needs review")
    assert len(graph.fake.folders) == 3


def test_reply_is_sent_as_mime_once(graph: Graph) -> None:
    outgoing = GraphOutgoingMail(graph.api(), MAILBOX)
    raw = b"Message-ID: <reply-1@lado.example.org>\r\nSubject: [LADO-2026-000001]\r\n\r\nThanks\r\n"
    assert not outgoing.was_sent("<reply-1@lado.example.org>")
    outgoing.send(raw, "<reply-1@lado.example.org>")
    assert outgoing.was_sent("<reply-1@lado.example.org>")
    assert not outgoing.was_sent("<reply-2@lado.example.org>")

    (sent,) = graph.fake.in_folder(WELL_KNOWN["sentitems"])
    assert sent.raw == raw
    send = next(r for r in graph.fake.requests if r.path.endswith("/sendMail"))
    assert send.headers["Content-Type"] == "text/plain"


def test_attachments_come_whole_through_value(graph: Graph) -> None:
    raw = synthetic_emails(1)[0]  # a referral with its form attached
    message_id = graph.fake.deliver(raw)
    (fetched,) = list(graph.mailbox().fetch_new())
    assert fetched.key == message_id and fetched.raw == raw
    assert any(r.path.endswith(f"/messages/{message_id}/$value") for r in graph.fake.requests)


def test_throttled_call_waits_for_retry_after_then_succeeds(graph: Graph) -> None:
    graph.fake.deliver(emails(1)[0])
    graph.fake.throttle["/messages/delta"] = 1
    assert len(list(graph.mailbox().fetch_new())) == 1
    first, second = [r for r in graph.fake.requests if r.path.endswith("/messages/delta")]
    assert second.at - first.at >= 1.0  # Retry-After: 1 was honoured


def test_throttling_gives_up_after_bounded_attempts(graph: Graph) -> None:
    waits: list[float] = []
    graph.fake.throttle["/sendMail"] = 10
    outgoing = GraphOutgoingMail(graph.api(max_attempts=3, sleep=waits.append), MAILBOX)
    with pytest.raises(GraphError) as raised:
        outgoing.send(emails(1)[0], "<m0@school.example>")
    assert isinstance(raised.value, OSError)  # the outbox keeps the reply for the next run
    assert (raised.value.status, raised.value.code) == (429, "ApplicationThrottled")
    assert waits == [1.0, 1.0]


def test_certificate_credential_signs_a_client_assertion(graph: Graph, tmp_path: Path) -> None:
    key_path = tmp_path / "app-key.pem"
    write_private_key(key_path)
    tokens = GraphTokenProvider(
        TENANT,
        "client-id",
        certificate=CertificateCredential(
            key_path, "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01"
        ),
        authority_host=graph.base_url,
        ca_bundle=graph.ca_bundle,
    )
    assert tokens.token()
    (request,) = graph.fake.token_requests
    assert request["client_assertion_type"].endswith(":client-assertion-type:jwt-bearer")
    header = json.loads(base64.urlsafe_b64decode(request["client_assertion"].split(".")[0] + "=="))
    assert header["alg"] in {"RS256", "PS256"} and ("x5t" in header or "x5t#S256" in header)
    assert "client_secret" not in request


def referrals(service: Service) -> int:
    with service.sessions() as session:
        return session.scalar(select(func.count()).select_from(Referral)) or 0


def graph_settings(graph: Graph, settings: Settings, **changes: object) -> Settings:
    """The service's settings pointed at the fake Graph, as a council would configure it."""
    return settings.model_copy(
        update={
            "mailbox_url": f"graph://{TENANT}/{MAILBOX}/Inbox",
            "graph_client_id": "client-id",
            "graph_client_secret": SecretStr("client-secret"),
            "graph_authority": graph.base_url,
            "graph_url": f"{graph.base_url}/v1.0",
            "ca_bundle": graph.ca_bundle,
            **changes,
        }
    )


def test_factory_needs_exactly_one_credential(graph: Graph, settings: Settings) -> None:
    with pytest.raises(MailboxUrlError, match="LADO_GRAPH_CLIENT_ID"):
        open_mailbox(graph_settings(graph, settings, graph_client_id=""))
    with pytest.raises(MailboxUrlError, match="not both"):
        open_mailbox(graph_settings(graph, settings, graph_client_secret=None))
    with pytest.raises(MailboxUrlError, match="TENANT_ID/MAILBOX/FOLDER"):
        open_mailbox(graph_settings(graph, settings, mailbox_url=f"graph://{TENANT}"))


def test_expired_delta_link_resyncs_without_filing_twice(graph: Graph, service: Service) -> None:
    mailbox, _ = open_mailbox(graph_settings(graph, service.settings))
    assert mailbox.identity == f"graph://{TENANT}/{MAILBOX.lower()}/Inbox"
    ids = [graph.fake.deliver(raw) for raw in synthetic_emails(2)]
    poll_once(mailbox, service.sessions, service.documents, service.pipeline)
    assert referrals(service) == 2
    assert not graph.fake.in_folder(WELL_KNOWN["inbox"])

    saved_link = DeltaStateFile(graph.state_file).load().delta_link
    assert saved_link is not None
    graph.fake.expired_tokens.add(saved_link.rsplit("=", 1)[1])  # the saved delta link expires
    graph.fake.messages[ids[0]].folder = WELL_KNOWN["inbox"]  # an officer drags one back
    graph.fake.deliver(synthetic_emails(3)[2])
    result = poll_once(mailbox, service.sessions, service.documents, service.pipeline)

    assert delta_requests(graph.fake)[-2:] == ["$deltatoken", "$select"]  # 410, then full sync
    assert (result.fetched, result.processed, result.moved) == (2, 1, 2)
    assert referrals(service) == 3  # the dragged-back message was not filed again
    assert not graph.fake.in_folder(WELL_KNOWN["inbox"])
