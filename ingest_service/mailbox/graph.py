"""A Microsoft Graph mailbox (Exchange Online): delta reading, move, sendMail with MIME.

Reading uses delta queries on one folder with immutable ids, so a message keeps its key when
it is moved. The delta link and the ids listed but not yet moved live in a small state file;
a lost or expired delta link (410 Gone, syncStateNotFound) means a full resync, which is
harmless because the ledger skips messages it already holds. Messages that failed processing
stay pending and are fetched again on the next poll, like the other adapters.

Tested against a local fake of the documented Graph and token endpoints (tests/mailbox), not
against Exchange Online, which cannot run here.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from pydantic import SecretStr

from ingest_service.mailbox.base import FetchedMessage
from ingest_service.mailbox.graph_auth import (
    GRAPH_SCOPE,
    PUBLIC_AUTHORITY_HOST,
    CertificateCredential,
    GraphTokenProvider,
)
from ingest_service.mailbox.graph_folders import GraphFolders, odata_string
from ingest_service.mailbox.graph_http import GRAPH_URL, GraphError, GraphHttp
from ingest_service.mailbox.graph_state import DeltaState, DeltaStateFile

log = logging.getLogger(__name__)

# Error codes Graph uses when a delta link can no longer be used.
RESYNC_CODES = frozenset({"syncStateNotFound", "syncStateInvalid", "resyncRequired"})


def user_path(mailbox: str) -> str:
    """The URL path of a mailbox."""
    return f"users/{quote(mailbox, safe='@')}"


class GraphMailbox:
    """One folder of a mailbox, read incrementally; processed mail is moved, never deleted."""

    def __init__(
        self,
        api: GraphHttp,
        tenant_id: str,
        mailbox: str,
        folder: str,
        state: DeltaStateFile,
        *,
        page_size: int = 50,
    ) -> None:
        self._api = api
        self.tenant_id = tenant_id
        self.mailbox = mailbox
        self.folder = folder
        self._state = state
        self._folders = GraphFolders(api, mailbox)
        self._page_size = page_size

    @property
    def identity(self) -> str:
        """Tenant, mailbox and folder."""
        return f"graph://{self.tenant_id}/{self.mailbox.lower()}/{self.folder}"

    def fetch_new(self) -> Iterator[FetchedMessage]:
        """Every message listed in the folder and not yet moved, oldest first, keyed by id."""
        state = self._state.load()
        self._sync(state)
        self._state.save(state)
        oldest_first = sorted(state.pending.items(), key=lambda item: (item[1], item[0]))
        for message_id, received in oldest_first:
            response = self._api.request(
                "GET",
                f"{user_path(self.mailbox)}/messages/{quote(message_id)}/$value",
                ok=frozenset({404}),
            )
            if response.status_code == 404:  # deleted or moved elsewhere meanwhile
                self._forget(message_id)
                continue
            yield FetchedMessage(
                key=message_id,
                raw=response.content,
                received_at=datetime.fromisoformat(received),
            )

    def _sync(self, state: DeltaState) -> None:
        """Apply the folder's changes since the delta link (or list it in full) to `state`."""
        if state.delta_link is not None:
            try:
                self._follow(state.delta_link, state)
                return
            except GraphError as exc:
                if exc.status != 410 and exc.code not in RESYNC_CODES:
                    raise
                log.warning("delta link of %s expired (%s); full resync", self.identity, exc.code)
        state.pending.clear()  # a full listing says exactly what is in the folder
        folder_id = self._folders.resolve(self.folder)
        start = f"{user_path(self.mailbox)}/mailFolders/{quote(folder_id)}/messages/delta"
        self._follow(start, state, params={"$select": "receivedDateTime"})

    def _follow(self, url: str, state: DeltaState, params: dict[str, str] | None = None) -> None:
        """Read delta pages from `url` through @odata.nextLink up to the new @odata.deltaLink."""
        prefer = f'IdType="ImmutableId", odata.maxpagesize={self._page_size}'
        next_url: str | None = url
        while next_url is not None:
            page = self._api.request("GET", next_url, params=params, headers={"Prefer": prefer})
            params = None  # next and delta links carry their own query
            body = page.json()
            for item in body.get("value", []):
                if "@removed" in item:
                    state.pending.pop(item["id"], None)
                elif "receivedDateTime" in item:
                    state.pending[item["id"]] = item["receivedDateTime"]
            next_url = body.get("@odata.nextLink")
            if next_url is None:
                state.delta_link = body.get("@odata.deltaLink")

    def _forget(self, message_id: str) -> None:
        state = self._state.load()
        if state.pending.pop(message_id, None) is not None:
            self._state.save(state)

    def move(self, key: str, folder: str) -> None:
        """Move the message to the folder under the mailbox root (created if missing)."""
        destination = self._folders.resolve(folder, create=True)
        self._api.request(
            "POST",
            f"{user_path(self.mailbox)}/messages/{quote(key)}/move",
            json={"destinationId": destination},
            ok=frozenset({404}),  # already gone: nothing to move
        )
        self._forget(key)


class GraphOutgoingMail:
    """Replies sent as MIME with sendMail (saved to Sent Items), found again by Message-ID."""

    def __init__(self, api: GraphHttp, mailbox: str) -> None:
        self._api = api
        self.mailbox = mailbox

    def was_sent(self, rfc_message_id: str) -> bool:
        """Whether Sent Items holds a message with this internetMessageId."""
        response = self._api.request(
            "GET",
            f"{user_path(self.mailbox)}/mailFolders/sentitems/messages",
            params={
                "$filter": f"internetMessageId eq {odata_string(rfc_message_id)}",
                "$select": "id",
                "$top": "1",
            },
        )
        return bool(response.json().get("value"))

    def send(self, raw: bytes, rfc_message_id: str) -> None:
        """POST the base64 MIME message to sendMail (Content-Type: text/plain, as documented)."""
        self._api.request(
            "POST",
            f"{user_path(self.mailbox)}/sendMail",
            content=base64.b64encode(raw),
            headers={"Content-Type": "text/plain"},
        )


def state_path(data_dir: Path, tenant_id: str, mailbox: str, folder: str) -> Path:
    """A state file for one Graph folder under the data folder (named by a hash, no address)."""
    digest = hashlib.sha256(f"{tenant_id}/{mailbox.lower()}/{folder}".encode()).hexdigest()
    return data_dir / "graph-state" / f"{digest[:24]}.json"


def open_graph(
    tenant_id: str,
    client_id: str,
    mailbox: str,
    folder: str,
    state_file: Path,
    *,
    client_secret: SecretStr | None = None,
    certificate: CertificateCredential | None = None,
    authority_host: str = PUBLIC_AUTHORITY_HOST,
    graph_url: str = GRAPH_URL,
    scope: str = GRAPH_SCOPE,
    ca_bundle: Path | None = None,
) -> tuple[GraphMailbox, GraphOutgoingMail]:
    """The Graph folder to poll and its sender; nothing connects until first used."""
    tokens = GraphTokenProvider(
        tenant_id,
        client_id,
        secret=client_secret,
        certificate=certificate,
        authority_host=authority_host,
        scope=scope,
        ca_bundle=ca_bundle,
    )
    api = GraphHttp(tokens.token, base_url=graph_url, ca_bundle=ca_bundle)
    mailbox_reader = GraphMailbox(api, tenant_id, mailbox, folder, DeltaStateFile(state_file))
    return mailbox_reader, GraphOutgoingMail(api, mailbox)
