"""The referrals API: filtered pages, PATCH through the case services, the manager's export."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import (
    AuditEvent,
    ContactType,
    Referral,
    ReferralAllegationType,
    ReferralStatus,
    UserRole,
)
from ingest_service.web.referrals.service import urgency
from tests.referrals import RECEIVED
from tests.web.conftest import csrf_of, signed_in
from tests.web.referral_seed import seed_referral


def api_client(service: Service, username: str, role: UserRole) -> TestClient:
    """A signed-in client sending the session's CSRF token as the API header."""
    client = signed_in(service, username, role)
    client.headers["x-csrf-token"] = csrf_of(client.get("/sign-in").text)
    return client


def add_open_referrals(service: Service, count: int) -> None:
    """Referrals an hour apart; every third about sexual abuse in health."""
    with unit_of_work(service.sessions) as session:
        for number in range(1, count + 1):
            referral = Referral(
                reference=f"LADO-2026-{number:06d}",
                status=ReferralStatus.READY_FOR_TRIAGE,
                received_at=RECEIVED + timedelta(hours=number),
                sector="health" if number % 3 == 0 else "education",
            )
            kind = "sexual" if number % 3 == 0 else "physical"
            referral.allegation_type_rows = [ReferralAllegationType(allegation_type=kind)]
            session.add(referral)


def test_list_filters_and_pages(web_service: Service) -> None:
    add_open_referrals(web_service, 12)
    client = api_client(web_service, "olive", UserRole.CONTACT_OFFICER)
    first = client.get("/api/referrals", params={"per_page": 5}).json()
    assert first["total"] == 12 and first["page"] == 1
    assert [item["reference"][-2:] for item in first["items"]] == ["01", "02", "03", "04", "05"]
    third = client.get("/api/referrals", params={"per_page": 5, "page": 3}).json()
    assert [item["reference"][-2:] for item in third["items"]] == ["11", "12"]
    sexual = client.get("/api/referrals", params={"allegation_type": "sexual"}).json()
    assert sexual["total"] == 4
    assert all(item["allegation_types"] == ["sexual"] for item in sexual["items"])
    assert all(item["sector"] == "health" for item in sexual["items"])
    ranged = client.get(
        "/api/referrals", params={"received_from": "2026-03-09", "received_to": "2026-03-09"}
    ).json()
    assert ranged["total"] == 12  # 11:00 to 22:00 on the 9th
    assert client.get("/api/referrals", params={"received_to": "2026-03-08"}).json()["total"] == 0
    assert client.get("/api/referrals", params={"per_page": 500}).status_code == 422


def test_list_filters_by_triage(web_service: Service) -> None:
    add_open_referrals(web_service, 6)
    with unit_of_work(web_service.sessions) as session:
        for referral in session.scalars(select(Referral)):
            number = int(referral.reference[-2:])
            if number <= 2:
                referral.contact_type = ContactType.ALLEGATION
            elif number == 3:
                referral.contact_type = ContactType.NOT_FOR_LADO
    client = api_client(web_service, "lena", UserRole.LADO)

    def listed(params: dict[str, str]) -> list[str]:
        page = client.get("/api/referrals", params=params).json()
        return [item["reference"][-2:] for item in page["items"]]

    assert listed({"contact_type": "allegation"}) == ["01", "02"]
    assert listed({"untriaged": "true"}) == ["04", "05", "06"]
    assert listed({}) == ["01", "02", "03", "04", "05", "06"]
    page = client.get("/referrals", params={"triage": "untriaged"}).text
    assert "LADO-2026-000004" in page and "LADO-2026-000001" not in page
    assert '<option value="untriaged" selected>' in page
    page = client.get("/referrals", params={"triage": "allegation"}).text
    assert "LADO-2026-000001" in page and "LADO-2026-000003" not in page


def test_queue_reads_its_order_from_the_index(web_service: Service) -> None:
    add_open_referrals(web_service, 3)
    with web_service.sessions() as session:
        dialect = session.get_bind().dialect
        statement = (
            select(Referral.id)
            .where(Referral.closed_at.is_(None))
            .order_by(urgency(session), Referral.received_at, Referral.id)
            .limit(50)
        )
        if dialect.name != "postgresql":
            pytest.skip("the queue's order index is for PostgreSQL's large stores")
        compiled = statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = " ".join(row[0] for row in session.execute(text(f"EXPLAIN {compiled}")))
    assert "Index Scan using ix_referrals_queue_order" in plan
    assert "Sort" not in plan


def test_patch_updates_all_or_nothing_with_roles(web_service: Service) -> None:
    seeded = seed_referral(web_service)
    officer = api_client(web_service, "olive", UserRole.CONTACT_OFFICER)
    path = f"/api/referrals/{seeded.reference}"
    change = {
        "fields": [{"field": "incident_date", "value": "02/03/2026"}],
        "labels": {"allegation_types": ["sexual"], "sector": "health"},
        "triage": {"contact_type": "allegation"},
    }
    broken = {**change, "triage": {"contact_type": "not_for_lado", "note": ""}}
    refused = officer.patch(path, json=broken)
    assert refused.status_code == 422 and "signposted" in refused.json()["detail"]
    with web_service.sessions() as session:
        unchanged = session.scalar(select(Referral).where(Referral.reference == seeded.reference))
        assert unchanged is not None and "incident_date" not in unchanged.fields
    record = officer.patch(path, json=change).json()
    assert record["fields"]["incident_date"] == "2026-03-02"
    assert record["status"] == "ready_for_triage"
    assert record["case"]["contact_type"] == "allegation"
    assert record["case"]["allegation_types"] == ["sexual"] and record["case"]["sector"] == "health"
    closing = {"case_record": {"outcome": "unfounded", "closed_on": "2026-04-01"}}
    assert officer.patch(path, json=closing).status_code == 403
    lado = api_client(web_service, "lena", UserRole.LADO)
    closed = lado.patch(path, json=closing).json()["case"]
    assert closed["outcome"] == "unfounded" and closed["timeliness"] == "within_1_month"
    partial = lado.patch(path, json={"case_record": {"regulator_referrals": ["ofsted"]}})
    kept = partial.json()["case"]
    assert kept["outcome"] == "unfounded" and kept["regulator_referrals"] == ["ofsted"]
    assert lado.patch("/api/referrals/LADO-2026-999999", json=change).status_code == 404


def test_export_is_for_managers_and_audited(web_service: Service) -> None:
    seed_referral(web_service, 1)
    officer = api_client(web_service, "olive", UserRole.CONTACT_OFFICER)
    params = {"received_from": "2026-03-09", "received_to": "2026-03-09"}
    assert officer.get("/api/referrals/export", params=params).status_code == 403
    manager = api_client(web_service, "maya", UserRole.MANAGER)
    exported = manager.get("/api/referrals/export", params=params).json()
    assert [item["reference"] for item in exported] == ["LADO-2026-000001"]
    assert exported[0]["fields"]["subject_name"] == "Sam Example"
    assert exported[0]["case"]["role_category"] == "teaching_assistant"
    empty = {"received_from": "2026-03-10", "received_to": "2026-03-31"}
    assert manager.get("/api/referrals/export", params=empty).json() == []
    backwards = {"received_from": "2026-03-10", "received_to": "2026-03-01"}
    assert manager.get("/api/referrals/export", params=backwards).status_code == 400
    with web_service.sessions() as session:
        exports = session.scalar(
            select(func.count()).where(
                AuditEvent.action == "exported", AuditEvent.actor == "user:maya"
            )
        )
    assert exports == 1


def test_openapi_describes_the_new_operations(sqlite_service: Service) -> None:
    client = signed_in(sqlite_service, "olive", UserRole.CONTACT_OFFICER)
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "patch" in paths["/api/referrals/{reference}"]
    assert "get" in paths["/api/referrals/export"]
    assert not any("/documents/" in path or "case-record" in path for path in paths)
