"""Refusing to work on a database whose schema is not at the packaged migration head."""

from __future__ import annotations

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ingest_service.store.migrate import MIGRATIONS_DIR


class SchemaNotCurrent(RuntimeError):
    """The database needs `lado-intake db upgrade`."""


def require_current_schema(engine: Engine) -> None:
    """Raise SchemaNotCurrent unless the database is at the newest migration."""
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current != head:
        state = "not initialised" if current is None else f"at revision {current}, not {head}"
        raise SchemaNotCurrent(f"the database is {state}: run `lado-intake db upgrade`")
