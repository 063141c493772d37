"""CSRF protection: one random token per session, sent back with every form or API write."""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request

SESSION_KEY = "csrf"
FORM_FIELD = "csrf_token"
HEADER = "x-csrf-token"


class CsrfRefused(Exception):
    """A state-changing request without the session's CSRF token."""


def csrf_token(request: Request) -> str:
    """The session's token, made on first use."""
    token = request.session.get(SESSION_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = token
    return token


def renew_csrf_token(request: Request) -> None:
    """A fresh token, for a session that has just signed in."""
    request.session[SESSION_KEY] = secrets.token_urlsafe(32)


async def check_csrf(request: Request) -> None:
    """Raise CsrfRefused unless the form field or header carries the session's token."""
    expected = request.session.get(SESSION_KEY)
    supplied: object = request.headers.get(HEADER)
    if supplied is None:
        supplied = (await request.form()).get(FORM_FIELD)
    if not (
        isinstance(expected, str)
        and isinstance(supplied, str)
        and hmac.compare_digest(expected.encode(), supplied.encode())
    ):
        raise CsrfRefused
