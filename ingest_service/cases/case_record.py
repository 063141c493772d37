"""The case record after triage: meetings, outcome, regulators, closure and its timeliness."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from ingest_service.cases.lookup import CaseInputError, find_referral
from ingest_service.cases.reporting_config import CaseReporting
from ingest_service.cases.timeliness import days_to_close, timeliness_band
from ingest_service.store import audit
from ingest_service.store.models import CaseOutcome, ContactType, Referral, utcnow


@dataclass(frozen=True)
class CaseRecord:
    """What a LADO records about a case; a blank date or outcome is not yet known."""

    strategy_meeting_on: date | None = None
    evaluation_meeting_on: date | None = None
    outcome: CaseOutcome | None = None
    closed_on: date | None = None
    regulator_referrals: tuple[str, ...] = ()

    @classmethod
    def of(cls, referral: Referral) -> CaseRecord:
        """The referral's case record as it stands."""
        return cls(
            strategy_meeting_on=referral.strategy_meeting_on,
            evaluation_meeting_on=referral.evaluation_meeting_on,
            outcome=referral.outcome,
            closed_on=referral.closed_at.date() if referral.closed_at else None,
            regulator_referrals=tuple(referral.regulator_referrals),
        )


def update_case_record(
    session: Session, reference: str, record: CaseRecord, actor: str, *, reporting: CaseReporting
) -> Referral:
    """Replace the case record; closing computes the timeliness band. Audited by field name."""
    unknown = set(record.regulator_referrals) - set(reporting.regulator_ids)
    if unknown:
        raise CaseInputError("Choose regulators from the list.")
    referral = find_referral(session, reference, for_update=True)
    received = utc_date(referral.received_at)
    check_case_record(referral, record, received)
    before = CaseRecord.of(referral)
    changed = [
        f.name for f in fields(CaseRecord) if getattr(record, f.name) != getattr(before, f.name)
    ]
    referral.strategy_meeting_on = record.strategy_meeting_on
    referral.evaluation_meeting_on = record.evaluation_meeting_on
    referral.outcome = record.outcome
    referral.regulator_referrals = list(dict.fromkeys(record.regulator_referrals))
    if record.closed_on is None:
        referral.closed_at, referral.timeliness, referral.days_to_close = None, None, None
    else:
        referral.closed_at = datetime.combine(record.closed_on, time(), UTC)
        referral.timeliness = timeliness_band(received, record.closed_on)
        referral.days_to_close = days_to_close(received, record.closed_on)
    referral.updated_at = utcnow()
    audit.record(
        session, actor, "case_record_updated", "referral", referral.id, {"changed": changed}
    )
    return referral


def utc_date(moment: datetime) -> date:
    """The UTC calendar date of a stored time (SQLite returns it without its zone)."""
    zoned = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return zoned.astimezone(UTC).date()


def check_case_record(referral: Referral, record: CaseRecord, received: date) -> None:
    """Raise CaseInputError for a record that cannot stand."""
    is_allegation = referral.contact_type is ContactType.ALLEGATION
    if record.outcome is not None and not is_allegation:
        raise CaseInputError("Record an outcome only for a referral triaged as an allegation.")
    for day in (record.strategy_meeting_on, record.evaluation_meeting_on, record.closed_on):
        if day is not None and day < received:
            raise CaseInputError("Dates cannot be before the referral was received.")
    if record.closed_on is not None:
        if referral.contact_type is None:
            raise CaseInputError("Record the triage decision before closing the case.")
        if is_allegation and record.outcome is None:
            raise CaseInputError("Record the outcome before closing an allegation.")
