"""Annual-report tables against a known set of referrals, on SQLite and PostgreSQL, labelled
as config/case_reporting.yaml names the values."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from config import DEFAULT_CONFIG_DIR
from ingest_service.cases.reporting_config import load_case_reporting
from ingest_service.council_config import CouncilConfig
from ingest_service.reports.labels import ReportLabels
from ingest_service.reports.tables import ReportTable, annual_report
from ingest_service.store.database import make_engine, make_session_factory, unit_of_work
from tests.reports.known_referrals import PERIOD, add_known

ALLEGATION = "Allegation meeting the harm threshold"
INFORMATION_ONLY = "For information only"


@pytest.fixture
def tables(database_url: str, council: CouncilConfig) -> dict[str, ReportTable]:
    """The annual report of the known referrals, keyed by table."""
    engine = make_engine(database_url)
    sessions = make_session_factory(engine)
    with unit_of_work(sessions) as session:
        add_known(session)
    with Session(engine) as session:
        labels = ReportLabels.from_config(load_case_reporting(DEFAULT_CONFIG_DIR))
        built = annual_report(session, PERIOD, council.taxonomy, labels)
    engine.dispose()
    return {table.key: table for table in built}


def test_month_by_contact_type_counts_each_month_of_the_period(
    tables: dict[str, ReportTable],
) -> None:
    table = tables["month_by_contact_type"]
    assert [label for label, _ in table.rows][:3] == ["Apr 2025", "May 2025", "Jun 2025"]
    assert len(table.rows) == 12
    assert table.columns == (
        ALLEGATION,
        "Consultation",
        INFORMATION_ONLY,
        "Not for the LADO (signposted)",
        "Not recorded",
        "Total",
    )
    assert table.value("Apr 2025", ALLEGATION) == 1
    assert table.value("Apr 2025", "Consultation") == 1
    assert table.value("Apr 2025", "Total") == 2
    assert table.value("Jun 2025", ALLEGATION) == 1
    assert table.value("Mar 2026", INFORMATION_ONLY) == 1  # 23:30 BST on the last day
    assert table.value("Jul 2025", "Total") == 0
    assert table.total == (3, 1, 1, 0, 0, 5)  # T-6 (before) and T-7 (after) are out


def test_district_by_month_puts_unrecorded_districts_last(tables: dict[str, ReportTable]) -> None:
    table = tables["district_by_month"]
    assert [label for label, _ in table.rows] == ["Northgate", "Riverside", "Not recorded"]
    assert table.value("Northgate", "Apr 2025") == 1
    assert table.value("Northgate", "May 2025") == 1
    assert table.value("Northgate", "Total") == 2
    assert table.value("Not recorded", "Total") == 2
    assert table.total is not None and table.total[-1] == 5


def test_sector_and_source_by_contact_type(tables: dict[str, ReportTable]) -> None:
    sector = tables["sector_by_contact_type"]
    assert sector.row_heading == "Sector"
    assert sector.value("Education", ALLEGATION) == 2
    assert sector.value("Early years", "Consultation") == 1
    assert sector.value("Police", "Total") == 0  # every configured sector is listed
    assert sector.value("Not recorded", INFORMATION_ONLY) == 1
    source = tables["referral_source_by_contact_type"]
    assert source.row_heading == "Referral source"
    assert source.value("Education", ALLEGATION) == 2
    assert source.value("Police", "Consultation") == 1
    assert source.value("Not recorded", "Total") == 2


def test_role_by_allegation_type_counts_a_referral_under_each_type(
    tables: dict[str, ReportTable],
) -> None:
    table = tables["role_by_allegation_type"]
    assert table.value("Teacher", "Physical") == 1
    assert table.value("Teacher", "Physical intervention") == 1
    assert table.value("Teacher", "Sexual") == 1
    assert table.value("Not recorded", "Neglect") == 1
    assert table.value("Nursery practitioner", "Emotional") == 1
    by_category = tables["role_by_statutory_category"]
    assert by_category.value("Teacher", "Physical") == 1  # two physical types, one referral
    assert by_category.value("Not recorded", "Suitability") == 1
    assert by_category.total == (1, 1, 1, 1, 1)


def test_outcomes_and_timeliness_count_allegations_closed_in_the_period(
    tables: dict[str, ReportTable],
) -> None:
    outcomes = tables["outcome"]
    assert outcomes.value("Malicious", "Cases") == 1  # received before, closed in the period
    assert outcomes.value("Substantiated", "Cases") == 1
    assert outcomes.value("False", "Cases") == 0
    assert outcomes.total == (4, 100.0)
    timeliness = tables["timeliness"]
    assert timeliness.value("Within 1 month", "Cases") == 1
    assert timeliness.value("Within 3 months", "Cases") == 1
    assert timeliness.value("Within 12 months", "Cases") == 2
    assert timeliness.value("Within 12 months", "Share (%)") == 50.0
    assert timeliness.value("Over 12 months", "Cases") == 0


def test_send_and_in_care_split_yes_no_and_not_recorded(tables: dict[str, ReportTable]) -> None:
    table = tables["send_and_in_care"]
    assert table.rows[0] == ("Any child with SEND", (1, 1, 3, 5))
    assert table.rows[1] == ("Any child in care", (1, 2, 2, 5))
