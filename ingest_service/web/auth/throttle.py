"""Sign-in throttling: too many failures for one username from one address are refused.

Failures are counted in the store, so every web process behind the same database sees them;
each is kept under a digest of username and address, never the values.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from ingest_service.store.database import unit_of_work
from ingest_service.store.models import LoginFailure, utcnow

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


def failure_key(username: str, address: str) -> str:
    """The digest failures are counted under (usernames compare without case)."""
    material = f"{username.strip().lower()}\n{address}".encode()
    return hashlib.sha256(material).hexdigest()


@dataclass(frozen=True)
class LoginThrottle:
    """Failures per (username, address) within a sliding window, in the store."""

    sessions: sessionmaker[Session]
    max_failures: int = MAX_FAILURES
    window: timedelta = WINDOW
    clock: Callable[[], datetime] = utcnow

    def refused(self, username: str, address: str) -> bool:
        """Whether this username from this address must wait before trying again."""
        cutoff = self.clock() - self.window
        key = failure_key(username, address)
        with self.sessions() as session:
            count = session.scalar(
                select(func.count())
                .select_from(LoginFailure)
                .where(LoginFailure.key_sha256 == key, LoginFailure.failed_at > cutoff)
            )
        return (count or 0) >= self.max_failures

    def failed(self, username: str, address: str) -> None:
        """Count one failed attempt, and forget every failure older than the window."""
        now = self.clock()
        with unit_of_work(self.sessions) as session:
            session.execute(delete(LoginFailure).where(LoginFailure.failed_at <= now - self.window))
            session.add(LoginFailure(key_sha256=failure_key(username, address), failed_at=now))

    def succeeded(self, username: str, address: str) -> None:
        """Forget the failures of a username that has now signed in from this address."""
        key = failure_key(username, address)
        with unit_of_work(self.sessions) as session:
            session.execute(delete(LoginFailure).where(LoginFailure.key_sha256 == key))
