"""Building test emails: referrals from the synthetic generator, and hostile variants."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from ingest_service.mailbox.maildir import deliver
from ingest_service.synthetic.demo_set import demo_referrals


def synthetic_emails(count: int = 6) -> list[bytes]:
    """Raw synthetic referral emails, some complete, some incomplete."""
    return [referral.raw for referral in demo_referrals(count=count)]


def with_headers(raw: bytes, **headers: str) -> bytes:
    """The same email with headers replaced or added (underscores become hyphens)."""
    message = message_from_bytes(raw, policy=policy.default)
    for name, value in headers.items():
        header = name.replace("_", "-")
        del message[header]
        message[header] = value
    return message.as_bytes()


def email_with_attachment(filename: str, data: bytes, content_type: str) -> bytes:
    """A short covering email from a school with one attachment."""
    message = EmailMessage()
    message["From"] = "Head Teacher <head@example.sch.uk>"
    message["To"] = "lado@example.org"
    message["Subject"] = "LADO referral"
    message["Message-ID"] = f"<{filename}.test@example.sch.uk>"
    message["Date"] = "Mon, 09 Mar 2026 10:00:00 +0000"
    message.set_content("Please find our referral attached.\n\nHead Teacher")
    maintype, subtype = content_type.split("/")
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def deliver_all(mailbox_root: Path, raws: list[bytes]) -> None:
    """Drop each email into the Maildir's new/ folder."""
    for number, raw in enumerate(raws, start=1):
        deliver(mailbox_root, raw, f"test-{number:03d}")
