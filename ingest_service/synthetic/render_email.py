"""A synthetic referral as an RFC 5322 email: the form pasted in the body, or attached."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from ingest_service.synthetic.model import Attachment, Case
from ingest_service.synthetic.render_docx import paragraph_line, render_docx
from ingest_service.synthetic.render_pdf import render_pdf

LADO_ADDRESS = formataddr(("LADO Team", "lado@example.org"))
NUMBERED = re.compile(r"^Section \d+:\s*", re.IGNORECASE)
DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def render_email(case: Case, attach: Attachment | None) -> bytes:
    """The email as bytes: a covering note with the form attached, or the form in the body."""
    message = EmailMessage()
    message["From"] = formataddr((case.referrer.name, case.referrer.email))
    message["To"] = LADO_ADDRESS
    message["Subject"] = f"LADO referral - {case.setting}"
    message["Date"] = format_datetime(case.sent_at.replace(tzinfo=UTC))
    message["Message-ID"] = message_id(case)
    if attach is None:
        message.set_content(_body_form(case), cte="quoted-printable")
    else:
        message.set_content(_covering_note(case), cte="quoted-printable")
        if attach == "docx":
            maintype, subtype = DOCX_TYPE
            data, suffix = render_docx(case), "docx"
        else:
            (maintype, subtype), data, suffix = ("application", "pdf"), render_pdf(case), "pdf"
        message.add_attachment(
            data, maintype=maintype, subtype=subtype, filename=_attachment_name(case, suffix)
        )
        message.set_boundary(f"=============== synthetic {_digest(case)} ==")
    return message.as_bytes()


def message_id(case: Case) -> str:
    """A stable Message-ID for the case."""
    return f"<{case.name}.{case.sent_at:%Y%m%d}.{_digest(case)}@example.org>"


def _digest(case: Case) -> str:
    return hashlib.sha256(f"{case.name}|{case.sent_at.isoformat()}".encode()).hexdigest()[:12]


def _attachment_name(case: Case, suffix: str) -> str:
    organisation = re.sub(r"[^\w' -]+", "", case.referrer.organisation).strip()
    return f"LADO referral form - {organisation}.{suffix}"


def _signature(case: Case) -> str:
    return f"Kind regards\n\n{case.referrer.name}\n{case.referrer.organisation}\n"


def _covering_note(case: Case) -> str:
    return (
        "Good afternoon,\n\n"
        f"Please find attached a LADO referral about a member of staff at {case.setting}. "
        "I am available this afternoon if you need anything further.\n\n" + _signature(case)
    )


def _body_form(case: Case) -> str:
    """The form as "Label: value" lines under "SECTION n: ..." headings."""
    lines = ["Please see our LADO referral below.", "", case.form_title.upper(), ""]
    for number, section in enumerate(case.sections, start=1):
        title = NUMBERED.sub("", section.heading)
        lines += [f"SECTION {number}: {title.upper()}", ""]
        for row in section.rows:
            if row.field_id is None:
                lines.append(row.label)
            elif "\n" in row.text:
                lines.append(paragraph_line(row.__class__(row.label, "")))
                lines.append("\n\n".join(row.text.split("\n")))
            else:
                lines.append(paragraph_line(row))
        lines.append("")
    return "\n".join(lines) + "\n" + _signature(case)
