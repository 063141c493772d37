"""Readable names for stored ids until the council's own labels are looked up."""

from __future__ import annotations

from datetime import date

NOT_RECORDED = "Not recorded"
ACRONYMS = frozenset({"lado", "send", "la", "ifa", "nhs", "cic", "sen", "gp", "camhs", "ofsted"})


def humanise(value: str | None) -> str:
    """`fostering_la` -> "Fostering LA"; None -> "Not recorded"."""
    if not value:
        return NOT_RECORDED
    words = [w.upper() if w in ACRONYMS else w for w in value.replace("-", "_").split("_") if w]
    if not words:
        return NOT_RECORDED
    first = words[0]
    return " ".join([first if first.isupper() else first.capitalize(), *words[1:]])


def month_label(month: str) -> str:
    """`2025-04` -> "Apr 2025"."""
    year, number = month.split("-")
    return f"{date(int(year), int(number), 1):%b %Y}"


def week_label(monday: str) -> str:
    """`2025-04-07` -> "7 Apr 2025"."""
    day = date.fromisoformat(monday)
    return f"{day.day} {day:%b %Y}"
