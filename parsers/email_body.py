"""Finding a referral form pasted into an email body, without reply history or signature."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.document import Block, ParsedDocument, Provenance
from parsers.email_message import ReceivedEmail
from parsers.html_text import HtmlCell, html_content

MIN_FORM_LINES = 4
"""How many "Label: value" lines (or two-cell table rows) make a body a form."""

_LABEL_LINE = re.compile(r"^\s*[A-Z(][^:?]{1,80}[:?](\s|$)")
_QUOTE_START = re.compile(
    r"^\s*(-{2,}\s*original message\s*-{2,}|_{10,}\s*$|on\s.{4,200}\swrote:\s*$"
    r"|-{2,}\s*forwarded message\s*-{2,})",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(r"^\s*from:\s", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\s*(sent|date|to|subject):\s", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"^\s*(kind(est)? regards|best regards|warm(est)? regards|regards|best wishes|many thanks"
    r"|thanks|thank you|yours sincerely|yours faithfully|cheers|best)\b[\s,.!]*$",
    re.IGNORECASE,
)
_SIGNATURE_DELIMITER = re.compile(r"^-- ?$")
_SIGNATURE_LABEL_ALLOWANCE = 3


def parse_email_body(email: ReceivedEmail, source: str) -> ParsedDocument | None:
    """The form in the body as a document, or None when the body carries no form."""
    if email.body_html and "<table" in email.body_html.lower():
        document = _from_html(email.body_html, source)
        if document is not None:
            return document
    lines = own_text(email.body_text.splitlines())
    if sum(1 for line in lines if _LABEL_LINE.match(line)) < MIN_FORM_LINES:
        return None
    blocks = [
        Block("paragraph", line.strip(), Provenance(source, None, f"body line {number}"))
        for number, line in enumerate(lines, start=1)
        if line.strip()
    ]
    return ParsedDocument(source=source, format="email", blocks=blocks)


def own_text(lines: Sequence[str]) -> list[str]:
    """The sender's own lines: quoted history and the signature removed."""
    return [line for line in lines[: own_length(lines)] if not line.lstrip().startswith(">")]


def own_length(lines: Sequence[str]) -> int:
    """How many leading lines are the sender's own, before reply history or signature."""
    end = len(lines)
    for number, line in enumerate(lines):
        if _QUOTE_START.match(line) or _is_header_block(lines, number):
            end = number
            break
    return _signature_start(lines[:end])


def _is_header_block(lines: Sequence[str], number: int) -> bool:
    """A forwarded/replied header block: "From: ..." followed closely by "Sent:" etc."""
    if not _HEADER_FROM.match(lines[number]):
        return False
    return any(_HEADER_NEXT.match(line) for line in lines[number + 1 : number + 4])


def _signature_start(lines: Sequence[str]) -> int:
    """Where the signature starts: the "-- " delimiter, or a sign-off followed by little more
    than contact details."""
    for number, line in enumerate(lines):
        if _SIGNATURE_DELIMITER.match(line):
            return number
        if _SIGN_OFF.match(line):
            rest = lines[number + 1 :]
            if sum(1 for item in rest if _LABEL_LINE.match(item)) <= _SIGNATURE_LABEL_ALLOWANCE:
                return number
    return len(lines)


def _from_html(html: str, source: str) -> ParsedDocument | None:
    """Blocks from an HTML body with tables (as Outlook sends a pasted form)."""
    items = html_content(html).items
    stop = own_length([item if isinstance(item, str) else "" for item in items])
    blocks: list[Block] = []
    rows: set[tuple[int, int]] = set()
    for number, item in enumerate(items[:stop], start=1):
        if isinstance(item, HtmlCell):
            where = Provenance(source, None, f"body table {item.table} row {item.row}")
            blocks.append(Block("cell", item.text, where, item.table, item.row, item.col))
            if item.col >= 2 and item.text:
                rows.add((item.table, item.row))
        elif item.strip():
            blocks.append(Block("paragraph", item, Provenance(source, None, f"body line {number}")))
    if len(rows) < MIN_FORM_LINES:
        return None
    return ParsedDocument(source=source, format="email", blocks=blocks)
