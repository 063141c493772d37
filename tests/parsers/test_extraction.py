"""Section-aware extraction on small hand-made documents."""

from __future__ import annotations

from parsers.document import Block, ParsedDocument, Provenance
from parsers.extraction import ExtractedField, FieldExtraction, extract_fields, merge_extractions
from parsers.form_schema import FormSchema


def _lines(*lines: str, confidence: float = 1.0) -> ParsedDocument:
    blocks = [
        Block("paragraph", line, Provenance("f.txt", None, f"line {n}"), confidence=confidence)
        for n, line in enumerate(lines, start=1)
    ]
    return ParsedDocument("f.txt", "email", blocks)


def test_ocr_reading_a_row_rule_as_a_dash_still_splits_label_and_value(
    schema: FormSchema,
) -> None:
    lines = ("Your details", "Name - Priya Example", "Organisation: Hill Ltd - Oak Lodge")
    scanned = extract_fields(_lines(*lines, confidence=0.57), schema).output_fields()
    assert scanned["referrer_name"] == "Priya Example"
    assert scanned["referrer_organisation"] == "Hill Ltd - Oak Lodge"
    typed = extract_fields(_lines(*lines), schema).output_fields()
    assert "referrer_name" not in typed, "typed text is split only at a colon or question mark"


def test_same_label_in_different_sections(schema: FormSchema) -> None:
    document = _lines(
        "Section 1: Referrer details",
        "Name: Ann",
        "Organisation: Hill School",
        "SECTION 2: DETAILS OF STAFF MEMBER",
        "Name: Bob",
        "Position: Teacher",
        "Employer details",
        "Organisation: Hill Trust",
        "Children involved",
        "Name: Cat",
        "Age: 9",
        "Name: Dan",
    )
    fields = extract_fields(document, schema).output_fields()
    assert fields["referrer_name"] == "Ann"
    assert fields["subject_name"] == "Bob"
    assert fields["subject_role"] == "Teacher"
    assert fields["employer_name"] == "Hill Trust"
    assert fields["children"] == [{"child_name": "Cat", "child_age": "9"}, {"child_name": "Dan"}]


def test_without_headings_repeated_labels_follow_form_order(schema: FormSchema) -> None:
    fields = extract_fields(_lines("Name: Ann", "Phone: 1", "Name: Bob"), schema).output_fields()
    assert (fields["referrer_name"], fields["subject_name"]) == ("Ann", "Bob")


def test_values_continue_until_the_next_label(schema: FormSchema) -> None:
    document = _lines(
        "Details of the allegation:",
        "First paragraph.",
        "Second paragraph.",
        "Was there an injury? Yes \u2013 bruise",
        "Location: Yard",
    )
    extraction = extract_fields(document, schema)
    fields = extraction.output_fields()
    assert fields["allegation_description"] == "First paragraph. Second paragraph."
    assert fields["injury"] == "yes"
    assert extraction.fields["injury"].label == "Was there an injury?"
    assert extraction.fields["injury"].source == "f.txt line 4"


def test_a_choice_answer_is_not_continued_by_the_text_after_it(schema: FormSchema) -> None:
    document = _lines(
        "Current status of the adult: Not currently working",
        "Thank you. The LADO will contact you within one working day.",
        "Have the police been informed?",
        "No",
    )
    fields = extract_fields(document, schema).output_fields()
    assert fields["subject_status"] == "not_working"
    assert fields["police_informed"] == "no"


def test_tick_boxes_wrapped_onto_the_next_lines(schema: FormSchema) -> None:
    document = _lines(
        "Category of abuse alleged: \u2610 Physical \u2612 Sexual",
        "\u2610 Emotional \u2612 Neglect",
        "Employment status:",
        "\u2610 Permanent",
        "\u2612 Agency staff",
        "Location: Yard",
    )
    fields = extract_fields(document, schema).output_fields()
    assert fields["referrer_categories"] == ["sexual", "neglect"]
    assert fields["employment_basis"] == "agency"
    assert fields["incident_location"] == "Yard"


def test_labels_above_values_in_a_table(schema: FormSchema) -> None:
    def cell(text: str, row: int, col: int) -> Block:
        return Block("cell", text, Provenance("t.docx", None, f"table 1 row {row}"), 1, row, col)

    document = ParsedDocument(
        "t.docx",
        "docx",
        [cell("Your name", 1, 1), cell("Telephone", 1, 2), cell("Ann", 2, 1), cell("0163", 2, 2)],
    )
    fields = extract_fields(document, schema).output_fields()
    assert fields == {"referrer_name": "Ann", "referrer_phone": "0163"}


def test_merge_prefers_confident_fields_and_richest_children() -> None:
    def item(value: str, confidence: float) -> ExtractedField:
        return ExtractedField(value, confidence, "x", "label")

    body = FieldExtraction({"referrer_name": item("A", 0.5)}, [{"child_name": item("C", 1.0)}])
    attached = FieldExtraction(
        {"referrer_name": item("B", 0.9), "subject_name": item("S", 0.9)},
        [{"child_name": item("C", 1.0), "child_age": item("9", 1.0)}],
    )
    merged = merge_extractions([body, attached]).output_fields()
    assert merged == {
        "referrer_name": "B",
        "subject_name": "S",
        "children": [{"child_name": "C", "child_age": "9"}],
    }
