"""OpenID Connect sign-in against a local provider: the real app, the real HTTP exchanges."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi.testclient import TestClient
from markupsafe import escape
from pydantic import SecretStr
from sqlalchemy import select

from ingest_service.service import Service
from ingest_service.settings import Settings, SettingsError, load_settings
from ingest_service.store.migrate import upgrade
from ingest_service.store.models import AuditEvent, User, UserRole
from ingest_service.web.app import create_app
from ingest_service.web.auth.oidc_provider import KEY_REFRESH_SECONDS, OidcProvider, http_client
from ingest_service.web.auth.oidc_views import NO_ROLE, REFUSED, STATE_MISMATCH, UNREACHABLE
from tests.web.conftest import sign_in
from tests.web.oidc_fake import (
    CLIENT_ID,
    CLIENT_SECRET,
    DISCOVERY_PATH,
    FakeProvider,
    running_provider,
)

REDIRECT_URL = "https://testserver/sign-in/oidc/callback"
ROLE_MAP = {"LADO.Manager": UserRole.MANAGER, "LADO.Officer": UserRole.LADO}


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    """The provider, serving in a thread for the test."""
    with running_provider() as fake:
        yield fake


def oidc_service(tmp_path: Path, provider: FakeProvider, **settings: Any) -> Service:
    """A service on SQLite that signs people in with the provider."""
    url = f"sqlite:///{tmp_path / 'oidc.sqlite3'}"
    upgrade(url)
    return Service.from_settings(
        Settings(
            data_dir=tmp_path / "data",
            database_url=url,
            oidc_issuer=provider.issuer,
            oidc_client_id=CLIENT_ID,
            oidc_client_secret=SecretStr(CLIENT_SECRET),
            oidc_redirect_url=REDIRECT_URL,
            oidc_role_map=ROLE_MAP,
            **settings,
        )
    )


@pytest.fixture
def service(tmp_path: Path, provider: FakeProvider) -> Iterator[Service]:
    built = oidc_service(tmp_path, provider)
    yield built
    built.engine.dispose()


@pytest.fixture
def client(service: Service) -> TestClient:
    return TestClient(create_app(service), base_url="https://testserver")


def go_to_provider(client: TestClient, next_path: str = "/") -> str:
    """Start a sign-in; returns where the provider sends the browser back to."""
    start = client.get("/sign-in/oidc", params={"next": next_path}, follow_redirects=False)
    assert start.status_code == 303
    answer = httpx.get(start.headers["location"], follow_redirects=False)
    assert answer.status_code == 302
    back = urlsplit(answer.headers["location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == REDIRECT_URL
    return f"{back.path}?{back.query}"


def provider_sign_in(client: TestClient, next_path: str = "/") -> httpx.Response:
    """The whole round trip; returns the callback's response."""
    response: httpx.Response = client.get(go_to_provider(client, next_path), follow_redirects=False)
    return response


def signed_in_as(client: TestClient) -> str | None:
    """Who the start page's footer names, or None when it sends the browser to sign in."""
    page = client.get("/", follow_redirects=False)
    if page.status_code == 303:
        return None
    match = re.search(r"Signed in as (.+?)\. Every view", page.text)
    assert page.status_code == 200 and match
    return match.group(1)


def test_sign_in_creates_the_account_with_the_mapped_role(
    client: TestClient, service: Service, provider: FakeProvider
) -> None:
    callback = provider_sign_in(client, "/dashboard")
    assert callback.status_code == 303 and callback.headers["location"] == "/dashboard"
    assert signed_in_as(client) == "jane.doe@council.example (manager)"
    assert client.get("/dashboard").status_code == 200
    with service.sessions() as session:
        user = session.scalars(select(User)).one()
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
        actors = set(session.scalars(select(AuditEvent.actor)).all())
    assert user.role is UserRole.MANAGER and user.password_hash == "!oidc"
    assert user.oidc_subject is not None and len(user.oidc_subject) == 64
    assert actions == ["user_created", "signed_in"]
    assert "user:jane.doe@council.example" in actors
    # The account has no password: the local form never signs it in.
    assert sign_in(client, "jane.doe@council.example", "!oidc") == 401


def test_the_role_follows_the_token_at_each_sign_in(
    client: TestClient, service: Service, provider: FakeProvider
) -> None:
    assert provider_sign_in(client).status_code == 303
    provider.claims = {"roles": ["Unrelated.Role", "LADO.Officer"]}
    assert provider_sign_in(client).status_code == 303
    assert signed_in_as(client) == "jane.doe@council.example (lado)"
    assert client.get("/dashboard").status_code == 403
    with service.sessions() as session:
        assert session.scalars(select(User.role)).all() == [UserRole.LADO]


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        pytest.param({"nonce": "another-sign-in"}, "nonce is not the one", id="wrong-nonce"),
        pytest.param({"aud": "another-app"}, "InvalidAudienceError", id="wrong-audience"),
        pytest.param(
            {"iss": "https://attacker.example/v2.0"}, "InvalidIssuerError", id="wrong-issuer"
        ),
        pytest.param(
            {"iat": int(time.time()) - 7200, "nbf": None, "exp": int(time.time()) - 600},
            "ExpiredSignatureError",
            id="expired",
        ),
        pytest.param({"nonce": None}, "MissingRequiredClaimError", id="no-nonce"),
    ],
)
def test_untrustworthy_tokens_are_refused(
    client: TestClient,
    service: Service,
    provider: FakeProvider,
    caplog: pytest.LogCaptureFixture,
    claims: dict[str, Any],
    reason: str,
) -> None:
    provider.claims = claims
    callback = provider_sign_in(client)
    assert callback.status_code == 403 and escape(REFUSED) in callback.text
    assert reason in caplog.text
    assert signed_in_as(client) is None
    with service.sessions() as session:
        assert session.scalars(select(User)).all() == []


def test_a_token_signed_by_another_key_is_refused(
    client: TestClient, provider: FakeProvider, caplog: pytest.LogCaptureFixture
) -> None:
    provider.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    callback = provider_sign_in(client)
    assert callback.status_code == 403 and escape(REFUSED) in callback.text
    assert "InvalidSignatureError" in caplog.text
    assert signed_in_as(client) is None


@pytest.mark.parametrize("roles", [None, ["Unrelated.Role"]], ids=["no-roles", "unmapped-role"])
def test_someone_without_a_mapped_role_is_told_so(
    client: TestClient, service: Service, provider: FakeProvider, roles: list[str] | None
) -> None:
    provider.claims = {"roles": roles}
    callback = provider_sign_in(client)
    assert callback.status_code == 403 and escape(NO_ROLE) in callback.text
    assert signed_in_as(client) is None
    with service.sessions() as session:
        assert session.scalars(select(User)).all() == []


def test_the_callback_needs_the_state_this_browser_was_given(
    client: TestClient, service: Service
) -> None:
    back = go_to_provider(client)
    forged = back.replace("state=", "state=x")
    refused = client.get(forged, follow_redirects=False)
    assert refused.status_code == 403 and escape(STATE_MISMATCH) in refused.text
    # The pending sign-in was used up by the forged attempt: the genuine one must start again.
    assert client.get(back, follow_redirects=False).status_code == 403
    # A code obtained in another browser (login CSRF) signs nobody into this one.
    attacker_callback = go_to_provider(
        TestClient(create_app(service), base_url="https://testserver")
    )
    victim = TestClient(create_app(service), base_url="https://testserver")
    assert victim.get(attacker_callback, follow_redirects=False).status_code == 403
    assert signed_in_as(victim) is None


def test_a_callback_cannot_be_replayed(client: TestClient) -> None:
    back = go_to_provider(client)
    assert client.get(back, follow_redirects=False).status_code == 303
    replayed = client.get(back, follow_redirects=False)
    assert replayed.status_code == 403 and escape(STATE_MISMATCH) in replayed.text


def test_the_sign_in_page_offers_the_provider_and_can_hide_local_accounts(
    tmp_path: Path, provider: FakeProvider
) -> None:
    both = TestClient(
        create_app(oidc_service(tmp_path / "a", provider)), base_url="https://testserver"
    )
    page = both.get("/sign-in", params={"next": "/referrals"}).text
    assert "Sign in with Microsoft" in page and 'href="/sign-in/oidc?next=/referrals"' in page
    assert 'name="password"' in page
    only_provider = TestClient(
        create_app(oidc_service(tmp_path / "b", provider, local_sign_in=False)),
        base_url="https://testserver",
    )
    page = only_provider.get("/sign-in").text
    assert "Sign in with Microsoft" in page and 'name="password"' not in page
    assert sign_in_without_form(only_provider) == 404


def sign_in_without_form(client: TestClient) -> int:
    """POST the local form's fields to a service that has no form."""
    response: httpx.Response = client.post("/sign-in", data={"username": "x", "password": "y"})
    return response.status_code


def test_without_an_issuer_there_is_no_provider_button(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plain.sqlite3'}"
    upgrade(url)
    plain = Service.from_settings(Settings(data_dir=tmp_path / "plain", database_url=url))
    local_only = TestClient(create_app(plain), base_url="https://testserver")
    assert "Sign in with" not in local_only.get("/sign-in").text
    assert local_only.get("/sign-in/oidc", follow_redirects=False).status_code == 404


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"LADO_OIDC_ISSUER": "https://login.example/t/v2.0"}, "LADO_OIDC_CLIENT_ID: "),
        ({"LADO_OIDC_ISSUER": "http://login.example/t/v2.0"}, "LADO_OIDC_ISSUER: "),
        ({"LADO_LOCAL_SIGN_IN": "false"}, "LADO_OIDC_ISSUER: "),
    ],
)
def test_incomplete_oidc_settings_stop_the_service(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], message: str
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=message):
        load_settings()


def test_discovery_and_keys_are_cached_until_the_provider_rolls_its_keys(
    service: Service, provider: FakeProvider
) -> None:
    app = create_app(service)
    now = [0.0]
    app.state.oidc_provider = OidcProvider(
        service.settings, http_client(service.settings), lambda: now[0]
    )
    client = TestClient(app, base_url="https://testserver")
    assert provider_sign_in(client).status_code == 303
    assert provider_sign_in(client).status_code == 303
    assert provider.fetches == [DISCOVERY_PATH, "/keys"]
    provider.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    provider.key_id = "test-key-2"
    assert provider_sign_in(client).status_code == 403  # the set was fetched a moment ago
    now[0] += KEY_REFRESH_SECONDS + 1
    assert provider_sign_in(client).status_code == 303
    assert provider.fetches == [DISCOVERY_PATH, "/keys", "/keys"]


def test_a_sign_in_the_provider_declined_is_refused(client: TestClient) -> None:
    back = urlsplit(go_to_provider(client))
    state = parse_qs(back.query)["state"][0]
    params = {"error": "access_denied", "state": state}
    declined = client.get(back.path, params=params, follow_redirects=False)
    assert declined.status_code == 403 and escape(REFUSED) in declined.text
    assert signed_in_as(client) is None


def test_an_unreachable_provider_is_said_so(tmp_path: Path) -> None:
    with running_provider() as gone:
        pass  # its port is closed again
    unreachable = TestClient(
        create_app(oidc_service(tmp_path, gone)), base_url="https://testserver"
    )
    started = unreachable.get("/sign-in/oidc", follow_redirects=False)
    assert started.status_code == 502 and escape(UNREACHABLE) in started.text
