"""Signing in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.web.auth import service as accounts
from ingest_service.web.auth.csrf import check_csrf, renew_csrf_token
from ingest_service.web.auth.dependencies import SESSION_USER, AnyUser, ServiceDep
from ingest_service.web.auth.models import SignedInUser
from ingest_service.web.auth.throttle import LoginThrottle
from ingest_service.web.templating import render

router = APIRouter(include_in_schema=False)


def safe_next(target: str) -> str:
    """Where to go after signing in: a path on this site only, never another site."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _sign_in(service: Service, username: str, password: str) -> SignedInUser | None:
    with unit_of_work(service.sessions) as session:
        return accounts.sign_in(session, username, password)


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request, next: str = "/") -> HTMLResponse:
    """The sign-in form."""
    return render(request, "auth/sign_in.html", None, next=safe_next(next), error=None)


@router.post("/sign-in")
async def sign_in(
    request: Request,
    service: ServiceDep,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2048)] = "/",
) -> Response:
    """Check the password, refusing a username and address after too many failures."""
    await check_csrf(request)
    throttle: LoginThrottle = request.app.state.throttle
    address = request.client.host if request.client else "unknown"
    if throttle.refused(username, address):
        error = "Too many failed attempts. Wait 15 minutes before trying again."
        return render(
            request, "auth/sign_in.html", None, 429, next=safe_next(next), error=error
        )
    user = await run_in_threadpool(_sign_in, service, username, password)
    if user is None:
        throttle.failed(username, address)
        error = "Enter a correct username and password."
        return render(
            request, "auth/sign_in.html", None, 401, next=safe_next(next), error=error
        )
    throttle.succeeded(username, address)
    request.session.clear()
    request.session[SESSION_USER] = user.id
    renew_csrf_token(request)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/sign-out")
def sign_out(request: Request, user: AnyUser, service: ServiceDep) -> Response:
    """End the session (audited)."""
    with unit_of_work(service.sessions) as session:
        accounts.sign_out(session, user)
    request.session.clear()
    return RedirectResponse("/sign-in", status_code=303)
