"""Talking to the OpenID provider with httpx: discovery, signing keys (cached), code redemption."""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import jwt

from ingest_service.settings import Settings

DISCOVERY_PATH = "/.well-known/openid-configuration"
METADATA_SECONDS = 24 * 60 * 60
# An unknown key id refetches the key set (the provider rolled its keys), at most this often.
KEY_REFRESH_SECONDS = 5 * 60
TIMEOUT_SECONDS = 10.0
SCOPES = "openid profile email"


class ProviderError(Exception):
    """The provider could not be reached, or answered with something unusable."""


@dataclass(frozen=True)
class ProviderMetadata:
    """The endpoints of the provider's discovery document that sign-in uses."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


@dataclass(frozen=True)
class AuthorizationRequest:
    """What the authorization URL carries besides the client's own settings."""

    state: str
    nonce: str
    code_challenge: str


def http_client(settings: Settings) -> httpx.Client:
    """A client trusting the council's CA bundle when one is set."""
    verify: ssl.SSLContext | bool = (
        ssl.create_default_context(cafile=str(settings.ca_bundle)) if settings.ca_bundle else True
    )
    return httpx.Client(verify=verify, timeout=TIMEOUT_SECONDS)


class OidcProvider:
    """One issuer: its metadata and keys fetched on first use and cached, thread-safely."""

    def __init__(
        self,
        settings: Settings,
        http: httpx.Client,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._http = http
        self._clock = clock
        self._lock = threading.Lock()
        self._metadata: ProviderMetadata | None = None
        self._metadata_at = 0.0
        self._keys: dict[str, jwt.PyJWK] = {}
        self._keys_at: float | None = None

    @property
    def issuer(self) -> str:
        """The configured issuer, which the discovery document and tokens must name."""
        return self.settings.oidc_issuer.rstrip("/")

    def metadata(self) -> ProviderMetadata:
        """The discovery document, fetched again once a day."""
        with self._lock:
            if self._metadata is None or self._clock() - self._metadata_at > METADATA_SECONDS:
                self._metadata = self._fetch_metadata()
                self._metadata_at = self._clock()
            return self._metadata

    def signing_key(self, key_id: str) -> jwt.PyJWK | None:
        """The provider's key with this id, refetching the key set when the id is new to us."""
        jwks_uri = self.metadata().jwks_uri
        with self._lock:
            stale = self._keys_at is None or self._clock() - self._keys_at > KEY_REFRESH_SECONDS
            if key_id not in self._keys and stale:
                self._keys = self._fetch_keys(jwks_uri)
                self._keys_at = self._clock()
            return self._keys.get(key_id)

    def authorization_url(self, request: AuthorizationRequest) -> str:
        """Where the browser goes to sign in: code flow with PKCE (S256), state and nonce."""
        query = urlencode(
            {
                "client_id": self.settings.oidc_client_id,
                "response_type": "code",
                "redirect_uri": self.settings.oidc_redirect_url,
                "response_mode": "query",
                "scope": SCOPES,
                "state": request.state,
                "nonce": request.nonce,
                "code_challenge": request.code_challenge,
                "code_challenge_method": "S256",
            }
        )
        return f"{self.metadata().authorization_endpoint}?{query}"

    def redeem_code(self, code: str, code_verifier: str) -> str:
        """The ID token the token endpoint gives for this authorization code."""
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.settings.oidc_redirect_url,
            "client_id": self.settings.oidc_client_id,
            "code_verifier": code_verifier,
        }
        if self.settings.oidc_client_secret is not None:
            form["client_secret"] = self.settings.oidc_client_secret.get_secret_value()
        answer = self._post_json(self.metadata().token_endpoint, form)
        id_token = answer.get("id_token")
        if not isinstance(id_token, str):
            raise ProviderError("the token endpoint returned no ID token")
        return id_token

    def _fetch_metadata(self) -> ProviderMetadata:
        document = self._get_json(self.issuer + DISCOVERY_PATH)
        try:
            metadata = ProviderMetadata(
                issuer=str(document["issuer"]),
                authorization_endpoint=str(document["authorization_endpoint"]),
                token_endpoint=str(document["token_endpoint"]),
                jwks_uri=str(document["jwks_uri"]),
            )
        except KeyError as exc:
            raise ProviderError(f"the discovery document has no {exc.args[0]}") from None
        if metadata.issuer.rstrip("/") != self.issuer:
            raise ProviderError("the discovery document names another issuer")
        return metadata

    def _fetch_keys(self, jwks_uri: str) -> dict[str, jwt.PyJWK]:
        try:
            key_set = jwt.PyJWKSet.from_dict(self._get_json(jwks_uri))
        except jwt.PyJWKSetError as exc:
            raise ProviderError(f"unusable key set: {exc}") from None
        return {key.key_id: key for key in key_set.keys if key.key_id is not None}

    def _get_json(self, url: str) -> dict[str, Any]:
        return self._json_of(lambda: self._http.get(url))

    def _post_json(self, url: str, form: dict[str, str]) -> dict[str, Any]:
        return self._json_of(lambda: self._http.post(url, data=form))

    @staticmethod
    def _json_of(send: Callable[[], httpx.Response]) -> dict[str, Any]:
        try:
            response = send()
            response.raise_for_status()
            document = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise ProviderError(f"the provider did not answer: {type(exc).__name__}") from None
        if not isinstance(document, dict):
            raise ProviderError("the provider answered with something other than an object")
        return document
