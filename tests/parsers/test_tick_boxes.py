"""Tick boxes drawn as characters: the ticked option wins, none ticked is unanswered."""

from __future__ import annotations

import pytest

from parsers.form_schema import FormSchema
from parsers.normalise import normalise_value
from parsers.tick_boxes import has_boxes, ticked_captions


@pytest.mark.parametrize(
    ("field_id", "text", "value"),
    [
        ("injury", "\u2610 Yes \u2612 No \u2610 Not known", "no"),
        ("injury", "\u2610 Yes \u2610 No \u2612 Not known", "unknown"),
        ("police_informed", "[ ] Yes [x] No [ ] Not known", "no"),
        ("police_informed", "[ ] Yes [X] No", "no"),
        ("child_send", "\u25a1 Yes \u25a0 No", "no"),
        ("child_in_care", "\u2610 Yes \u2611 No", "no"),
        ("ofsted_informed", "\u2713 Yes \u2610 No", "yes"),
        ("parents_informed", "Yes \u2610   No \u2714", "no"),
        ("subject_gender", "\u2610 Male \u2612 Female \u2610 Not known", "female"),
        ("employment_basis", "\u2610 Permanent \u2612 Agency staff \u2610 Volunteer", "agency"),
        ("employer_type", "\u2610 School \u2612 Sports club", "sport_leisure"),
        ("subject_status", "\u2610 Suspended \u2610 Working \u2612 Not working", "not_working"),
    ],
)
def test_single_choice_takes_the_ticked_option(
    schema: FormSchema, field_id: str, text: str, value: str
) -> None:
    result = normalise_value(text, schema.field(field_id))
    assert result is not None
    assert result.value == value
    assert result.confidence >= 0.9


@pytest.mark.parametrize(
    ("field_id", "text"),
    [
        ("injury", "\u2610 Yes \u2610 No \u2610 Not known"),
        ("police_informed", "[ ] Yes [ ] No"),
        ("subject_status", "\u2610 Suspended \u2610 Working \u2610 Not working"),
        ("subject_gender", "\u2610 Male \u2610 Female Click or tap here to enter text."),
    ],
)
def test_single_choice_with_nothing_ticked_is_unanswered(
    schema: FormSchema, field_id: str, text: str
) -> None:
    assert normalise_value(text, schema.field(field_id)) is None


def test_single_choice_ticked_twice_is_doubtful(schema: FormSchema) -> None:
    result = normalise_value("\u2612 Yes \u2612 No", schema.field("injury"))
    assert result is not None
    assert result.value == "yes"
    assert result.confidence < 0.5


def test_multichoice_takes_every_ticked_option(schema: FormSchema) -> None:
    spec = schema.field("referrer_categories")
    text = "\u2612 Physical \u2610 Sexual \u2612 Emotional \u2610 Neglect \u2612 Conduct"
    result = normalise_value(text, spec)
    assert result is not None
    assert result.value == ["physical", "emotional", "conduct"]
    assert normalise_value("\u2610 Physical \u2610 Sexual \u2610 Neglect", spec) is None


def test_captions_follow_boxes_unless_the_text_starts_with_one() -> None:
    assert ticked_captions("\u2610 Yes \u2612 No \u2610 Not known") == ["No"]
    assert ticked_captions("Yes [ ]  No [x]  Not known [ ]") == ["No"]
    assert ticked_captions("\u2612 Yes") == ["Yes"]
    assert ticked_captions("No boxes here") == []
    assert not has_boxes("Yes \u2013 marks seen")
