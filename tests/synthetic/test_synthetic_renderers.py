"""Rendered documents open with ordinary tools and carry the truth's values."""

from __future__ import annotations

import email
import email.policy
import io
import json
from email.message import EmailMessage
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from ingest_service.synthetic.cases import generate_case
from ingest_service.synthetic.corpus import write_corpus
from ingest_service.synthetic.demo_set import demo_referrals
from ingest_service.synthetic.model import JsonDict
from ingest_service.synthetic.render_docx import DocxLayout, render_docx
from ingest_service.synthetic.render_email import render_email
from ingest_service.synthetic.render_pdf import render_pdf

TEXT_IDS = {
    "referrer_name",
    "referrer_organisation",
    "referrer_phone",
    "referrer_email",
    "subject_name",
    "subject_role",
    "employer_name",
    "incident_location",
    "actions_taken",
    "allegation_description",
    "child_name",
    "child_age",
}
"""Fields whose truth value is written as is (choices and dates are reworded on the form)."""


def truth_strings(truth: JsonDict) -> list[str]:
    """The truth's values for TEXT_IDS, children included."""
    fields = truth["fields"]
    records = [fields, *fields.get("children", [])]
    return [value for record in records for key, value in record.items() if key in TEXT_IDS]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return _collapse("\n".join(parts))


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return _collapse("\n".join(page.extract_text() or "" for page in pdf.pages))


def _parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.mark.parametrize("layout", ["A", "B"])
def test_docx_opens_and_holds_the_values(layout: DocxLayout) -> None:
    case = generate_case(31, n_children=2)
    data = render_docx(case, layout)
    assert data == render_docx(generate_case(31, n_children=2), layout)
    text = _docx_text(data)
    for value in truth_strings(case.truth):
        assert _collapse(value) in text
    for section in case.sections:
        assert section.heading in text


def test_docx_table_layout_pairs_labels_with_values() -> None:
    case = generate_case(32, form_layout="A", n_children=2)
    document = Document(io.BytesIO(render_docx(case)))
    assert len(document.tables) == len(case.sections)
    for table, section in zip(document.tables, case.sections, strict=True):
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        assert cells[0] == [section.heading, section.heading]
        expected = [
            [row.label, row.label] if row.field_id is None else [row.label, row.text]
            for row in section.rows
        ]
        assert cells[1:] == expected


def test_pdf_text_holds_the_values() -> None:
    case = generate_case(33, form_layout="C")
    data = render_pdf(case)
    assert data == render_pdf(generate_case(33, form_layout="C"))
    text = _pdf_text(data)
    for value in truth_strings(case.truth):
        assert _collapse(value) in text


def test_long_pdf_runs_over_pages() -> None:
    case = generate_case(34, form_layout="C", n_children=2)
    with pdfplumber.open(io.BytesIO(render_pdf(case))) as pdf:
        assert len(pdf.pages) >= 2


def test_email_with_form_in_body() -> None:
    case = generate_case(35, form_layout="body")
    raw = render_email(case, None)
    assert raw == render_email(generate_case(35, form_layout="body"), None)
    message = _parse(raw)
    assert message["To"] == "LADO Team <lado@example.org>"
    assert message["Subject"].startswith("LADO referral - ")
    assert case.referrer.email in message["From"]
    body = message.get_content()
    assert "SECTION 1: " in body and "SECTION 7: " in body
    text = _collapse(body)
    for value in truth_strings(case.truth):
        assert _collapse(value) in text


@pytest.mark.parametrize("attach", ["docx", "pdf"])
def test_email_carries_the_attachment(attach: str) -> None:
    case = generate_case(36, form_layout="A" if attach == "docx" else "C", emailed=True)
    message = _parse(render_email(case, "docx" if attach == "docx" else "pdf"))
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    filename = attachments[0].get_filename()
    assert filename is not None and filename.endswith(f".{attach}")
    payload = attachments[0].get_content()
    assert isinstance(payload, bytes)
    text = _docx_text(payload) if attach == "docx" else _pdf_text(payload)
    assert case.truth["fields"]["subject_name"] in text


def test_demo_set_mixes_formats() -> None:
    demo = demo_referrals()
    assert [item.truth for item in demo] == [item.truth for item in demo_referrals()]
    assert [item.raw for item in demo] == [item.raw for item in demo_referrals()]
    variants = {item.truth["variant"] for item in demo}
    assert {"form in email body", "pdf attachment (layout C)"} <= variants
    assert any(variant.startswith("docx attachment") for variant in variants)
    assert any(item.truth["missing_sections"] for item in demo)
    assert any(len(item.truth["fields"].get("children", [])) == 2 for item in demo)
    ids = {_parse(item.raw)["Message-ID"] for item in demo}
    assert len(ids) == len(demo) == len({item.filename for item in demo})


def test_write_corpus_pairs_documents_with_truth(tmp_path: Path) -> None:
    written = write_corpus(tmp_path, count=12, seed=7, special_each=0)
    assert len(written) == 12
    for document in written:
        truth_file = document.with_name(document.name.rsplit(".", 1)[0] + ".truth.json")
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        expected = {"docx": {"A", "B"}, "pdf": {"C"}, "eml": {"D"}}[document.suffix[1:]]
        assert truth["layout"] in expected
