"""Sign-in throttling: too many failures for one username from one address are refused."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


@dataclass
class LoginThrottle:
    """Failures per (username, address) in a sliding window, kept in this process's memory."""

    max_failures: int = MAX_FAILURES
    window_seconds: float = WINDOW_SECONDS
    clock: Callable[[], float] = time.monotonic
    _failures: dict[tuple[str, str], deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def refused(self, username: str, address: str) -> bool:
        """Whether this username from this address must wait before trying again."""
        with self._lock:
            return len(self._prune(self._key(username, address))) >= self.max_failures

    def failed(self, username: str, address: str) -> None:
        """Count one failed attempt."""
        with self._lock:
            key = self._key(username, address)
            self._failures[key] = self._prune(key)
            self._failures[key].append(self.clock())

    def succeeded(self, username: str, address: str) -> None:
        """Forget the failures of a username that has now signed in from this address."""
        with self._lock:
            self._failures.pop(self._key(username, address), None)

    @staticmethod
    def _key(username: str, address: str) -> tuple[str, str]:
        return username.strip().lower(), address

    def _prune(self, key: tuple[str, str]) -> deque[float]:
        """The key's failures within the window; a key left with none is dropped."""
        attempts = self._failures.pop(key, deque())
        cutoff = self.clock() - self.window_seconds
        while attempts and attempts[0] <= cutoff:
            attempts.popleft()
        if attempts:
            self._failures[key] = attempts
        return attempts
