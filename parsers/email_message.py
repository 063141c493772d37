"""Reading a raw email into a typed, immutable message; never fails on malformed mail."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from parsers.html_text import html_to_text

LOOP_GUARD_HEADERS = (
    "auto-submitted",
    "precedence",
    "list-id",
    "list-unsubscribe",
    "x-auto-response-suppress",
    "return-path",
)


@dataclass(frozen=True)
class Attachment:
    """A file carried by the email; `inline` marks embedded images such as signatures."""

    filename: str
    content_type: str
    data: bytes = field(repr=False)
    inline: bool


@dataclass(frozen=True)
class Envelope:
    """What identifies an email in the ledger: its Message-ID, sender and subject."""

    message_id: str
    sender_address: str
    subject: str


@dataclass(frozen=True)
class ReceivedEmail:
    """The parts of a received email the service uses."""

    message_id: str
    sender_address: str
    sender_name: str
    to: tuple[str, ...]
    subject: str
    date: datetime | None
    in_reply_to: str
    references: tuple[str, ...]
    headers: Mapping[str, str]
    body_text: str = field(repr=False)
    body_html: str = field(repr=False)
    attachments: tuple[Attachment, ...] = field(repr=False)

    @property
    def sender(self) -> str:
        """The sender's address (alias of `sender_address`)."""
        return self.sender_address


def read_envelope(raw: bytes) -> Envelope:
    """Only the headers the ledger keeps: the body and attachments are not decoded."""
    return _envelope(BytesHeaderParser(policy=policy.default).parsebytes(raw))


def _envelope(message: Message) -> Envelope:
    return Envelope(
        message_id=_header(message, "message-id").strip(),
        sender_address=parseaddr(_header(message, "from"))[1].strip().lower(),
        subject=" ".join(_header(message, "subject").split()),
    )


def read_email(raw: bytes) -> ReceivedEmail:
    """Parse raw RFC 5322 bytes; malformed parts fall back to empty values."""
    message = message_from_bytes(raw, policy=policy.default)
    envelope = _envelope(message)
    plain, html = _bodies(message)
    return ReceivedEmail(
        message_id=envelope.message_id,
        sender_address=envelope.sender_address,
        sender_name=parseaddr(_header(message, "from"))[0].strip(),
        to=tuple(addr.lower() for _, addr in getaddresses([_header(message, "to")]) if addr),
        subject=envelope.subject,
        date=_date(_header(message, "date")),
        in_reply_to=_header(message, "in-reply-to").strip(),
        references=tuple(_header(message, "references").split()),
        headers={name: _header(message, name) for name in LOOP_GUARD_HEADERS if name in message},
        body_text=plain if plain.strip() else html_to_text(html),
        body_html=html,
        attachments=tuple(_attachments(message)),
    )


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # the header parser can fail on badly encoded headers
        value = message.get_all(name, failobj=[""])[0] if hasattr(message, "get_all") else ""
    return str(value) if value is not None else ""


def _date(value: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _bodies(message: Message) -> tuple[str, str]:
    """The text/plain and text/html bodies (empty when absent or unreadable)."""
    plain = html = ""
    if isinstance(message, EmailMessage):
        with contextlib.suppress(Exception):
            part = message.get_body(preferencelist=("plain",))
            plain = _text_of(part) if part is not None else ""
        with contextlib.suppress(Exception):
            part = message.get_body(preferencelist=("html",))
            html = _text_of(part) if part is not None else ""
    return plain, html


def _text_of(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        if isinstance(content, str):
            return content
    except Exception:  # bad charset or transfer encoding: decode by hand below
        pass
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""


def _attachments(message: Message) -> list[Attachment]:
    out: list[Attachment] = []
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() == "multipart":
            continue
        disposition = (part.get_content_disposition() or "").lower()
        filename = part.get_filename() or ""
        if disposition != "attachment" and not filename and part.get_content_maintype() == "text":
            continue
        try:
            payload = part.get_payload(decode=True)
        except Exception:  # a damaged attachment is kept as empty bytes
            payload = b""
        data = payload if isinstance(payload, bytes) else b""
        inline = disposition == "inline" or (
            disposition != "attachment"
            and part.get_content_maintype() == "image"
            and bool(part.get("content-id"))
        )
        out.append(Attachment(str(filename), part.get_content_type(), data, inline))
    return out
