"""How refusals look: sign-in redirects for pages, JSON for the API, plain pages otherwise."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from ingest_service.web.auth.csrf import CsrfRefused
from ingest_service.web.auth.dependencies import NotAllowed, NotSignedIn
from ingest_service.web.templating import render

API_PREFIX = "/api/"


def is_api(request: Request) -> bool:
    """Whether the request is a JSON API call."""
    return request.url.path.startswith(API_PREFIX)


def refusal(request: Request, status_code: int, message: str) -> Response:
    """The error as JSON for the API, else as a page."""
    if is_api(request):
        return JSONResponse({"detail": message}, status_code=status_code)
    return render(request, "error.html", None, status_code=status_code, message=message)


def add_error_handlers(app: FastAPI) -> None:
    """Register the handlers for sign-in, role, CSRF and HTTP errors."""

    async def not_signed_in(request: Request, _: Exception) -> Response:
        if is_api(request):
            return JSONResponse({"detail": "sign in required"}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/sign-in?next={quote(target, safe='')}", status_code=303)

    async def not_allowed(request: Request, _: Exception) -> Response:
        return refusal(request, 403, "Your role does not give you access to this page.")

    async def csrf_refused(request: Request, _: Exception) -> Response:
        return refusal(
            request, 403, "The form has expired. Go back, reload the page and try again."
        )

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return refusal(request, exc.status_code, str(exc.detail))

    app.add_exception_handler(NotSignedIn, not_signed_in)
    app.add_exception_handler(NotAllowed, not_allowed)
    app.add_exception_handler(CsrfRefused, csrf_refused)
    app.add_exception_handler(HTTPException, http_error)
