"""Report tables as files: a zip of CSV files (one per table) or a workbook (one sheet each)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence

from openpyxl import Workbook

from ingest_service.reports.tables import Cell, ReportTable

CSV_MEDIA_TYPE = "application/zip"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TITLE_LIMIT = 31


def table_lines(table: ReportTable) -> Iterator[list[str | Cell]]:
    """The table as lines of cells: the heading line, the rows, then the total line."""
    yield [table.row_heading, *table.columns]
    for label, cells in table.rows:
        yield [label, *cells]
    if table.total is not None:
        yield ["Total", *table.total]


def table_csv(table: ReportTable) -> str:
    """One table as CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(table_lines(table))
    return buffer.getvalue()


def csv_zip(tables: Sequence[ReportTable]) -> bytes:
    """A zip holding `<table key>.csv` for each table (UTF-8 with a byte-order mark for Excel)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            archive.writestr(f"{table.key}.csv", "\ufeff" + table_csv(table))
    return buffer.getvalue()


def workbook(tables: Sequence[ReportTable]) -> bytes:
    """An XLSX workbook with one sheet per table, titled in the first row."""
    book = Workbook(write_only=True)
    for table in tables:
        sheet = book.create_sheet(title=table.key[:SHEET_TITLE_LIMIT])
        sheet.append([table.title])
        for line in table_lines(table):
            sheet.append(line)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
