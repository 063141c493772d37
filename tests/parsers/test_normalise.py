"""Normalising answers by field type."""

from __future__ import annotations

from datetime import date

import pytest

from parsers.form_schema import FormSchema
from parsers.normalise import normalise_value, parse_date, yes_no_unknown

TODAY = date(2026, 3, 20)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("13.03.26", "2026-03-13"),
        ("13/03/2026", "2026-03-13"),
        ("13 March 2026", "2026-03-13"),
        ("13th Mar 2026", "2026-03-13"),
        ("2026-03-13", "2026-03-13"),
        ("30.11.03", "2003-11-30"),
        ("11.10.66", "1966-10-11"),
        ("Suspended on 10/02/2026", "2026-02-10"),
        ("Not known", None),
        ("31/02/2026", None),
    ],
)
def test_uk_dates(text: str, iso: str | None) -> None:
    assert parse_date(text, TODAY) == iso


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Yes \u2013 small red mark", "yes"),
        ("No visible marks", "no"),
        ("Not yet", "no"),
        ("Not known", "unknown"),
        ("N/K", "unknown"),
        ("N/A \u2013 placing authority informed", "unknown"),
        ("unknown", "unknown"),
        ("Perhaps", None),
    ],
)
def test_yes_no_unknown(text: str, answer: str | None) -> None:
    assert yes_no_unknown(text) == answer


@pytest.mark.parametrize(
    ("field_id", "text", "value"),
    [
        ("employer_type", "SEN transport contractor", "transport"),
        ("employer_type", "Residential special school", "residential_care"),
        ("employer_type", "Independent Fostering Agency", "fostering_ifa"),
        ("employer_type", "Circus", "other"),
        ("employer_type", "Swim school", "sport_leisure"),
        ("employer_type", "Secondary school", "education"),
        ("allegation_made_by", "Member of school staff", "other_professional"),
        ("allegation_made_by", "Parent", "parent_carer"),
        ("allegation_made_by", "Child (to his social worker)", "child"),
        ("employment_basis", "Agency", "agency"),
        ("employment_basis", "Self-employed", "self_employed"),
        ("employment_basis", "Not known", "unknown"),
        ("subject_status", "Stood down pending outcome", "suspended"),
        ("subject_status", "Not working \u2013 on hold", "not_working"),
        ("subject_status", "Not currently working", "not_working"),
        ("subject_status", "Not suspended \u2013 still working", "working"),
        ("subject_status", "Currently not redeployed, remains in post", "working"),
        ("subject_gender", "F", "female"),
        ("subject_dob", "Not known", "Not known"),
        ("subject_dob", "17/06/1984", "1984-06-17"),
        ("referrer_email", "Email me at A.B@example.org please", "A.B@example.org"),
        ("allegation_description", "  two\n  lines  ", "two lines"),
    ],
)
def test_values_by_type(schema: FormSchema, field_id: str, text: str, value: str) -> None:
    result = normalise_value(text, schema.field(field_id), TODAY)
    assert result is not None
    assert result.value == value


def test_multichoice_ticks_and_lists(schema: FormSchema) -> None:
    spec = schema.field("referrer_categories")
    ticked = normalise_value("\u2612 Physical \u2610 Sexual \u2612 Emotional", spec)
    assert ticked is not None and ticked.value == ["physical", "emotional"]
    listed = normalise_value("Neglect, Conduct / suitability", spec)
    assert listed is not None and listed.value == ["neglect", "conduct"]
    brackets = normalise_value("[ ] Physical [x] Sexual", spec)
    assert brackets is not None and brackets.value == ["sexual"]
    assert normalise_value("\u2610 Physical \u2610 Sexual", spec) is None


@pytest.mark.parametrize("text", ["", "  ", "-", "Click or tap here to enter text.", "…"])
def test_unanswered(schema: FormSchema, text: str) -> None:
    assert normalise_value(text, schema.field("referrer_name")) is None
