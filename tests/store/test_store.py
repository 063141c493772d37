"""The records store on SQLite and PostgreSQL: migrations, reference numbers, documents."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ingest_service.store.database import make_engine, make_session_factory, unit_of_work
from ingest_service.store.documents import DocumentStore, sha256_hex
from ingest_service.store.models import AuditEvent, Base, Message
from ingest_service.store.references import next_reference
from ingest_service.store.schema_check import SchemaNotCurrent, require_current_schema


def _message(key: str) -> Message:
    return Message(
        mailbox="maildir:///x",
        mailbox_key=key,
        message_id=f"<{key}@example.org>",
        sender="a@example.org",
        subject="s",
        received_at=datetime.now(UTC),
        content_sha256="0" * 64,
        size_bytes=1,
        attempts=0,
    )


def test_migrated_schema_is_current(database_url: str) -> None:
    require_current_schema(make_engine(database_url))


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_build_the_schema_the_models_describe(database_url: str) -> None:
    with make_engine(database_url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # An expression index is reflected as text on PostgreSQL (not at all on SQLite), so its
    # definition cannot be compared: only that it exists under its name.
    expression_indexes = {"ix_referrals_queue_order", "ix_referrals_subject_dob"}
    left = [
        difference
        for difference in differences
        if not (
            difference[0] in ("add_index", "remove_index")
            and difference[1].name in expression_indexes
        )
    ]
    assert left == []


def test_unmigrated_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SchemaNotCurrent, match="db upgrade"):
        require_current_schema(make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}"))


def test_reference_numbers_run_per_year(database_url: str) -> None:
    sessions = make_session_factory(make_engine(database_url))
    with unit_of_work(sessions) as session:
        issued = [next_reference(session, 2026) for _ in range(3)]
        issued.append(next_reference(session, 2027))
    with unit_of_work(sessions) as session:
        issued.append(next_reference(session, 2026))
    assert issued == [
        "LADO-2026-000001",
        "LADO-2026-000002",
        "LADO-2026-000003",
        "LADO-2027-000001",
        "LADO-2026-000004",
    ]


def test_rolled_back_reference_is_not_lost_as_a_gap(database_url: str) -> None:
    sessions = make_session_factory(make_engine(database_url))
    with pytest.raises(RuntimeError), unit_of_work(sessions) as session:
        next_reference(session, 2026)
        raise RuntimeError("crash before commit")
    with unit_of_work(sessions) as session:
        assert next_reference(session, 2026) == "LADO-2026-000001"


def test_ledger_key_is_unique_per_mailbox(database_url: str) -> None:
    sessions = make_session_factory(make_engine(database_url))
    with unit_of_work(sessions) as session:
        session.add(_message("k1"))
    with pytest.raises(IntegrityError), unit_of_work(sessions) as session:
        session.add(_message("k1"))


def test_json_fields_round_trip(database_url: str) -> None:
    sessions = make_session_factory(make_engine(database_url))
    detail = {"fields": ["referrer_name"], "nested": {"n": 1}}
    with unit_of_work(sessions) as session:
        session.add(
            AuditEvent(actor="test", action="a", entity="referral", entity_id=1, detail=detail)
        )
    with sessions() as session:
        assert session.scalars(select(AuditEvent.detail)).one() == detail


def test_document_store_is_content_addressed(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "docs")
    digest = store.put(b"raw message")
    assert digest == sha256_hex(b"raw message")
    assert store.put(b"raw message") == digest
    assert store.get(digest) == b"raw message"
    files = [p for p in (tmp_path / "docs").rglob("*") if p.is_file()]
    assert len(files) == 1
