"""A synthetic referral pasted into an Outlook-style HTML email: the form as an HTML table,
then a signature, then the quoted earlier message (which has a form table of its own)."""

from __future__ import annotations

import random
from datetime import UTC, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from html import escape

from ingest_service.synthetic.model import Case, FormSection
from ingest_service.synthetic.render_email import LADO_ADDRESS, NUMBERED, message_id

_HEAD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w="urn:schemas-microsoft-com:office:word"><head>'
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    "<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:Calibri} --></style>"
    '</head><body lang="EN-GB"><div class="WordSection1">'
)
_TABLE = (
    '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
    'style="border-collapse:collapse;border:none">'
)
_EARLIER_LABELS = ("Name", "Date of birth", "Name of setting", "Details of the allegation")
_DISCLAIMER = (
    "This email and any files sent with it are confidential and intended only for the "
    "person to whom it is addressed."
)


def render_html_email(case: Case) -> bytes:
    """The email as bytes: text/plain and text/html alternatives of the same pasted form."""
    rng = random.Random(f"{case.name}|html")
    message = EmailMessage()
    message["From"] = formataddr((case.referrer.name, case.referrer.email))
    message["To"] = LADO_ADDRESS
    message["Subject"] = f"RE: LADO referral - {case.setting}"
    message["Date"] = format_datetime(case.sent_at.replace(tzinfo=UTC))
    message["Message-ID"] = message_id(case)
    message.set_content(_plain(case), cte="quoted-printable")
    message.add_alternative(_html(case, rng), subtype="html", cte="quoted-printable")
    return message.as_bytes()


def _p(html: str) -> str:
    return f'<p class="MsoNormal">{html}<o:p></o:p></p>'


def _html(case: Case, rng: random.Random) -> str:
    parts = [_HEAD, _p("Good morning,"), _p("&nbsp;"), _p("Please see our LADO referral below.")]
    parts += [_p("&nbsp;"), _p(f"<b>{escape(case.form_title.upper())}</b>"), _TABLE]
    for number, section in enumerate(case.sections, start=1):
        parts.append(_section_rows(number, section))
    parts += ["</table>", _p("&nbsp;"), _p("Kind regards"), _p("&nbsp;")]
    parts.append(_signature(case, rng))
    parts.append(_quoted(case, rng))
    parts.append("</div></body></html>")
    return "".join(parts)


def _section_rows(number: int, section: FormSection) -> str:
    title = escape(f"Section {number}: {NUMBERED.sub('', section.heading)}")
    rows = [f'<tr><td colspan="2" style="background:#D9E2F3">{_p(f"<b>{title}</b>")}</td></tr>']
    for row in section.rows:
        if row.field_id is None:
            rows.append(f'<tr><td colspan="2">{_p(f"<b>{escape(row.label)}</b>")}</td></tr>')
            continue
        value = "".join(_p(escape(line) or "&nbsp;") for line in row.text.split("\n"))
        rows.append(
            f'<tr><td width="240" valign="top">{_p(escape(row.label))}</td>'
            f'<td valign="top">{value}</td></tr>'
        )
    return "".join(rows)


def _signature(case: Case, rng: random.Random) -> str:
    """Name and role, then contact details as lines or as a small table."""
    referrer = case.referrer
    lines = [
        _p(f"<b>{escape(referrer.name)}</b>"),
        _p(escape(referrer.role)),
        _p(escape(referrer.organisation)),
    ]
    if rng.random() < 0.5:
        lines.append(
            "<table><tr><td>Tel</td><td>"
            f"{escape(referrer.phone)}</td></tr><tr><td>Email</td><td>"
            f"{escape(referrer.email)}</td></tr></table>"
        )
    else:
        lines += [_p(f"Tel: {escape(referrer.phone)}"), _p(f"Email: {escape(referrer.email)}")]
    lines.append(f'<p class="MsoNormal" style="font-size:8.0pt">{_DISCLAIMER}</p>')
    return "".join(lines)


def _quoted(case: Case, rng: random.Random) -> str:
    """The LADO's earlier message, with an empty form table, below an Outlook header."""
    earlier = case.sent_at - timedelta(days=1, hours=2)
    header = _p(
        f"<b>From:</b> {escape(LADO_ADDRESS)}<br><b>Sent:</b> {earlier:%d %B %Y %H:%M}<br>"
        f"<b>To:</b> {escape(case.referrer.email)}<br><b>Subject:</b> LADO referral"
    )
    rows = "".join(
        f"<tr><td>{_p(label)}</td><td>{_p('&nbsp;')}</td></tr>" for label in _EARLIER_LABELS
    )
    body = (
        _p("Thank you for your call. Please complete the form below and send it back to us.")
        + _TABLE
        + rows
        + "</table>"
        + _p("LADO Team")
    )
    if rng.random() < 0.5:
        return f'<div id="divRplyFwdMsg" dir="ltr">{header}</div>{body}'
    border = "border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"
    return f'<div style="{border}">{header}</div>{body}'


def _plain(case: Case) -> str:
    """The text/plain alternative Outlook sends: one "label<TAB>answer" line per row."""
    lines = ["Good morning,", "", "Please see our LADO referral below.", "", case.form_title]
    for number, section in enumerate(case.sections, start=1):
        lines += ["", f"Section {number}: {NUMBERED.sub('', section.heading)}"]
        for row in section.rows:
            lines.append(row.label if row.field_id is None else f"{row.label}\t{row.text}")
    referrer = case.referrer
    lines += ["", "Kind regards", "", referrer.name, referrer.role, referrer.organisation]
    return "\n".join(lines) + "\n"
