"""The period chosen on a manager's page (?start=YYYY-MM-DD&end=YYYY-MM-DD)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException

from ingest_service.reports.period import Period, local_today

BAD_PERIOD = (
    "Enter the period as two dates (for example 2025-04-01), the start on or before the end."
)


def selected_period(start: str | None = None, end: str | None = None) -> Period:
    """The period in the query, each missing date taken from the last twelve months."""
    default = Period.last_twelve_months(local_today())
    try:
        return Period(
            date.fromisoformat(start) if start else default.start,
            date.fromisoformat(end) if end else default.end,
        )
    except ValueError:
        raise HTTPException(400, BAD_PERIOD) from None


SelectedPeriod = Annotated[Period, Depends(selected_period)]
