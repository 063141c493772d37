"""The start page: what this user's role lets them open."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ingest_service.web.auth.dependencies import AnyUser
from ingest_service.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def start_page(request: Request, user: AnyUser) -> HTMLResponse:
    """Links to the pages the user may use."""
    return render(request, "start.html", user)
