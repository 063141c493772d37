"""Fixtures shared by the test suite: settings, a migrated store on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest

from config import DEFAULT_CONFIG_DIR
from ingest_service.council_config import CouncilConfig, load_council_config
from ingest_service.settings import Settings
from ingest_service.store.migrate import upgrade

if TYPE_CHECKING:
    from ingest_service.service import Service

pytest_plugins = ["tests.mailbox.imap_fixtures"]

POSTGRES_ADMIN_DSN = os.environ.get("LADO_TEST_POSTGRES", "postgresql://root@127.0.0.1:5432/test")
SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES_DIR = SHARED_DIR / "referral-form" / "samples"


@pytest.fixture(scope="session")
def council() -> CouncilConfig:
    """The shipped council configuration."""
    return load_council_config(DEFAULT_CONFIG_DIR)


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A throwaway PostgreSQL database for this test run."""
    name = f"lado_intake_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN_DSN, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL is required for the store tests ({POSTGRES_ADMIN_DSN}): {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN_DSN.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(POSTGRES_ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _reset_postgres(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated records store on each supported database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_database")
        _reset_postgres(url)
    upgrade(url)
    return url


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings with a data folder of the test's own and the parametrised database."""
    return Settings(data_dir=tmp_path / "data", database_url=database_url)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> Settings:
    """The settings, with the command line pointed at the same data folder and database."""
    monkeypatch.setenv("LADO_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("LADO_DATABASE_URL", settings.database_url)
    return settings


@pytest.fixture
def service(settings: Settings) -> Iterator[Service]:
    """The assembled service on the test's store and demo mailbox."""
    from ingest_service.service import Service

    built = Service.from_settings(settings)
    yield built
    built.engine.dispose()
