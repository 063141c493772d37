"""The Maildir mailbox: reads new and cur, moves atomically, never deletes; the Sent folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest_service.mailbox.factory import MailboxUrlError, maildir_root, open_mailbox
from ingest_service.mailbox.maildir import MaildirMailbox, MaildirSentFolder, deliver
from ingest_service.settings import Settings

RAW = b"From: a@example.org\r\nMessage-ID: <m1@example.org>\r\nSubject: s\r\n\r\nbody\r\n"


def test_fetches_new_and_cur_then_moves(tmp_path: Path) -> None:
    root = tmp_path / "mail"
    deliver(root, RAW, "one")
    (root / "cur" / "two:2,S").write_bytes(RAW)
    mailbox = MaildirMailbox(root)
    assert sorted(m.key for m in mailbox.fetch_new()) == ["one", "two"]
    mailbox.move("two", "Processed")
    assert [m.key for m in mailbox.fetch_new()] == ["one"]
    assert (root / ".Processed" / "cur" / "two:2,S").read_bytes() == RAW


def test_moving_twice_is_harmless(tmp_path: Path) -> None:
    mailbox = MaildirMailbox(tmp_path)
    deliver(tmp_path, RAW, "one")
    mailbox.move("one", "Needs review")
    mailbox.move("one", "Needs review")
    assert list((tmp_path / ".Needs review" / "cur").iterdir()) == [
        tmp_path / ".Needs review" / "cur" / "one"
    ]


def test_sent_folder_knows_what_it_sent(tmp_path: Path) -> None:
    sent = MaildirSentFolder(tmp_path)
    assert not sent.was_sent("<m1@example.org>")
    sent.send(RAW, "<m1@example.org>")
    assert sent.was_sent("<m1@example.org>")
    assert not sent.was_sent("<m2@example.org>")
    [filed] = (sent.folder / "new").iterdir()
    filed.rename(sent.folder / "cur" / f"{filed.name}:2,S")  # a mail client marked it read
    assert sent.was_sent("<m1@example.org>")


def test_urls(tmp_path: Path) -> None:
    assert maildir_root(f"maildir://{tmp_path}") == tmp_path
    mailbox, _ = open_mailbox(Settings(data_dir=tmp_path, mailbox_url=f"maildir://{tmp_path}/box"))
    assert mailbox.identity == f"maildir://{tmp_path}/box"
    with pytest.raises(MailboxUrlError, match="LADO_MAILBOX_URL: unsupported scheme 'pop3'"):
        maildir_root("pop3://mail.example.org/INBOX")
