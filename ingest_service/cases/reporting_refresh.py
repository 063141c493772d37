"""Recomputing the reporting columns of every emailed referral, in batches: for referrals
filed before the columns existed, or after config/case_reporting.yaml changes (a new
district, a reworded keyword). Imported referrals keep the columns their tracker gave."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from ingest_service.cases.reporting_config import CaseReporting
from ingest_service.cases.reporting_fields import refresh_reporting_fields
from ingest_service.store import audit
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import AuditEvent, Referral, ReferralOrigin

AUDIT_ACTION = "reporting_refreshed"
AUDIT_ENTITY = "referrals"
BATCH_SIZE = 500


@dataclass(frozen=True)
class RefreshResult:
    """How many emailed referrals were recomputed, and how many of them changed."""

    referrals: int
    changed: int


def reporting_columns(referral: Referral) -> tuple[Any, ...]:
    """Every value refresh_reporting_fields sets, to tell whether a refresh changed any."""
    return (
        referral.sector,
        frozenset(row.allegation_type for row in referral.allegation_type_rows),
        referral.role_category,
        referral.district,
        referral.referral_source,
        referral.any_child_send,
        referral.any_child_in_care,
        referral.subject_key,
    )


def refresh_batch(
    session: Session, after_id: int, limit: int, config: CaseReporting
) -> tuple[int, int, int]:
    """Refresh the next emailed referrals by id (rows locked on PostgreSQL, as a correction
    locks them); returns the last id, how many were read and how many changed."""
    referrals = session.scalars(
        select(Referral)
        .where(Referral.origin == ReferralOrigin.EMAIL, Referral.id > after_id)
        .order_by(Referral.id)
        .limit(limit)
        .options(selectinload(Referral.allegation_type_rows))
        .with_for_update()
    ).all()
    changed = 0
    for referral in referrals:
        before = reporting_columns(referral)
        refresh_reporting_fields(referral, config)
        changed += reporting_columns(referral) != before
    last_id = referrals[-1].id if referrals else after_id
    return last_id, len(referrals), changed


def refresh_all_reporting(
    sessions: sessionmaker[Session], config: CaseReporting, actor: str, batch_size: int = BATCH_SIZE
) -> RefreshResult:
    """Refresh every emailed referral, one transaction per batch, then audit the run once."""
    if batch_size < 1:
        raise ValueError("the batch size must be at least 1")
    last_id, total, changed = 0, 0, 0
    while True:
        with unit_of_work(sessions) as session:
            last_id, read, changed_here = refresh_batch(session, last_id, batch_size, config)
        total, changed = total + read, changed + changed_here
        if read < batch_size:
            break
    result = RefreshResult(total, changed)
    with unit_of_work(sessions) as session:
        runs = session.scalar(select(func.count()).where(AuditEvent.action == AUDIT_ACTION))
        audit.record(
            session,
            actor,
            AUDIT_ACTION,
            AUDIT_ENTITY,
            1 + (runs or 0),
            {"referrals": result.referrals, "changed": result.changed},
        )
    return result
