"""An officer's correction of one answer: normalised by its field type, re-checked, audited."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from ingest_service.cases.lookup import CaseInputError, find_referral
from ingest_service.cases.reporting_config import CaseReporting
from ingest_service.cases.reporting_fields import refresh_reporting_fields
from ingest_service.store import audit
from ingest_service.store.models import Referral, ReferralStatus, utcnow
from parsers.form_schema import FieldSpec, FormSchema
from parsers.mandatory import CHILDREN_KEY, check_mandatory
from parsers.normalise import normalise_value
from parsers.text import is_blank

OFFICER = "officer"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalised_answer(raw: str, spec: FieldSpec) -> str | list[str] | None:
    """The answer as the field type stores it; None to clear; CaseInputError if not valid."""
    if is_blank(raw):
        return None
    result = normalise_value(raw, spec)
    if result is None:
        return None
    value = result.value
    if spec.type == "date" and not (isinstance(value, str) and _ISO_DATE.match(value)):
        raise CaseInputError("Enter a date such as 31/01/2026.")
    if spec.type == "email" and result.confidence < 1.0:
        raise CaseInputError("Enter an email address such as name@example.org.")
    if spec.type == "choice" and (value not in spec.options or result.confidence < 1.0):
        raise CaseInputError(f"Choose one of: {', '.join(spec.options)}.")
    if spec.type == "multichoice" and not value:
        raise CaseInputError(f"Choose one or more of: {', '.join(spec.options)}.")
    return value


def correct_field(
    session: Session,
    reference: str,
    field_id: str,
    raw: str,
    actor: str,
    *,
    schema: FormSchema,
    reporting: CaseReporting,
    child: int | None = None,
) -> Referral:
    """Set (or clear) one answer as the officer's, then recompute what is missing and the status.

    `child` numbers the child (from 1) for a field of the repeatable children section; the
    next number adds a child.
    """
    try:
        section = schema.section_of(field_id)
    except KeyError:
        raise CaseInputError("There is no such field on the form.") from None
    value = normalised_answer(raw, section.field(field_id))
    referral = find_referral(session, reference, for_update=True)
    source = {"source": OFFICER, "confidence": 1.0, "label": None, "corrected_by": actor}
    fields, provenance = dict(referral.fields), dict(referral.field_provenance)
    if section.repeatable:
        children = [dict(c) for c in fields.get(CHILDREN_KEY) or []]
        sources = [dict(p) for p in provenance.get(CHILDREN_KEY) or []]
        if child is None or not 1 <= child <= len(children) + 1:
            raise CaseInputError(f"Give a child number from 1 to {len(children) + 1}.")
        if child > len(children):
            children.append({})
        sources.extend({} for _ in range(len(children) - len(sources)))
        _set(children[child - 1], sources[child - 1], field_id, value, source)
        fields[CHILDREN_KEY], provenance[CHILDREN_KEY] = children, sources
    else:
        if child is not None:
            raise CaseInputError("Only answers about a child take a child number.")
        _set(fields, provenance, field_id, value, source)
    referral.fields, referral.field_provenance = fields, provenance
    recheck(referral, schema)
    refresh_reporting_fields(referral, reporting)
    referral.updated_at = utcnow()
    detail: dict[str, Any] = {"field": field_id, "cleared": value is None}
    if child is not None:
        detail["child"] = child
    audit.record(session, actor, "field_corrected", "referral", referral.id, detail)
    return referral


def _set(
    answers: dict[str, Any],
    sources: dict[str, Any],
    field_id: str,
    value: object,
    source: dict[str, Any],
) -> None:
    if value is None:
        answers.pop(field_id, None)
        sources.pop(field_id, None)
    else:
        answers[field_id], sources[field_id] = value, source


def recheck(referral: Referral, schema: FormSchema) -> None:
    """Missing fields and sections again; awaiting information and ready for triage follow them."""
    check = check_mandatory(referral.fields, schema)
    referral.missing_fields = list(check.missing_fields)
    referral.missing_sections = list(check.missing_sections)
    if referral.status is ReferralStatus.NEEDS_REVIEW:
        return
    if referral.missing_fields:
        referral.status = ReferralStatus.AWAITING_INFORMATION
    else:
        referral.status = ReferralStatus.READY_FOR_TRIAGE
        referral.completed_at = referral.completed_at or utcnow()
