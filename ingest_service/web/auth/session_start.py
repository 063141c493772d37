"""Starting a signed-in session, and where the browser may go once signed in."""

from __future__ import annotations

from starlette.requests import Request

from ingest_service.web.auth.csrf import renew_csrf_token
from ingest_service.web.auth.dependencies import SESSION_EPOCH, SESSION_USER
from ingest_service.web.auth.models import SignedInUser


def safe_next(target: str) -> str:
    """Where to go after signing in: a path on this site only, never another site."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def start_session(request: Request, user: SignedInUser) -> None:
    """A new session for the user: nothing kept from before, and a fresh CSRF token."""
    request.session.clear()
    request.session[SESSION_USER] = user.id
    request.session[SESSION_EPOCH] = user.session_epoch
    renew_csrf_token(request)
