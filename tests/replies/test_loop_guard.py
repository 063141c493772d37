"""The RFC 3834 loop guard: which messages never get an automatic reply."""

from __future__ import annotations

import pytest

from ingest_service.replies.loop_guard import refusal_reason

OWN = "lado@example.org"


@pytest.mark.parametrize(
    ("headers", "sender"),
    [
        ({"auto-submitted": "auto-replied"}, "head@example.sch.uk"),
        ({"auto-submitted": "auto-generated"}, "head@example.sch.uk"),
        ({"return-path": "<>"}, "head@example.sch.uk"),
        ({"precedence": "bulk"}, "head@example.sch.uk"),
        ({"precedence": "list"}, "head@example.sch.uk"),
        ({"list-id": "<news.example.org>"}, "head@example.sch.uk"),
        ({"list-unsubscribe": "<mailto:u@example.org>"}, "head@example.sch.uk"),
        ({"x-auto-response-suppress": "OOF, AutoReply"}, "head@example.sch.uk"),
        ({"x-auto-response-suppress": "All"}, "head@example.sch.uk"),
        ({}, "noreply@example.org"),
        ({}, "no-reply+tag@example.org"),
        ({}, "do_not_reply@example.org"),
        ({}, "MAILER-DAEMON@example.org"),
        ({}, "postmaster@example.org"),
        ({}, "LADO@example.org"),
        ({}, None),
    ],
)
def test_refused(headers: dict[str, str], sender: str | None) -> None:
    assert refusal_reason(headers, sender, OWN) is not None


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"auto-submitted": "no"},
        {"precedence": "normal"},
        {"x-auto-response-suppress": "DR, RN"},
        {"return-path": "<head@example.sch.uk>"},
    ],
)
def test_ordinary_referral_may_be_answered(headers: dict[str, str]) -> None:
    assert refusal_reason(headers, "head@example.sch.uk", OWN) is None
