"""Done when: a year's synthetic tracker, imported, gives back its monthly counts exactly in
the exported month x contact type table (XLSX and CSV), counted from the tracker file itself,
and its districts are the council's configured ones (as emailed referrals are)."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from config import DEFAULT_CONFIG_DIR
from ingest_service.service import Service
from ingest_service.store.models import UserRole
from ingest_service.synthetic.tracker import tracker_lines, write_tracker_csv, write_tracker_xlsx
from ingest_service.tracker_import.config import load_tracker_config
from ingest_service.tracker_import.service import import_tracker
from ingest_service.tracker_import.vocabulary import Vocabulary
from tests.reports.exports import csv_tables, xlsx_tables
from tests.web.conftest import signed_in

YEAR = 2025
ROWS = 480
# The tracker's wording of each contact type, and the report's (config/case_reporting.yaml).
CONTACT_TYPES = {
    "Allegation": "Allegation meeting the harm threshold",
    "Consultation": "Consultation",
    "Information only": "For information only",
    "Not for LADO": "Not for the LADO (signposted)",
}


def counted_from_file(path: Path) -> Counter[tuple[str, str]]:
    """(month label, contact type) -> rows, read straight from the tracker file."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        days = [datetime.strptime(r["Date of referral"], "%d/%m/%Y").date() for r in rows]
        types = [r["Contact type"] for r in rows]
    else:
        sheet = load_workbook(path, read_only=True).worksheets[0]
        header, *lines = list(sheet.iter_rows(values_only=True))
        days = [line[header.index("Date of referral")].date() for line in lines]
        types = [line[header.index("Contact type")] for line in lines]
    return Counter((f"{day:%b %Y}", kind) for day, kind in zip(days, types, strict=True))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_imported_tracker_reproduces_its_monthly_counts(
    web_service: Service, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"tracker{suffix}"
    lines = tracker_lines(YEAR, ROWS, seed=6)
    (write_tracker_xlsx if suffix == ".xlsx" else write_tracker_csv)(path, lines)
    expected = counted_from_file(path)
    assert sum(expected.values()) == ROWS

    vocabulary = Vocabulary.of(web_service.council.taxonomy, web_service.case_reporting)
    config = load_tracker_config(DEFAULT_CONFIG_DIR, vocabulary)
    report = import_tracker(web_service.sessions, path, config, vocabulary, "test:importer")
    assert report.problems == () and report.result is not None
    assert report.result.imported == ROWS

    manager = signed_in(web_service, "maya", UserRole.MANAGER)
    year = {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31"}
    exported = {
        "xlsx": xlsx_tables(manager.get("/reports/annual.xlsx", params=year).content),
        "csv": csv_tables(manager.get("/reports/annual.csv.zip", params=year).content),
    }
    months = [f"{date(YEAR, m, 1):%b %Y}" for m in range(1, 13)]
    for name, tables in exported.items():
        table = tables["month_by_contact_type"]
        assert list(table) == [*months, "Total"], name
        for month in months:
            for kind, label in CONTACT_TYPES.items():
                assert int(table[month][label]) == expected[(month, kind)], (name, month, kind)
            assert int(table[month]["Not recorded"]) == 0
            assert int(table[month]["Total"]) == sum(expected[(month, k)] for k in CONTACT_TYPES)
        assert int(table["Total"]["Total"]) == ROWS
        districts = {d.label for d in web_service.case_reporting.districts.entries}
        assert set(tables["district_by_month"]) == {*districts, "Total"}, name
