"""Mail server addresses from imap://, imaps://, smtp:// and smtps:// URLs."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import unquote, urlparse


class MailboxUrlError(ValueError):
    """A mailbox URL this service cannot use."""


_DEFAULT_PORTS = {"imap": 143, "imaps": 993, "smtp": 587, "smtps": 465}


@dataclass(frozen=True)
class MailServer:
    """One server: where it is, whether TLS starts at connect, and the URL's user and path."""

    scheme: str
    host: str
    port: int
    implicit_tls: bool
    username: str
    path: str

    @property
    def is_loopback(self) -> bool:
        """Whether the server is on this machine (the only place plain text is allowed)."""
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


def parse_server_url(url: str, variable: str, schemes: tuple[str, str]) -> MailServer:
    """Parse a URL of one of the two schemes (plain or STARTTLS first, implicit TLS second)."""
    parsed = urlparse(url)
    if parsed.scheme not in schemes:
        raise MailboxUrlError(f"{variable}: expected {' or '.join(schemes)}:// URL")
    if not parsed.hostname:
        raise MailboxUrlError(f"{variable}: URL has no host")
    if parsed.password is not None:
        raise MailboxUrlError(f"{variable}: put the password in its own setting, not the URL")
    try:
        port = parsed.port or _DEFAULT_PORTS[parsed.scheme]
    except ValueError as exc:
        raise MailboxUrlError(f"{variable}: {exc}") from None
    return MailServer(
        scheme=parsed.scheme,
        host=parsed.hostname,
        port=port,
        implicit_tls=parsed.scheme == schemes[1],
        username=unquote(parsed.username or ""),
        path=unquote(parsed.path.lstrip("/")),
    )
