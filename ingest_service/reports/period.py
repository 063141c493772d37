"""The date range a dashboard or report covers, and the months and weeks inside it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ingest_service.cases.timeliness import add_months

LOCAL_ZONE_NAME = "Europe/London"
LOCAL_ZONE = ZoneInfo(LOCAL_ZONE_NAME)


def local_midnight(day: date) -> datetime:
    """The first instant of the day in UK local time, in UTC (as times are stored)."""
    return datetime.combine(day, time(), LOCAL_ZONE).astimezone(UTC)


def local_today() -> date:
    """Today's date in the UK."""
    return datetime.now(LOCAL_ZONE).date()


@dataclass(frozen=True)
class Period:
    """Whole days from `start` to `end`, both included, in UK local time."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")

    @classmethod
    def last_twelve_months(cls, today: date) -> Period:
        """The twelve calendar months up to and including the current one."""
        first = add_months(today.replace(day=1), -11)
        return cls(first, today)

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        """1 January to 31 December of the year."""
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def starts_at(self) -> datetime:
        """The first instant of the period (UTC)."""
        return local_midnight(self.start)

    @property
    def ends_before(self) -> datetime:
        """The first instant after the period (UTC)."""
        return local_midnight(self.end + timedelta(days=1))

    @property
    def months(self) -> list[str]:
        """Every month the period touches, as YYYY-MM, oldest first."""
        found: list[str] = []
        month = self.start.replace(day=1)
        while month <= self.end:
            found.append(f"{month:%Y-%m}")
            month = add_months(month, 1)
        return found

    @property
    def weeks(self) -> list[str]:
        """The Monday (YYYY-MM-DD) of every week the period touches, oldest first."""
        monday = self.start - timedelta(days=self.start.weekday())
        found: list[str] = []
        while monday <= self.end:
            found.append(monday.isoformat())
            monday += timedelta(days=7)
        return found

    @property
    def slug(self) -> str:
        """A file-name-safe name of the period."""
        return f"{self.start.isoformat()}-to-{self.end.isoformat()}"
