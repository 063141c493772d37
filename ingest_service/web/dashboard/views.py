"""The manager's dashboard page: intake charts, open cases and timeliness for a period."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ingest_service.reports.labels import ReportLabels
from ingest_service.reports.period import local_today
from ingest_service.web.auth.dependencies import Manager, ServiceDep
from ingest_service.web.charts import bar_chart, column_chart
from ingest_service.web.dashboard.service import dashboard
from ingest_service.web.reports.period_query import SelectedPeriod
from ingest_service.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(
    request: Request, user: Manager, service: ServiceDep, period: SelectedPeriod
) -> HTMLResponse:
    """Charts with their tables for the period (default: the last twelve months)."""
    with service.sessions() as session:
        figures = dashboard(
            session,
            period,
            service.council.taxonomy,
            ReportLabels.from_config(service.case_reporting),
            local_today(),
        )
    return render(
        request,
        "dashboard/dashboard.html",
        user,
        figures=figures,
        period=period,
        bar_chart=bar_chart,
        column_chart=column_chart,
    )
