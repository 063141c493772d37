"""The mandatory rules of the schema."""

from __future__ import annotations

from parsers.form_schema import FormSchema
from parsers.mandatory import check_mandatory

COMPLETE: dict[str, object] = {
    "referrer_name": "Ann",
    "referrer_organisation": "School",
    "referrer_email": "a@example.org",
    "subject_name": "Bob",
    "subject_role": "Teacher",
    "employer_name": "School",
    "allegation_description": "Something happened.",
    "incident_date": "2026-03-01",
    "children": [{"child_age": "9"}],
    "previous_concerns": "no",
    "actions_taken": "Suspended.",
}


def test_complete_form_has_nothing_missing(schema: FormSchema) -> None:
    check = check_mandatory(COMPLETE, schema)
    assert (check.missing_fields, check.missing_sections) == ([], [])


def test_either_or_group_reports_first_id(schema: FormSchema) -> None:
    fields = {k: v for k, v in COMPLETE.items() if k != "referrer_email"}
    check = check_mandatory(fields, schema)
    assert check.missing_fields == ["referrer_phone"]
    assert check.missing_sections == ["referrer"]


def test_not_known_is_answered_but_blanks_are_not(schema: FormSchema) -> None:
    fields = dict(COMPLETE, subject_role="Not known", incident_date="n/a", actions_taken=" - ")
    check = check_mandatory(fields, schema)
    assert check.missing_fields == ["actions_taken"]


def test_children_need_one_identified_child_in_schema_order(schema: FormSchema) -> None:
    fields = dict(COMPLETE, children=[{"child_gender": "male"}])
    del fields["employer_name"]
    check = check_mandatory(fields, schema)
    assert check.missing_fields == ["employer_name", "child_name"]
    assert check.missing_sections == ["employer", "children"]
    assert check_mandatory({k: v for k, v in COMPLETE.items() if k != "children"}, schema)
