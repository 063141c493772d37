"""The start page links and describes the pages each role may open."""

from __future__ import annotations

import re

from ingest_service.service import Service
from ingest_service.store.models import UserRole
from tests.web.conftest import signed_in


def start_links(service: Service, username: str, role: UserRole) -> list[str]:
    """The links in the start page's content, in order."""
    html = signed_in(service, username, role).get("/").text
    content = html.split('id="main-content"', 1)[1]
    return re.findall(r'<li><a href="([^"]+)">', content)


def test_each_role_sees_the_pages_it_may_open(sqlite_service: Service) -> None:
    assert start_links(sqlite_service, "olive", UserRole.CONTACT_OFFICER) == ["/referrals"]
    assert start_links(sqlite_service, "lena", UserRole.LADO) == ["/referrals"]
    assert start_links(sqlite_service, "maya", UserRole.MANAGER) == [
        "/referrals",
        "/dashboard",
        "/reports/annual",
    ]
    assert start_links(sqlite_service, "ada", UserRole.ADMINISTRATOR) == []


def test_the_manager_is_told_what_the_dashboard_and_report_hold(sqlite_service: Service) -> None:
    html = signed_in(sqlite_service, "maya", UserRole.MANAGER).get("/").text
    assert "intake by month and status" not in html
    assert "timeliness against the national targets" in html
    assert "download as a spreadsheet or as CSV files" in html
