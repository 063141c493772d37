"""The dashboard's figures against the known referrals, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from config import DEFAULT_CONFIG_DIR
from ingest_service.cases.reporting_config import load_case_reporting
from ingest_service.council_config import CouncilConfig
from ingest_service.reports.labels import ReportLabels
from ingest_service.store.database import make_engine, make_session_factory, unit_of_work
from ingest_service.web.dashboard.service import Breakdown, Dashboard, dashboard
from tests.reports.known_referrals import PERIOD, TODAY, add_known


@pytest.fixture
def figures(database_url: str, council: CouncilConfig) -> Dashboard:
    """The dashboard of the known referrals."""
    engine = make_engine(database_url)
    with unit_of_work(make_session_factory(engine)) as session:
        add_known(session)
    with Session(engine) as session:
        labels = ReportLabels.from_config(load_case_reporting(DEFAULT_CONFIG_DIR))
        built = dashboard(session, PERIOD, council.taxonomy, labels, TODAY)
    engine.dispose()
    return built


def bars(figures: Dashboard, key: str) -> dict[str, int]:
    """One breakdown's counts by label."""
    found: list[Breakdown] = [b for b in figures.intake if b.key == key]
    assert found, key
    return dict(found[0].bars)


def test_intake_per_month_and_week(figures: Dashboard) -> None:
    months = bars(figures, "month")
    assert len(months) == 12
    assert months["Apr 2025"] == 2
    assert months["Mar 2026"] == 1
    assert sum(months.values()) == 5
    weeks = bars(figures, "week")
    assert weeks["31 Mar 2025"] == 1  # 3 April 2025 was a Thursday
    assert weeks["14 Apr 2025"] == 1
    assert weeks["30 Jun 2025"] == 1  # a Monday starts its own week
    assert weeks["30 Mar 2026"] == 1  # 23:30 BST on Tuesday 31 March
    assert sum(weeks.values()) == 5


def test_intake_by_dimension(figures: Dashboard) -> None:
    assert bars(figures, "contact-type") == {
        "Allegation meeting the harm threshold": 3,
        "Consultation": 1,
        "For information only": 1,
        "Not for the LADO (signposted)": 0,
    }
    sectors = bars(figures, "sector")
    assert sectors["Education"] == 2
    assert sectors["Not recorded"] == 1
    types = bars(figures, "allegation-type")
    assert types["Physical"] == 1
    assert types["Inappropriate conduct"] == 1
    assert types["Risk by association"] == 0
    assert bars(figures, "district") == {"Northgate": 2, "Riverside": 1, "Not recorded": 2}
    assert bars(figures, "origin") == {"Email": 4, "Import": 1}


def test_open_cases_by_age(figures: Dashboard) -> None:
    assert dict(figures.open_by_age.bars) == {
        "Under 1 month": 2,
        "1 to 3 months": 0,
        "3 to 12 months": 1,
        "Over 12 months": 0,
    }


def test_timeliness_against_targets(figures: Dashboard) -> None:
    one, three, twelve = figures.timeliness
    assert (one.within, one.closed, one.met) == (1, 4, False)
    assert (three.within, three.closed, three.met) == (2, 4, False)
    assert (twelve.within, twelve.closed, twelve.met) == (4, 4, True)
    assert one.share == 0.25
