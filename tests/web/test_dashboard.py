"""The dashboard page: managers only, charts as accessible inline SVG with tables."""

from __future__ import annotations

import re

from ingest_service.service import Service
from ingest_service.store.models import UserRole
from tests.web.conftest import PERIOD_QUERY, manager_with_known, signed_in


def test_only_managers_reach_the_manager_pages(web_service: Service) -> None:
    others = (
        ("olive", UserRole.CONTACT_OFFICER),
        ("lena", UserRole.LADO),
        ("ada", UserRole.ADMINISTRATOR),  # accounts only, as for referrals
    )
    for username, role in others:
        client = signed_in(web_service, username, role)
        for path in (
            "/dashboard",
            "/reports/annual",
            "/reports/annual.xlsx",
            "/reports/annual.csv.zip",
        ):
            assert client.get(path).status_code == 403, (role, path)


def test_dashboard_shows_charts_tables_and_targets(web_service: Service) -> None:
    manager = manager_with_known(web_service)
    page = manager.get("/dashboard", params=PERIOD_QUERY)
    assert page.status_code == 200
    html = page.text
    charts = re.findall(r"<svg[^>]*>", html)
    assert len(charts) == 8  # open cases and seven intake breakdowns
    assert all('role="img"' in svg and "aria-labelledby" in svg for svg in charts)
    assert html.count("<title id=") == 8
    assert html.count("<desc id=") == 8
    assert "<script" not in html
    assert " style=" not in html  # the Content-Security-Policy allows no inline styles
    assert re.search(r"<th scope=\"row\">Closed within 1 month</th>\s*<td[^>]*>1 of 4</td>", html)
    assert html.count(">Not met<") == 2
    assert html.count(">Met<") == 1
    assert re.search(r"<th scope=\"row\">Apr 2025</th><td class=\"numeric\">2</td>", html)
    for label, count in (("Allegation meeting the harm threshold", 3), ("Northgate", 2)):
        assert f'<th scope="row">{label}</th><td class="numeric">{count}</td>' in html


def test_dashboard_defaults_to_the_last_twelve_months(sqlite_service: Service) -> None:
    manager = signed_in(sqlite_service, "maya", UserRole.MANAGER)
    html = manager.get("/dashboard").text
    assert len(re.findall(r"<th scope=\"row\">[A-Z][a-z]{2} \d{4}</th>", html)) == 12


def test_a_bad_period_is_refused_with_a_message(sqlite_service: Service) -> None:
    manager = signed_in(sqlite_service, "maya", UserRole.MANAGER)
    response = manager.get("/dashboard", params={"start": "2026-01-01", "end": "2025-01-01"})
    assert response.status_code == 400
    assert "start on or before the end" in response.text
    assert manager.get("/dashboard", params={"start": "31/01/2026"}).status_code == 400
