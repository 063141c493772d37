"""SQLite's stand-in for PostgreSQL's timezone(zone, timestamptz)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from ingest_service.store.database import make_engine, sqlite_timezone


def test_utc_text_becomes_uk_wall_clock_time() -> None:
    assert sqlite_timezone("Europe/London", "2025-05-31 23:30:00.000000") == "2025-06-01 00:30:00"
    assert sqlite_timezone("Europe/London", "2025-01-31 23:30:00") == "2025-01-31 23:30:00"
    assert sqlite_timezone("Europe/London", "2025-10-26 00:59:59+00:00") == "2025-10-26 01:59:59"
    assert sqlite_timezone("Europe/London", None) is None


def test_every_sqlite_connection_has_the_function(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    with engine.connect() as connection:
        local = connection.scalar(
            text("SELECT timezone('Europe/London', '2025-03-30 01:00:00.000000')")
        )
    engine.dispose()
    assert local == "2025-03-30 02:00:00"  # the clocks went forward at 01:00 UTC
