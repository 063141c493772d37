"""Turning a queued reply into an RFC 5322 message that threads and suppresses auto-replies."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from ingest_service.store.models import OutboxEmail, utcnow


def reply_message_id(reference: str, kind: str, source_sha256: str, domain: str) -> str:
    """A Message-ID fixed by what the reply answers (the referral and the exact message it
    replies to), so a resend is recognisable even by a store rebuilt from scratch."""
    return f"<{reference}.{kind}.{source_sha256[:16]}@{domain}>"


def compose(outbox: OutboxEmail, from_name: str, from_address: str) -> bytes:
    """The bytes of the reply, marked as an automatic reply (RFC 3834)."""
    message = EmailMessage()
    message["From"] = formataddr((from_name, from_address))
    message["To"] = outbox.to_address
    message["Subject"] = outbox.subject
    message["Date"] = format_datetime(outbox.created_at or utcnow())
    message["Message-ID"] = outbox.rfc_message_id
    if outbox.in_reply_to:
        message["In-Reply-To"] = outbox.in_reply_to
    if outbox.references:
        message["References"] = outbox.references
    message["Auto-Submitted"] = "auto-replied"
    message["X-Auto-Response-Suppress"] = "All"
    message.set_content(outbox.body_text)
    if outbox.body_html:
        message.add_alternative(outbox.body_html, subtype="html")
    return message.as_bytes()
