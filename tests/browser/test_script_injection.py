"""A referral whose content carries <script> and event handlers shows them as text, runs nothing."""

from __future__ import annotations

from playwright.sync_api import ConsoleMessage, Dialog, Page, expect

from ingest_service.store.models import UserRole
from tests.browser.conftest import open_todays_queue, sign_in
from tests.browser.live_app import LiveApp


def test_script_in_a_referral_is_shown_as_text_and_never_runs(page: Page, app: LiveApp) -> None:
    dialogs: list[str] = []
    console: list[str] = []

    def refuse(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    def keep(message: ConsoleMessage) -> None:
        console.append(message.text)

    page.on("dialog", refuse)
    page.on("console", keep)
    sign_in(page, UserRole.LADO)
    open_todays_queue(page)
    page.get_by_role("link", name=app.script_reference, exact=True).click()
    expect(page.get_by_role("heading", name=app.script_reference, level=1)).to_be_visible()
    expect(page.get_by_text("<script>alert('name')</script>").first).to_be_visible()
    expect(page.get_by_text("alert('story')").first).to_be_visible()
    page.wait_for_load_state("load")

    assert dialogs == [], f"script from the referral ran: {dialogs}"
    assert page.locator("main script, main img").count() == 0
    # Escaped markup never reaches the parser as script, so the CSP has nothing to block either.
    assert not [text for text in console if "Content Security Policy" in text], console
