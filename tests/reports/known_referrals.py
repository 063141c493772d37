"""A small, known set of synthetic referrals whose report figures are worked out by hand."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from ingest_service.cases.timeliness import days_to_close, timeliness_band
from ingest_service.reports.period import Period
from ingest_service.store.models import (
    CaseOutcome,
    ContactType,
    Referral,
    ReferralAllegationType,
    ReferralOrigin,
    ReferralStatus,
)

PERIOD = Period(date(2025, 4, 1), date(2026, 3, 31))
TODAY = date(2026, 4, 10)


@dataclass(frozen=True)
class Known:
    """One referral's reporting columns."""

    reference: str
    received: datetime
    contact_type: ContactType | None
    sector: str | None = None
    types: tuple[str, ...] = ()
    district: str | None = None
    source: str | None = None
    role: str | None = None
    send: bool | None = None
    in_care: bool | None = None
    outcome: CaseOutcome | None = None
    closed: date | None = None
    origin: ReferralOrigin = field(default=ReferralOrigin.EMAIL)


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """That day at that time, UTC (an hour behind the UK's clocks in summer)."""
    return datetime.combine(day, time(hour, minute), UTC)


ALLEGATION, CONSULTATION = ContactType.ALLEGATION, ContactType.CONSULTATION
KNOWN = (
    Known(
        "T-1",
        at(date(2025, 4, 3)),
        ALLEGATION,
        "education",
        ("physical", "physical_intervention"),
        "northgate",
        "education",
        "teacher",
        True,
        False,
        CaseOutcome.SUBSTANTIATED,
        date(2025, 4, 20),
    ),
    Known(
        "T-2",
        at(date(2025, 4, 15)),
        CONSULTATION,
        "early_years",
        ("emotional",),
        "riverside",
        "police",
        "nursery_practitioner",
        None,
        True,
    ),
    Known(
        "T-3",
        at(date(2025, 5, 10)),
        ALLEGATION,
        "education",
        ("sexual",),
        "northgate",
        "education",
        "teacher",
        False,
        False,
        CaseOutcome.UNFOUNDED,
        date(2025, 7, 1),
        ReferralOrigin.IMPORT,
    ),
    Known(
        "T-4",
        at(date(2025, 6, 30)),
        ALLEGATION,
        "health",
        ("neglect", "inappropriate_conduct"),
        outcome=CaseOutcome.UNSUBSTANTIATED,
        closed=date(2026, 2, 1),
    ),
    # 23:30 on the period's last day in the UK (BST).
    Known("T-5", at(date(2026, 3, 31), 22, 30), ContactType.INFORMATION_ONLY),
    # Received before the period but closed in it: counts for outcomes and timeliness only.
    Known(
        "T-6",
        at(date(2024, 12, 1)),
        ALLEGATION,
        "education",
        ("physical",),
        "northgate",
        outcome=CaseOutcome.MALICIOUS,
        closed=date(2025, 5, 1),
    ),
    # Received the first moment after the period in the UK (00:00 BST).
    Known("T-7", at(date(2026, 3, 31), 23, 0), CONSULTATION, "education"),
)


def add_known(session: Session, items: tuple[Known, ...] = KNOWN) -> None:
    """File the referrals, with timeliness worked out as the case record does."""
    for item in items:
        referral = Referral(
            reference=item.reference,
            status=ReferralStatus.READY_FOR_TRIAGE,
            received_at=item.received,
            origin=item.origin,
            contact_type=item.contact_type,
            sector=item.sector,
            district=item.district,
            referral_source=item.source,
            role_category=item.role,
            any_child_send=item.send,
            any_child_in_care=item.in_care,
            outcome=item.outcome,
            allegation_type_rows=[ReferralAllegationType(allegation_type=t) for t in item.types],
        )
        if item.closed is not None:
            referral.closed_at = at(item.closed, 16)
            referral.timeliness = timeliness_band(item.received.date(), item.closed)
            referral.days_to_close = days_to_close(item.received.date(), item.closed)
        session.add(referral)
