"""The referral page's case forms end to end, repeat referrals, documents and the queue."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from ingest_service.cases.reporting_fields import subject_key
from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import (
    AuditEvent,
    CaseOutcome,
    ClassificationCorrection,
    ContactType,
    Referral,
    ReferralAllegationType,
    ReferralStatus,
    TimelinessBand,
    UserRole,
)
from tests.referrals import RECEIVED, stored
from tests.web.conftest import csrf_of, signed_in
from tests.web.referral_seed import FIELDS, seed_referral


def post_form(client: TestClient, path: str, data: Mapping[str, object]) -> tuple[int, str]:
    """Post a form of the referral page with the page's CSRF token."""
    reference = path.split("/")[2]
    token = csrf_of(client.get(f"/referrals/{reference}").text)
    response = client.post(path, data={**data, "csrf_token": token}, follow_redirects=True)
    return response.status_code, response.text


def actions_by(service: Service, actor: str) -> list[str]:
    with service.sessions() as session:
        return list(
            session.scalars(select(AuditEvent.action).where(AuditEvent.actor == actor)).all()
        )


def test_correcting_an_answer_completes_the_referral(web_service: Service) -> None:
    seeded = seed_referral(web_service)
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    page = client.get(f"/referrals/{seeded.reference}").text
    assert f'action="/referrals/{seeded.reference}/fields"' in page
    assert '<label class="label" for="correct-value">New answer</label>' in page
    path = f"/referrals/{seeded.reference}/fields"
    status, text = post_form(client, path, {"field": "incident_date", "value": "yesterday"})
    assert status == 422 and "Enter a date" in text
    assert '<option value="incident_date" selected>' in text and 'value="yesterday"' in text
    hostile = '"><script>alert(1)</script>'
    status, text = post_form(client, path, {"field": "incident_date", "value": hostile})
    assert status == 422 and "<script>alert(1)" not in text and "&lt;script&gt;" in text
    assert "incident_date" not in stored(web_service.sessions, seeded.reference).fields
    status, text = post_form(client, path, {"field": "incident_date", "value": "02/03/2026"})
    assert status == 200 and "Answer saved." in text
    referral = stored(web_service.sessions, seeded.reference)
    assert referral.fields["incident_date"] == "2026-03-02"
    assert referral.field_provenance["incident_date"]["source"] == "officer"
    assert referral.status is ReferralStatus.READY_FOR_TRIAGE
    assert "field_corrected" in actions_by(web_service, "user:olive")


def test_correcting_the_labels_records_a_training_example(web_service: Service) -> None:
    seeded = seed_referral(web_service)
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    path = f"/referrals/{seeded.reference}/labels"
    status, text = post_form(client, path, {"sector": "health"})
    assert status == 422 and "at least one allegation type" in text
    assert '<option value="health" selected>' in text
    data = {"allegation_types": ["sexual", "emotional"], "sector": "health"}
    status, text = post_form(client, path, data)
    assert status == 200 and "Classification saved." in text
    with web_service.sessions() as session:
        rows = session.scalars(select(ReferralAllegationType.allegation_type)).all()
        correction = session.scalars(select(ClassificationCorrection)).one()
    assert sorted(rows) == ["emotional", "sexual"]
    assert correction.corrected_by == "user:olive"
    assert stored(web_service.sessions, seeded.reference).sector == "health"


def test_triage_not_for_the_lado_needs_a_note(web_service: Service) -> None:
    seeded = seed_referral(web_service)
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    path = f"/referrals/{seeded.reference}/triage"
    status, text = post_form(client, path, {"contact_type": "not_for_lado", "note": ""})
    assert status == 422 and "signposted" in text
    assert 'value="not_for_lado" checked>' in text
    status, text = post_form(client, path, {"contact_type": "not_for_lado", "note": "To HR"})
    assert status == 200 and "Triage decision recorded." in text
    assert "Not for the LADO (signposted)" in text
    referral = stored(web_service.sessions, seeded.reference)
    assert referral.contact_type is ContactType.NOT_FOR_LADO
    assert referral.triaged_by == "user:olive"


def test_only_the_lado_or_a_manager_records_the_case(web_service: Service) -> None:
    seeded = seed_referral(web_service)
    officer = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    assert (
        'action="/referrals/LADO-2026-000001/case-record"'
        not in officer.get(f"/referrals/{seeded.reference}").text
    )
    path = f"/referrals/{seeded.reference}/case-record"
    status, _ = post_form(officer, path, {"outcome": "substantiated"})
    assert status == 403
    lado = signed_in(web_service, "lena", UserRole.LADO)
    post_form(lado, f"/referrals/{seeded.reference}/triage", {"contact_type": "allegation"})
    case = {
        "strategy_meeting_on": "2026-03-10",
        "evaluation_meeting_on": "2026-04-20",
        "outcome": "substantiated",
        "regulator_referrals": ["dbs", "tra"],
        "closed_on": "2026-03-31",
    }
    status, text = post_form(lado, path, {**case, "closed_on": "31 March"})
    assert status == 422 and "closure date" in text
    assert 'value="31 March"' in text and 'value="2026-03-10"' in text
    assert '<option value="substantiated" selected>' in text
    assert text.count('name="regulator_referrals" value="dbs" checked>') == 1
    assert stored(web_service.sessions, seeded.reference).outcome is None
    status, text = post_form(lado, path, case)
    assert status == 200 and "Case record saved." in text
    assert "22 days, within 1 month" in text
    referral = stored(web_service.sessions, seeded.reference)
    assert referral.outcome is CaseOutcome.SUBSTANTIATED
    assert referral.regulator_referrals == ["dbs", "tra"]
    assert referral.timeliness is TimelinessBand.WITHIN_1_MONTH
    assert "case_record_updated" in actions_by(web_service, "user:lena")


def test_repeat_referrals_are_listed_with_differing_employers_marked(
    web_service: Service,
) -> None:
    seeded = seed_referral(web_service)
    seed_referral(web_service, 2, {**FIELDS, "employer_name": "Riverside Academy"})
    seed_referral(web_service, 3, {**FIELDS, "subject_name": "Someone Else"})
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    page = client.get(f"/referrals/{seeded.reference}").text
    assert stored(web_service.sessions, "LADO-2026-000002").subject_key == subject_key(
        "Sam Example", "1980-02-01"
    )
    assert "LADO-2026-000002" in page and "Riverside Academy" in page
    assert "LADO-2026-000003" not in page
    assert 'class="row--highlight"' in page and "different employer" in page


def test_original_documents_are_shown_and_each_view_is_audited(web_service: Service) -> None:
    seeded = seed_referral(web_service, docx_text="Form text from Word")
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    base = f"/referrals/{seeded.reference}"
    page = client.get(base).text
    assert f'href="{base}/documents/{seeded.pdf_id}"' in page
    assert f'href="{base}/messages/{seeded.message_id}"' in page
    pdf_page = client.get(f"{base}/documents/{seeded.pdf_id}").text
    assert f'<iframe class="document-frame" src="{base}/documents/{seeded.pdf_id}/file"' in pdf_page
    pdf = client.get(f"{base}/documents/{seeded.pdf_id}/file")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith("inline")
    assert "frame-ancestors 'self'" in pdf.headers["content-security-policy"]
    assert pdf.headers["x-frame-options"] == "SAMEORIGIN"
    assert pdf.content.startswith(b"%PDF")
    assert "frame-ancestors 'none'" in client.get(base).headers["content-security-policy"]
    word = client.get(f"{base}/documents/{seeded.docx_id}").text
    assert '<p class="body answer">Form text from Word</p>' in word
    assert '<td class="answer">Name of adult</td>' in word
    email = client.get(f"{base}/messages/{seeded.message_id}").text
    assert "Please see the attached form." in email
    assert client.get(f"{base}/documents/999").status_code == 404
    assert client.get(f"/referrals/LADO-2026-999999/documents/{seeded.pdf_id}").status_code == 404
    with web_service.sessions() as session:
        details = session.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.actor == "user:olive",
                AuditEvent.action.in_(["document_viewed", "email_viewed"]),
            )
        ).all()
    assert details == [
        {"attachment_id": seeded.pdf_id},
        {"attachment_id": seeded.pdf_id},
        {"attachment_id": seeded.docx_id},
        {"message_id": seeded.message_id},
    ]


def test_queue_page_filters_and_pages(web_service: Service) -> None:
    with unit_of_work(web_service.sessions) as session:
        for number in range(1, 56):
            referral = Referral(
                reference=f"LADO-2026-{number:06d}",
                status=ReferralStatus.READY_FOR_TRIAGE,
                received_at=RECEIVED + timedelta(hours=number),
                sector="health" if number % 5 == 0 else "education",
            )
            session.add(referral)
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    first = client.get("/referrals").text
    assert "55 referrals" in first and "page 1 of 2" in first
    assert first.count('<th scope="row">') == 50
    assert "LADO-2026-000001<" in first and "LADO-2026-000051<" not in first
    assert 'rel="next"' in first
    second = client.get("/referrals", params={"page": 2}).text
    assert second.count('<th scope="row">') == 5 and "LADO-2026-000055<" in second
    health = client.get("/referrals", params={"sector": "health", "received_to": "2026-03-10"})
    assert "7 referrals" in health.text  # 5, 10, ... 35 hours after 10:00 on the 9th
    assert '<option value="health" selected>' in health.text
