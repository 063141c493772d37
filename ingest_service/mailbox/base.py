"""The interface every mailbox adapter offers to the intake chain."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class FetchedMessage:
    """One message as the mailbox holds it: its stable key there and its raw bytes."""

    key: str
    raw: bytes
    received_at: datetime


class Mailbox(Protocol):
    """A folder of incoming referrals that can be read and tidied, never deleted from."""

    @property
    def identity(self) -> str:
        """A stable name for this mailbox, used in the ledger."""
        ...

    def fetch_new(self) -> Iterator[FetchedMessage]:
        """Every message still in the incoming folder, oldest first."""
        ...

    def move(self, key: str, folder: str) -> None:
        """Move a processed message to the named folder (created if needed)."""
        ...


class OutgoingMail(Protocol):
    """Somewhere replies go: sends a message once, and can tell whether it already went."""

    def was_sent(self, rfc_message_id: str) -> bool:
        """Whether a message with this Message-ID has already been sent."""
        ...

    def send(self, raw: bytes, rfc_message_id: str) -> None:
        """Send the message."""
        ...
