"""Small hand-written trackers for the import tests (wholly fictional)."""

from __future__ import annotations

import csv
from pathlib import Path

from ingest_service.synthetic.tracker import HEADERS

# The synthetic tracker's headers, with the ignored free-text column named differently.
HEADER = [*HEADERS[:-1], "Worker notes"]
_KEYS = [header.lower().replace(" ", "_") for header in HEADER]


def changed(row: list[str], **cells: str) -> list[str]:
    """The row with some cells replaced, each named by its header in snake case."""
    unknown = set(cells) - set(_KEYS)
    assert not unknown, f"no such column: {unknown}"
    return [cells.get(_KEYS[i], cell) for i, cell in enumerate(row)]


GOOD = [
    [
        "L-001",
        "03/04/2025",
        "Allegation",
        "Schools",
        "Teacher",
        "Physical; Restraint",
        "Northgate",
        "School",
        "Yes",
        "No",
        "Unsubstantiated",
        "20/04/2025",
        "advice given",
    ],
    [
        "L-002",
        "15/04/25",
        "advice",
        "Early Years",
        "Nursery worker",
        "",
        "riverside",
        "Police",
        "Not known",
        "",
        "",
        "",
        "",
    ],
    [
        "",
        "1 May 2025",
        "ALLEGATION",
        "health",
        "Nurse",
        "Neglect, Conduct",
        "Outside  the Area",
        "Health",
        "no",
        "yes",
        "Substantiated",
        "01/12/2025",
        "",
    ],
]
_VALID = changed(GOOD[0], allegation_category="Physical", worker_notes="")
BAD = [
    _VALID,
    changed(
        _VALID,
        lado_ref="L-002",
        date_of_referral="31/02/2025",
        employment_sector="Schoools",
        send="Perhaps",
        outcome="",
        date_closed="",
    ),
    changed(
        _VALID,
        lado_ref="L-003",
        date_of_referral="10/05/2025",
        contact_type="",
        allegation_category="Physical; Shouting",
        send="No",
        outcome="",
        date_closed="01/05/2025",
    ),
    changed(
        _VALID,
        date_of_referral="11/05/2025",
        contact_type="Consultation",
        allegation_category="",
        send="No",
        outcome="",
        date_closed="",
    ),
]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    """A CSV tracker with the header and rows."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path
