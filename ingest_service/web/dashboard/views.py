"""The manager's dashboard page (a first placeholder: intake by month and status)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ingest_service.store.models import ReferralStatus
from ingest_service.web.auth.dependencies import Manager, ServiceDep
from ingest_service.web.dashboard.service import intake_by_month
from ingest_service.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, user: Manager, service: ServiceDep) -> HTMLResponse:
    """Intake counts by month and status."""
    with service.sessions() as session:
        intake = intake_by_month(session)
    return render(
        request, "dashboard/dashboard.html", user, intake=intake, statuses=list(ReferralStatus)
    )
