"""Checking an ID token with PyJWT: signature, issuer, audience, expiry and nonce."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

import jwt

from ingest_service.web.auth.oidc_provider import OidcProvider

ALGORITHMS = ["RS256"]  # what Entra ID signs with; "none" and HMAC are never accepted
LEEWAY_SECONDS = 60
REQUIRED_CLAIMS = ["iss", "aud", "sub", "exp", "iat", "nonce"]


class TokenRefused(Exception):
    """An ID token that must not sign anyone in; the message says why, without its content."""


@dataclass(frozen=True)
class Identity:
    """Who the provider says signed in."""

    issuer: str
    subject: str
    username: str | None
    roles: tuple[str, ...]


def verify_id_token(provider: OidcProvider, token: str, nonce: str) -> Identity:
    """The token's identity, or TokenRefused."""
    try:
        key_id = jwt.get_unverified_header(token).get("kid")
    except jwt.InvalidTokenError:
        raise TokenRefused("not a signed token") from None
    key = provider.signing_key(key_id) if isinstance(key_id, str) else None
    if key is None:
        raise TokenRefused("signed by a key the provider does not publish")
    issuer = provider.metadata().issuer
    try:
        claims = jwt.decode(
            token,
            key=key.key,
            algorithms=ALGORITHMS,
            audience=provider.settings.oidc_client_id,
            issuer=issuer,
            leeway=LEEWAY_SECONDS,
            options={"require": REQUIRED_CLAIMS},
        )
    except jwt.InvalidTokenError as exc:
        raise TokenRefused(type(exc).__name__) from None
    if not hmac.compare_digest(str(claims["nonce"]).encode(), nonce.encode()):
        raise TokenRefused("the nonce is not the one this sign-in sent")
    return Identity(
        issuer=issuer,
        subject=str(claims["sub"]),
        username=_username(claims),
        roles=_roles(claims),
    )


def _username(claims: dict[str, object]) -> str | None:
    """The sign-in name (Entra's preferred_username, else email), lower-cased."""
    for claim in ("preferred_username", "email"):
        value = claims.get(claim)
        if isinstance(value, str) and value.strip():
            return value.strip().lower()
    return None


def _roles(claims: dict[str, object]) -> tuple[str, ...]:
    """The app roles assigned to the user (Entra's `roles` claim), if any."""
    roles = claims.get("roles")
    if not isinstance(roles, list):
        return ()
    return tuple(role for role in roles if isinstance(role, str))
