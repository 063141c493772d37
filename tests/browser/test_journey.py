"""An officer's and a manager's day in headless Chromium, against the live demo app."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from ingest_service.store.models import OutboxEmail, OutboxStatus, Referral, UserRole
from tests.browser.conftest import sign_in
from tests.browser.live_app import DEMO_COUNT, LiveApp

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def held_reply(app: LiveApp) -> tuple[str, int]:
    """A demo referral (not the script one) and its reply awaiting approval."""
    with app.service.sessions() as session:
        reference, reply_id = session.execute(
            select(Referral.reference, OutboxEmail.id)
            .join(OutboxEmail, OutboxEmail.referral_id == Referral.id)
            .where(OutboxEmail.status == OutboxStatus.AWAITING_APPROVAL)
            .where(Referral.reference != app.script_reference)
            .order_by(Referral.id)
            .limit(1)
        ).one()
    return reference, reply_id


def reply_status(app: LiveApp, reply_id: int) -> OutboxStatus:
    """Where the reply stands in the store."""
    with app.service.sessions() as session:
        reply = session.get(OutboxEmail, reply_id)
        assert reply is not None
        return reply.status


def screenshot(page: Page, folder: Path, name: str) -> Path:
    """A full-page PNG of what the browser shows, checked to be one."""
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    return path


def main_nav(page: Page, name: str) -> None:
    """Follow a link of the header's main navigation."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


def test_an_officer_reviews_a_referral_and_approves_its_reply(
    page: Page, app: LiveApp, screenshots: Path
) -> None:
    reference, reply_id = held_reply(app)
    sign_in(page, UserRole.LADO)
    main_nav(page, "Review queue")
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    queue = page.get_by_role("table")
    expect(queue.get_by_role("row")).to_have_count(DEMO_COUNT + 2)  # header, demo, script
    screenshot(page, screenshots, "queue")

    queue.get_by_role("link", name=reference, exact=True).click()
    expect(page.get_by_role("heading", name=reference, level=1)).to_be_visible()
    expect(page.get_by_role("table", name="Automatic replies for this referral")).to_be_visible()
    screenshot(page, screenshots, "referral")

    assert reply_status(app, reply_id) is OutboxStatus.AWAITING_APPROVAL
    page.get_by_role("button", name=f"Approve reply {reply_id}", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(f"Reply {reply_id} approved")
    expect(page.get_by_role("button", name=f"Approve reply {reply_id}", exact=True)).to_have_count(
        0
    )
    assert reply_status(app, reply_id) is OutboxStatus.PENDING


def referrals_received_in(app: LiveApp, year: int) -> int:
    """How many referrals the store holds that were received in the year."""
    with app.service.sessions() as session:
        count = session.scalar(
            select(func.count(Referral.id)).where(
                Referral.received_at >= datetime(year, 1, 1, tzinfo=UTC),
                Referral.received_at < datetime(year + 1, 1, 1, tzinfo=UTC),
            )
        )
    return int(count or 0)


def latest_referral_year(app: LiveApp) -> int:
    """The year the newest referral was received."""
    with app.service.sessions() as session:
        latest: datetime | None = session.scalar(select(func.max(Referral.received_at)))
    assert latest is not None
    return latest.year


def test_a_manager_opens_the_dashboard_and_downloads_the_annual_report(
    page: Page, app: LiveApp, screenshots: Path, tmp_path: Path
) -> None:
    sign_in(page, UserRole.MANAGER)
    main_nav(page, "Dashboard")
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
    expect(
        page.get_by_role("heading", name="Timeliness against the national targets")
    ).to_be_visible()
    screenshot(page, screenshots, "dashboard")

    year = latest_referral_year(app)
    main_nav(page, "Annual report")
    page.get_by_label("From").fill(f"{year}-01-01")
    page.get_by_label("To").fill(f"{year}-12-31")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text(f"to 31 December {year}")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as a spreadsheet").click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    assert path.name == f"lado-annual-report-{year}-01-01-to-{year}-12-31.xlsx"

    sheet = load_workbook(path, read_only=True)["month_by_contact_type"]
    lines = [list(line) for line in sheet.iter_rows(values_only=True)]
    total = next(line for line in lines if line[0] == "Total")
    expected = referrals_received_in(app, year)
    assert expected >= 1 and total[-1] == expected
