"""Reporting columns from a referral's answers: categories, district, children, subject key."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from config import DEFAULT_CONFIG_DIR
from ingest_service.cases.reporting_config import (
    CASE_REPORTING_FILE,
    CaseReporting,
    load_case_reporting,
)
from ingest_service.cases.reporting_fields import (
    categorise,
    district_of,
    refresh_reporting_fields,
    subject_key,
)
from ingest_service.council_config import ConfigError
from ingest_service.store.models import Referral, ReferralStatus


@pytest.fixture(scope="module")
def reporting() -> CaseReporting:
    return load_case_reporting(DEFAULT_CONFIG_DIR)


def referral(fields: dict[str, object], classification: dict[str, object]) -> Referral:
    return Referral(
        reference="LADO-2026-000001",
        status=ReferralStatus.READY_FOR_TRIAGE,
        received_at=datetime(2026, 3, 9, tzinfo=UTC),
        fields=fields,
        classification=classification,
    )


def test_columns_are_filled_from_fields_and_classification(reporting: CaseReporting) -> None:
    record = referral(
        {
            "subject_name": "Sam Example",
            "subject_dob": "1980-02-01",
            "subject_role": "Higher Level Teaching Assistant",
            "employer_address": "1 School Lane, Millbrook ZZ3 4AB",
            "employer_type": "early_years",
            "referrer_organisation": "Millbrook Primary School",
            "children": [
                {"child_send": "no", "child_in_care": "unknown"},
                {"child_send": "yes", "child_in_care": "no"},
            ],
        },
        {"allegation_types": ["physical", "emotional"], "sector": "education"},
    )
    refresh_reporting_fields(record, reporting)
    assert record.sector == "education"
    assert sorted(row.allegation_type for row in record.allegation_type_rows) == [
        "emotional",
        "physical",
    ]
    assert record.role_category == "teaching_assistant"
    assert record.district == "riverside"
    assert record.referral_source == "education"
    assert record.any_child_send is True
    assert record.any_child_in_care is None
    assert record.subject_key == subject_key("EXAMPLE, Sam", "1980-02-01")
    assert record.subject_key is not None and len(record.subject_key) == 64


def test_sector_falls_back_to_the_form_and_rows_follow_a_new_classification(
    reporting: CaseReporting,
) -> None:
    record = referral({"employer_type": "transport"}, {"allegation_types": ["physical"]})
    refresh_reporting_fields(record, reporting)
    assert record.sector == "transport"
    first = record.allegation_type_rows[0]
    record.classification = {"allegation_types": ["physical", "sexual"], "sector": "health"}
    refresh_reporting_fields(record, reporting)
    assert record.sector == "health"
    assert record.allegation_type_rows[0] is first  # kept, not replaced
    assert [row.allegation_type for row in record.allegation_type_rows] == ["physical", "sexual"]
    assert record.role_category is None and record.district is None
    assert record.subject_key is None


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Teacher of maths", "teacher"),
        ("Teaching assistant", "teaching_assistant"),
        ("Foster carer (IFA)", "foster_carer"),
        ("Residential support worker", "residential_worker"),
        ("Nursery practitioner", "nursery_practitioner"),
        ("Football coach", "coach"),
        ("Passenger assistant on school taxi", "driver_escort"),
        ("Youth worker", "youth_worker"),
        ("Staff nurse", "health_professional"),
        ("Police constable", "police_officer"),
        ("Social worker", "social_worker"),
        ("Dinner lady", "other"),
        ("   ", None),
    ],
)
def test_roles_fall_in_categories(reporting: CaseReporting, role: str, expected: str) -> None:
    assert categorise(role, reporting.role_categories) == expected


@pytest.mark.parametrize(
    ("organisation", "expected"),
    [
        ("Northshire Constabulary", "police"),
        ("Riverside NHS Foundation Trust", "health"),
        ("Children's Social Care - MASH", "childrens_social_care"),
        ("Bright Futures Fostering", "fostering_agency"),
        ("Little Acorns Nursery", "early_years"),
        ("St Anne's Academy", "education"),
        ("Parent of the child", "parent_carer"),
        ("Acme Retail Ltd", "other"),
    ],
)
def test_referrer_organisations_map_to_sources(
    reporting: CaseReporting, organisation: str, expected: str
) -> None:
    assert categorise(organisation, reporting.referral_sources) == expected


def test_districts_by_postcode_then_town(reporting: CaseReporting) -> None:
    districts = reporting.districts
    assert district_of("2 High St, Anytown ZZ5 1AA", districts) == "southfield"
    assert district_of("2 High St, ZZ10 1AA", districts) == "outside_area"  # not ZZ1
    assert district_of("The Green, Upper Marsh", districts) == "northgate"
    assert district_of("10 Downing Street, London SW1A 2AA", districts) == "outside_area"
    assert district_of("", districts) is None


def test_subject_key_ignores_case_order_and_accents_but_not_the_birth_date() -> None:
    assert subject_key("Zoë  O'Brien", "1990-01-01") == subject_key("obrien, ZOE", "1990-01-01")
    assert subject_key("Zoe OBrien", "1990-01-01") != subject_key("Zoe OBrien", "1990-01-02")
    assert subject_key("Zoe OBrien", None) != subject_key("Zoe OBrien", "1990-01-01")


def test_a_bad_file_is_a_config_error(tmp_path: Path) -> None:
    text = (DEFAULT_CONFIG_DIR / CASE_REPORTING_FILE).read_text(encoding="utf-8")
    (tmp_path / CASE_REPORTING_FILE).write_text(
        text.replace("  fallback: outside_area", "  fallback: nowhere"), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="districts"):
        load_case_reporting(tmp_path)
    (tmp_path / CASE_REPORTING_FILE).write_text(
        text.replace('  malicious: "Malicious"\n', ""), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="malicious"):
        load_case_reporting(tmp_path)
