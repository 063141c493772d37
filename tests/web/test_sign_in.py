"""Sign-in throttling, /health, the account command and the session secret."""

from __future__ import annotations

import io
import stat
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from ingest_service.service import Service
from ingest_service.store.models import (
    AuditEvent,
    JobState,
    LoginFailure,
    Message,
    UserRole,
    utcnow,
)
from ingest_service.web.app import create_app
from ingest_service.web.auth.cli import run_users_create
from ingest_service.web.auth.service import AccountError
from ingest_service.web.auth.throttle import LoginThrottle, failure_key
from ingest_service.web.secret import SECRET_FILE, session_secret
from tests.web.conftest import PASSWORD, add_user, client_for, sign_in


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_five_failures_refuse_the_username_for_fifteen_minutes(sqlite_service: Service) -> None:
    add_user(sqlite_service, "olive", UserRole.CONTACT_OFFICER)
    clock = Clock()
    client = TestClient(
        create_app(sqlite_service, LoginThrottle(sqlite_service.sessions, clock=clock)),
        base_url="https://testserver",
    )
    for _ in range(5):
        assert sign_in(client, "olive", "wrong password!") == 401
    assert sign_in(client, "olive") == 429
    assert sign_in(client, "someone-else", "wrong password!") == 401
    clock.now += timedelta(minutes=15, seconds=1)
    assert sign_in(client, "olive") == 303
    with sqlite_service.sessions() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "signed_in" in actions


def test_failures_count_across_web_processes_and_store_no_names(web_service: Service) -> None:
    add_user(web_service, "olive", UserRole.CONTACT_OFFICER)
    first, second = client_for(web_service), client_for(web_service)  # two apps, one store
    for client in (first, second, first, second, first):
        assert sign_in(client, "Olive", "wrong password!") == 401
    assert sign_in(second, "olive") == 429
    with web_service.sessions() as session:
        keys = set(session.scalars(select(LoginFailure.key_sha256)).all())
    assert keys == {failure_key("olive", "testclient")}
    assert sign_in(client_for(web_service), "someone-else") == 401


def test_health_is_public_json_and_503_when_failing(web_service: Service) -> None:
    client = client_for(web_service)
    healthy = client.get("/health")
    assert healthy.status_code == 200 and healthy.json()["healthy"] is True
    with web_service.sessions.begin() as session:
        session.add(
            Message(
                mailbox="test",
                mailbox_key="1",
                received_at=utcnow(),
                content_sha256="0" * 64,
                size_bytes=1,
                error="ParseError",
            )
        )
    failing = client.get("/health")
    assert failing.status_code == 503 and failing.json()["messages_failing"] == 1


def test_health_hides_job_holders_and_details(web_service: Service) -> None:
    with web_service.sessions.begin() as session:
        session.add(
            JobState(
                name="poll", holder="host-7:4242", last_detail="filed 3", consecutive_failures=0
            )
        )
    job = client_for(web_service).get("/health").json()["jobs"][0]
    assert job["name"] == "poll" and job["consecutive_failures"] == 0
    assert "holder" not in job and "last_detail" not in job


def test_users_create_from_stdin_then_sign_in(sqlite_service: Service) -> None:
    out = io.StringIO()
    stdin = io.StringIO(PASSWORD + "\n")
    assert run_users_create(sqlite_service, "maya", UserRole.MANAGER, True, stdin, out) == 0
    assert out.getvalue() == "created maya (manager)\n"
    assert sign_in(client_for(sqlite_service), "maya") == 303
    with pytest.raises(AccountError, match="already exists"):
        run_users_create(sqlite_service, "maya", UserRole.LADO, True, io.StringIO(PASSWORD), out)
    with pytest.raises(AccountError, match="at least 12"):
        run_users_create(sqlite_service, "tom", UserRole.LADO, True, io.StringIO("short"), out)


def test_generated_secret_is_kept_private_and_reused(sqlite_service: Service) -> None:
    settings = sqlite_service.settings
    first = session_secret(settings)
    path = settings.data_dir / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) >= 48 and session_secret(settings) == first
