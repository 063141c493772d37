"""Signing in with OpenID Connect: off to the provider, and back with a code to redeem.

The routes are added to the sign-in router by `auth.views`.
"""

from __future__ import annotations

import logging
import threading
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ingest_service.store.database import unit_of_work
from ingest_service.web.auth.dependencies import ServiceDep
from ingest_service.web.auth.oidc_accounts import NoMappedRole, UsernameTaken, sign_in_with_oidc
from ingest_service.web.auth.oidc_pending import PendingSignIn, StateMismatch
from ingest_service.web.auth.oidc_provider import OidcProvider, ProviderError, http_client
from ingest_service.web.auth.oidc_tokens import TokenRefused, verify_id_token
from ingest_service.web.auth.session_start import safe_next, start_session
from ingest_service.web.templating import render

NO_ROLE = (
    "Your account has no role in LADO intake. Ask your administrator to assign you one "
    "of its app roles in Microsoft Entra ID, then sign in again."
)
NAME_TAKEN = "Another account already uses your sign-in name. Ask your administrator."
STATE_MISMATCH = "This sign-in was not started here, or has already been used. Sign in again."
REFUSED = "Your identity provider's answer could not be trusted. Sign in again."
UNREACHABLE = "Your identity provider could not be reached. Try again in a few minutes."

logger = logging.getLogger(__name__)
_provider_lock = threading.Lock()


def get_provider(request: Request, service: ServiceDep) -> OidcProvider:
    """The app's provider, made on first use; 404 when OpenID sign-in is not configured."""
    settings = service.settings
    if not settings.oidc_issuer:
        raise HTTPException(404, "Sign-in with an identity provider is not set up.")
    with _provider_lock:
        provider = getattr(request.app.state, "oidc_provider", None)
        if not isinstance(provider, OidcProvider):
            provider = OidcProvider(settings, http_client(settings))
            request.app.state.oidc_provider = provider
    return provider


ProviderDep = Annotated[OidcProvider, Depends(get_provider)]


def refused(request: Request, message: str, status_code: int = 403) -> HTMLResponse:
    """The page telling someone why they are not signed in."""
    return render(request, "auth/oidc_refused.html", None, status_code, message=message)


def start(request: Request, provider: ProviderDep, next: str = "/") -> Response:
    """Send the browser to the provider with a fresh state, nonce and PKCE challenge."""
    pending = PendingSignIn.start(safe_next(next))
    try:
        url = provider.authorization_url(pending.authorization_request)
    except ProviderError as exc:
        logger.warning("OpenID provider unavailable: %s", exc)
        return refused(request, UNREACHABLE, 502)
    pending.keep(request.session)
    return RedirectResponse(url, status_code=303)


def callback(
    request: Request,
    provider: ProviderDep,
    service: ServiceDep,
    state: Annotated[str, Query(max_length=512)] = "",
    code: Annotated[str, Query(max_length=4096)] = "",
    error: Annotated[str, Query(max_length=256)] = "",
) -> Response:
    """Check the state, redeem the code, check the ID token, then sign the account in."""
    try:
        pending = PendingSignIn.take(request.session, state)
    except StateMismatch:
        return refused(request, STATE_MISMATCH)
    if error or not code:
        logger.info("OpenID sign-in not completed by the provider: %r", error or "no code")
        return refused(request, REFUSED)
    try:
        token = provider.redeem_code(code, pending.code_verifier)
        identity = verify_id_token(provider, token, pending.nonce)
    except ProviderError as exc:
        logger.warning("OpenID provider unavailable: %s", exc)
        return refused(request, UNREACHABLE, 502)
    except TokenRefused as exc:
        logger.warning("OpenID ID token refused: %s", exc)
        return refused(request, REFUSED)
    try:
        with unit_of_work(service.sessions) as session:
            user = sign_in_with_oidc(session, identity, service.settings.oidc_role_map)
    except NoMappedRole:
        return refused(request, NO_ROLE)
    except UsernameTaken:
        return refused(request, NAME_TAKEN)
    start_session(request, user)
    return RedirectResponse(pending.next, status_code=303)
