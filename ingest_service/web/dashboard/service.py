"""The manager's dashboard figures: intake breakdowns, open cases, timeliness against targets.

Knows nothing of HTTP; every count is grouped in SQL by ingest_service.reports.queries and
every id shown with the council's label (ReportLabels).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from classifiers.taxonomy import Taxonomy
from ingest_service.reports import queries
from ingest_service.reports.labels import ReportLabels, humanise, month_label, week_label
from ingest_service.reports.period import Period
from ingest_service.reports.queries import margin
from ingest_service.reports.sql import month_of, week_of
from ingest_service.reports.tables import CONTACT_COLUMNS, Label, ordered
from ingest_service.store.models import Referral, ReferralOrigin, TimelinessBand

Bars = list[tuple[str, int]]


@dataclass(frozen=True)
class Breakdown:
    """One chart and its table: labelled counts."""

    key: str
    title: str
    heading: str
    bars: Bars
    over_time: bool = False


@dataclass(frozen=True)
class TimelinessTarget:
    """A national target: this share of allegations closed within this band or sooner."""

    band: TimelinessBand
    name: str
    minimum: float


TARGETS = (
    TimelinessTarget(TimelinessBand.WITHIN_1_MONTH, "Closed within 1 month", 0.80),
    TimelinessTarget(TimelinessBand.WITHIN_3_MONTHS, "Closed within 3 months", 0.90),
    # "All but exceptional cases" within 12 months: shown against 100%.
    TimelinessTarget(TimelinessBand.WITHIN_12_MONTHS, "Closed within 12 months", 1.00),
)
BAND_ORDER = tuple(TimelinessBand)


@dataclass(frozen=True)
class TimelinessKpi:
    """How many allegations closed in the period met one target's band."""

    target: TimelinessTarget
    within: int
    closed: int

    @property
    def share(self) -> float | None:
        """The share within the band, or None when nothing closed."""
        return self.within / self.closed if self.closed else None

    @property
    def met(self) -> bool | None:
        """Whether the target is met (None when nothing closed)."""
        share = self.share
        return None if share is None else share >= self.target.minimum


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard page shows for one period."""

    period: Period
    intake: list[Breakdown]
    open_by_age: Breakdown
    timeliness: list[TimelinessKpi]


def _single(counts: queries.Counts, label: Label, known: tuple[str, ...] = ()) -> Bars:
    flat = {key[0]: n for key, n in counts.items()}
    return [(label(value), flat.get(value, 0)) for value in ordered(known, flat)]


def intake_breakdowns(
    session: Session, period: Period, taxonomy: Taxonomy, labels: ReportLabels
) -> list[Breakdown]:
    """Referrals received in the period, over time and by each reporting dimension."""
    over_time = queries.received_counts(
        session,
        period,
        [month_of(session, Referral.received_at), week_of(session, Referral.received_at)],
    )
    months = {key[0]: n for key, n in margin(over_time, 0).items()}
    weeks = {key[0]: n for key, n in margin(over_time, 1).items()}
    by_dimension = queries.received_counts(
        session,
        period,
        [Referral.contact_type, Referral.sector, Referral.district, Referral.origin],
    )

    def received_by(position: int, label: Label, known: tuple[str, ...] = ()) -> Bars:
        return _single(margin(by_dimension, position), label, known)

    contact_types = tuple(c for c in CONTACT_COLUMNS if c is not None)
    return [
        Breakdown(
            "month",
            "Referrals received per month",
            "Month",
            [(month_label(m), months.get(m, 0)) for m in period.months],
            over_time=True,
        ),
        Breakdown(
            "week",
            "Referrals received per week",
            "Week beginning",
            [(week_label(w), weeks.get(w, 0)) for w in period.weeks],
            over_time=True,
        ),
        Breakdown(
            "contact-type",
            "Referrals by contact type",
            "Contact type",
            received_by(0, labels.contact_type, contact_types),
        ),
        Breakdown(
            "sector",
            "Referrals by employer sector",
            "Sector",
            received_by(1, labels.sector, taxonomy.council_sector_ids),
        ),
        Breakdown(
            "allegation-type",
            "Referrals by allegation type (a referral may have several)",
            "Allegation type",
            _single(
                queries.by_allegation_type(session, period),
                labels.allegation_type,
                taxonomy.council_type_ids,
            ),
        ),
        Breakdown("district", "Referrals by district", "District", received_by(2, labels.district)),
        Breakdown(
            "origin",
            "Referrals by how they reached the service",
            "Source",
            received_by(3, humanise, tuple(o.value for o in ReferralOrigin)),
        ),
    ]


def open_cases_by_age(session: Session, today: date) -> Breakdown:
    """Referrals not yet closed, by time since they were received."""
    bands = (*(band for _, band in queries.OPEN_AGE_BANDS), queries.OLDEST_AGE_BAND)
    counts = {key[0]: n for key, n in queries.open_by_age(session, today).items()}
    return Breakdown(
        "open-age",
        "Open cases by time since referral",
        "Time since referral",
        [(humanise(band), counts.get(band, 0)) for band in bands],
    )


def timeliness_kpis(session: Session, period: Period) -> list[TimelinessKpi]:
    """Each target's share of allegations closed in the period (cumulative bands)."""
    counts = {
        key[0]: n
        for key, n in queries.closed_allegation_counts(
            session, period, [Referral.timeliness]
        ).items()
        if key[0] is not None
    }
    closed = sum(counts.values())
    kpis = []
    for target in TARGETS:
        bands = BAND_ORDER[: BAND_ORDER.index(target.band) + 1]
        kpis.append(TimelinessKpi(target, sum(counts.get(b.value, 0) for b in bands), closed))
    return kpis


def dashboard(
    session: Session, period: Period, taxonomy: Taxonomy, labels: ReportLabels, today: date
) -> Dashboard:
    """The dashboard's figures for the period; open cases are counted as of today (UK)."""
    return Dashboard(
        period,
        intake_breakdowns(session, period, taxonomy, labels),
        open_cases_by_age(session, today),
        timeliness_kpis(session, period),
    )
