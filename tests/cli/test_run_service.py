"""`lado-intake run` files every demo referral within one poll interval."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from ingest_service.cli.main import main
from ingest_service.settings import Settings

POLL_INTERVAL = 20


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_service(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, demo_count: int, **extra: str
) -> Iterator[int]:
    """`lado-intake run` in a child process over a seeded demo mailbox; yields its web port."""
    port = free_port()
    env = {
        **os.environ,
        "LADO_DATA_DIR": str(settings.data_dir),
        "LADO_DATABASE_URL": settings.database_url,
        "LADO_WEB_PORT": str(port),
        **extra,
    }
    for name in ("LADO_DATA_DIR", "LADO_DATABASE_URL"):
        monkeypatch.setenv(name, env[name])
    assert main(["demo", "--count", str(demo_count)]) == 0
    service = subprocess.Popen(
        [sys.executable, "-m", "ingest_service.cli.main", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield port
    finally:
        service.send_signal(signal.SIGINT)
        service.wait(timeout=30)


def test_run_files_the_demo_within_one_interval(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    interval = {"LADO_POLL_INTERVAL_SECONDS": str(POLL_INTERVAL)}
    with running_service(settings, monkeypatch, 4, **interval) as port:
        deadline = time.monotonic() + POLL_INTERVAL
        rows: list[object] = []
        while time.monotonic() < deadline and len(rows) < 4:
            time.sleep(1)
            capsys.readouterr()
            main(["records", "list", "--json"])
            rows = json.loads(capsys.readouterr().out)
        assert len(rows) == 4
        health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=5)
        assert health.json()["referrals"] == 4


def test_web_only_serves_pages_and_polls_nothing(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    web_only = {"LADO_POLL_INTERVAL_SECONDS": "1", "LADO_SCHEDULER_ENABLED": "false"}
    with running_service(settings, monkeypatch, 2, **web_only) as port:
        health = None
        deadline = time.monotonic() + 30
        while health is None and time.monotonic() < deadline:
            time.sleep(1)
            with contextlib.suppress(httpx.TransportError):
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).json()
        time.sleep(2)  # two poll intervals, had there been a scheduler
        assert health is not None and health["jobs"] == []
        after = httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).json()
        assert after["referrals"] == 0 and after["jobs"] == []


def test_run_refuses_to_do_nothing(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LADO_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("LADO_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("LADO_SCHEDULER_ENABLED", "false")
    monkeypatch.setenv("LADO_WEB_ENABLED", "false")
    assert main(["run"]) == 1
    assert "both false" in capsys.readouterr().err
