"""The real app for the browser: a demo store as `make run` makes it, served by uvicorn."""

from __future__ import annotations

import email
import io
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import uvicorn
from sqlalchemy import select

from ingest_service.cli.store_commands import run_demo, run_poll_once
from ingest_service.mailbox.factory import maildir_root
from ingest_service.mailbox.maildir import deliver
from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.database import unit_of_work
from ingest_service.store.migrate import upgrade
from ingest_service.store.models import Message as StoredMessage
from ingest_service.store.models import UserRole
from ingest_service.synthetic.demo_set import demo_referrals
from ingest_service.web.app import create_app
from ingest_service.web.auth.service import create_user

PASSWORD = "synthetic browser password"
DEMO_COUNT = 8
SCRIPT_MESSAGE_ID = "<script-injection.browser-test@example.org>"
START_SECONDS = 20.0


def username_of(role: UserRole) -> str:
    """The seeded account of this role."""
    return f"browser-{role.value.replace('_', '-')}"


@dataclass(frozen=True)
class LiveApp:
    """Where the app answers, its service, and the referral carrying script in its content."""

    base_url: str
    service: Service
    script_reference: str


def script_referral() -> bytes:
    """A demo referral (form in the body) whose subject and answers carry markup and script."""
    body_form = demo_referrals(count=3)[2]  # the demo set's third email has its form in the body
    original = email.message_from_bytes(body_form.raw, policy=default_policy)
    assert isinstance(original, EmailMessage)
    text = original.get_content()
    assert "Name of adult: " in text and "What has happened? " in text
    text = text.replace("Name of adult: ", "Name of adult: <script>alert('name')</script>", 1)
    text = text.replace(
        "What has happened? ",
        "What has happened? <img src=x onerror=\"alert('img')\"><script>alert('story')</script>",
        1,
    )
    message = EmailMessage()
    for header in ("From", "To", "Date"):
        message[header] = str(original[header])
    message["Subject"] = "LADO referral <script>alert('subject')</script>"
    message["Message-ID"] = SCRIPT_MESSAGE_ID
    message.set_content(text)
    return bytes(message)


def seed(data_dir: Path) -> Service:
    """A store made as `make run` makes it, with replies held for approval, and an account per role.

    Migrated, last year's synthetic tracker imported, the demo mailbox seeded (plus the script
    referral), polled once.
    """
    database_url = f"sqlite:///{data_dir / 'browser.sqlite3'}"
    upgrade(database_url)
    settings = Settings(
        data_dir=data_dir, database_url=database_url, reply_mode="approval", web_cookie_secure=False
    )
    service = Service.from_settings(settings)
    quiet = io.StringIO()
    run_demo(service, DEMO_COUNT, False, quiet, history=True)
    deliver(maildir_root(settings.mailbox_url), script_referral(), "script-injection.eml")
    assert run_poll_once(service, quiet) == 0, quiet.getvalue()
    with unit_of_work(service.sessions) as session:
        for role in UserRole:
            create_user(session, username_of(role), PASSWORD, role, "test")
    return service


def filed_reference(service: Service, message_id: str) -> str:
    """The reference of the referral filed from the message with this Message-ID."""
    with service.sessions() as session:
        stored = session.scalars(
            select(StoredMessage).where(StoredMessage.message_id == message_id)
        ).one()
        assert stored.referral is not None, "the message was not filed as a referral"
        return stored.referral.reference


def free_listener() -> socket.socket:
    """A socket bound to a free port of 127.0.0.1, for uvicorn to serve on."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    return listener


def address_of(listener: socket.socket) -> str:
    """The base URL of the app served on the listener."""
    return f"http://127.0.0.1:{listener.getsockname()[1]}"


@contextmanager
def serving(service: Service, listener: socket.socket) -> Iterator[str]:
    """Serve the app on the listener in a thread; yields its base URL."""
    server = uvicorn.Server(
        uvicorn.Config(create_app(service), log_config=None, access_log=False, lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_SECONDS
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield address_of(listener)
    finally:
        server.should_exit = True
        thread.join(timeout=START_SECONDS)
        listener.close()


@contextmanager
def live_app(data_dir: Path) -> Iterator[LiveApp]:
    """The seeded service, served until the block ends."""
    service = seed(data_dir)
    try:
        with serving(service, free_listener()) as base_url:
            yield LiveApp(base_url, service, filed_reference(service, SCRIPT_MESSAGE_ID))
    finally:
        service.engine.dispose()
