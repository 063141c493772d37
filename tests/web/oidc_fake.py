"""A local OpenID provider for tests: discovery, signing keys, /authorize and /token (PKCE).

It signs ID tokens with an RSA key made by `cryptography`; a test changes the token's claims
or the signing key to check that the app refuses what it must.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "11111111-2222-3333-4444-555555555555"
CLIENT_SECRET = "synthetic client secret"
DISCOVERY_PATH = "/tenant-id/v2.0/.well-known/openid-configuration"


@dataclass
class Authorization:
    """What the provider was asked for when it issued a code."""

    nonce: str
    code_challenge: str
    redirect_uri: str


@dataclass
class FakeProvider:
    """An OpenID provider on 127.0.0.1: discovery, keys, /authorize and /token (with PKCE)."""

    key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    claims: dict[str, Any] = field(default_factory=dict)  # a test's changes to the ID token
    signing_key: rsa.RSAPrivateKey | None = None  # another key, for a bad signature
    key_id: str = "test-key-1"
    codes: dict[str, Authorization] = field(default_factory=dict)
    fetches: list[str] = field(default_factory=list)  # the paths of discovery and key requests
    port: int = 0
    host: str = "127.0.0.1"  # "localhost" makes the provider another site than the app

    @property
    def issuer(self) -> str:
        return f"http://{self.host}:{self.port}/tenant-id/v2.0"

    def discovery(self) -> dict[str, str]:
        base = f"http://{self.host}:{self.port}"
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "jwks_uri": f"{base}/keys",
        }

    def key_set(self) -> dict[str, Any]:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": self.key_id, "use": "sig", "alg": "RS256"}]}

    def authorize(self, query: dict[str, str]) -> str:
        """Record the request and send the browser back with a code."""
        assert query["client_id"] == CLIENT_ID and query["response_type"] == "code"
        assert query["code_challenge_method"] == "S256"
        code = secrets.token_urlsafe(16)
        self.codes[code] = Authorization(
            query["nonce"], query["code_challenge"], query["redirect_uri"]
        )
        return f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"

    def token(self, form: dict[str, str]) -> dict[str, str] | None:
        """The ID token for a code, if the client and the PKCE verifier are right."""
        granted = self.codes.pop(form.get("code", ""), None)
        verifier = form.get("code_verifier", "").encode()
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=")
        if (
            granted is None
            or challenge.decode() != granted.code_challenge
            or form.get("redirect_uri") != granted.redirect_uri
            or form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
        ):
            return None
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": "synthetic-subject-0001",
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "nonce": granted.nonce,
            "preferred_username": "Jane.Doe@council.example",
            "roles": ["LADO.Manager"],
            **self.claims,
        }
        claims = {name: value for name, value in claims.items() if value is not None}
        key = self.signing_key or self.key
        id_token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.key_id})
        return {"id_token": id_token, "token_type": "Bearer", "access_token": "unused"}


def handler_for(provider: FakeProvider) -> type[BaseHTTPRequestHandler]:
    """The provider's HTTP endpoints."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            query = {name: values[0] for name, values in parse_qs(url.query).items()}
            if url.path in {DISCOVERY_PATH, "/keys"}:
                provider.fetches.append(url.path)
            if url.path == DISCOVERY_PATH:
                self.answer(200, provider.discovery())
            elif url.path == "/keys":
                self.answer(200, provider.key_set())
            elif url.path == "/authorize":
                self.send_response(302)
                self.send_header("Location", provider.authorize(query))
                self.end_headers()
            else:
                self.answer(404, {"error": "not_found"})

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            form = {name: values[0] for name, values in parse_qs(body).items()}
            tokens = provider.token(form) if self.path == "/token" else None
            self.answer(200, tokens) if tokens else self.answer(400, {"error": "invalid_grant"})

        def answer(self, status: int, document: dict[str, Any]) -> None:
            body = json.dumps(document).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    return Handler


@contextmanager
def running_provider(host: str = "127.0.0.1") -> Iterator[FakeProvider]:
    """The provider, serving on a free port of 127.0.0.1 in a thread, named by `host`."""
    fake = FakeProvider(host=host)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(fake))
    fake.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
