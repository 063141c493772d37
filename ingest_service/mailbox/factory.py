"""Choosing the mailbox adapter from LADO_MAILBOX_URL."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from ingest_service.mailbox.base import Mailbox, OutgoingMail
from ingest_service.mailbox.maildir import MaildirMailbox, MaildirSentFolder


class MailboxUrlError(ValueError):
    """A mailbox URL this service cannot use."""


def maildir_root(mailbox_url: str) -> Path:
    """The folder of a maildir:// URL."""
    parsed = urlparse(mailbox_url)
    if parsed.scheme != "maildir":
        raise MailboxUrlError(
            f"LADO_MAILBOX_URL: unsupported scheme {parsed.scheme!r}; this version reads maildir://"
        )
    path = unquote(parsed.netloc + parsed.path)
    if not path:
        raise MailboxUrlError("LADO_MAILBOX_URL: maildir:// URL has no path")
    return Path(path)


def open_mailbox(mailbox_url: str) -> tuple[Mailbox, OutgoingMail]:
    """The mailbox to poll and where replies go, for the configured URL."""
    root = maildir_root(mailbox_url)
    return MaildirMailbox(root), MaildirSentFolder(root)
