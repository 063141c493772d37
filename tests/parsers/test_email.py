"""Reading emails and finding a form pasted into the body."""

from __future__ import annotations

from email.message import EmailMessage

from parsers.email_body import own_text, parse_email_body
from parsers.email_message import read_email, read_envelope
from parsers.extraction import extract_fields
from parsers.form_schema import FormSchema

FORM = """Please see the referral below.

SECTION 1: YOUR DETAILS
Your name: Ann Smith
Organisation: Hill School
Phone: 01632 960000
Date: 13.03.26

SECTION 2: DETAILS OF STAFF MEMBER
Name: Bob Jones
Job title: Teacher
"""
SIGNATURE = "\nKind regards\n\nAnn Smith\nHill School\nTel: 01632 999999\n"
HISTORY = "\nOn Mon, 9 Mar 2026 at 10:00, LADO <lado@example.org> wrote:\n> Name: Someone Else\n"


def _message(body: str, html: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = "Ann Smith <Ann@Example.org>"
    message["To"] = "LADO <lado@example.org>"
    message["Subject"] = "Referral"
    message["Date"] = "Fri, 13 Mar 2026 14:07:00 +0000"
    message["Auto-Submitted"] = "no"
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    message.add_attachment(
        b"\x89PNG", maintype="image", subtype="png", filename="logo.png", disposition="inline"
    )
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="form.pdf")
    return message.as_bytes()


def test_read_email_fields_and_attachments() -> None:
    email = read_email(_message(FORM))
    assert (email.sender_address, email.sender_name) == ("ann@example.org", "Ann Smith")
    assert email.sender == "ann@example.org"
    assert email.to == ("lado@example.org",)
    assert email.date is not None and email.date.tzinfo is not None
    assert email.headers == {"auto-submitted": "no"}
    assert [(a.filename, a.inline) for a in email.attachments] == [
        ("logo.png", True),
        ("form.pdf", False),
    ]


def test_malformed_mail_does_not_crash() -> None:
    email = read_email(b"From: <<<\nDate: yesterday\nContent-Type: multipart/mixed\n\n\xff\xfe")
    assert email.date is None
    assert email.attachments == ()


def test_body_form_without_history_or_signature(schema: FormSchema) -> None:
    email = read_email(_message(FORM + SIGNATURE + HISTORY))
    document = parse_email_body(email, "mail body")
    assert document is not None
    fields = extract_fields(document, schema).output_fields()
    assert fields["referrer_name"] == "Ann Smith"
    assert fields["referrer_phone"] == "01632 960000"
    assert fields["subject_name"] == "Bob Jones"
    assert fields["subject_role"] == "Teacher"
    assert "Someone Else" not in str(fields)


def test_quoted_history_markers() -> None:
    lines = ["Name: A", "-----Original Message-----", "Name: B"]
    assert own_text(lines) == ["Name: A"]
    outlook = ["Name: A", "From: X", "Sent: Monday", "Name: B"]
    assert own_text(outlook) == ["Name: A"]
    assert own_text(["Name: A", "> Name: B", "-- ", "Tel: 1"]) == ["Name: A"]


def test_body_without_form_is_none() -> None:
    email = read_email(_message("Please find the form attached." + SIGNATURE))
    assert parse_email_body(email, "mail body") is None


def test_html_table_form(schema: FormSchema) -> None:
    rows = "".join(
        f"<tr><td>{label}</td><td>{value}</td></tr>"
        for label, value in [
            ("Your name", "Ann Smith"),
            ("Organisation", "Hill School"),
            ("Email", "ann@example.org"),
            ("Date", "13/03/2026"),
        ]
    )
    html = f"<html><body><p>Referral</p><table>{rows}</table><p>Kind regards</p></body></html>"
    email = read_email(_message("see html", html))
    document = parse_email_body(email, "mail body")
    assert document is not None
    fields = extract_fields(document, schema).output_fields()
    assert fields["referrer_email"] == "ann@example.org"
    assert fields["referral_date"] == "2026-03-13"


def test_envelope_reads_the_ledger_headers_without_the_body() -> None:
    raw = (
        b"From: Head Teacher <Head@Example.sch.uk>\r\nSubject: LADO\r\n  referral\r\n"
        b"Message-ID: <abc@example.sch.uk>\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
        b"--x\r\nContent-Transfer-Encoding: base64\r\n\r\n%%% not base64 %%%\r\n"
    )
    envelope = read_envelope(raw)
    full = read_email(raw)
    assert (envelope.message_id, envelope.sender_address, envelope.subject) == (
        "<abc@example.sch.uk>",
        "head@example.sch.uk",
        "LADO referral",
    )
    assert (full.message_id, full.sender_address, full.subject) == (
        envelope.message_id,
        envelope.sender_address,
        envelope.subject,
    )
