"""Applying a ReferralUpdate (the API's PATCH) through the case service functions."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.orm import Session

from ingest_service.cases.case_record import CaseRecord, update_case_record
from ingest_service.cases.field_corrections import correct_field
from ingest_service.cases.labels import correct_labels
from ingest_service.cases.lookup import find_referral
from ingest_service.cases.triage import record_triage
from ingest_service.service import Service
from ingest_service.web.referrals.models import CaseRecordChange, ReferralUpdate


def apply_update(
    session: Session, service: Service, reference: str, update: ReferralUpdate, actor: str
) -> None:
    """Fields, then labels, then triage, then the case record, in the caller's transaction."""
    for change in update.fields:
        correct_field(
            session,
            reference,
            change.field,
            change.value,
            actor,
            schema=service.council.form,
            reporting=service.case_reporting,
            child=change.child,
        )
    if update.labels is not None:
        correct_labels(
            session,
            reference,
            update.labels.allegation_types,
            update.labels.sector,
            actor,
            taxonomy=service.council.taxonomy,
            reporting=service.case_reporting,
        )
    if update.triage is not None:
        record_triage(session, reference, update.triage.contact_type, update.triage.note, actor)
    if update.case_record is not None:
        record = merged_case_record(session, reference, update.case_record)
        update_case_record(session, reference, record, actor, reporting=service.case_reporting)


def merged_case_record(session: Session, reference: str, change: CaseRecordChange) -> CaseRecord:
    """The stored case record with the values the change sets."""
    current = asdict(CaseRecord.of(find_referral(session, reference, for_update=True)))
    given = change.model_dump(exclude_unset=True)
    if "regulator_referrals" in given:
        given["regulator_referrals"] = tuple(given["regulator_referrals"] or ())
    return CaseRecord(**{**current, **given})
