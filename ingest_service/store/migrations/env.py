"""Alembic environment: runs migrations against the URL set by ingest_service.store.migrate."""

from alembic import context

from ingest_service.store.database import make_engine
from ingest_service.store.models import Base

config = context.config
engine = make_engine(config.get_main_option("sqlalchemy.url") or "")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
