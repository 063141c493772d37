"""Reading a tracker file's header and rows, numbered as the spreadsheet numbers them."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

Cell = str | int | float | date | datetime | None


class UnreadableTracker(ValueError):
    """The file is not a tracker we can read (its type, or no header row)."""


@dataclass(frozen=True)
class TrackerSheet:
    """The header row and every non-blank row below it, with its row number."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _numbered(lines: Iterator[tuple[Cell, ...]]) -> TrackerSheet:
    header = next(lines, None)
    if header is None or all(_blank(c) for c in header):
        raise UnreadableTracker("the first row must hold the column headers")
    headers = tuple("" if c is None else str(c).strip() for c in header)
    rows = tuple(
        (number, line) for number, line in enumerate(lines, start=2) if not all(map(_blank, line))
    )
    return TrackerSheet(headers, rows)


def read_csv(path: Path) -> TrackerSheet:
    """A CSV tracker (UTF-8, with or without a byte-order mark)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return _numbered(tuple(line) for line in csv.reader(handle))


def read_xlsx(path: Path, sheet: str | None) -> TrackerSheet:
    """An XLSX tracker's named sheet, else its first; date cells come back as dates."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise UnreadableTracker(f"the workbook has no sheet named {sheet!r}")
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        return _numbered(tuple(line) for line in worksheet.iter_rows(values_only=True))
    finally:
        book.close()


def read_tracker(path: Path, sheet: str | None = None) -> TrackerSheet:
    """The tracker in a .csv or .xlsx file."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    if suffix == ".csv":
        return read_csv(path)
    if suffix in {".xlsx", ".xlsm"}:
        return read_xlsx(path, sheet)
    raise UnreadableTracker(f"{path.name}: a tracker must be a .csv or .xlsx file")
