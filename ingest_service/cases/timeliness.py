"""How long a case took from referral to closure, banded against the national targets.

The targets count calendar months from the day the referral was received: 80% of cases
resolved within one month, 90% within three, all but exceptional ones within twelve.
"""

from __future__ import annotations

import calendar
from datetime import date

from ingest_service.store.models import TimelinessBand

BAND_LIMITS: tuple[tuple[int, TimelinessBand], ...] = (
    (1, TimelinessBand.WITHIN_1_MONTH),
    (3, TimelinessBand.WITHIN_3_MONTHS),
    (12, TimelinessBand.WITHIN_12_MONTHS),
)


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later, or that month's last day if it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def timeliness_band(received: date, closed: date) -> TimelinessBand:
    """The first band whose limit the closure falls within."""
    if closed < received:
        raise ValueError("a case cannot close before it was received")
    for months, band in BAND_LIMITS:
        if closed <= add_months(received, months):
            return band
    return TimelinessBand.OVER_12_MONTHS


def days_to_close(received: date, closed: date) -> int:
    """Calendar days from referral to closure."""
    return (closed - received).days
