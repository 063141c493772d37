"""Fillable PDFs (values only in AcroForm fields) and PDFs laid out without ruling."""

from __future__ import annotations

import io
import random

import pdfplumber
import pytest
from reportlab.pdfgen import canvas

from bench.scoring import flatten_fields
from ingest_service.synthetic.cases import generate_case
from ingest_service.synthetic.render_pdf_fillable import render_pdf_fillable
from ingest_service.synthetic.render_pdf_unruled import render_pdf_unruled
from parsers.extraction import extract_fields
from parsers.form_schema import FormSchema
from parsers.mandatory import check_mandatory
from parsers.pdf_parser import parse_pdf


def _fillable() -> bytes:
    """A small form: two text fields (one with a tooltip) and a row of two check boxes."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    form = pdf.acroForm
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawString(50, 700, "Name of adult")
    form.textfield(name="Text1", value="Alex Example", x=200, y=692, width=200, height=16)
    pdf.drawString(50, 670, "Printed label")
    form.textfield(
        name="Text2",
        tooltip="Date of birth",
        value="3 May 1980",
        x=200,
        y=662,
        width=200,
        height=16,
    )
    pdf.drawString(50, 640, "Gender")
    pdf.setFont("Helvetica", 9)
    form.checkbox(name="Check1", checked=False, x=200, y=638, size=9)
    pdf.drawString(213, 640, "Male")
    form.checkbox(name="Check2", checked=True, x=250, y=638, size=9)
    pdf.drawString(263, 640, "Female")
    pdf.save()
    return buffer.getvalue()


def test_field_values_come_from_the_form_not_the_page() -> None:
    data = _fillable()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert "Alex Example" not in (pdf.pages[0].extract_text() or "")
    blocks = parse_pdf(data, "form.pdf").blocks
    fields = [(b.kind, b.label, b.text, b.checked) for b in blocks]
    assert fields == [
        ("form_field", "Name of adult", "Alex Example", None),
        ("form_field", "Date of birth", "3 May 1980", None),
        ("form_field", "Gender", "", None),
        ("checkbox", "Male", "Male", False),
        ("checkbox", "Female", "Female", True),
    ]
    assert blocks[0].provenance.describe() == "form.pdf page 1 form field 1"


def test_fillable_form_fields_and_ticks_extract(schema: FormSchema) -> None:
    extraction = extract_fields(parse_pdf(_fillable(), "form.pdf"), schema)
    assert extraction.output_fields() == {
        "subject_name": "Alex Example",
        "subject_dob": "1980-05-03",
        "subject_gender": "female",
    }


def _round_trip(schema: FormSchema, data: bytes, truth: dict[str, object]) -> None:
    extraction = extract_fields(parse_pdf(data, "form.pdf"), schema)
    fields = extraction.output_fields()
    assert flatten_fields(fields) == flatten_fields(truth["fields"])
    missing = check_mandatory(fields, schema)
    assert list(missing.missing_sections) == truth["missing_sections"]


@pytest.mark.parametrize("seed", [3, 8])
def test_generated_fillable_forms_round_trip(schema: FormSchema, seed: int) -> None:
    case = generate_case(
        seed, form_layout="C", emailed=False, tick_choices=True, blank_sections=["history"]
    )
    _round_trip(schema, render_pdf_fillable(case), case.truth)


def _unruled_name(above: bool) -> str:
    """A case name whose seeded layout puts labels above (or beside) their values."""
    for number in range(100):
        name = f"unruled-{number}"
        if (random.Random(f"unruled|{name}").random() < 0.5) == above:
            return name
    raise AssertionError("no such name")


@pytest.mark.parametrize("above", [True, False])
def test_generated_unruled_forms_round_trip(schema: FormSchema, above: bool) -> None:
    case = generate_case(
        11, name=_unruled_name(above), form_layout="C", emailed=False, blank_sections=["actions"]
    )
    _round_trip(schema, render_pdf_unruled(case), case.truth)


def test_label_above_value_and_value_beside_label() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Helvetica", 9.5)
    pdf.drawString(50, 760, "An introduction in body text.")
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawString(50, 730, "Where did it happen?")
    pdf.setFont("Helvetica", 9.5)
    pdf.drawString(50, 718, "In the sports hall, after")
    pdf.drawString(50, 706, "the lunch break.")
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawString(50, 680, "Role")
    pdf.setFont("Helvetica", 9.5)
    pdf.drawString(200, 680, "Class teacher and")
    pdf.drawString(200, 668, "head of year")
    pdf.save()
    blocks = parse_pdf(buffer.getvalue(), "f.pdf").blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "An introduction in body text."),
        ("cell", "Where did it happen?"),
        ("cell", "In the sports hall, after the lunch break."),
        ("cell", "Role"),
        ("cell", "Class teacher and head of year"),
    ]
