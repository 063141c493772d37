"""Reading the annual-report downloads back: a table as {row label: {column: value}}."""

from __future__ import annotations

import csv
import io
import zipfile

from openpyxl import load_workbook

Table = dict[str, dict[str, str]]


def _as_table(lines: list[list[str]]) -> Table:
    header, *body = lines
    return {line[0]: dict(zip(header[1:], line[1:], strict=True)) for line in body}


def csv_tables(content: bytes) -> dict[str, Table]:
    """Each CSV file of the zip, by its name without .csv."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {
            name.removesuffix(".csv"): _as_table(
                list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
            )
            for name in archive.namelist()
        }


def xlsx_tables(content: bytes) -> dict[str, Table]:
    """Each sheet of the workbook (its first row is the title), by sheet name."""
    book = load_workbook(io.BytesIO(content), read_only=True)
    tables = {}
    for sheet in book.worksheets:
        lines = [
            ["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)
        ]
        tables[sheet.title] = _as_table(lines[1:])
    book.close()
    return tables
