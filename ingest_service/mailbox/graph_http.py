"""Calls to Microsoft Graph over httpx: bearer token, immutable ids, throttling honoured."""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import httpx

log = logging.getLogger(__name__)

GRAPH_URL = "https://graph.microsoft.com/v1.0"
RETRYABLE_STATUSES = frozenset({429, 503, 504})


class GraphError(OSError):
    """Graph refused or failed a call (an OSError, so the poll or the send is retried later)."""

    def __init__(self, status: int | None, code: str | None) -> None:
        super().__init__(f"Graph call failed: HTTP {status}, {code or 'no error code'}")
        self.status = status
        self.code = code


def error_code(response: httpx.Response) -> str | None:
    """The `error.code` of a Graph error body (its message is not kept: it may quote data)."""
    try:
        body = response.json()
    except ValueError:
        return None
    error = body.get("error") if isinstance(body, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) else None


def retry_delay(response: httpx.Response | None, attempt: int, max_wait: float) -> float:
    """Seconds to wait: the server's Retry-After when given, else exponential backoff; capped."""
    header = response.headers.get("Retry-After") if response is not None else None
    if header is not None and header.strip().isdigit():
        return min(float(header), max_wait)
    return min(float(2**attempt), max_wait)


class GraphHttp:
    """One httpx client on Graph; every request carries `Prefer: IdType="ImmutableId"`."""

    def __init__(
        self,
        token: Callable[[], str],
        *,
        base_url: str = GRAPH_URL,
        ca_bundle: Path | None = None,
        max_attempts: int = 5,
        max_wait_seconds: float = 60.0,
        timeout_seconds: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        verify: ssl.SSLContext | bool = (
            ssl.create_default_context(cafile=str(ca_bundle)) if ca_bundle else True
        )
        self._client = httpx.Client(
            base_url=base_url.rstrip("/") + "/",
            verify=verify,
            timeout=timeout_seconds,
            headers={"Prefer": 'IdType="ImmutableId"'},
        )
        self._token = token
        self.max_attempts = max_attempts
        self.max_wait_seconds = max_wait_seconds
        self._sleep = sleep

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        ok: frozenset[int] = frozenset(),
    ) -> httpx.Response:
        """Send one call (a path under the base URL, or a full next/delta link).

        429, 503 and 504 are retried after Retry-After (or a growing backoff), as are network
        errors, up to `max_attempts`. Any other status >= 400 not listed in `ok` raises GraphError.
        """
        response: httpx.Response | None = None
        for attempt in range(self.max_attempts):
            if attempt:
                delay = retry_delay(response, attempt, self.max_wait_seconds)
                log.info("Graph throttled or unavailable; retrying in %.1fs", delay)
                self._sleep(delay)
            request_headers = {"Authorization": f"Bearer {self._token()}", **(headers or {})}
            try:
                response = self._client.request(
                    method, url, params=params, json=json, content=content, headers=request_headers
                )
            except httpx.TransportError:
                response = None
                continue
            if response.status_code not in RETRYABLE_STATUSES:
                break
        if response is None:
            raise GraphError(None, "network error")
        if response.status_code >= 400 and response.status_code not in ok:
            raise GraphError(response.status_code, error_code(response))
        return response
