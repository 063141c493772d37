"""The review queue, the referral page (escaped, audited) and approving a held reply."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from ingest_service.intake.ledger import record_fetched
from ingest_service.mailbox.base import FetchedMessage
from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import (
    AuditEvent,
    Message,
    OutboxEmail,
    OutboxStatus,
    Referral,
    ReferralStatus,
    UserRole,
    utcnow,
)
from tests.web.conftest import csrf_of, signed_in

HOSTILE_EMAIL = b"""From: Head Teacher <head@example.sch.uk>
To: lado@example.org
Subject: LADO referral <script>alert('subject')</script>
Message-ID: <xss-1@example.sch.uk>
Date: Mon, 09 Mar 2026 10:00:00 +0000
Content-Type: text/plain; charset=utf-8

Referrer's name: <script>alert('name')</script>
Job title: Headteacher
Organisation: Example School
Telephone: 01234 567890
Email: head@example.sch.uk
Date of referral: 09/03/2026

Name of adult: Sam <img src=x onerror=alert(1)>
Job title / role: Teaching assistant

Details of the allegation: A pupil said the adult grabbed her arm <script>alert('body')</script>.
"""


def file_email(service: Service, raw: bytes) -> str:
    """Run one email through the intake chain; its referral's reference."""
    fetched = FetchedMessage(key="web-test-1", raw=raw, received_at=utcnow())
    entry = record_fetched(service.sessions, service.documents, "test:web", fetched)
    service.pipeline.process(entry.message_id)
    with service.sessions() as session:
        message = session.get(Message, entry.message_id)
        assert message is not None and message.referral is not None
        return message.referral.reference


def add_referral(
    service: Service, number: int, status: ReferralStatus, hours_ago: int, unsure: bool = False
) -> str:
    """A bare referral of that status, received that long ago."""
    reference = f"LADO-2026-{number:06d}"
    with unit_of_work(service.sessions) as session:
        session.add(
            Referral(
                reference=reference,
                status=status,
                received_at=datetime.now(UTC) - timedelta(hours=hours_ago),
                classification={"allegation_types": [], "sector": None, "needs_review": unsure},
            )
        )
    return reference


def test_queue_puts_the_most_urgent_first_and_filters(web_service: Service) -> None:
    ready = add_referral(web_service, 1, ReferralStatus.READY_FOR_TRIAGE, hours_ago=50)
    unsure = add_referral(web_service, 2, ReferralStatus.READY_FOR_TRIAGE, 1, unsure=True)
    missing_new = add_referral(web_service, 3, ReferralStatus.AWAITING_INFORMATION, 1)
    missing_old = add_referral(web_service, 4, ReferralStatus.AWAITING_INFORMATION, 9)
    review = add_referral(web_service, 5, ReferralStatus.NEEDS_REVIEW, 0)
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    listed = [row["reference"] for row in client.get("/api/referrals").json()["items"]]
    assert listed == [review, missing_old, missing_new, unsure, ready]
    awaiting = client.get("/api/referrals", params={"status": "awaiting_information"}).json()
    assert [row["reference"] for row in awaiting["items"]] == [missing_old, missing_new]
    assert awaiting["total"] == 2
    page = client.get("/referrals", params={"status": "needs_review"}).text
    assert review in page and ready not in page


def test_email_content_is_escaped_and_the_view_is_audited(web_service: Service) -> None:
    reference = file_email(web_service, HOSTILE_EMAIL)
    client = signed_in(web_service, "olive", UserRole.CONTACT_OFFICER)
    page = client.get(f"/referrals/{reference}")
    assert page.status_code == 200
    assert "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;" in page.text
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in page.text
    assert "<script" not in page.text
    assert "<img" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    with web_service.sessions() as session:
        views = session.scalars(select(AuditEvent.actor).where(AuditEvent.action == "viewed")).all()
    assert views == ["user:olive"]


def test_approving_a_held_reply_is_audited_with_the_user(web_service: Service) -> None:
    reference = file_email(web_service, HOSTILE_EMAIL)
    client = signed_in(web_service, "lena", UserRole.LADO)
    page = client.get(f"/referrals/{reference}").text
    with web_service.sessions() as session:
        reply = session.scalars(select(OutboxEmail)).one()
    assert reply.status is OutboxStatus.AWAITING_APPROVAL
    action = f"/referrals/{reference}/replies/{reply.id}/approve"
    assert f'action="{action}"' in page
    response = client.post(action, data={"csrf_token": csrf_of(page)}, follow_redirects=False)
    assert response.status_code == 303
    with web_service.sessions() as session:
        approved = session.get(OutboxEmail, reply.id)
        assert approved is not None and approved.status is OutboxStatus.PENDING
        actors = session.scalars(
            select(AuditEvent.actor).where(AuditEvent.action == "reply_approved")
        ).all()
    assert actors == ["user:lena"]
    again = client.post(action, data={"csrf_token": csrf_of(page)}, follow_redirects=False)
    assert again.status_code == 404


def test_api_read_is_audited_and_unknown_references_are_404(sqlite_service: Service) -> None:
    reference = add_referral(sqlite_service, 7, ReferralStatus.NEEDS_REVIEW, 2)
    client = signed_in(sqlite_service, "olive", UserRole.CONTACT_OFFICER)
    record = client.get(f"/api/referrals/{reference}").json()
    assert record["reference"] == reference and record["status"] == "needs_review"
    assert client.get("/api/referrals/LADO-2026-999999").status_code == 404
    assert client.get("/referrals/LADO-2026-999999").status_code == 404
    with sqlite_service.sessions() as session:
        actors = session.scalars(
            select(AuditEvent.actor).where(AuditEvent.action == "viewed")
        ).all()
    assert actors == ["user:olive"]
