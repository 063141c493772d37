"""The annual-report page and its CSV (zip) and XLSX downloads, for managers."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ingest_service.reports.exports import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, csv_zip, workbook
from ingest_service.reports.labels import ReportLabels
from ingest_service.reports.period import Period
from ingest_service.reports.tables import ReportTable, annual_report
from ingest_service.service import Service
from ingest_service.web.auth.dependencies import Manager, ServiceDep
from ingest_service.web.reports.period_query import SelectedPeriod
from ingest_service.web.templating import render

router = APIRouter(include_in_schema=False)


def _tables(service: Service, period: Period) -> list[ReportTable]:
    with service.sessions() as session:
        labels = ReportLabels.from_config(service.case_reporting)
        return annual_report(session, period, service.council.taxonomy, labels)


def _download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/reports/annual", response_class=HTMLResponse)
def annual_report_page(
    request: Request, user: Manager, service: ServiceDep, period: SelectedPeriod
) -> HTMLResponse:
    """Every annual-report table for the period, with download links."""
    tables = _tables(service, period)
    return render(request, "reports/annual.html", user, period=period, tables=tables)


@router.get("/reports/annual.csv.zip")
def annual_report_csv(user: Manager, service: ServiceDep, period: SelectedPeriod) -> Response:
    """The tables as CSV files, one per table, in a zip."""
    content = csv_zip(_tables(service, period))
    return _download(content, CSV_MEDIA_TYPE, f"lado-annual-report-{period.slug}-csv.zip")


@router.get("/reports/annual.xlsx")
def annual_report_xlsx(user: Manager, service: ServiceDep, period: SelectedPeriod) -> Response:
    """The tables as one workbook, a sheet per table."""
    content = workbook(_tables(service, period))
    return _download(content, XLSX_MEDIA_TYPE, f"lado-annual-report-{period.slug}.xlsx")
