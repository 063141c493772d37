"""The annual-report page and its CSV and XLSX downloads, against the known referrals."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from config import DEFAULT_CONFIG_DIR
from ingest_service.service import Service
from ingest_service.settings import Settings
from tests.reports.exports import csv_tables, xlsx_tables
from tests.web.conftest import PERIOD_QUERY, manager_with_known

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
ALLEGATION = "Allegation meeting the harm threshold"
RENAMED = {
    'label: "Northgate"': 'label: "Northgate and Upper Marsh"',
    'consultation: "Consultation"': 'consultation: "Advice sought"',
    'label: "Teacher"': 'label: "Teacher or lecturer"',
}


@pytest.fixture
def renamed_service(settings: Settings, tmp_path: Path) -> Iterator[Service]:
    """The service with a copy of the shipped config in which some labels are reworded."""
    config_dir = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, config_dir)
    reporting = config_dir / "case_reporting.yaml"
    text = reporting.read_text(encoding="utf-8")
    for old, new in RENAMED.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    reporting.write_text(text, encoding="utf-8")
    built = Service.from_settings(
        Settings(
            data_dir=settings.data_dir, database_url=settings.database_url, config_dir=config_dir
        )
    )
    yield built
    built.engine.dispose()


def test_page_shows_every_table_with_download_links(web_service: Service) -> None:
    manager = manager_with_known(web_service)
    html = manager.get("/reports/annual", params=PERIOD_QUERY).text
    assert html.count("<caption") == len(TABLE_KEYS)
    assert 'href="/reports/annual.xlsx?start=2025-04-01&amp;end=2026-03-31"' in html
    assert re.search(
        r'<th scope="row">Apr 2025</th>\s*(<td class="numeric">\d+</td>\s*){5}'
        r'<td class="numeric">2</td>',
        html,
    )


def test_downloads_read_back_with_the_same_figures(web_service: Service) -> None:
    manager = manager_with_known(web_service)
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
        assert months["Apr 2025"][ALLEGATION] == "1"
        assert months["Apr 2025"]["Total"] == "2"
        assert months["Total"]["Total"] == "5"
        twelve = tables["timeliness"]["Within 12 months"]
        assert (int(twelve["Cases"]), float(twelve["Share (%)"])) == (2, 50.0)
        assert tables["send_and_in_care"]["Any child in care"]["No"] == "2"
        assert tables["role_by_allegation_type"]["Teacher"]["Physical intervention"] == "1"


def test_labels_renamed_in_the_config_show_on_the_report(renamed_service: Service) -> None:
    manager = manager_with_known(renamed_service)
    html = manager.get("/reports/annual", params=PERIOD_QUERY).text
    assert '<th scope="row">Northgate and Upper Marsh</th>' in html
    assert '<th scope="row">Northgate</th>' not in html
    assert '<th scope="col" class="numeric">Advice sought</th>' in html
    assert '<th scope="row">Teacher or lecturer</th>' in html
    tables = xlsx_tables(manager.get("/reports/annual.xlsx", params=PERIOD_QUERY).content)
    assert tables["district_by_month"]["Northgate and Upper Marsh"]["Total"] == "2"
    assert tables["month_by_contact_type"]["Apr 2025"]["Advice sought"] == "1"
