"""FastAPI dependencies: the service, the signed-in user, and role checks with CSRF."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, cast

from fastapi import Depends, Request

from ingest_service.service import Service
from ingest_service.store.models import UserRole
from ingest_service.web.auth.csrf import check_csrf
from ingest_service.web.auth.models import CASEWORK_ROLES, MANAGER_ROLES, SignedInUser
from ingest_service.web.auth.service import find_user

SESSION_USER = "user_id"
SESSION_EPOCH = "session_epoch"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class NotSignedIn(Exception):
    """The request has no valid session."""


class NotAllowed(Exception):
    """The signed-in user's role may not do this."""


def get_service(request: Request) -> Service:
    """The service the app was created with."""
    return cast(Service, request.app.state.service)


ServiceDep = Annotated[Service, Depends(get_service)]


def signed_in_user(request: Request, service: ServiceDep) -> SignedInUser:
    """The session's user, read again from the store so that a removed account, or a session
    ended by signing out (the account's epoch moved on), is out at once."""
    user_id = request.session.get(SESSION_USER)
    if not isinstance(user_id, int):
        raise NotSignedIn
    with service.sessions() as session:
        user = find_user(session, user_id)
    if user is None or request.session.get(SESSION_EPOCH) != user.session_epoch:
        request.session.clear()
        raise NotSignedIn
    return user


def require_roles(*roles: UserRole) -> Callable[..., Awaitable[SignedInUser]]:
    """A dependency admitting these roles only; writes must also carry the CSRF token."""
    allowed = frozenset(roles)

    async def dependency(
        request: Request, user: Annotated[SignedInUser, Depends(signed_in_user)]
    ) -> SignedInUser:
        if user.role not in allowed:
            raise NotAllowed
        if request.method not in SAFE_METHODS:
            await check_csrf(request)
        return user

    return dependency


AnyUser = Annotated[SignedInUser, Depends(require_roles(*UserRole))]
Caseworker = Annotated[SignedInUser, Depends(require_roles(*CASEWORK_ROLES))]
Manager = Annotated[SignedInUser, Depends(require_roles(*MANAGER_ROLES))]
