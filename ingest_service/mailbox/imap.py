"""An IMAP folder as the incoming mailbox: read without marking \\Seen, move when processed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime

from imapclient import IMAPClient

from ingest_service.mailbox.base import FetchedMessage
from ingest_service.mailbox.endpoints import MailServer
from ingest_service.mailbox.imap_connection import ImapConnection, MailServerError, ensure_folder

log = logging.getLogger(__name__)


def message_key(uidvalidity: int, uid: int) -> str:
    """The stable key of a message: its UID, valid only under the folder's UIDVALIDITY."""
    return f"{uidvalidity}:{uid}"


def parse_key(key: str) -> tuple[int, int]:
    """The (UIDVALIDITY, UID) of a key made by message_key."""
    validity, uid = key.split(":", 1)
    return int(validity), int(uid)


class ImapMailbox:
    """One IMAP folder, read oldest first with BODY.PEEK[]; processed mail is moved, not deleted."""

    def __init__(self, server: MailServer, connection: ImapConnection) -> None:
        self.server = server
        self.folder = server.path or "INBOX"
        self._connection = connection

    @property
    def identity(self) -> str:
        """The account and folder, independent of port and TLS mode."""
        return f"imap://{self.server.username}@{self.server.host}/{self.folder}"

    def _select(self, client: IMAPClient) -> int:
        """Select the folder read-write and return its UIDVALIDITY."""
        response = client.select_folder(self.folder)
        return int(response[b"UIDVALIDITY"])

    def _listing(self) -> tuple[int, list[tuple[int, datetime]]]:
        """The folder's UIDVALIDITY and its undeleted messages' UIDs with INTERNALDATE."""
        with self._connection.client() as client:
            validity = self._select(client)
            uids = client.search(["NOT", "DELETED"])
            dates = client.fetch(uids, ["INTERNALDATE"]) if uids else {}
        listed = [(uid, data[b"INTERNALDATE"].astimezone(UTC)) for uid, data in dates.items()]
        return validity, sorted(listed, key=lambda item: (item[1], item[0]))

    def fetch_new(self) -> Iterator[FetchedMessage]:
        """Every message in the folder, oldest first; stops if UIDVALIDITY changes meanwhile."""
        validity, listed = self._listing()
        for uid, received_at in listed:
            with self._connection.client() as client:
                if self._select(client) != validity:
                    log.warning("UIDVALIDITY of %s changed during a poll", self.identity)
                    return
                raw = client.fetch([uid], ["BODY.PEEK[]"]).get(uid, {}).get(b"BODY[]")
            if raw is None:
                continue  # moved or expunged by another client since the listing
            yield FetchedMessage(
                key=message_key(validity, uid), raw=bytes(raw), received_at=received_at
            )

    def move(self, key: str, folder: str) -> None:
        """Move one message by UID (MOVE, else COPY + \\Deleted + UID EXPUNGE of that UID)."""
        validity, uid = parse_key(key)
        with self._connection.client() as client:
            if self._select(client) != validity:
                log.warning("not moving %s: UIDVALIDITY changed; the next poll relists", key)
                return
            ensure_folder(client, folder)
            if client.has_capability("MOVE"):
                client.move([uid], folder)
            elif client.has_capability("UIDPLUS"):
                client.copy([uid], folder)
                client.delete_messages([uid])
                client.uid_expunge([uid])
            else:
                raise MailServerError(f"{self.server.host} offers neither MOVE nor UIDPLUS")
