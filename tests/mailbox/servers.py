"""Real mail servers for the tests: a private Dovecot (IMAP) and an aiosmtpd SMTP server."""

from __future__ import annotations

import base64
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from imapclient import IMAPClient

PASSWORD = "test-password"
USERS = 40
SMTP_USER = "lado-smtp"
SMTP_PASSWORD = "smtp-password"
SMTP_OAUTH_TOKEN = "smtp-access-token"
INSTALL_HINT = "run scripts/install-system-packages.sh (or make test) to install dovecot-imapd"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _binary(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")
    if found is None:
        pytest.fail(f"{name} is required for the IMAP tests; {INSTALL_HINT}")
    return found


@dataclass(frozen=True)
class MailAccount:
    """One user of the private Dovecot, with an empty mailbox of its own."""

    port: int
    config: Path
    user: str

    @property
    def oauth_token(self) -> str:
        """The access token the test token service accepts for this user (XOAUTH2)."""
        return f"token-for-{self.user}"

    def url(self, folder: str = "INBOX") -> str:
        """The LADO_MAILBOX_URL of one of this user's folders."""
        return f"imap://{self.user.replace('@', '%40')}@127.0.0.1:{self.port}/{folder}"

    @contextmanager
    def client(self) -> Iterator[IMAPClient]:
        """A logged-in client, as a mail user would have."""
        client = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        client.login(self.user, PASSWORD)
        try:
            yield client
        finally:
            client.logout()

    def append(self, raw: bytes, folder: str = "INBOX", flags: tuple[bytes, ...] = ()) -> None:
        """Deliver one message into a folder, as the council's mail server would."""
        with self.client() as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            client.append(folder, raw, flags=flags)

    def set_uidvalidity(self, folder: str, value: int) -> None:
        """Give a folder a new UIDVALIDITY, as a rebuilt mail store would."""
        self._doveadm("mailbox", "update", "-u", self.user, "--uid-validity", str(value), folder)

    def kick(self) -> None:
        """Disconnect every session of this user, as a server timing idle clients out would."""
        self._doveadm("kick", self.user)

    def _doveadm(self, *arguments: str) -> None:
        command = [_binary("doveadm"), "-c", str(self.config), *arguments]
        subprocess.run(command, check=True, capture_output=True, timeout=20)


@dataclass
class Dovecot:
    """A running private Dovecot with USERS accounts; each test takes an unused one."""

    port: int
    config: Path
    taken: int = 0

    def add_user(self) -> MailAccount:
        """An unused user with an empty mailbox."""
        assert self.taken < USERS, "raise USERS in tests/mailbox/servers.py"
        self.taken += 1
        return MailAccount(port=self.port, config=self.config, user=_user(self.taken))


def _user(number: int) -> str:
    return f"lado{number}@example.org"


def _config(root: Path, port: int, capabilities: str | None) -> str:
    if os.geteuid() == 0:
        mail_uid, mail_gid = pwd.getpwnam("nobody")[2:4]
        users = ""
    else:
        mail_uid, mail_gid = os.getuid(), os.getgid()
        name = pwd.getpwuid(mail_uid).pw_name
        users = f"default_login_user = {name}\ndefault_internal_user = {name}\n"
    os.chown(root / "mail", mail_uid, mail_gid)
    capability = f"imap_capability = {capabilities}\n" if capabilities else ""
    return f"""base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
{users}{capability}protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2
auth_failure_delay = 0
first_valid_uid = {mail_uid}
first_valid_gid = {mail_gid}
mail_location = maildir:{root}/mail/%n
passdb {{
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2
  args = {root}/oauth2.conf.ext
}}
userdb {{
  driver = static
  args = allow_all_users=yes uid={mail_uid} gid={mail_gid} home={root}/mail/%n
}}
service imap-login {{
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


class _TokenInfo(BaseHTTPRequestHandler):
    """An OAuth 2 token-info endpoint: token-for-USER is valid for USER, nothing else is."""

    def do_GET(self) -> None:
        token = self.path.rsplit("access_token=", 1)[-1]
        user = token.removeprefix("token-for-") if token.startswith("token-for-") else None
        body = json.dumps({"email": user} if user else {"error": "invalid_token"}).encode()
        self.send_response(200 if user else 401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@contextmanager
def _token_service() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _TokenInfo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"dovecot exited: {log.read_text() if log.exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("dovecot did not start listening within 10 seconds")


@contextmanager
def running_dovecot(capabilities: str | None = None) -> Iterator[Dovecot]:
    """Start a private Dovecot on a free port (its own config, dirs and log); stop it after."""
    binary = _binary("dovecot")
    root = Path(tempfile.mkdtemp(prefix="lado-dovecot-"))  # short: socket paths are limited
    try:
        root.chmod(0o711)
        for sub in ("run", "state", "mail"):
            (root / sub).mkdir()
        users = "".join(f"{_user(n)}:{{PLAIN}}{PASSWORD}::::\n" for n in range(1, USERS + 1))
        (root / "passwd").write_text(users)
        port = free_port()
        config = root / "dovecot.conf"
        with _token_service() as tokeninfo_port:
            (root / "oauth2.conf.ext").write_text(
                f"tokeninfo_url = http://127.0.0.1:{tokeninfo_port}/tokeninfo?access_token=\n"
                "introspection_mode = auth\nusername_attribute = email\n"
            )
            config.write_text(_config(root, port, capabilities))
            process = subprocess.Popen(
                [binary, "-F", "-c", str(config)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                _wait_for_port(port, process, root / "dovecot.log")
                yield Dovecot(port=port, config=config)
            finally:
                process.terminate()
                process.wait(timeout=10)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class CapturingHandler:
    """Keeps every accepted message's envelope and bytes."""

    received: list[Envelope] = field(default_factory=list)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        """Accept and keep the message."""
        self.received.append(envelope)
        return "250 OK"

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        """Microsoft's and Google's XOAUTH2 SASL: user and bearer token in one response."""
        expected = f"user={SMTP_USER}\x01auth=Bearer {SMTP_OAUTH_TOKEN}\x01\x01".encode()
        if len(args) > 1 and base64.b64decode(args[1]) == expected:
            return AuthResult(success=True, auth_data=SMTP_USER)
        await server.challenge_auth('{"status":"401"}')  # the error challenge, then 535
        return AuthResult(success=False, handled=False)


def _authenticate(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == SMTP_USER.encode()
        and auth_data.password == SMTP_PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


@dataclass(frozen=True)
class SmtpServer:
    """A running aiosmtpd server and what it received."""

    port: int
    handler: CapturingHandler

    @property
    def url(self) -> str:
        """The LADO_SMTP_URL of this server."""
        return f"smtp://127.0.0.1:{self.port}"

    @property
    def received(self) -> list[Envelope]:
        """The accepted messages, in order."""
        return self.handler.received


@contextmanager
def running_smtp() -> Iterator[SmtpServer]:
    """Start an SMTP server (AUTH over plain text allowed, localhost only); stop it after."""
    handler = CapturingHandler()
    port = free_port()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        authenticator=_authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield SmtpServer(port=port, handler=handler)
    finally:
        controller.stop()
