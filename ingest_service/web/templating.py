"""Jinja2 templates (autoescaped) and rendering a page with the session's CSRF token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ingest_service.web.auth.csrf import csrf_token
from ingest_service.web.auth.models import SignedInUser

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

templates = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=StrictUndefined
    )
)


def render(
    request: Request,
    template: str,
    user: SignedInUser | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """A page for this user, its forms carrying the session's CSRF token."""
    return templates.TemplateResponse(
        request,
        template,
        {"user": user, "csrf_token": csrf_token(request), **context},
        status_code=status_code,
    )
