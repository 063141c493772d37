"""Failures are logged with their type and stack, never their message."""

from __future__ import annotations

import logging

import pytest

from ingest_service.safe_logging import log_failure


def test_message_is_left_out(caplog: pytest.LogCaptureFixture) -> None:
    child = "-".join(["Kacper", "Nowicki"])  # built at run time, so it is not in the source
    try:
        raise ValueError(f"{child}, 8, Fernbrook Primary")
    except ValueError as exc:
        log_failure(logging.getLogger("test"), "step failed", exc)
    assert "step failed: ValueError" in caplog.text
    assert "test_safe_logging.py" in caplog.text
    assert child not in caplog.text
