"""Fixtures for the browser tests: Debian's Chromium driven by Playwright, and the live app."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from ingest_service.store.models import UserRole
from tests.browser.live_app import PASSWORD, LiveApp, live_app, username_of

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS_VARIABLE = "LADO_BROWSER_SCREENSHOTS"
DEFAULT_SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def chromium() -> Path:
    """The system Chromium; skipped when absent on a workstation, a failure on CI."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: `make system-packages` installs Debian's chromium"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    """Headless Chromium, started once; Playwright never downloads a browser here."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def app(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    """The demo store served for the whole session (after the Chromium check)."""
    with live_app(tmp_path_factory.mktemp("browser-data")) as served:
        yield served


@pytest.fixture
def page(browser: Browser, app: LiveApp) -> Iterator[Page]:
    """A fresh browser context (no cookies) on the app, accepting downloads."""
    context = browser.new_context(base_url=app.base_url, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The folder for screenshots: $LADO_BROWSER_SCREENSHOTS, else tests/browser/screenshots."""
    folder = Path(os.environ.get(SCREENSHOTS_VARIABLE) or DEFAULT_SCREENSHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def sign_in(page: Page, role: UserRole) -> None:
    """Sign in through the form as the seeded account of this role."""
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username_of(role))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/")


def open_todays_queue(page: Page) -> None:
    """The review queue filtered to referrals received today (the demo mail; not the history)."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Review queue").click()
    page.get_by_label("Received from").fill(datetime.now(UTC).date().isoformat())
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/referrals?*")
