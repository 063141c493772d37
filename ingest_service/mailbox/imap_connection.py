"""Opening an authenticated IMAP connection: TLS or STARTTLS, password or XOAUTH2."""

from __future__ import annotations

import imaplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from imapclient import IMAPClient
from pydantic import SecretStr

from ingest_service.mailbox.endpoints import MailServer

TIMEOUT_SECONDS = 30.0


class MailServerError(OSError):
    """A mail server refused or failed an operation (an OSError, so callers retry later)."""


@dataclass(frozen=True)
class ImapCredentials:
    """How to log in: a password or an OAuth 2 access token for the URL's user."""

    password: SecretStr | None
    oauth_token: SecretStr | None


def connect_imap(server: MailServer, credentials: ImapCredentials) -> IMAPClient:
    """A logged-in client; plain text only to a server on this machine that lacks STARTTLS."""
    context = ssl.create_default_context()
    client = IMAPClient(
        server.host,
        port=server.port,
        ssl=server.implicit_tls,
        ssl_context=context,
        timeout=TIMEOUT_SECONDS,
    )
    try:
        if not server.implicit_tls:
            if client.has_capability("STARTTLS"):
                client.starttls(context)
            elif not server.is_loopback:
                raise MailServerError(f"{server.host} offers no STARTTLS; use imaps://")
        _login(client, server.username, credentials)
    except BaseException:
        client.shutdown()
        raise
    client.normalise_times = False
    return client


def _login(client: IMAPClient, username: str, credentials: ImapCredentials) -> None:
    if credentials.oauth_token is not None:
        client.oauth2_login(username, credentials.oauth_token.get_secret_value())
    elif credentials.password is not None:
        client.login(username, credentials.password.get_secret_value())
    else:
        raise MailServerError("no IMAP password or OAuth token is configured")


class ImapConnection:
    """One connection opened on first use and reopened when the server has dropped it."""

    def __init__(self, server: MailServer, credentials: ImapCredentials) -> None:
        self.server = server
        self._credentials = credentials
        self._client: IMAPClient | None = None

    @contextmanager
    def client(self) -> Iterator[IMAPClient]:
        """A live client; protocol errors become MailServerError and drop the connection."""
        try:
            yield self._live_client()
        except (imaplib.IMAP4.error, OSError) as exc:
            self.close()
            if isinstance(exc, MailServerError):
                raise
            raise MailServerError(f"IMAP {self.server.host}: {type(exc).__name__}: {exc}") from exc

    def _live_client(self) -> IMAPClient:
        if self._client is not None:
            try:
                self._client.noop()
                return self._client
            except (imaplib.IMAP4.error, OSError):
                self.close()
        self._client = connect_imap(self.server, self._credentials)
        return self._client

    def close(self) -> None:
        """Log out if connected; errors on the way out are ignored."""
        client, self._client = self._client, None
        if client is not None:
            with suppress(imaplib.IMAP4.error, OSError):
                client.logout()
            with suppress(OSError):
                client.shutdown()


def ensure_folder(client: IMAPClient, folder: str) -> None:
    """Create and subscribe the folder if it does not exist (another client may race us)."""
    if client.folder_exists(folder):
        return
    try:
        client.create_folder(folder)
    except imaplib.IMAP4.error:
        if not client.folder_exists(folder):
            raise
    client.subscribe_folder(folder)
