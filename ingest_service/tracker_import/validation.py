"""Checking every tracker row before anything is written: parsed rows, or every problem."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ingest_service.store.models import CaseOutcome, ContactType
from ingest_service.tracker_import.config import REQUIRED, TrackerConfig, TrackerField, fold
from ingest_service.tracker_import.reading import Cell, TrackerSheet
from ingest_service.tracker_import.vocabulary import Vocabulary

REFERENCE_LIMIT = 32


@dataclass(frozen=True)
class RowProblem:
    """Why one cell cannot be imported."""

    row: int
    column: str
    problem: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column!r}: {self.problem}"


@dataclass(frozen=True)
class TrackerRow:
    """One tracker row, in our ids."""

    row: int
    reference: str | None
    received_on: date
    contact_type: ContactType
    sector: str | None
    role_category: str | None
    allegation_types: tuple[str, ...]
    district: str | None
    referral_source: str | None
    any_child_send: bool | None
    any_child_in_care: bool | None
    outcome: CaseOutcome | None
    closed_on: date | None


@dataclass(frozen=True)
class Validated:
    """The parsed rows, and the problems found (import only when there are none)."""

    rows: tuple[TrackerRow, ...]
    problems: tuple[RowProblem, ...]


class CellError(ValueError):
    """A cell's value does not fit its field."""


class CellReader:
    """Turns one cell into the value of its field, by the council's mapping."""

    def __init__(self, config: TrackerConfig, vocabulary: Vocabulary) -> None:
        self.config = config
        self.vocabulary = vocabulary
        self.tables = {field: config.table(field) for field in TrackerField}
        self.unknown = {fold(w) for w in config.unknown_words}

    def text(self, cell: Cell) -> str | None:
        """The cell as trimmed text; blank or an "unknown" word is None."""
        if cell is None:
            return None
        if isinstance(cell, float) and cell.is_integer():
            cell = int(cell)
        value = str(cell).strip()
        return None if not value or fold(value) in self.unknown else value

    def day(self, cell: Cell) -> date | None:
        """A date cell, or text in one of the configured (UK) formats."""
        if isinstance(cell, datetime):
            return cell.date()
        if isinstance(cell, date):
            return cell
        value = self.text(cell)
        if value is None:
            return None
        for pattern in self.config.date_formats:
            try:
                return datetime.strptime(value, pattern).date()
            except ValueError:
                continue
        raise CellError(f"{value!r} is not a date (expected a form like 31/01/2025)")

    def code(self, field: TrackerField, cell: Cell) -> str | None:
        """The id the wording maps to: the value table, else our id or its name."""
        value = self.text(cell)
        if value is None:
            return None
        table = self.tables[field]
        found = table.get(fold(value)) or self.vocabulary.match(field, value)
        if found is None:
            accepted = ", ".join(self.vocabulary.names[field].values())
            raise CellError(
                f"{value!r} is not a known {field.value.replace('_', ' ')}; accepted: "
                f"{accepted}, or wording listed under values.{field.value} in tracker_import.yaml"
            )
        return found

    def codes(self, field: TrackerField, cell: Cell) -> tuple[str, ...]:
        """Several ids in one cell, split on the configured separators, each once."""
        value = self.text(cell) or ""
        for separator in self.config.list_separators:
            value = value.replace(separator, "\n")
        found = [self.code(field, part) for part in value.split("\n")]
        return tuple(dict.fromkeys(c for c in found if c is not None))

    def flag(self, cell: Cell) -> bool | None:
        """Yes, no, or not known."""
        if isinstance(cell, bool):
            return cell
        value = self.text(cell)
        if value is None:
            return None
        if fold(value) in {fold(w) for w in self.config.yes_words}:
            return True
        if fold(value) in {fold(w) for w in self.config.no_words}:
            return False
        raise CellError(f"{value!r} is not yes or no")

    def read(self, field: TrackerField, cell: Cell) -> Any:
        """The field's value from the cell."""
        match field:
            case TrackerField.RECEIVED_ON | TrackerField.CLOSED_ON:
                return self.day(cell)
            case TrackerField.ANY_CHILD_SEND | TrackerField.ANY_CHILD_IN_CARE:
                return self.flag(cell)
            case TrackerField.ALLEGATION_TYPES:
                return self.codes(field, cell)
            case TrackerField.REFERENCE:
                reference = self.text(cell)
                if reference is not None and len(reference) > REFERENCE_LIMIT:
                    raise CellError(f"a reference has at most {REFERENCE_LIMIT} characters")
                return reference
            case _:
                return self.code(field, cell)


def _column_positions(
    sheet: TrackerSheet, config: TrackerConfig
) -> tuple[dict[TrackerField, tuple[str, int]], list[RowProblem]]:
    folded = [fold(h) for h in sheet.headers]
    positions: dict[TrackerField, tuple[str, int]] = {}
    problems = []
    for header, field in config.columns.items():
        if fold(header) in folded:
            positions[field] = (header, folded.index(fold(header)))
        else:
            problems.append(RowProblem(1, header, "the tracker has no such column"))
    return positions, problems


def _parse_row(
    number: int,
    cells: tuple[Cell, ...],
    positions: dict[TrackerField, tuple[str, int]],
    reader: CellReader,
) -> tuple[TrackerRow | None, list[RowProblem]]:
    values: dict[str, Any] = {field.value: None for field in TrackerField}
    values[TrackerField.ALLEGATION_TYPES.value] = ()
    problems = []
    for field, (header, index) in positions.items():
        cell = cells[index] if index < len(cells) else None
        try:
            values[field.value] = reader.read(field, cell)
        except CellError as exc:
            problems.append(RowProblem(number, header, str(exc)))
            continue
        if field in REQUIRED and values[field.value] is None:
            problems.append(RowProblem(number, header, "is required"))
    received, closed = values["received_on"], values["closed_on"]
    if received is not None and closed is not None and closed < received:
        header = positions[TrackerField.CLOSED_ON][0]
        problems.append(RowProblem(number, header, "is before the date of referral"))
    if problems:
        return None, problems
    values["contact_type"] = ContactType(values["contact_type"])
    if values["outcome"] is not None:
        values["outcome"] = CaseOutcome(values["outcome"])
    return TrackerRow(row=number, **values), []


def validate(sheet: TrackerSheet, config: TrackerConfig, vocabulary: Vocabulary) -> Validated:
    """Every row parsed, or every problem in every row (missing columns, values, repeats)."""
    positions, problems = _column_positions(sheet, config)
    if problems:
        return Validated((), tuple(problems))
    reader = CellReader(config, vocabulary)
    rows: list[TrackerRow] = []
    first_seen: dict[str, int] = {}
    for number, cells in sheet.rows:
        row, found = _parse_row(number, cells, positions, reader)
        problems.extend(found)
        if row is None:
            continue
        if row.reference is not None:
            if row.reference in first_seen:
                header = positions[TrackerField.REFERENCE][0]
                seen = first_seen[row.reference]
                problems.append(RowProblem(number, header, f"repeats the reference of row {seen}"))
                continue
            first_seen[row.reference] = number
        rows.append(row)
    return Validated(tuple(rows), tuple(problems))
