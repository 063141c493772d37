"""Application tokens for Microsoft Graph: MSAL client credentials, a secret or a certificate."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msal
import requests
from pydantic import SecretStr

PUBLIC_AUTHORITY_HOST = "https://login.microsoftonline.com"
GRAPH_SCOPE = "https://graph.microsoft.com/.default"
TIMEOUT_SECONDS = 30


class GraphAuthError(OSError):
    """No token: the app registration, secret or certificate was refused (retried next run)."""


class PinnedCaSession(requests.Session):
    """A requests session that trusts one CA bundle even when REQUESTS_CA_BUNDLE is set.

    (requests lets that variable override a session's own `verify`.)
    """

    def __init__(self, ca_bundle: Path) -> None:
        super().__init__()
        self.ca_bundle = str(ca_bundle)

    def merge_environment_settings(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The usual settings (proxies from the environment), with our CA bundle."""
        settings: dict[str, Any] = super().merge_environment_settings(*args, **kwargs)
        settings["verify"] = self.ca_bundle
        return settings

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        """Any request, with a timeout unless one is given."""
        kwargs.setdefault("timeout", TIMEOUT_SECONDS)
        return super().request(*args, **kwargs)


@dataclass(frozen=True)
class CertificateCredential:
    """A certificate registered on the app: its PEM private key and its SHA-1 thumbprint (hex)."""

    private_key_path: Path
    thumbprint: str


class GraphTokenProvider:
    """Client-credentials tokens for one app registration; MSAL caches them until they expire.

    Nothing connects until the first token is asked for (MSAL reads the authority's OpenID
    configuration then). Authority validation and instance discovery are off, so a national
    cloud or a test server can be named by `authority_host`.
    """

    def __init__(
        self,
        tenant_id: str,
        client_id: str,
        *,
        secret: SecretStr | None = None,
        certificate: CertificateCredential | None = None,
        authority_host: str = PUBLIC_AUTHORITY_HOST,
        scope: str = GRAPH_SCOPE,
        ca_bundle: Path | None = None,
    ) -> None:
        if (secret is None) == (certificate is None):
            raise ValueError("give exactly one of a client secret or a certificate")
        self.authority = f"{authority_host.rstrip('/')}/{tenant_id}"
        self.client_id = client_id
        self.scope = scope
        self._secret = secret
        self._certificate = certificate
        self._ca_bundle = ca_bundle
        self._app: msal.ConfidentialClientApplication | None = None
        self._lock = threading.Lock()

    def _credential(self) -> str | dict[str, str]:
        if self._secret is not None:
            return self._secret.get_secret_value()
        assert self._certificate is not None
        return {
            "private_key": self._certificate.private_key_path.read_text(encoding="ascii"),
            "thumbprint": self._certificate.thumbprint.replace(":", "").upper(),
        }

    def _application(self) -> msal.ConfidentialClientApplication:
        if self._app is None:
            try:
                self._app = msal.ConfidentialClientApplication(
                    self.client_id,
                    client_credential=self._credential(),
                    authority=self.authority,
                    validate_authority=False,
                    instance_discovery=False,
                    http_client=PinnedCaSession(self._ca_bundle) if self._ca_bundle else None,
                    timeout=TIMEOUT_SECONDS,
                )
            except ValueError as exc:  # MSAL's wording for an unreachable authority
                raise GraphAuthError("the token authority could not be read") from exc
        return self._app

    def token(self) -> str:
        """A valid access token (from MSAL's cache while it lasts)."""
        with self._lock:
            result: dict[str, Any] = self._application().acquire_token_for_client(
                scopes=[self.scope]
            )
        token = result.get("access_token")
        if not isinstance(token, str):
            raise GraphAuthError(f"token request refused: {result.get('error', 'unknown')}")
        return token
