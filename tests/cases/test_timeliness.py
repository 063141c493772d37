"""Timeliness bands count calendar months from the day of referral."""

from __future__ import annotations

from datetime import date

import pytest

from ingest_service.cases.timeliness import add_months, days_to_close, timeliness_band
from ingest_service.store.models import TimelinessBand


@pytest.mark.parametrize(
    ("closed", "band"),
    [
        (date(2026, 1, 31), TimelinessBand.WITHIN_1_MONTH),
        (date(2026, 2, 28), TimelinessBand.WITHIN_1_MONTH),
        (date(2026, 3, 1), TimelinessBand.WITHIN_3_MONTHS),
        (date(2026, 4, 30), TimelinessBand.WITHIN_3_MONTHS),
        (date(2026, 5, 1), TimelinessBand.WITHIN_12_MONTHS),
        (date(2027, 1, 31), TimelinessBand.WITHIN_12_MONTHS),
        (date(2027, 2, 1), TimelinessBand.OVER_12_MONTHS),
    ],
)
def test_band_limits_fall_on_the_same_day_months_later(closed: date, band: TimelinessBand) -> None:
    assert timeliness_band(date(2026, 1, 31), closed) is band


def test_a_shorter_month_ends_on_its_last_day() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_closing_before_receipt_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot close before"):
        timeliness_band(date(2026, 5, 2), date(2026, 5, 1))


def test_days_are_calendar_days() -> None:
    assert days_to_close(date(2026, 1, 1), date(2026, 3, 1)) == 59
