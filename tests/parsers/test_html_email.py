"""A form pasted into an Outlook HTML email: the table is read, the signature and the quoted
earlier message are kept out."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from bench.scoring import flatten_fields
from ingest_service.synthetic.cases import generate_case
from ingest_service.synthetic.render_email_html import render_html_email
from parsers.email_body import parse_email_body
from parsers.email_message import read_email
from parsers.extraction import FieldExtraction, extract_fields
from parsers.form_schema import FormSchema
from parsers.referral_file import extract_path

_ROWS = (
    ("Your name", "Alex Morgan"),
    ("Organisation", "Brackenford Primary School"),
    ("Name of adult", "Sam Weston"),
    ("Job title", "Teaching assistant"),
    ("Was there an injury?", "\u2610 Yes \u2612 No"),
)
_QUOTE_STARTS = (
    '<div style="border:none;border-top:solid #E1E1E1 1.0pt">',
    '<div id="divRplyFwdMsg" dir="ltr">',
)


def _outlook_html(quote_start: str) -> str:
    rows = "".join(
        f'<tr><td><p class="MsoNormal">{label}</p></td>'
        f'<td><p class="MsoNormal">{value}</p></td></tr>'
        for label, value in _ROWS
    )
    return (
        '<html><body><div class="WordSection1"><p class="MsoNormal">Good morning,</p>'
        '<p class="MsoNormal">Please see our referral below.</p>'
        f'<table class="MsoTableGrid" border="1">{rows}</table>'
        '<p class="MsoNormal">Kind regards</p><p class="MsoNormal"><b>Alex Morgan</b></p>'
        "<table><tr><td>Tel</td><td>01632 960999</td></tr>"
        "<tr><td>Email</td><td>alex.morgan@example.org</td></tr></table>"
        f'{quote_start}<p class="MsoNormal"><b>From:</b> LADO Team &lt;lado@example.org&gt;'
        "<br><b>Sent:</b> 12 January 2026 09:14<br><b>Subject:</b> LADO referral</p></div>"
        '<p class="MsoNormal">Please complete the form.</p><table>'
        "<tr><td>Name of adult</td><td>Jo Quinn</td></tr>"
        "<tr><td>Telephone</td><td>01632 960000</td></tr></table></div></body></html>"
    )


def _email(html: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Alex Morgan <alex.morgan@example.org>"
    message["To"] = "lado@example.org"
    message["Subject"] = "RE: LADO referral"
    message.set_content("Please see the HTML version.")
    message.add_alternative(html, subtype="html")
    return message.as_bytes()


def _extract(raw: bytes, schema: FormSchema) -> FieldExtraction:
    document = parse_email_body(read_email(raw), "body")
    assert document is not None
    return extract_fields(document, schema)


@pytest.mark.parametrize("quote_start", _QUOTE_STARTS)
def test_outlook_table_read_without_signature_or_history(
    schema: FormSchema, quote_start: str
) -> None:
    fields = _extract(_email(_outlook_html(quote_start)), schema).output_fields()
    assert fields["referrer_name"] == "Alex Morgan"
    assert fields["subject_name"] == "Sam Weston"
    assert fields["subject_role"] == "Teaching assistant"
    assert fields["injury"] == "no"
    assert "referrer_phone" not in fields
    assert "referrer_email" not in fields


def test_generated_html_emails_extract_as_their_truth(schema: FormSchema, tmp_path: Path) -> None:
    for seed, blanks in ((21, ()), (22, ("employer",)), (23, ("referrer",))):
        case = generate_case(seed, form_layout="body", blank_sections=blanks)
        path = tmp_path / f"case-{seed}.eml"
        path.write_bytes(render_html_email(case))
        result = extract_path(path, schema).to_json()
        assert flatten_fields(result["fields"]) == flatten_fields(case.truth["fields"])
        assert result["missing_sections"] == case.truth["missing_sections"]
