"""A fake EWS endpoint (Exchange 2016) answering the SOAP operations exchangelib issues here.

GetFolder (distinguished root, msgfolderroot, sentitems), FindFolder (shallow, by
DisplayName), CreateFolder, FindItem (sorted by DateTimeReceived, or restricted by
InternetMessageId), GetItem with MimeContent, MoveItem and CreateItem (SendAndSaveCopy).
Requests need HTTP basic authentication, or a bearer token from the fake's Microsoft
identity platform token endpoint (client-credentials grant, as Exchange Online issues it).
"""

from __future__ import annotations

import base64
import json
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl

from tests.mailbox.fakes import ews_messages as x
from tests.mailbox.fakes.http import RawMessage

MAILBOX = "lado@council.example.gov.uk"
USERNAME = "COUNCIL\\svc-lado"
PASSWORD = "ews-password"
TENANT = "00000000-0000-4000-8000-00000000beef"
CLIENT_ID = "11111111-2222-4333-8444-555555555555"
CLIENT_SECRET = "ews-client-secret"
ACCESS_TOKEN = "fake-ews-access-token"
M = f"{{{x.MESSAGES_NS}}}"
T = f"{{{x.TYPES_NS}}}"
ROOT, TOP, INBOX, SENT = "AQMkRoot=", "AQMkTop=", "AQMkInbox=", "AQMkSent="
DISTINGUISHED = {"root": ROOT, "msgfolderroot": TOP, "inbox": INBOX, "sentitems": SENT}


@dataclass
class Item(RawMessage):
    """A message in the fake mailbox."""

    folder: str
    raw: bytes
    received: str


@dataclass
class FakeExchange:
    """The fake's state; tests add items and inspect the operations seen."""

    folders: dict[str, tuple[str, str]] = field(  # id -> (display name, parent id)
        default_factory=lambda: {
            ROOT: ("", ""),
            TOP: ("Top of Information Store", ROOT),
            INBOX: ("Inbox", TOP),
            SENT: ("Sent Items", TOP),
        }
    )
    items: dict[str, Item] = field(default_factory=dict)
    operations: list[str] = field(default_factory=list)
    busy_once: set[str] = field(default_factory=set)  # operations to throttle once (503)
    impersonated: list[str] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_id: int = 0

    def new_id(self, kind: str) -> str:
        self.next_id += 1
        return f"AAMkADE{kind}{self.next_id:04d}="

    def deliver(self, raw: bytes) -> str:
        """A new message in the Inbox; returns its item id."""
        with self.lock:
            item_id = self.new_id("Item")
            self.items[item_id] = Item(INBOX, raw, f"2026-03-09T10:{self.next_id:02d}:00Z")
            return item_id

    def in_folder(self, folder_id: str) -> list[str]:
        """Item ids in a folder, oldest first."""
        return sorted(
            (i for i, item in self.items.items() if item.folder == folder_id),
            key=lambda i: self.items[i].received,
        )

    def folder_named(self, name: str) -> str | None:
        """The id of a folder by display name."""
        return next((i for i, (n, _) in self.folders.items() if n == name), None)

    def _folder_xml(self, folder_id: str) -> str:
        name, parent = self.folders[folder_id]
        children = sum(1 for _, p in self.folders.values() if p == folder_id)
        total = len(self.in_folder(folder_id))
        return x.folder(folder_id, parent or ROOT, name, total, children)

    @staticmethod
    def _folder_id(element: ET.Element) -> str:
        """The id named by a FolderId or DistinguishedFolderId element."""
        if element.tag == f"{T}DistinguishedFolderId":
            return DISTINGUISHED[element.attrib["Id"]]
        return element.attrib["Id"]

    def _only_child(self, request: ET.Element, tag: str) -> str:
        container = request.find(f"{M}{tag}")
        assert container is not None and len(container) == 1
        return self._folder_id(container[0])

    def handle(self, operation: ET.Element) -> bytes:
        """The SOAP response to one operation element."""
        name = operation.tag.removeprefix(M)
        self.operations.append(name)
        messages: list[str] = getattr(self, f"_op_{name}")(operation)
        return x.envelope(name, messages)

    def _op_GetFolder(self, request: ET.Element) -> list[str]:
        ids = request.find(f"{M}FolderIds")
        assert ids is not None
        return [
            x.success("GetFolder", f"<m:Folders>{self._folder_xml(self._folder_id(e))}</m:Folders>")
            for e in ids
        ]

    def _op_FindFolder(self, request: ET.Element) -> list[str]:
        parent = self._only_child(request, "ParentFolderIds")
        constant = request.find(f".//{M}Restriction//{T}Constant")
        wanted = constant.attrib["Value"].lower() if constant is not None else None
        found = [
            self._folder_xml(i)
            for i, (name, p) in self.folders.items()
            if p == parent and (wanted is None or name.lower() == wanted)
        ]
        return [x.success("FindFolder", x.find_root("Folders", found))]

    def _op_CreateFolder(self, request: ET.Element) -> list[str]:
        parent = self._only_child(request, "ParentFolderId")
        results = []
        for element in request.iterfind(f"{M}Folders/{T}Folder/{T}DisplayName"):
            name = element.text or ""
            if any(n == name and p == parent for n, p in self.folders.values()):
                results.append(x.error("CreateFolder", "ErrorFolderExists", "<m:Folders/>"))
                continue
            folder_id = self.new_id("Folder")
            self.folders[folder_id] = (name, parent)
            results.append(x.success("CreateFolder", x.created_folder(folder_id)))
        return results

    def _op_FindItem(self, request: ET.Element) -> list[str]:
        ids = self.in_folder(self._only_child(request, "ParentFolderIds"))
        uri = request.find(f".//{M}Restriction//{T}FieldURI")
        constant = request.find(f".//{M}Restriction//{T}Constant")
        if uri is not None and constant is not None:
            assert uri.attrib["FieldURI"] == "message:InternetMessageId"
            ids = [i for i in ids if self.items[i].internet_message_id == constant.attrib["Value"]]
        return [x.success("FindItem", x.find_root("Items", [x.message_id_only(i) for i in ids]))]

    def _op_GetItem(self, request: ET.Element) -> list[str]:
        results = []
        for element in request.iterfind(f"{M}ItemIds/{T}ItemId"):
            item = self.items.get(element.attrib["Id"])
            if item is None:
                results.append(x.error("GetItem", "ErrorItemNotFound", "<m:Items/>"))
                continue
            message = x.message_with_mime(element.attrib["Id"], item.raw, item.received)
            results.append(x.success("GetItem", f"<m:Items>{message}</m:Items>"))
        return results

    def _op_MoveItem(self, request: ET.Element) -> list[str]:
        target = self._only_child(request, "ToFolderId")
        results = []
        for element in request.iterfind(f"{M}ItemIds/{T}ItemId"):
            item = self.items.pop(element.attrib["Id"], None)
            if item is None:
                results.append(x.error("MoveItem", "ErrorItemNotFound", "<m:Items/>"))
                continue
            item.folder = target
            new_id = self.new_id("Item")  # an EWS item id changes when the item moves
            self.items[new_id] = item
            results.append(x.success("MoveItem", f"<m:Items>{x.message_id_only(new_id)}</m:Items>"))
        return results

    def _op_CreateItem(self, request: ET.Element) -> list[str]:
        assert request.attrib["MessageDisposition"] == "SendAndSaveCopy"
        folder_id = self._only_child(request, "SavedItemFolderId")
        results = []
        for mime in request.iterfind(f"{M}Items/{T}Message/{T}MimeContent"):
            raw = base64.b64decode(mime.text or "")
            self.items[self.new_id("Sent")] = Item(folder_id, raw, "2026-03-09T11:00:00Z")
            results.append(x.success("CreateItem", "<m:Items/>"))
        return results


def handler_for(fake: FakeExchange) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to this fake, serving the EWS endpoint."""
    accepted = {
        "Basic " + base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode(),
        f"Bearer {ACCESS_TOKEN}",
    }

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

        def _send(self, status: int, data: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _token(self, body: bytes) -> None:
            """The client-credentials grant of the Microsoft identity platform (v2.0)."""
            form = dict(parse_qsl(body.decode()))
            fake.token_requests.append(form)
            valid = (
                form.get("grant_type") == "client_credentials"
                and form.get("client_id") == CLIENT_ID
                and form.get("client_secret") == CLIENT_SECRET
            )
            answer = (
                {"token_type": "Bearer", "expires_in": 3599, "access_token": ACCESS_TOKEN}
                if valid
                else {"error": "invalid_client", "error_description": "AADSTS7000215"}
            )
            headers = {"Content-Type": "application/json"}
            self._send(200 if valid else 401, json.dumps(answer).encode(), headers)

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path == f"/{TENANT}/oauth2/v2.0/token":
                self._token(body)
                return
            if self.headers.get("Authorization") not in accepted:
                self._send(401, b"", {"WWW-Authenticate": 'Basic realm="ews"'})
                return
            envelope = ET.fromstring(body)
            impersonation = envelope.find(
                f"{{{x.SOAP_NS}}}Header/{T}ExchangeImpersonation//{T}PrimarySmtpAddress"
            )
            soap_body = envelope.find(f"{{{x.SOAP_NS}}}Body")
            assert soap_body is not None
            operation = soap_body[0].tag.removeprefix(M)
            if operation in fake.busy_once:
                fake.busy_once.discard(operation)
                fake.operations.append(f"{operation} (throttled)")
                self._send(503, b"", {"Retry-After": "1"})
                return
            with fake.lock:
                if impersonation is not None:
                    fake.impersonated.append(impersonation.text or "")
                data = fake.handle(soap_body[0])
            self._send(200, data, {"Content-Type": "text/xml; charset=utf-8"})

    return Handler
