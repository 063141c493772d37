"""Fixtures for the web app: a service holding replies for approval, clients, accounts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute, Route

from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.database import unit_of_work
from ingest_service.store.migrate import upgrade
from ingest_service.store.models import UserRole
from ingest_service.web.app import create_app
from ingest_service.web.auth.service import create_user
from tests.reports.known_referrals import add_known

PASSWORD = "correct horse battery staple"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def build_service(settings: Settings) -> Service:
    """A service whose replies wait for an officer's approval."""
    return Service.from_settings(
        Settings(
            data_dir=settings.data_dir, database_url=settings.database_url, reply_mode="approval"
        )
    )


@pytest.fixture
def web_service(settings: Settings) -> Iterator[Service]:
    """The service on each database (SQLite and PostgreSQL)."""
    built = build_service(settings)
    yield built
    built.engine.dispose()


@pytest.fixture
def sqlite_service(tmp_path: Path) -> Iterator[Service]:
    """The service on SQLite only, for checks that do not depend on the database."""
    url = f"sqlite:///{tmp_path / 'web.sqlite3'}"
    upgrade(url)
    built = build_service(Settings(data_dir=tmp_path / "data", database_url=url))
    yield built
    built.engine.dispose()


def client_for(service: Service) -> TestClient:
    """A browser-like client over HTTPS (the session cookie is Secure)."""
    return TestClient(create_app(service), base_url="https://testserver")


def add_user(service: Service, username: str, role: UserRole) -> None:
    """A local account with the shared test password."""
    with unit_of_work(service.sessions) as session:
        create_user(session, username, PASSWORD, role, "test")


def csrf_of(html: str) -> str:
    """The CSRF token in a page's form."""
    match = _CSRF.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> int:
    """Sign in through the form; returns the status of the POST."""
    token = csrf_of(client.get("/sign-in").text)
    response = client.post(
        "/sign-in",
        data={"username": username, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    return int(response.status_code)


def signed_in(service: Service, username: str, role: UserRole) -> TestClient:
    """A client signed in as a new account of that role."""
    add_user(service, username, role)
    client = client_for(service)
    assert sign_in(client, username) == 303
    return client


# The known referrals' reporting year, as the reports' query string.
PERIOD_QUERY = {"start": "2025-04-01", "end": "2026-03-31"}


def manager_with_known(service: Service) -> TestClient:
    """A manager signed in to a store holding the known referrals (tests/reports)."""
    with unit_of_work(service.sessions) as session:
        add_known(session)
    return signed_in(service, "maya", UserRole.MANAGER)


def filled_in(routes: Iterable[BaseRoute]) -> set[tuple[str, str]]:
    """Every (path, method) of the routes, path parameters filled in."""
    found: set[tuple[str, str]] = set()
    for route in routes:
        assert isinstance(route, APIRoute | Route), route
        path = re.sub(r"\{[^}]+:int\}|\{reply_id\}", "1", route.path)
        path = re.sub(r"\{[^}]+\}", "LADO-2026-000001", path)
        found.update((path, method) for method in route.methods or () if method != "HEAD")
    return found


def assert_sign_in_needed(service: Service, routes: Iterable[tuple[str, str]]) -> None:
    """Without a session, API routes answer 401 and pages redirect to the sign-in page."""
    client = client_for(service)
    for path, method in sorted(routes):
        response = client.request(method, path, follow_redirects=False)
        if path.startswith("/api/"):
            assert response.status_code == 401, (method, path)
        else:
            assert response.status_code == 303, (method, path)
            assert response.headers["location"].startswith("/sign-in?next="), (method, path)
