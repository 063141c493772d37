"""Step: file a new referral, or update the one this message answers."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest_service.cases.reporting_config import CaseReporting
from ingest_service.cases.reporting_fields import refresh_reporting_fields
from ingest_service.intake.context import IntakeMessage
from ingest_service.store import audit
from ingest_service.store.models import OutboxEmail, Referral, ReferralStatus, utcnow
from ingest_service.store.references import REFERENCE_PATTERN, next_reference
from parsers.extraction import FieldExtraction
from parsers.form_schema import FormSchema
from parsers.mandatory import check_mandatory

_REFERENCE_IN_TEXT = re.compile(REFERENCE_PATTERN)


def provenance_of(extraction: FieldExtraction) -> dict[str, Any]:
    """Confidence, source and label of every extracted field, children as a list."""

    def describe(fields: dict[str, Any]) -> dict[str, Any]:
        return {
            key: {"confidence": value.confidence, "source": value.source, "label": value.label}
            for key, value in fields.items()
        }

    details = describe(extraction.fields)
    if extraction.children:
        details["children"] = [describe(child) for child in extraction.children]
    return details


def find_answered_referral(session: Session, item: IntakeMessage) -> Referral | None:
    """The referral this message replies to: by our reply's Message-ID, else by reference."""
    email = item.email
    if email is None:
        return None
    thread_ids = [i for i in (email.in_reply_to, *email.references) if i]
    if thread_ids:
        referral_id = session.scalar(
            select(OutboxEmail.referral_id).where(OutboxEmail.rfc_message_id.in_(thread_ids))
        )
        if referral_id is not None:
            return session.get(Referral, referral_id)
    match = _REFERENCE_IN_TEXT.search(email.subject or "")
    if match:
        return session.scalar(select(Referral).where(Referral.reference == match.group(0)))
    return None


def status_for(item: IntakeMessage, missing_fields: list[str]) -> ReferralStatus:
    """Needs review on any processing problem; else awaiting information or ready for triage."""
    if item.review_reasons or item.extraction is None:
        return ReferralStatus.NEEDS_REVIEW
    return (
        ReferralStatus.AWAITING_INFORMATION if missing_fields else ReferralStatus.READY_FOR_TRIAGE
    )


class FileStep:
    """Creates or updates the referral record and its reporting columns, audited either way."""

    name = "file"

    def __init__(self, schema: FormSchema, reporting: CaseReporting) -> None:
        self.schema = schema
        self.reporting = reporting

    def able_to_run(self, item: IntakeMessage) -> bool:
        """Always: even a message nothing could be read from is filed for review."""
        return True

    def run(self, item: IntakeMessage, session: Session) -> str:
        """File or update."""
        existing = find_answered_referral(session, item)
        if existing is not None and item.extraction is not None:
            self._merge_into(existing, item)
            item.referral = existing
            audit.record(
                session,
                audit.SYSTEM_INTAKE,
                "updated_from_reply",
                "referral",
                existing.id,
                {"message_id": item.record.id, "status": existing.status.value},
            )
            return f"updated {existing.reference}"
        referral = self._new_referral(session, item)
        item.referral = referral
        audit.record(
            session,
            audit.SYSTEM_INTAKE,
            "filed",
            "referral",
            referral.id,
            {"message_id": item.record.id, "status": referral.status.value},
        )
        return f"filed {referral.reference}"

    def _new_referral(self, session: Session, item: IntakeMessage) -> Referral:
        extraction = item.extraction
        missing = item.mandatory
        missing_fields = list(missing.missing_fields) if missing else []
        status = status_for(item, missing_fields)
        referral = Referral(
            reference=next_reference(session, item.record.received_at.year),
            status=status,
            referrer_email=item.email.sender if item.email else None,
            fields=extraction.output_fields() if extraction else {},
            field_provenance=provenance_of(extraction) if extraction else {},
            missing_fields=missing_fields,
            missing_sections=list(missing.missing_sections) if missing else [],
            classification=self._classification(item),
            review_reasons=list(item.review_reasons),
            received_at=item.record.received_at,
            completed_at=utcnow() if status is ReferralStatus.READY_FOR_TRIAGE else None,
        )
        refresh_reporting_fields(referral, self.reporting)
        session.add(referral)
        session.flush()
        item.record.referral_id = referral.id
        return referral

    def _merge_into(self, referral: Referral, item: IntakeMessage) -> None:
        """Answered fields of the reply fill or replace the referral's; rules are re-checked."""
        assert item.extraction is not None
        incoming = item.extraction.output_fields()
        fields = {**referral.fields, **incoming}
        provenance = {**referral.field_provenance, **provenance_of(item.extraction)}
        check = check_mandatory(fields, self.schema)
        referral.fields = fields
        referral.field_provenance = provenance
        referral.missing_fields = list(check.missing_fields)
        referral.missing_sections = list(check.missing_sections)
        if item.classification is not None:
            referral.classification = self._classification(item)
        referral.review_reasons = [*referral.review_reasons, *item.review_reasons]
        referral.status = status_for(item, referral.missing_fields)
        if referral.status is ReferralStatus.READY_FOR_TRIAGE and referral.completed_at is None:
            referral.completed_at = utcnow()
        refresh_reporting_fields(referral, self.reporting)
        referral.updated_at = utcnow()
        item.record.referral_id = referral.id

    @staticmethod
    def _classification(item: IntakeMessage) -> dict[str, Any]:
        if item.classification is None:
            return {}
        return item.classification.to_json()
