"""Labels shown for stored ids: the council's where configured, else a readable id."""

from __future__ import annotations

from config import DEFAULT_CONFIG_DIR
from ingest_service.cases.reporting_config import load_case_reporting
from ingest_service.reports.labels import Labels, ReportLabels


def test_configured_labels_win_and_missing_values_are_not_recorded() -> None:
    labels = ReportLabels.from_config(load_case_reporting(DEFAULT_CONFIG_DIR))
    assert labels.contact_type("not_for_lado") == "Not for the LADO (signposted)"
    assert labels.role_category("coach") == "Sports coach or instructor"
    assert labels.referral_source("self") == "Self-referral"
    assert labels.district("outside_area") == "Outside the area"
    assert labels.outcome("false") == "False"
    assert labels.district(None) == "Not recorded"
    assert labels.district("") == "Not recorded"


def test_ids_without_a_label_are_humanised() -> None:
    labels = ReportLabels.from_config(load_case_reporting(DEFAULT_CONFIG_DIR))
    assert labels.district("old_district_id") == "Old district id"  # since removed from config
    assert labels.sector("fostering_la") == "Fostering LA"  # the taxonomy has no labels
    assert labels.allegation_type("online_safety") == "Online safety"
    assert Labels({"a": "Alpha"})("b_c") == "B c"
