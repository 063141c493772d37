"""Logging failures without personal data: the exception's type and stack, never its message.

Exception messages can quote what was being processed (SQL parameters, field values,
file names), so they stay out of the logs; the recorded step errors hold what officers need.
"""

from __future__ import annotations

import logging
import traceback


def log_failure(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """Log that `what` failed, with the exception's type and where it was raised."""
    stack = "".join(traceback.format_tb(exc.__traceback__))
    logger.error("%s: %s\n%s", what, type(exc).__name__, stack.rstrip())
