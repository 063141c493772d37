"""Engine and session factory for the records store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

WRITE_OPTION = "lado_unit_of_work"


def make_engine(database_url: str) -> Engine:
    """An engine for the URL; SQLite gets its folder, foreign keys and a busy timeout."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    """Foreign keys and WAL on, PostgreSQL's `timezone()` defined; the driver's own
    transaction handling off, because it begins no transaction before a SAVEPOINT, so
    releasing one would commit (see SQLAlchemy's "Serializable isolation / Savepoints /
    Transactional DDL" for pysqlite)."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
    dbapi_connection.create_function("timezone", 2, sqlite_timezone, deterministic=True)


def sqlite_timezone(zone: str | None, stored: str | None) -> str | None:
    """PostgreSQL's `timezone(zone, timestamptz)` for SQLite: a stored UTC time as the
    zone's wall-clock time (`YYYY-MM-DD HH:MM:SS`), so reports group by local days."""
    if zone is None or stored is None:
        return None
    moment = datetime.fromisoformat(stored)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return f"{moment.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M:%S}"


def _sqlite_begin(connection: Connection) -> None:
    """Begin every transaction explicitly: a unit of work takes the write lock at once
    (IMMEDIATE), so concurrent writers queue on the busy timeout instead of failing on a
    lock upgrade; plain reading sessions stay deferred and never block a writer."""
    writing = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back if it raises."""
    with sessions() as session, session.begin():
        session.connection(execution_options={WRITE_OPTION: True})
        yield session
