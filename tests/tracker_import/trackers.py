"""Small hand-written trackers for the import tests (wholly fictional)."""

from __future__ import annotations

import csv
from pathlib import Path

HEADER = [
    "LADO ref",
    "Date of referral",
    "Contact type",
    "Employment sector",
    "Role",
    "Allegation category",
    "District",
    "Referral source",
    "SEND",
    "Child in care",
    "Outcome",
    "Date closed",
    "Worker notes",
]
GOOD = [
    [
        "L-001",
        "03/04/2025",
        "Allegation",
        "Schools",
        "Teacher",
        "Physical; Restraint",
        "North",
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
        "South",
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
        "North",
        "Health",
        "no",
        "yes",
        "Substantiated",
        "01/12/2025",
        "",
    ],
]
BAD = [
    [
        "L-001",
        "03/04/2025",
        "Allegation",
        "Schools",
        "Teacher",
        "Physical",
        "North",
        "School",
        "Yes",
        "No",
        "Unsubstantiated",
        "20/04/2025",
        "",
    ],
    [
        "L-002",
        "31/02/2025",
        "Allegation",
        "Schoools",
        "Teacher",
        "Physical",
        "North",
        "School",
        "Perhaps",
        "No",
        "",
        "",
        "",
    ],
    [
        "L-003",
        "10/05/2025",
        "",
        "Schools",
        "Teacher",
        "Physical; Shouting",
        "North",
        "School",
        "No",
        "No",
        "",
        "01/05/2025",
        "",
    ],
    [
        "L-001",
        "11/05/2025",
        "Consultation",
        "Schools",
        "Teacher",
        "",
        "North",
        "School",
        "No",
        "No",
        "",
        "",
        "",
    ],
]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    """A CSV tracker with the header and rows."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path
