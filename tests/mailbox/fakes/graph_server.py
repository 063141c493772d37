"""A fake Microsoft identity platform and Graph mail API, answering as the v1.0 docs show.

Only what the adapter uses: OpenID configuration and client-credentials token endpoints,
mailFolders (filter by displayName, create), messages/delta with next and delta links,
messages/{id}/$value, messages/{id}/move, sendMail with a base64 MIME body, and Sent Items
filtered by internetMessageId. Ids are immutable: a moved message keeps its id.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.mailbox.fakes.http import RawMessage

TENANT = "11111111-2222-3333-4444-555555555555"
MAILBOX = "lado@council.example.gov.uk"
ACCESS_TOKEN = "fake-graph-access-token"
ROOT_ID = "AAMkAGRoot="
WELL_KNOWN = {"inbox": "AAMkAGInbox=", "sentitems": "AAMkAGSent=", "msgfolderroot": ROOT_ID}


@dataclass
class Stored(RawMessage):
    """A message in the fake mailbox."""

    id: str
    folder: str
    raw: bytes
    received: str


@dataclass
class Request:
    """One request the fake saw."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    at: float


@dataclass
class FakeGraph:
    """The fake's state; tests add messages and inspect what the client did."""

    base_url: str = ""
    folders: dict[str, tuple[str, str]] = field(  # id -> (displayName, parent id)
        default_factory=lambda: {
            WELL_KNOWN["inbox"]: ("Inbox", ROOT_ID),
            WELL_KNOWN["sentitems"]: ("Sent Items", ROOT_ID),
        }
    )
    messages: dict[str, Stored] = field(default_factory=dict)
    changes: list[tuple[str, str]] = field(default_factory=list)  # (folder id, message id)
    expired_tokens: set[str] = field(default_factory=set)
    throttle: dict[str, int] = field(default_factory=dict)  # path fragment -> 429s to give
    requests: list[Request] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def deliver(self, raw: bytes) -> str:
        """A new message in the Inbox; returns its immutable id."""
        with self.lock:
            number = len(self.messages) + 1
            message_id = f"AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A{number:04d}=="
            received = f"2026-03-09T10:{number:02d}:00Z"
            self.messages[message_id] = Stored(message_id, WELL_KNOWN["inbox"], raw, received)
            self.changes.append((WELL_KNOWN["inbox"], message_id))
            return message_id

    def folder_named(self, name: str) -> str | None:
        """The id of a top-level folder by display name."""
        return next(
            (fid for fid, (n, parent) in self.folders.items() if n == name and parent == ROOT_ID),
            None,
        )

    def in_folder(self, folder_id: str) -> list[Stored]:
        """The messages now in a folder."""
        return [m for m in self.messages.values() if m.folder == folder_id]

    def delta_page(self, folder_id: str, since: int | None, offset: int, size: int) -> Any:
        """One page of changes to the folder since change number `since` (None: everything)."""
        if since is None:
            items: list[dict[str, Any]] = [
                {
                    "@odata.type": "#microsoft.graph.message",
                    "id": m.id,
                    "receivedDateTime": m.received,
                }
                for m in sorted(self.in_folder(folder_id), key=lambda m: m.received)
            ]
        else:
            touched = {mid for fid, mid in self.changes[since:] if fid == folder_id}
            items = []
            for mid in sorted(touched):
                message = self.messages[mid]
                if message.folder == folder_id:
                    items.append({"id": mid, "receivedDateTime": message.received})
                else:
                    items.append({"id": mid, "@removed": {"reason": "deleted"}})
        page = items[offset : offset + size]
        link = f"{self.base_url}/v1.0/users/{MAILBOX}/mailFolders/{folder_id}/messages/delta"
        body: dict[str, Any] = {"@odata.context": f"{self.base_url}/v1.0/$metadata", "value": page}
        if offset + size < len(items):
            skip = f"{'' if since is None else since}.{offset + size}.{len(self.changes)}"
            body["@odata.nextLink"] = f"{link}?$skiptoken={skip}"
        else:
            body["@odata.deltaLink"] = f"{link}?$deltatoken={len(self.changes)}"
        return body


GRAPH_ERROR_410 = {
    "error": {"code": "syncStateNotFound", "message": "The sync state could not be found."}
}
THROTTLED = {
    "error": {
        "code": "ApplicationThrottled",
        "message": "Application is over its MailboxConcurrency limit.",
    }
}


def handler_for(fake: FakeGraph) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to this fake."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

        def _reply(
            self, status: int, body: Any = None, headers: dict[str, str] | None = None
        ) -> None:
            data = (
                b""
                if body is None
                else body
                if isinstance(body, bytes)
                else json.dumps(body).encode()
            )
            self.send_response(status)
            content_type = "text/plain" if isinstance(body, bytes) else "application/json"
            self.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length", "0")))

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def _handle(self, method: str) -> None:
            parts = urlsplit(self.path)
            path, query = unquote(parts.path), parse_qs(parts.query)
            with fake.lock:
                fake.requests.append(
                    Request(method, path, query, dict(self.headers.items()), time.monotonic())
                )
                for fragment, remaining in fake.throttle.items():
                    if remaining and fragment in path:
                        fake.throttle[fragment] = remaining - 1
                        self._reply(429, THROTTLED, {"Retry-After": "1"})
                        return
            if path.startswith(f"/{TENANT}/"):
                self._identity(method, path)
            elif self.headers.get("Authorization") != f"Bearer {ACCESS_TOKEN}":
                self._reply(401, {"error": {"code": "InvalidAuthenticationToken", "message": ""}})
            else:
                prefix = f"/v1.0/users/{MAILBOX}/"
                if not path.startswith(prefix):
                    self._reply(404, {"error": {"code": "ErrorInvalidUser", "message": ""}})
                    return
                with fake.lock:
                    self._graph(method, path[len(prefix) :], query)

        def _identity(self, method: str, path: str) -> None:
            issuer = f"{fake.base_url}/{TENANT}/v2.0"
            if method == "GET" and path.endswith("/v2.0/.well-known/openid-configuration"):
                self._reply(
                    200,
                    {
                        "issuer": issuer,
                        "authorization_endpoint": f"{fake.base_url}/{TENANT}/oauth2/v2.0/authorize",
                        "token_endpoint": f"{fake.base_url}/{TENANT}/oauth2/v2.0/token",
                        "token_endpoint_auth_methods_supported": [
                            "client_secret_post",
                            "private_key_jwt",
                        ],
                        "response_types_supported": ["code", "id_token", "token"],
                        "subject_types_supported": ["pairwise"],
                        "id_token_signing_alg_values_supported": ["RS256"],
                    },
                )
            elif method == "POST" and path.endswith("/oauth2/v2.0/token"):
                form = {k: v[0] for k, v in parse_qs(self._body().decode()).items()}
                fake.token_requests.append(form)
                self._reply(
                    200,
                    {
                        "token_type": "Bearer",
                        "expires_in": 3599,
                        "ext_expires_in": 3599,
                        "access_token": ACCESS_TOKEN,
                    },
                )
            else:
                self._reply(404, {"error": "not_found"})

        def _graph(self, method: str, path: str, query: dict[str, list[str]]) -> None:
            filter_text = query.get("$filter", [""])[0]
            if match := re.fullmatch(r"mailFolders/([^/]+)/messages/delta", path):
                self._delta(WELL_KNOWN.get(match[1], match[1]), query)
            elif method == "GET" and (match := re.fullmatch(r"messages/([^/]+)/\$value", path)):
                message = fake.messages.get(match[1])
                if message is None:
                    self._reply(404, {"error": {"code": "ErrorItemNotFound", "message": ""}})
                else:
                    self._reply(200, message.raw)
            elif method == "POST" and (match := re.fullmatch(r"messages/([^/]+)/move", path)):
                self._move(match[1])
            elif path == "mailFolders" and method == "GET":
                name = re.fullmatch(r"displayName eq '(.*)'", filter_text)
                assert name is not None
                found = fake.folder_named(name[1].replace("''", "'"))
                self._reply(200, {"value": [{"id": found}] if found else []})
            elif path == "mailFolders" and method == "POST":
                name = json.loads(self._body())["displayName"]
                if fake.folder_named(name):
                    self._reply(409, {"error": {"code": "ErrorFolderExists", "message": ""}})
                    return
                folder_id = f"AAMkAGFolder{len(fake.folders)}="
                fake.folders[folder_id] = (name, ROOT_ID)
                self._reply(201, {"id": folder_id, "displayName": name, "parentFolderId": ROOT_ID})
            elif path == "mailFolders/sentitems/messages":
                wanted = re.fullmatch(r"internetMessageId eq '(.*)'", filter_text)
                assert wanted is not None
                hits = [
                    {"id": m.id}
                    for m in fake.in_folder(WELL_KNOWN["sentitems"])
                    if m.internet_message_id == wanted[1].replace("''", "'")
                ]
                self._reply(200, {"value": hits})
            elif path == "sendMail" and method == "POST":
                self._send_mail()
            else:
                self._reply(400, {"error": {"code": "BadRequest", "message": "unsupported"}})

        def _delta(self, folder_id: str, query: dict[str, list[str]]) -> None:
            size_match = re.search(r"odata\.maxpagesize=(\d+)", self.headers.get("Prefer", ""))
            size = int(size_match[1]) if size_match else 10
            if "$deltatoken" in query:
                token = query["$deltatoken"][0]
                if token in fake.expired_tokens:
                    self._reply(410, GRAPH_ERROR_410)
                    return
                self._reply(200, fake.delta_page(folder_id, int(token), 0, size))
            elif "$skiptoken" in query:
                since, offset, _ = query["$skiptoken"][0].split(".")
                self._reply(
                    200,
                    fake.delta_page(folder_id, int(since) if since else None, int(offset), size),
                )
            else:
                self._reply(200, fake.delta_page(folder_id, None, 0, size))

        def _move(self, message_id: str) -> None:
            destination = json.loads(self._body())["destinationId"]
            message = fake.messages.get(message_id)
            if message is None:
                self._reply(404, {"error": {"code": "ErrorItemNotFound", "message": ""}})
                return
            fake.changes.append((message.folder, message_id))
            message.folder = WELL_KNOWN.get(destination, destination)
            fake.changes.append((message.folder, message_id))
            self._reply(201, {"id": message_id, "parentFolderId": message.folder})

        def _send_mail(self) -> None:
            if self.headers.get("Content-Type") != "text/plain":
                self._reply(400, {"error": {"code": "ErrorMimeContentInvalid", "message": ""}})
                return
            raw = base64.b64decode(self._body(), validate=True)
            number = len(fake.messages) + 1
            sent_id = f"AAkALgAAAAAAHYQDEapmEc2byACqAC-Sent{number:04d}=="
            fake.messages[sent_id] = Stored(
                sent_id, WELL_KNOWN["sentitems"], raw, "2026-03-09T11:00:00Z"
            )
            self._reply(202)

    return Handler
