"""Concurrent units of work queue for the database instead of failing (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from ingest_service.store.database import make_engine, make_session_factory, unit_of_work
from ingest_service.store.models import Referral
from ingest_service.store.references import next_reference

THREADS, ROUNDS = 4, 15


def test_concurrent_read_then_write_transactions_all_succeed(database_url: str) -> None:
    sessions = make_session_factory(make_engine(database_url))
    errors: list[str] = []
    issued: list[str] = []

    def worker() -> None:
        try:
            for _ in range(ROUNDS):
                with unit_of_work(sessions) as session:
                    session.scalar(select(func.count(Referral.id)))  # read first, then write
                    issued.append(next_reference(session, 2026))
        except Exception as exc:  # collected for the assertion below
            errors.append(type(exc).__name__)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(issued) == [f"LADO-2026-{n:06d}" for n in range(1, THREADS * ROUNDS + 1)]
