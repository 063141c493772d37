"""Rendering a referral's page: the record, repeat referrals and the case forms' choices."""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from ingest_service.cases.lookup import find_referral
from ingest_service.cases.repeats import repeat_referrals
from ingest_service.records import RecordNotFound, referral_record
from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import CaseOutcome, ContactType
from ingest_service.web.auth.models import SignedInUser
from ingest_service.web.referrals.access import may_lead_cases
from ingest_service.web.referrals.models import CaseRead
from ingest_service.web.referrals.presentation import field_choices, field_sections
from ingest_service.web.referrals.refused_form import RefusedForm
from ingest_service.web.templating import render

SAVED_NOTICES = {
    "field": "Answer saved.",
    "labels": "Classification saved.",
    "triage": "Triage decision recorded.",
    "case": "Case record saved.",
}


def referral_page_response(
    request: Request,
    user: SignedInUser,
    service: Service,
    reference: str,
    *,
    approved: int = 0,
    saved: str = "",
    error: str | None = None,
    refused: RefusedForm | None = None,
) -> HTMLResponse:
    """The referral's page (audited as a view); 422 with the message when a form failed, and
    the refused form filled in with what was typed."""
    try:
        with unit_of_work(service.sessions) as session:
            record = referral_record(session, reference, user.actor)
            repeats = repeat_referrals(session, find_referral(session, reference))
    except RecordNotFound:
        raise HTTPException(404, "There is no referral with that reference.") from None
    return render(
        request,
        "referrals/referral.html",
        user,
        status_code=422 if error else 200,
        record=record,
        case=CaseRead.model_validate(record["case"]),
        sections=field_sections(record, service.council.form),
        repeats=repeats,
        approved=approved,
        notice=SAVED_NOTICES.get(saved),
        error=error,
        refused=refused,
        field_choices=field_choices(service.council.form),
        taxonomy=service.council.taxonomy,
        reporting=service.case_reporting,
        contact_types=list(ContactType),
        outcomes=list(CaseOutcome),
        may_lead=may_lead_cases(user),
    )
