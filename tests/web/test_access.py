"""Sign-in, roles and CSRF: every route is closed without a session; writes need the token."""

from __future__ import annotations

import io

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select
from starlette.routing import BaseRoute, Mount, Route

from ingest_service.cli.store_commands import cli_actor
from ingest_service.service import Service
from ingest_service.store.models import AuditEvent, UserRole
from ingest_service.web.app import ROUTERS, SESSION_COOKIE, create_app
from ingest_service.web.auth.cli import run_users_sign_out
from ingest_service.web.auth.service import AccountError
from tests.web.conftest import (
    assert_sign_in_needed,
    client_for,
    csrf_of,
    filled_in,
    sign_in,
    signed_in,
)

PUBLIC = {
    ("/health", "GET"),
    ("/sign-in", "GET"),
    ("/sign-in", "POST"),
    ("/sign-in/oidc", "GET"),  # OpenID sign-in: tests/web/test_oidc.py
    ("/sign-in/oidc/callback", "GET"),
}


def app_routes(service: Service) -> list[BaseRoute]:
    """The app's own routes and those of its routers (FastAPI may or may not flatten them)."""
    top = [route for route in create_app(service).routes if not isinstance(route, Mount)]
    direct = [route for route in top if isinstance(route, APIRoute | Route)]
    assert len(top) - len(direct) <= len(ROUTERS), "a router was included outside ROUTERS"
    return direct + [route for router in ROUTERS for route in router.routes]


def routes(service: Service) -> list[tuple[str, str]]:
    """Every (path, method) the app answers, path parameters filled in."""
    return sorted(filled_in(app_routes(service)))


def test_every_page_and_api_route_needs_sign_in(sqlite_service: Service) -> None:
    checked = routes(sqlite_service)
    assert set(checked) >= PUBLIC
    assert ("/api/openapi.json", "GET") in checked
    assert_sign_in_needed(sqlite_service, set(checked) - PUBLIC)


def test_contact_officer_cannot_reach_the_manager_dashboard(web_service: Service) -> None:
    officer = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    assert officer.get("/dashboard").status_code == 403
    assert officer.get("/referrals").status_code == 200
    manager = signed_in(web_service, "maya", UserRole.MANAGER)
    page = manager.get("/dashboard")
    assert page.status_code == 200
    assert "<caption" in page.text


def test_administrator_cannot_read_referrals(sqlite_service: Service) -> None:
    admin = signed_in(sqlite_service, "ada", UserRole.ADMINISTRATOR)
    assert admin.get("/referrals").status_code == 403
    assert admin.get("/api/referrals").status_code == 403
    assert admin.get("/").status_code == 200


def test_posts_without_a_valid_csrf_token_are_refused(sqlite_service: Service) -> None:
    client = signed_in(sqlite_service, "olive", UserRole.CONTACT_OFFICER)
    posts = [path for path, method in routes(sqlite_service) if method == "POST"]
    assert "/sign-out" in posts
    for path in posts:
        for data in ({}, {"csrf_token": "forged"}):
            response = client.post(path, data=data, follow_redirects=False)
            assert response.status_code == 403, (path, data)
    assert client.get("/referrals").status_code == 200  # still signed in


def test_sign_in_form_needs_its_csrf_token(sqlite_service: Service) -> None:
    client = client_for(sqlite_service)
    client.get("/sign-in")
    response = client.post("/sign-in", data={"username": "x", "password": "y"})
    assert response.status_code == 403


def test_session_cookie_is_http_only_lax_and_secure(sqlite_service: Service) -> None:
    client = client_for(sqlite_service)
    cookie = client.get("/sign-in").headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" in cookie


def copy_of_session(client: TestClient, service: Service) -> TestClient:
    """Another client holding the same session cookie (another device, or a stolen copy)."""
    copy = client_for(service)
    copy.cookies.set(SESSION_COOKIE, client.cookies[SESSION_COOKIE], domain="testserver.local")
    assert copy.get("/referrals", follow_redirects=False).status_code == 200
    return copy


def test_sign_out_ends_the_session_and_its_copies(web_service: Service) -> None:
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    copy = copy_of_session(client, web_service)
    token = csrf_of(client.get("/referrals").text)
    response = client.post("/sign-out", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/referrals", follow_redirects=False).status_code == 303
    assert copy.get("/referrals", follow_redirects=False).status_code == 303
    assert copy.get("/api/referrals").status_code == 401
    assert sign_in(client, "olive") == 303
    assert client.get("/referrals", follow_redirects=False).status_code == 200


def test_users_sign_out_ends_every_session_of_the_account(web_service: Service) -> None:
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    other = signed_in(web_service, "lena", UserRole.LADO)
    out = io.StringIO()
    assert run_users_sign_out(web_service, "Olive", out) == 0
    assert out.getvalue() == "ended every session of Olive\n"
    assert client.get("/referrals", follow_redirects=False).status_code == 303
    assert other.get("/referrals", follow_redirects=False).status_code == 200
    with web_service.sessions() as session:
        ended = session.scalars(
            select(AuditEvent.actor).where(AuditEvent.action == "sessions_ended")
        ).all()
    assert ended == [cli_actor()]
    with pytest.raises(AccountError, match="no user"):
        run_users_sign_out(web_service, "nobody", out)


def test_next_never_leaves_the_site(sqlite_service: Service) -> None:
    client = client_for(sqlite_service)
    page = client.get("/sign-in", params={"next": "//evil.example/"}).text
    assert 'name="next" value="/"' in page


def test_openapi_description_lists_the_api(sqlite_service: Service) -> None:
    client = signed_in(sqlite_service, "olive", UserRole.CONTACT_OFFICER)
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/referrals", "/api/referrals/{reference}", "/health"} <= set(paths)
    assert not any(path.startswith(("/referrals", "/sign-in")) for path in paths)
