"""Fixtures for tests that need a real IMAP server: a private Dovecot and a user on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.mailbox.servers import Dovecot, MailAccount, running_dovecot


@pytest.fixture(scope="module")
def dovecot() -> Iterator[Dovecot]:
    """One private Dovecot per test module (starting one costs about a second)."""
    with running_dovecot() as server:
        yield server


@pytest.fixture
def account(dovecot: Dovecot) -> MailAccount:
    """A fresh user with an empty mailbox, so tests do not see each other's mail."""
    return dovecot.add_user()
