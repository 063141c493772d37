"""The annual-report page and its CSV and XLSX downloads, against the known referrals."""

from __future__ import annotations

import re

from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import UserRole
from tests.reports.exports import csv_tables, xlsx_tables
from tests.reports.known_referrals import add_known
from tests.web.conftest import signed_in

PERIOD_QUERY = {"start": "2025-04-01", "end": "2026-03-31"}
TABLE_KEYS = {
    "month_by_contact_type",
    "district_by_month",
    "sector_by_contact_type",
    "role_by_allegation_type",
    "role_by_statutory_category",
    "outcome",
    "timeliness",
    "send_and_in_care",
    "referral_source_by_contact_type",
}


def test_page_shows_every_table_with_download_links(web_service: Service) -> None:
    with unit_of_work(web_service.sessions) as session:
        add_known(session)
    manager = signed_in(web_service, "maya", UserRole.MANAGER)
    html = manager.get("/reports/annual", params=PERIOD_QUERY).text
    assert html.count("<caption") == len(TABLE_KEYS)
    assert 'href="/reports/annual.xlsx?start=2025-04-01&amp;end=2026-03-31"' in html
    assert re.search(
        r'<th scope="row">Apr 2025</th>\s*(<td class="numeric">\d+</td>\s*){5}'
        r'<td class="numeric">2</td>',
        html,
    )


def test_downloads_read_back_with_the_same_figures(web_service: Service) -> None:
    with unit_of_work(web_service.sessions) as session:
        add_known(session)
    manager = signed_in(web_service, "maya", UserRole.MANAGER)
    xlsx = manager.get("/reports/annual.xlsx", params=PERIOD_QUERY)
    assert xlsx.status_code == 200
    assert xlsx.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert xlsx.headers["content-disposition"] == (
        'attachment; filename="lado-annual-report-2025-04-01-to-2026-03-31.xlsx"'
    )
    zipped = manager.get("/reports/annual.csv.zip", params=PERIOD_QUERY)
    assert zipped.headers["content-type"] == "application/zip"
    assert zipped.headers["content-disposition"] == (
        'attachment; filename="lado-annual-report-2025-04-01-to-2026-03-31-csv.zip"'
    )
    from_csv, from_xlsx = csv_tables(zipped.content), xlsx_tables(xlsx.content)
    assert set(from_csv) == TABLE_KEYS
    assert set(from_xlsx) == TABLE_KEYS
    for tables in (from_csv, from_xlsx):
        months = tables["month_by_contact_type"]
        assert months["Apr 2025"]["Allegation"] == "1"
        assert months["Apr 2025"]["Total"] == "2"
        assert months["Total"]["Total"] == "5"
        twelve = tables["timeliness"]["Within 12 months"]
        assert (int(twelve["Cases"]), float(twelve["Share (%)"])) == (2, 50.0)
        assert tables["send_and_in_care"]["Any child in care"]["No"] == "2"
        assert tables["role_by_allegation_type"]["Teacher"]["Physical intervention"] == "1"
