"""Hostile content shows escaped everywhere; writes need the CSRF token; roles; sign-in."""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from sqlalchemy import select

from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import AuditEvent, Referral, UserRole
from ingest_service.web.referrals import api as referrals_api
from ingest_service.web.referrals import views as referral_views
from tests.web.conftest import assert_sign_in_needed, csrf_of, filled_in, signed_in
from tests.web.referral_seed import FIELDS, IMG, SCRIPT, seed_referral

HOSTILE = f"Sam {SCRIPT} {IMG}"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_IMG = "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;"


def seed_hostile(service: Service) -> tuple[str, int, int, int]:
    """A referral whose answers, labels, subject, email body and Word text are hostile."""
    fields: dict[str, Any] = {key: HOSTILE for key in FIELDS if key != "children"}
    fields["children"] = [{"child_name": HOSTILE}]
    seeded = seed_referral(
        service, 1, fields, subject=f"Referral {HOSTILE}", body=HOSTILE, docx_text=HOSTILE
    )
    seed_referral(service, 2, {**fields, "employer_name": f"Other {SCRIPT}"})
    with unit_of_work(service.sessions) as session:
        referral = session.scalar(select(Referral).where(Referral.reference == seeded.reference))
        assert referral is not None
        referral.sector = SCRIPT
        referral.review_reasons = [HOSTILE]
        referral.classification = {"allegation_types": [SCRIPT], "sector": IMG}
    return seeded.reference, seeded.message_id, seeded.pdf_id, seeded.docx_id


def assert_escaped(html: str, where: str) -> None:
    assert "<script" not in html, where
    assert "<img" not in html, where
    assert ESCAPED_SCRIPT in html, where


def test_hostile_content_is_escaped_on_every_page(web_service: Service) -> None:
    reference, message_id, pdf_id, docx_id = seed_hostile(web_service)
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    queue = client.get("/referrals").text
    assert_escaped(queue, "queue")
    referral = client.get(f"/referrals/{reference}").text
    assert_escaped(referral, "referral")
    assert ESCAPED_IMG in referral
    assert "Other &lt;script&gt;" in referral  # the repeat referral's employer
    for path in (
        f"/referrals/{reference}/messages/{message_id}",
        f"/referrals/{reference}/documents/{docx_id}",
        f"/referrals/{reference}/documents/{pdf_id}",
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "<script" not in page.text and "<img" not in page.text, path
    email = client.get(f"/referrals/{reference}/messages/{message_id}").text
    assert f"Referral Sam {ESCAPED_SCRIPT}" in email and ESCAPED_IMG in email
    assert ESCAPED_IMG in client.get(f"/referrals/{reference}/documents/{docx_id}").text


def test_audit_details_never_hold_the_values(web_service: Service) -> None:
    reference, message_id, _, docx_id = seed_hostile(web_service)
    lado = signed_in(web_service, "lena", UserRole.LADO)
    token = csrf_of(lado.get(f"/referrals/{reference}").text)
    base = f"/referrals/{reference}"
    lado.post(
        f"{base}/fields", data={"field": "subject_role", "value": HOSTILE, "csrf_token": token}
    )
    lado.post(
        f"{base}/triage",
        data={"contact_type": "not_for_lado", "note": HOSTILE, "csrf_token": token},
    )
    lado.get(f"{base}/messages/{message_id}")
    lado.get(f"{base}/documents/{docx_id}")
    with web_service.sessions() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.actor == "user:lena")).all()
    actions = {event.action for event in events}
    assert {"field_corrected", "triaged", "email_viewed", "document_viewed"} <= actions
    assert not any("Sam" in str(event.detail) or "script" in str(event.detail) for event in events)


def test_every_write_needs_a_valid_csrf_token(web_service: Service) -> None:
    reference, *_ = seed_hostile(web_service)
    client = signed_in(web_service, "lena", UserRole.LADO)
    base = f"/referrals/{reference}"
    form = {
        "field": "incident_date",
        "value": "02/03/2026",
        "allegation_types": "sexual",
        "sector": "health",
        "contact_type": "consultation",
        "outcome": "unfounded",
    }
    for action in ("fields", "labels", "triage", "case-record"):
        for token in ({}, {"csrf_token": "forged"}):
            response = client.post(
                f"{base}/{action}", data={**form, **token}, follow_redirects=False
            )
            assert response.status_code == 403, (action, token)
    change = {"triage": {"contact_type": "consultation"}}
    assert client.patch(f"/api/referrals/{reference}", json=change).status_code == 403
    forged = client.patch(
        f"/api/referrals/{reference}", json=change, headers={"x-csrf-token": "forged"}
    )
    assert forged.status_code == 403
    with web_service.sessions() as session:
        referral = session.scalar(select(Referral).where(Referral.reference == reference))
        assert referral is not None
        assert referral.contact_type is None and "incident_date" not in referral.fields
    assert client.get(base).status_code == 200  # still signed in


def test_a_contact_officer_cannot_record_an_outcome(web_service: Service) -> None:
    reference, *_ = seed_hostile(web_service)
    officer = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    token = csrf_of(officer.get(f"/referrals/{reference}").text)
    data = {"outcome": "substantiated", "closed_on": "2026-03-31", "csrf_token": token}
    page = officer.post(f"/referrals/{reference}/case-record", data=data)
    assert page.status_code == 403
    api = officer.patch(
        f"/api/referrals/{reference}",
        json={"case_record": {"outcome": "false"}},
        headers={"x-csrf-token": token},
    )
    assert api.status_code == 403
    with web_service.sessions() as session:
        referral = session.scalar(select(Referral).where(Referral.reference == reference))
        assert referral is not None and referral.outcome is None


def referral_routes() -> set[tuple[str, str]]:
    """Every (path, method) of the referral pages and API, parameters filled in."""
    ours = [*referral_views.router.routes, *referrals_api.router.routes]
    assert all(isinstance(route, APIRoute) for route in ours)
    return filled_in(ours)


def test_new_routes_need_sign_in(sqlite_service: Service) -> None:
    ours = referral_routes()
    expected = {
        ("/referrals/LADO-2026-000001/fields", "POST"),
        ("/referrals/LADO-2026-000001/labels", "POST"),
        ("/referrals/LADO-2026-000001/triage", "POST"),
        ("/referrals/LADO-2026-000001/case-record", "POST"),
        ("/referrals/LADO-2026-000001/documents/1", "GET"),
        ("/referrals/LADO-2026-000001/documents/1/file", "GET"),
        ("/referrals/LADO-2026-000001/messages/1", "GET"),
        ("/api/referrals/LADO-2026-000001", "PATCH"),
        ("/api/referrals/export", "GET"),
    }
    assert expected <= ours
    assert_sign_in_needed(sqlite_service, ours)
