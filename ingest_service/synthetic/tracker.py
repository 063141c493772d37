"""A seeded, wholly fictional council tracker of a year's LADO contacts (CSV or XLSX).

Its headers and wording are the ones config/tracker_import.yaml maps (roles, districts and
referral sources to the ids of config/case_reporting.yaml, as emailed referrals get), with
the small irregularities real trackers have: blank and "Not known" cells, two allegation
types in one cell, rows without a reference, and a free-text column the import ignores.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

HEADERS = (
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
    "Notes",
)
CONTACT_TYPES = (
    ("Allegation", 35),
    ("Consultation", 45),
    ("Information only", 15),
    ("Not for LADO", 5),
)
SECTORS = (
    "Schools",
    "Early years",
    "Foster care (LA)",
    "Foster care (IFA)",
    "Residential",
    "Health",
    "Transport",
    "Sport",
    "Faith",
    "Voluntary",
    "Police",
    "Other",
)
ROLES = (
    "Teacher",
    "Teaching assistant",
    "Foster carer",
    "Nursery worker",
    "Coach",
    "Residential worker",
    "Driver",
    "Nurse",
    "Volunteer",
    "Police officer",
    "Social worker",
)
TYPES = (
    "Physical",
    "Restraint",
    "Sexual",
    "Emotional",
    "Neglect",
    "Conduct",
    "Online",
    "Personal life",
    "Association",
)
DISTRICTS = (("Northgate", 36), ("Riverside", 30), ("Southfield", 28), ("Out of area", 6))
SOURCES = (
    "School",
    "Police",
    "Social care",
    "Health",
    "Parent",
    "Nursery",
    "Fostering",
    "Self-referral",
    "Other",
)
OUTCOMES = ("Substantiated", "Unsubstantiated", "Unfounded", "False", "Malicious")
NOTES = ("Advice given", "Strategy meeting held", "Employer to investigate", "")

TrackerCell = str | date | None


@dataclass(frozen=True)
class TrackerLine:
    """One tracker row: the received date and contact type wording, and every cell."""

    received: date
    contact_type: str
    cells: tuple[TrackerCell, ...]


def _yes_no(rng: random.Random) -> str:
    return rng.choice(("Yes", "No", "No", "No", "Not known", ""))


def tracker_lines(year: int, count: int, seed: int = 0) -> list[TrackerLine]:
    """`count` contacts received in `year`, oldest first."""
    rng = random.Random(seed)
    first = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - first).days
    received_days = sorted(first + timedelta(days=rng.randrange(days)) for _ in range(count))
    weights = [w for _, w in CONTACT_TYPES]
    lines = []
    for number, received in enumerate(received_days, start=1):
        contact = rng.choices([c for c, _ in CONTACT_TYPES], weights)[0]
        allegation = contact == "Allegation"
        types = rng.sample(TYPES, rng.choice((1, 1, 2))) if contact != "Not for LADO" else []
        closed = received + timedelta(days=rng.randint(3, 420)) if rng.random() < 0.8 else None
        cells: tuple[TrackerCell, ...] = (
            f"LADO/{year % 100:02d}/{number:04d}" if rng.random() > 0.05 else "",
            received,
            contact,
            rng.choice(SECTORS),
            rng.choice(ROLES),
            "; ".join(types),
            rng.choices([d for d, _ in DISTRICTS], [w for _, w in DISTRICTS])[0],
            rng.choice(SOURCES),
            _yes_no(rng),
            _yes_no(rng),
            rng.choice(OUTCOMES) if allegation and closed else "",
            closed,
            rng.choice(NOTES),
        )
        lines.append(TrackerLine(received, contact, cells))
    return lines


def write_tracker_csv(path: Path, lines: list[TrackerLine]) -> None:
    """The tracker as CSV, dates written day first (31/01/2025)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for line in lines:
            writer.writerow(
                [f"{c:%d/%m/%Y}" if isinstance(c, date) else (c or "") for c in line.cells]
            )


def write_tracker_xlsx(path: Path, lines: list[TrackerLine]) -> None:
    """The tracker as a workbook: real date cells, blank cells left empty."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tracker")
    sheet.append(list(HEADERS))
    for line in lines:
        sheet.append([c if c != "" else None for c in line.cells])
    book.save(path)
