"""Counts of referrals grouped in SQL within a period. Knows nothing of HTTP or layout.

Every function returns {group key tuple: count}; enum values come back as their plain
strings and a missing value as None, so callers can label and order them.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Executable, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ingest_service.cases.timeliness import add_months
from ingest_service.reports.period import Period, local_midnight
from ingest_service.reports.sql import Bucket, joined_text
from ingest_service.store.models import ContactType, Referral, ReferralAllegationType

Counts = dict[tuple[str | None, ...], int]
Key = ColumnElement[Any] | InstrumentedAttribute[Any] | Bucket

OPEN_AGE_BANDS: tuple[tuple[int, str], ...] = (
    (1, "under_1_month"),
    (3, "1_to_3_months"),
    (12, "3_to_12_months"),
)
OLDEST_AGE_BAND = "over_12_months"


def _plain(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def _run(session: Session, statement: Executable) -> Counts:
    return {tuple(_plain(v) for v in row[:-1]): int(row[-1]) for row in session.execute(statement)}


def margin(counts: Counts, *positions: int) -> Counts:
    """The counts keyed by the keys at these positions only, summed over the others."""
    summed: Counts = {}
    for key, count in counts.items():
        kept = tuple(key[p] for p in positions)
        summed[kept] = summed.get(kept, 0) + count
    return summed


def received_in(period: Period) -> tuple[ColumnElement[bool], ...]:
    """Referrals received within the period."""
    return (Referral.received_at >= period.starts_at, Referral.received_at < period.ends_before)


def closed_allegations_in(period: Period) -> tuple[ColumnElement[bool], ...]:
    """Allegations closed within the period: the cases the national targets measure."""
    return (
        Referral.contact_type == ContactType.ALLEGATION,
        Referral.closed_at >= period.starts_at,
        Referral.closed_at < period.ends_before,
    )


def _shown_and_grouped(keys: Sequence[Key]) -> tuple[list[Any], list[Any]]:
    """What to select and what to group by: a bucket shows one expression, groups by another."""
    shown = [(k.shown if isinstance(k, Bucket) else k).label(f"k{i}") for i, k in enumerate(keys)]
    grouped = [k.group if isinstance(k, Bucket) else shown[i] for i, k in enumerate(keys)]
    return shown, grouped


def received_counts(session: Session, period: Period, keys: Sequence[Key]) -> Counts:
    """Referrals received in the period, grouped by the key expressions."""
    shown, grouped = _shown_and_grouped(keys)
    statement = select(*shown, func.count()).where(*received_in(period)).group_by(*grouped)
    return _run(session, statement)


def by_allegation_type(session: Session, period: Period) -> Counts:
    """Referrals received per allegation type (a referral counts once for each of its types)."""
    allegation_type = ReferralAllegationType.allegation_type.label("allegation_type")
    statement = (
        select(allegation_type, func.count())
        .select_from(Referral)
        .join(ReferralAllegationType, ReferralAllegationType.referral_id == Referral.id)
        .where(*received_in(period))
        .group_by(allegation_type)
    )
    return _run(session, statement)


def by_allegation_type_set(
    session: Session, period: Period, key: InstrumentedAttribute[Any]
) -> Counts:
    """Referrals received that have allegation types, per key value and set of types (the
    type ids sorted and joined by commas). One pass over the types serves both the per-type
    and the per-category tables, each referral counted once in each."""
    per_referral = (
        select(key.label("k0"), joined_text(session, ReferralAllegationType.allegation_type))
        .join(ReferralAllegationType, ReferralAllegationType.referral_id == Referral.id)
        .where(*received_in(period))
        .group_by(Referral.id, key)
        .subquery()
    )
    k0, types = per_referral.c.k0, per_referral.c.types
    counts = _run(session, select(k0, types, func.count()).group_by(k0, types))
    merged: Counts = {}
    for (value, listed), count in counts.items():
        key_set = (value, ",".join(sorted((listed or "").split(","))))
        merged[key_set] = merged.get(key_set, 0) + count
    return merged


def closed_allegation_counts(session: Session, period: Period, keys: Sequence[Key]) -> Counts:
    """Allegations closed in the period, grouped by the keys (outcome, timeliness band)."""
    shown, grouped = _shown_and_grouped(keys)
    statement = (
        select(*shown, func.count()).where(*closed_allegations_in(period)).group_by(*grouped)
    )
    return _run(session, statement)


def open_by_age(session: Session, today: date) -> Counts:
    """Referrals not yet closed, by how long ago they were received (calendar months, counted
    from UK midnights)."""
    bands = [
        (Referral.received_at >= local_midnight(add_months(today, -months)), band)
        for months, band in OPEN_AGE_BANDS
    ]
    age = case(*bands, else_=OLDEST_AGE_BAND).label("age")
    statement = select(age, func.count()).where(Referral.closed_at.is_(None)).group_by(age)
    return _run(session, statement)
