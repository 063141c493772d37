"""Seeding the store for the case pages: a referral with its email and attachments, no intake."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import docx

from ingest_service.cases.reporting_fields import refresh_reporting_fields
from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import Attachment, Message, Referral, ReferralStatus
from tests.referrals import COMPLETE_FIELDS, RECEIVED

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The answers with the incident date missing, as the seeded referral's missing fields say.
FIELDS: dict[str, Any] = {k: v for k, v in COMPLETE_FIELDS.items() if k != "incident_date"}


@dataclass(frozen=True)
class Seeded:
    """What was stored: the referral's reference and its message and attachment ids."""

    reference: str
    message_id: int
    pdf_id: int
    docx_id: int


def email_bytes(subject: str, body: str) -> bytes:
    """A plain-text email as received."""
    return (
        "From: Head Teacher <head@example.sch.uk>\r\nTo: lado@example.org\r\n"
        f"Subject: {subject}\r\nMessage-ID: <seed@example.sch.uk>\r\n"
        "Date: Mon, 09 Mar 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"\r\n{body}\r\n"
    ).encode()


def docx_bytes(paragraph: str, cells: tuple[str, str]) -> bytes:
    """A Word document with one paragraph and a one-row table."""
    document = docx.Document()
    document.add_paragraph(paragraph)
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text, row.cells[1].text = cells
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def seed_referral(
    service: Service,
    number: int = 1,
    fields: dict[str, Any] | None = None,
    status: ReferralStatus = ReferralStatus.AWAITING_INFORMATION,
    subject: str = "LADO referral",
    body: str = "Please see the attached form.",
    docx_text: str = "Referral form",
) -> Seeded:
    """A referral with one stored email carrying a PDF and a Word attachment."""
    reference = f"LADO-2026-{number:06d}"
    raw = email_bytes(subject, body)
    pdf = PDF
    word = docx_bytes(docx_text, ("Name of adult", docx_text))
    with unit_of_work(service.sessions) as session:
        referral = Referral(
            reference=reference,
            status=status,
            received_at=RECEIVED,
            fields=dict(FIELDS if fields is None else fields),
            missing_fields=["incident_date"],
            missing_sections=["allegation"],
            classification={"allegation_types": ["physical"], "sector": "education"},
        )
        refresh_reporting_fields(referral, service.case_reporting)
        session.add(referral)
        session.flush()
        message = Message(
            mailbox="test:seed",
            mailbox_key=f"seed-{number}",
            message_id="<seed@example.sch.uk>",
            sender="head@example.sch.uk",
            subject=subject,
            received_at=RECEIVED,
            content_sha256=service.documents.put(raw),
            size_bytes=len(raw),
            referral_id=referral.id,
        )
        session.add(message)
        session.flush()
        attachments = [
            Attachment(
                message_id=message.id,
                position=position,
                filename=name,
                content_type=kind,
                size_bytes=len(data),
                content_sha256=service.documents.put(data),
            )
            for position, (name, kind, data) in enumerate(
                (("form.pdf", "application/pdf", pdf), ("form.docx", DOCX_TYPE, word))
            )
        ]
        session.add_all(attachments)
        session.flush()
        return Seeded(reference, message.id, attachments[0].id, attachments[1].id)
