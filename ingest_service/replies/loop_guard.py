"""Whether a message may get an automatic reply (RFC 3834), so the service never starts a loop."""

from __future__ import annotations

import re
from collections.abc import Mapping

_NO_REPLY_LOCAL_PARTS = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]daemon|postmaster|bounces?)([+\-.].*)?$",
    re.IGNORECASE,
)
_BULK_PRECEDENCE = {"bulk", "junk", "list"}
_SUPPRESSING = {"all", "autoreply", "oof"}


def outside_domains(sender: str, domains: tuple[str, ...]) -> bool:
    """Whether the sender's domain is neither one of `domains` nor below one (empty: any)."""
    if not domains:
        return False
    domain = sender.rsplit("@", 1)[-1].lower()
    return not any(domain == d.lower() or domain.endswith("." + d.lower()) for d in domains)


def refusal_reason(headers: Mapping[str, str], sender: str | None, own_address: str) -> str | None:
    """Why this message must not be answered automatically, or None if a reply is allowed.

    `headers` maps lower-case header names to values.
    """
    auto_submitted = headers.get("auto-submitted", "").strip().lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return "message is auto-submitted"
    if headers.get("return-path", "").strip() in ("<>", "< >"):
        return "message has an empty return path"
    if headers.get("precedence", "").strip().lower() in _BULK_PRECEDENCE:
        return "message is bulk or list mail"
    if any(name.startswith("list-") for name in headers):
        return "message came from a mailing list"
    suppress = {
        part.strip().lower() for part in headers.get("x-auto-response-suppress", "").split(",")
    }
    if suppress & _SUPPRESSING:
        return "sender asked for no automatic responses"
    if not sender or "@" not in sender:
        return "message has no usable sender address"
    if _NO_REPLY_LOCAL_PARTS.match(sender.split("@", 1)[0]):
        return "sender is a no-reply or system address"
    if sender.strip().lower() == own_address.strip().lower():
        return "message came from the LADO mailbox itself"
    return None
