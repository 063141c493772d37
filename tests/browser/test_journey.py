"""An officer's and a manager's day in headless Chromium, against the live demo app."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from ingest_service.store.models import (
    CaseOutcome,
    ContactType,
    OutboxEmail,
    OutboxStatus,
    Referral,
    UserRole,
)
from tests.browser.conftest import open_todays_queue, sign_in
from tests.browser.live_app import LiveApp

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CORRECTED_FIELD = "Adult the allegation is about: Job title"
CORRECTED_ANSWER = "Senior nursery practitioner"
ALLEGATION = "Allegation meeting the harm threshold"


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


def screenshot(page: Page, folder: Path, name: str) -> None:
    """Save a full-page screenshot and check the file is there and is a PNG."""
    path = folder / f"{name}.png"
    path.unlink(missing_ok=True)  # a file left by an earlier run proves nothing
    page.screenshot(path=str(path), full_page=True)
    assert path.is_file() and path.read_bytes()[:8] == PNG_SIGNATURE, f"{path} is not a PNG"


def main_nav(page: Page, name: str) -> None:
    """Follow a link of the header's main navigation."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


def correct_an_answer(page: Page) -> None:
    """Change the adult's job title through the correction form."""
    page.get_by_label("Field", exact=True).select_option(label=CORRECTED_FIELD)
    page.get_by_label("New answer").fill(CORRECTED_ANSWER)
    page.get_by_role("button", name="Save answer").click()
    expect(page.get_by_role("status")).to_have_text("Answer saved.")
    adult = page.get_by_role("table", name="Adult the allegation is about")
    expect(adult.get_by_role("row", name="Job title")).to_contain_text(CORRECTED_ANSWER)


def correct_the_labels(page: Page) -> None:
    """Make the allegation types exactly "Emotional" and the sector "Faith"."""
    types = page.get_by_role("group", name="Allegation types")
    for checkbox in types.get_by_role("checkbox").all():
        checkbox.uncheck()
    types.get_by_label("Emotional", exact=True).check()
    page.get_by_label("Sector", exact=True).select_option(label="Faith")
    page.get_by_role("button", name="Save classification").click()
    expect(page.get_by_role("status")).to_have_text("Classification saved.")
    labels = page.get_by_role("table", name="Labels, scores and evidence")
    expect(labels.get_by_role("rowheader")).to_have_text(["emotional", "faith"])


def approve_the_reply(page: Page, reply_id: int) -> None:
    """Release the held reply."""
    approve = page.get_by_role("button", name=f"Approve reply {reply_id}", exact=True)
    approve.click()
    expect(page.get_by_role("status")).to_contain_text(f"Reply {reply_id} approved")
    expect(approve).to_have_count(0)


def record_triage(page: Page) -> None:
    """Triage the referral as an allegation."""
    page.get_by_role("group", name="Contact type").get_by_label(ALLEGATION).check()
    page.get_by_label("Triage note").fill("Meets the harm threshold; strategy discussion set.")
    page.get_by_role("button", name="Record triage decision").click()
    expect(page.get_by_role("status")).to_have_text("Triage decision recorded.")


def record_the_outcome(page: Page, closed_on: date) -> None:
    """Record the outcome and close the case."""
    page.get_by_label("Strategy discussion date").fill(closed_on.isoformat())
    page.get_by_label("Outcome", exact=True).select_option(label="Unsubstantiated")
    page.get_by_label("Ofsted", exact=True).check()
    page.get_by_label("Closure date").fill(closed_on.isoformat())
    page.get_by_role("button", name="Save case record").click()
    expect(page.get_by_role("status")).to_have_text("Case record saved.")


def test_an_officer_works_a_referral_from_the_queue_to_its_outcome(
    page: Page, app: LiveApp, screenshots: Path
) -> None:
    reference, reply_id = held_reply(app)
    sign_in(page, UserRole.LADO)
    open_todays_queue(page)
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    queue = page.get_by_role("table")
    expect(queue.get_by_role("link", name=app.script_reference, exact=True)).to_be_visible()
    screenshot(page, screenshots, "queue")

    queue.get_by_role("link", name=reference, exact=True).click()
    expect(page.get_by_role("heading", name=reference, level=1)).to_be_visible()
    screenshot(page, screenshots, "referral")

    correct_an_answer(page)
    correct_the_labels(page)
    assert reply_status(app, reply_id) is OutboxStatus.AWAITING_APPROVAL
    approve_the_reply(page, reply_id)
    assert reply_status(app, reply_id) is OutboxStatus.PENDING
    record_triage(page)
    today = datetime.now(UTC).date()
    record_the_outcome(page, today)

    summary = page.locator("dl.summary-list").first
    expect(summary).to_contain_text(ALLEGATION)
    expect(summary).to_contain_text("Unsubstantiated")
    with app.service.sessions() as session:
        referral = session.scalars(select(Referral).where(Referral.reference == reference)).one()
        assert referral.contact_type is ContactType.ALLEGATION
        assert referral.outcome is CaseOutcome.UNSUBSTANTIATED
        assert referral.closed_at is not None and referral.closed_at.date() == today
        assert referral.sector == "faith" and referral.regulator_referrals == ["ofsted"]


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

    year = datetime.now(UTC).year - 1  # the synthetic tracker `make run` imports
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
