"""A sign-in sent to the provider: its state, nonce and PKCE verifier, kept in the session."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from ingest_service.web.auth.oidc_provider import AuthorizationRequest

SESSION_KEY = "oidc_pending"


class StateMismatch(Exception):
    """A callback without a pending sign-in, or whose state is not the one we sent."""


@dataclass(frozen=True)
class PendingSignIn:
    """What the callback must match (state, nonce) and prove (the PKCE verifier)."""

    state: str
    nonce: str
    code_verifier: str
    next: str

    @classmethod
    def start(cls, next_path: str) -> PendingSignIn:
        """Fresh random values for one sign-in."""
        return cls(
            state=secrets.token_urlsafe(32),
            nonce=secrets.token_urlsafe(32),
            code_verifier=secrets.token_urlsafe(64),
            next=next_path,
        )

    @property
    def authorization_request(self) -> AuthorizationRequest:
        """The state, nonce and S256 code challenge the provider is sent."""
        digest = hashlib.sha256(self.code_verifier.encode("ascii")).digest()
        challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
        return AuthorizationRequest(state=self.state, nonce=self.nonce, code_challenge=challenge)

    def keep(self, session: dict[str, Any]) -> None:
        """Store in the session, replacing any earlier sign-in in progress."""
        session[SESSION_KEY] = asdict(self)

    @classmethod
    def take(cls, session: dict[str, Any], state: str) -> PendingSignIn:
        """Remove the pending sign-in from the session (one use) and check the state."""
        kept = session.pop(SESSION_KEY, None)
        if not isinstance(kept, dict):
            raise StateMismatch
        try:
            pending = cls(
                **{name: str(kept[name]) for name in ("state", "nonce", "code_verifier", "next")}
            )
        except KeyError:
            raise StateMismatch from None
        if not hmac.compare_digest(pending.state.encode(), state.encode()):
            raise StateMismatch
        return pending
