"""Sign-in with the identity provider in a real browser: redirects, cookies and the role."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect
from pydantic import SecretStr

from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.migrate import upgrade
from ingest_service.store.models import UserRole
from tests.browser.live_app import address_of, free_listener, serving
from tests.web.oidc_fake import CLIENT_ID, CLIENT_SECRET, running_provider


def test_a_manager_signs_in_with_microsoft_and_lands_on_the_page_asked_for(
    browser: Browser, tmp_path: Path
) -> None:
    # The provider answers as "localhost", the app as 127.0.0.1: two sites, as in production,
    # so the session cookie (SameSite=Lax) must survive the provider's redirect back.
    with running_provider(host="localhost") as provider:
        listener = free_listener()
        base_url = address_of(listener)
        database_url = f"sqlite:///{tmp_path / 'oidc-browser.sqlite3'}"
        upgrade(database_url)
        service = Service.from_settings(
            Settings(
                data_dir=tmp_path,
                database_url=database_url,
                web_cookie_secure=False,
                local_sign_in=False,
                oidc_issuer=provider.issuer,
                oidc_client_id=CLIENT_ID,
                oidc_client_secret=SecretStr(CLIENT_SECRET),
                oidc_redirect_url=f"{base_url}/sign-in/oidc/callback",
                oidc_role_map={"LADO.Manager": UserRole.MANAGER},
            )
        )
        with serving(service, listener):
            context = browser.new_context(base_url=base_url)
            page = context.new_page()
            page.goto("/dashboard")
            expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
            expect(page.get_by_label("Password")).to_have_count(0)
            page.get_by_role("button", name="Sign in with Microsoft").click()
            page.wait_for_url(f"{base_url}/dashboard")
            expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
            expect(page.get_by_role("contentinfo")).to_contain_text(
                "Signed in as jane.doe@council.example (manager)"
            )
            context.close()
        service.engine.dispose()
