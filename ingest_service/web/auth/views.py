"""Signing in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.database import unit_of_work
from ingest_service.web.auth import oidc_views
from ingest_service.web.auth import service as accounts
from ingest_service.web.auth.csrf import check_csrf
from ingest_service.web.auth.dependencies import AnyUser, ServiceDep
from ingest_service.web.auth.models import SignedInUser
from ingest_service.web.auth.session_start import safe_next, start_session
from ingest_service.web.auth.throttle import LoginThrottle
from ingest_service.web.templating import render

router = APIRouter(include_in_schema=False)
router.add_api_route("/sign-in/oidc", oidc_views.start)
router.add_api_route("/sign-in/oidc/callback", oidc_views.callback)


def _sign_in(service: Service, username: str, password: str) -> SignedInUser | None:
    with unit_of_work(service.sessions) as session:
        return accounts.sign_in(session, username, password)


def sign_in_form(
    request: Request, settings: Settings, next: str, error: str | None, status_code: int = 200
) -> HTMLResponse:
    """The sign-in page: the provider's button when configured, the form unless disabled."""
    return render(
        request,
        "auth/sign_in.html",
        None,
        status_code,
        next=safe_next(next),
        error=error,
        local_sign_in=settings.local_sign_in,
        provider_name=settings.oidc_provider_name if settings.oidc_issuer else None,
    )


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request, service: ServiceDep, next: str = "/") -> HTMLResponse:
    """The sign-in page."""
    return sign_in_form(request, service.settings, next, None)


@router.post("/sign-in")
async def sign_in(
    request: Request,
    service: ServiceDep,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2048)] = "/",
) -> Response:
    """Check the password, refusing a username and address after too many failures."""
    if not service.settings.local_sign_in:
        raise HTTPException(404, "Sign-in with local accounts is turned off.")
    await check_csrf(request)
    throttle: LoginThrottle = request.app.state.throttle
    address = request.client.host if request.client else "unknown"
    if await run_in_threadpool(throttle.refused, username, address):
        error = "Too many failed attempts. Wait 15 minutes before trying again."
        return sign_in_form(request, service.settings, next, error, 429)
    user = await run_in_threadpool(_sign_in, service, username, password)
    if user is None:
        await run_in_threadpool(throttle.failed, username, address)
        error = "Enter a correct username and password."
        return sign_in_form(request, service.settings, next, error, 401)
    await run_in_threadpool(throttle.succeeded, username, address)
    start_session(request, user)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/sign-out")
def sign_out(request: Request, user: AnyUser, service: ServiceDep) -> Response:
    """End the session, and every other session of the account (audited)."""
    with unit_of_work(service.sessions) as session:
        accounts.sign_out(session, user)
    request.session.clear()
    return RedirectResponse("/sign-in", status_code=303)
