"""Tracker rows are checked cell by cell against the council's mapping before any import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from config import DEFAULT_CONFIG_DIR
from ingest_service.cases.reporting_config import load_case_reporting
from ingest_service.council_config import ConfigError, CouncilConfig
from ingest_service.store.models import CaseOutcome, ContactType
from ingest_service.tracker_import.config import TrackerConfig, load_tracker_config
from ingest_service.tracker_import.reading import UnreadableTracker, read_tracker
from ingest_service.tracker_import.validation import Validated, validate
from ingest_service.tracker_import.vocabulary import Vocabulary
from tests.tracker_import.trackers import BAD, GOOD, HEADER, changed, write_csv


@pytest.fixture(scope="module")
def vocabulary(council: CouncilConfig) -> Vocabulary:
    """The shipped taxonomy's and case_reporting.yaml's ids."""
    return Vocabulary.of(council.taxonomy, load_case_reporting(DEFAULT_CONFIG_DIR))


@pytest.fixture(scope="module")
def mapping(vocabulary: Vocabulary) -> TrackerConfig:
    """The shipped tracker mapping."""
    return load_tracker_config(DEFAULT_CONFIG_DIR, vocabulary)


def check(path: Path, mapping: TrackerConfig, vocabulary: Vocabulary) -> Validated:
    return validate(read_tracker(path), mapping, vocabulary)


def test_good_rows_are_mapped_to_our_ids(
    tmp_path: Path, mapping: TrackerConfig, vocabulary: Vocabulary
) -> None:
    checked = check(write_csv(tmp_path / "t.csv", GOOD), mapping, vocabulary)
    assert checked.problems == ()
    first, second, third = checked.rows
    assert first.row == 2 and first.reference == "L-001"
    assert first.received_on == date(2025, 4, 3)
    assert first.contact_type is ContactType.ALLEGATION
    assert first.sector == "education"
    assert first.allegation_types == ("physical", "physical_intervention")
    assert (first.any_child_send, first.any_child_in_care) == (True, False)
    assert first.outcome is CaseOutcome.UNSUBSTANTIATED
    assert first.closed_on == date(2025, 4, 20)
    assert (first.role_category, first.district, first.referral_source) == (
        "teacher",  # the id itself
        "northgate",  # the district's label
        "education",  # "School", by the value table
    )
    assert second.received_on == date(2025, 4, 15)
    assert second.contact_type is ContactType.CONSULTATION  # "advice", any case
    assert second.sector == "early_years"
    assert (second.role_category, second.district) == ("nursery_practitioner", "riverside")
    assert second.any_child_send is None  # "Not known"
    assert second.allegation_types == () and second.closed_on is None
    assert third.reference is None
    assert third.received_on == date(2025, 5, 1)
    assert third.allegation_types == ("neglect", "inappropriate_conduct")
    assert third.district == "outside_area"  # its label, any case and spacing
    assert (third.role_category, third.referral_source) == ("health_professional", "health")


def test_every_bad_row_is_reported_by_row_and_column(
    tmp_path: Path, mapping: TrackerConfig, vocabulary: Vocabulary
) -> None:
    checked = check(write_csv(tmp_path / "t.csv", BAD), mapping, vocabulary)
    found = {(p.row, p.column) for p in checked.problems}
    assert found == {
        (3, "Date of referral"),
        (3, "Employment sector"),
        (3, "SEND"),
        (4, "Contact type"),
        (4, "Allegation category"),
        (4, "Date closed"),
        (5, "LADO ref"),
    }
    messages = [str(p) for p in checked.problems]
    assert "row 3, column 'Employment sector': 'Schoools' is not a known sector" in messages[1]
    assert any("repeats the reference of row 2" in m for m in messages)
    assert any("is before the date of referral" in m for m in messages)


def test_a_missing_column_is_reported_on_the_header_row(
    tmp_path: Path, mapping: TrackerConfig, vocabulary: Vocabulary
) -> None:
    header = [h for h in HEADER if h != "Outcome"]
    rows = [[c for h, c in zip(HEADER, row, strict=True) if h != "Outcome"] for row in GOOD]
    checked = check(write_csv(tmp_path / "t.csv", rows, header), mapping, vocabulary)
    assert [str(p) for p in checked.problems] == [
        "row 1, column 'Outcome': the tracker has no such column"
    ]


def test_xlsx_date_cells_and_blank_lines(
    tmp_path: Path, mapping: TrackerConfig, vocabulary: Vocabulary
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([None] * len(HEADER))
    sheet.append(
        [
            "X-1",
            date(2025, 6, 2),
            "Consultation",
            "Schools",
            "Teacher",
            None,
            "Northgate",
            "School",
            "No",
            "No",
            None,
            date(2025, 6, 9),
            None,
        ]
    )
    book.save(tmp_path / "t.xlsx")
    checked = check(tmp_path / "t.xlsx", mapping, vocabulary)
    assert checked.problems == ()
    (row,) = checked.rows
    assert row.row == 3  # the blank line keeps its number
    assert (row.received_on, row.closed_on) == (date(2025, 6, 2), date(2025, 6, 9))


def test_other_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "t.ods").write_bytes(b"x")
    with pytest.raises(UnreadableTracker):
        read_tracker(tmp_path / "t.ods")
    with pytest.raises(FileNotFoundError):
        read_tracker(tmp_path / "absent.csv")


@pytest.mark.parametrize(
    ("shipped", "broken", "message"),
    [
        ('"Schools": education', '"Schools": schools', "'Schools' maps to unknown 'schools'"),
        (  # a district case_reporting.yaml does not configure
            '"Out of area": outside_area',
            '"Out of area": out_of_area',
            "'Out of area' maps to unknown 'out_of_area'",
        ),
    ],
)
def test_a_mapping_to_an_unknown_id_fails_at_load(
    tmp_path: Path, vocabulary: Vocabulary, shipped: str, broken: str, message: str
) -> None:
    text = (DEFAULT_CONFIG_DIR / "tracker_import.yaml").read_text(encoding="utf-8")
    assert shipped in text
    (tmp_path / "tracker_import.yaml").write_text(text.replace(shipped, broken), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_tracker_config(tmp_path, vocabulary)


def test_a_district_not_configured_is_refused_with_the_accepted_values(
    tmp_path: Path, mapping: TrackerConfig, vocabulary: Vocabulary
) -> None:
    rows = [GOOD[0], changed(GOOD[1], district="North", referral_source="Ofsted")]
    checked = check(write_csv(tmp_path / "t.csv", rows), mapping, vocabulary)
    assert [row.row for row in checked.rows] == [2]
    assert [str(p) for p in checked.problems] == [
        "row 3, column 'District': 'North' is not a known district; accepted: Northgate, "
        "Riverside, Southfield, Outside the area, or wording listed under values.district "
        "in tracker_import.yaml",
        "row 3, column 'Referral source': 'Ofsted' is not a known referral source; accepted: "
        "Police, Health, Children's social care, Fostering agency, Early years, Education, "
        "Parent or carer, Self-referral, Other, or wording listed under values.referral_source "
        "in tracker_import.yaml",
    ]


@pytest.mark.parametrize(
    ("column", "wording", "expected"),
    [
        ("role", "Sports coach or instructor", "coach"),  # the label
        ("role", "police_officer", "police_officer"),  # the id
        ("role", "Driver", "driver_escort"),  # the value table
        ("role", "  SOCIAL   worker ", "social_worker"),  # the id's words, any case and spacing
        ("district", "Southfield", "southfield"),
        ("district", "out of area", "outside_area"),
        ("referral_source", "Children's social care", "childrens_social_care"),
        ("referral_source", "Self-referral", "self"),
        ("referral_source", "MASH", "childrens_social_care"),
    ],
)
def test_wording_and_labels_map_to_configured_ids(
    tmp_path: Path,
    mapping: TrackerConfig,
    vocabulary: Vocabulary,
    column: str,
    wording: str,
    expected: str,
) -> None:
    checked = check(
        write_csv(tmp_path / "t.csv", [changed(GOOD[0], **{column: wording})]), mapping, vocabulary
    )
    assert checked.problems == ()
    field = {"role": "role_category"}.get(column, column)
    assert getattr(checked.rows[0], field) == expected
