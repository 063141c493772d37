"""A local Maildir: the embedded default mailbox for the demo and the tests."""

from __future__ import annotations

import email.parser
import email.policy
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ingest_service.mailbox.base import FetchedMessage

SENT_FOLDER = "Sent"
_SUBDIRS = ("new", "cur", "tmp")


def ensure_maildir(path: Path) -> None:
    """Create the Maildir's new/cur/tmp folders if they are missing."""
    for sub in _SUBDIRS:
        (path / sub).mkdir(parents=True, exist_ok=True)


def folder_path(root: Path, folder: str) -> Path:
    """The Maildir++ subfolder for a folder name."""
    return root / f".{folder.replace('/', '.')}"


def deliver(root: Path, raw: bytes, unique_name: str) -> Path:
    """Deliver a message into the Maildir's new/ the standard way (write to tmp/, rename)."""
    ensure_maildir(root)
    temp = root / "tmp" / unique_name
    temp.write_bytes(raw)
    target = root / "new" / unique_name
    os.replace(temp, target)
    return target


class MaildirMailbox:
    """Reads new/ and cur/ of a Maildir; moves processed mail into Maildir++ subfolders."""

    def __init__(self, root: Path) -> None:
        self.root = root
        ensure_maildir(root)

    @property
    def identity(self) -> str:
        """The mailbox's URL."""
        return f"maildir://{self.root}"

    def _incoming_files(self) -> list[Path]:
        files = [p for sub in ("new", "cur") for p in (self.root / sub).iterdir() if p.is_file()]
        return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))

    def fetch_new(self) -> Iterator[FetchedMessage]:
        """Every message in new/ and cur/, oldest first, keyed by its unique file name."""
        for path in self._incoming_files():
            try:
                raw = path.read_bytes()
                mtime = path.stat().st_mtime
            except FileNotFoundError:
                continue  # moved by another poller between listing and reading
            yield FetchedMessage(
                key=path.name.split(":", 1)[0],
                raw=raw,
                received_at=datetime.fromtimestamp(mtime, UTC),
            )

    def move(self, key: str, folder: str) -> None:
        """Rename the message file into the folder's cur/ (atomic; a no-op if already gone)."""
        target_dir = folder_path(self.root, folder)
        ensure_maildir(target_dir)
        for path in self._incoming_files():
            if path.name.split(":", 1)[0] == key:
                os.replace(path, target_dir / "cur" / path.name)


class MaildirSentFolder:
    """Outgoing mail written to the Maildir's Sent folder: the demo's stand-in for SMTP."""

    def __init__(self, root: Path) -> None:
        self.folder = folder_path(root, SENT_FOLDER)
        ensure_maildir(self.folder)

    def was_sent(self, rfc_message_id: str) -> bool:
        """Whether Sent holds this Message-ID: only the file named after it is read, not the
        whole folder, so checking stays cheap as Sent grows."""
        parser = email.parser.BytesHeaderParser(policy=email.policy.default)
        name = _file_name(rfc_message_id)
        candidates = [
            path
            for sub in ("new", "cur")
            for path in (self.folder / sub).iterdir()
            if path.name.split(":", 1)[0] == name
        ]
        return any(
            parser.parsebytes(path.read_bytes()).get("Message-ID") == rfc_message_id
            for path in candidates
        )

    def send(self, raw: bytes, rfc_message_id: str) -> None:
        """File the message in Sent under a name derived from its Message-ID."""
        deliver(self.folder, raw, _file_name(rfc_message_id))


def _file_name(rfc_message_id: str) -> str:
    """A Maildir file name for a Message-ID (its angle brackets dropped, odd characters _)."""
    bare = rfc_message_id.strip("<>")
    return "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in bare)
