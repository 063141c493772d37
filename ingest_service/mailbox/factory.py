"""Choosing the mailbox adapter from LADO_MAILBOX_URL."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from ingest_service.mailbox.base import Mailbox, OutgoingMail
from ingest_service.mailbox.endpoints import MailboxUrlError, parse_server_url
from ingest_service.mailbox.ews import EwsMailbox, EwsOutgoingMail, ews_account
from ingest_service.mailbox.graph import open_graph, state_path
from ingest_service.mailbox.graph_auth import CertificateCredential
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
            "use maildir://, imap://, imaps://, graph:// or ews://"
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
        SmtpCredentials(settings.smtp_username, settings.smtp_password, settings.smtp_oauth_token),
        ImapConnection(server, credentials),
        settings.mailbox_sent_folder,
    )
    return ImapMailbox(server, ImapConnection(server, credentials)), outgoing


def _url_parts(url: str, scheme: str, shape: str, count: int) -> list[str]:
    """The /-separated parts of a graph:// or ews:// URL; the last one may hold a folder path."""
    parts = [unquote(p) for p in (urlparse(url).netloc + urlparse(url).path).split("/") if p]
    if len(parts) < count:
        raise MailboxUrlError(f"LADO_MAILBOX_URL: expected {scheme}://{shape}")
    return [*parts[: count - 1], "/".join(parts[count - 1 :])]


def open_graph_mailbox(settings: Settings) -> tuple[Mailbox, OutgoingMail]:
    """Microsoft Graph: graph://TENANT_ID/MAILBOX/FOLDER with an app's secret or certificate."""
    tenant_id, mailbox, folder = _url_parts(
        settings.mailbox_url, "graph", "TENANT_ID/MAILBOX/FOLDER", 3
    )
    if not settings.graph_client_id:
        raise MailboxUrlError("LADO_GRAPH_CLIENT_ID: required for a graph:// mailbox")
    certificate = None
    if settings.graph_certificate_key is not None:
        certificate = CertificateCredential(
            settings.graph_certificate_key, settings.graph_certificate_thumbprint
        )
    if (certificate is None) == (settings.graph_client_secret is None):
        raise MailboxUrlError(
            "LADO_GRAPH_CLIENT_SECRET: set it or LADO_GRAPH_CERTIFICATE_KEY, not both"
        )
    return open_graph(
        tenant_id,
        settings.graph_client_id,
        mailbox,
        folder,
        state_path(settings.data_dir, tenant_id, mailbox, folder),
        client_secret=settings.graph_client_secret,
        certificate=certificate,
        authority_host=settings.graph_authority,
        graph_url=settings.graph_url,
        ca_bundle=settings.ca_bundle,
    )


def open_ews_mailbox(settings: Settings) -> tuple[Mailbox, OutgoingMail]:
    """Exchange Web Services: ews://MAILBOX/FOLDER at LADO_EWS_URL."""
    mailbox, folder = _url_parts(settings.mailbox_url, "ews", "MAILBOX/FOLDER", 2)
    if not settings.ews_url:
        raise MailboxUrlError("LADO_EWS_URL: required for an ews:// mailbox (no autodiscover)")
    account = ews_account(
        settings.ews_url,
        mailbox,
        username=settings.ews_username or None,
        password=settings.ews_password,
        auth_type=settings.ews_auth,
        tenant_id=settings.ews_tenant_id or None,
        client_id=settings.ews_client_id or None,
        client_secret=settings.ews_client_secret,
        authority_host=settings.graph_authority,
        access_type=settings.ews_access,
    )
    return EwsMailbox(account, folder), EwsOutgoingMail(account)


def open_mailbox(settings: Settings) -> tuple[Mailbox, OutgoingMail]:
    """The mailbox to poll and where replies go, for the configured LADO_MAILBOX_URL."""
    scheme = urlparse(settings.mailbox_url).scheme
    if scheme in ("imap", "imaps"):
        return open_imap(settings)
    if scheme == "graph":
        return open_graph_mailbox(settings)
    if scheme == "ews":
        return open_ews_mailbox(settings)
    root = maildir_root(settings.mailbox_url)
    return MaildirMailbox(root), MaildirSentFolder(root)
