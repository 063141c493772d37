"""Choosing the mailbox adapter from LADO_MAILBOX_URL."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from ingest_service.mailbox.base import Mailbox, OutgoingMail
from ingest_service.mailbox.endpoints import MailboxUrlError, parse_server_url
from ingest_service.mailbox.imap import ImapMailbox
from ingest_service.mailbox.imap_connection import ImapConnection, ImapCredentials
from ingest_service.mailbox.maildir import MaildirMailbox, MaildirSentFolder
from ingest_service.mailbox.smtp import SmtpCredentials, SmtpOutgoingMail
from ingest_service.settings import Settings

__all__ = ["MailboxUrlError", "maildir_root", "open_mailbox"]


def maildir_root(mailbox_url: str) -> Path:
    """The folder of a maildir:// URL."""
    parsed = urlparse(mailbox_url)
    if parsed.scheme != "maildir":
        raise MailboxUrlError(
            f"LADO_MAILBOX_URL: unsupported scheme {parsed.scheme!r}; "
            "use maildir://, imap:// or imaps://"
        )
    path = unquote(parsed.netloc + parsed.path)
    if not path:
        raise MailboxUrlError("LADO_MAILBOX_URL: maildir:// URL has no path")
    return Path(path)


def open_imap(settings: Settings) -> tuple[ImapMailbox, SmtpOutgoingMail]:
    """An IMAP folder to poll and SMTP for replies; nothing connects until first used."""
    server = parse_server_url(settings.mailbox_url, "LADO_MAILBOX_URL", ("imap", "imaps"))
    if not server.username:
        raise MailboxUrlError("LADO_MAILBOX_URL: name the IMAP user (imaps://user@host/INBOX)")
    if settings.mailbox_password is None and settings.mailbox_oauth_token is None:
        raise MailboxUrlError(
            "LADO_MAILBOX_PASSWORD: set it or LADO_MAILBOX_OAUTH_TOKEN for an IMAP mailbox"
        )
    if not settings.smtp_url:
        raise MailboxUrlError("LADO_SMTP_URL: an IMAP mailbox sends its replies by SMTP")
    smtp_server = parse_server_url(settings.smtp_url, "LADO_SMTP_URL", ("smtp", "smtps"))
    credentials = ImapCredentials(settings.mailbox_password, settings.mailbox_oauth_token)
    outgoing = SmtpOutgoingMail(
        smtp_server,
        SmtpCredentials(settings.smtp_username, settings.smtp_password),
        ImapConnection(server, credentials),
        settings.mailbox_sent_folder,
    )
    return ImapMailbox(server, ImapConnection(server, credentials)), outgoing


def open_mailbox(settings: Settings) -> tuple[Mailbox, OutgoingMail]:
    """The mailbox to poll and where replies go, for the configured LADO_MAILBOX_URL."""
    if urlparse(settings.mailbox_url).scheme in ("imap", "imaps"):
        return open_imap(settings)
    root = maildir_root(settings.mailbox_url)
    return MaildirMailbox(root), MaildirSentFolder(root)
