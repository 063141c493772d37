"""Sending replies by SMTP submission, after a copy in the IMAP Sent folder that was_sent reads."""

from __future__ import annotations

import email.policy
import smtplib
import ssl
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage
from typing import overload

from imapclient import SEEN
from pydantic import SecretStr

from ingest_service.mailbox.endpoints import MailServer
from ingest_service.mailbox.imap_connection import ImapConnection, MailServerError, ensure_folder

TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class SmtpCredentials:
    """SMTP AUTH user with a password or an OAuth 2 access token; no username means no AUTH."""

    username: str
    password: SecretStr | None
    oauth_token: SecretStr | None = None


class Xoauth2Response:
    """smtplib's auth object for XOAUTH2: the initial response, then an empty answer to an
    error challenge so that the server reports the failure."""

    def __init__(self, username: str, token: SecretStr) -> None:
        self._username = username
        self._token = token

    @overload
    def __call__(self, challenge: None = None, /) -> str | None: ...
    @overload
    def __call__(self, challenge: bytes, /) -> str: ...
    def __call__(self, challenge: bytes | None = None, /) -> str | None:
        """The user and bearer token first; nothing in answer to an error challenge."""
        if challenge is not None:
            return ""
        return f"user={self._username}\x01auth=Bearer {self._token.get_secret_value()}\x01\x01"


def authenticate(smtp: smtplib.SMTP, credentials: SmtpCredentials) -> None:
    """Log in with the OAuth token when there is one, else the password."""
    if credentials.oauth_token is not None:
        smtp.auth("XOAUTH2", Xoauth2Response(credentials.username, credentials.oauth_token))
        return
    password = credentials.password.get_secret_value() if credentials.password else ""
    smtp.login(credentials.username, password)


def submit(server: MailServer, credentials: SmtpCredentials, message: EmailMessage) -> None:
    """Submit one message; plain text only to a server on this machine that lacks STARTTLS."""
    context = ssl.create_default_context()
    smtp = (
        smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT_SECONDS, context=context)
        if server.implicit_tls
        else smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_SECONDS)
    )
    with smtp:
        smtp.ehlo()
        if not server.implicit_tls:
            if smtp.has_extn("starttls"):
                smtp.starttls(context=context)
                smtp.ehlo()
            elif not server.is_loopback:
                raise MailServerError(f"{server.host} offers no STARTTLS; use smtps://")
        if credentials.username:
            authenticate(smtp, credentials)
        smtp.send_message(message)


class SmtpOutgoingMail:
    """Replies submitted by SMTP; the IMAP Sent folder remembers which Message-IDs went."""

    def __init__(
        self,
        server: MailServer,
        credentials: SmtpCredentials,
        imap: ImapConnection,
        sent_folder: str,
    ) -> None:
        self.server = server
        self._credentials = credentials
        self._imap = imap
        self.sent_folder = sent_folder

    def was_sent(self, rfc_message_id: str) -> bool:
        """Whether the Sent folder holds a message with this Message-ID header."""
        with self._imap.client() as client:
            ensure_folder(client, self.sent_folder)
            client.select_folder(self.sent_folder, readonly=True)
            return bool(client.search(["HEADER", "Message-ID", rfc_message_id]))

    def send(self, raw: bytes, rfc_message_id: str) -> None:
        """Copy the message to Sent, then submit it; a refused submission removes the copy.

        The copy goes first so that a crash between the two steps can never send the reply
        twice: was_sent finds the copy and the outbox marks the reply sent. Only a crash in
        that instant can lose a reply; it is never duplicated.
        """
        message = message_from_bytes(raw, policy=email.policy.SMTP)
        assert isinstance(message, EmailMessage)
        with self._imap.client() as client:
            ensure_folder(client, self.sent_folder)
            client.append(self.sent_folder, raw, flags=[SEEN])
        try:
            submit(self.server, self._credentials, message)
        except OSError:
            self._remove_from_sent(rfc_message_id)
            raise

    def _remove_from_sent(self, rfc_message_id: str) -> None:
        """Delete the copy of a reply that was not submitted, so the outbox retries it."""
        with self._imap.client() as client:
            client.select_folder(self.sent_folder)
            copies = client.search(["HEADER", "Message-ID", rfc_message_id])
            if not copies:
                return
            client.delete_messages(copies)
            if client.has_capability("UIDPLUS"):
                client.uid_expunge(copies)
            else:
                client.expunge()
