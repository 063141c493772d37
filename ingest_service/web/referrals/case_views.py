"""The referral page's case forms: correct an answer or the labels, triage, the case record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import TypeVar

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from ingest_service.cases.case_record import CaseRecord, update_case_record
from ingest_service.cases.field_corrections import correct_field
from ingest_service.cases.labels import correct_labels
from ingest_service.cases.lookup import CaseInputError
from ingest_service.cases.triage import record_triage
from ingest_service.records import RecordNotFound
from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import CaseOutcome, ContactType
from ingest_service.web.auth.dependencies import Caseworker, ServiceDep
from ingest_service.web.auth.models import SignedInUser
from ingest_service.web.referrals.access import CaseLead
from ingest_service.web.referrals.page import referral_page_response
from ingest_service.web.referrals.refused_form import RefusedForm

E = TypeVar("E", bound=StrEnum)
CHOOSE_CONTACT_TYPE = "Choose the contact type."


def _saved(
    request: Request,
    user: SignedInUser,
    service: Service,
    reference: str,
    what: str,
    form: FormData,
    change: Callable[[Session], object],
) -> Response:
    """Make the change in one transaction, then back to the page; on an error, the page again
    with the message and what was typed into the form `what`."""
    try:
        with unit_of_work(service.sessions) as session:
            change(session)
    except CaseInputError as exc:
        refused = RefusedForm.of(what, form)
        return referral_page_response(
            request, user, service, reference, error=str(exc), refused=refused
        )
    except RecordNotFound:
        return referral_page_response(request, user, service, reference)  # raises 404
    page = request.url_for("referral_page", reference=reference)
    return RedirectResponse(f"{page.path}?saved={what}#{what}", status_code=303)


def text(form: FormData, name: str) -> str:
    """One text field of the form ("" when absent)."""
    value = form.get(name)
    return value if isinstance(value, str) else ""


def texts(form: FormData, name: str) -> list[str]:
    """Every text value of a repeated field (ticked boxes, a multiple select)."""
    return [value for value in form.getlist(name) if isinstance(value, str)]


def choice(form: FormData, name: str, options: type[E], message: str) -> E | None:
    """The option chosen, None when blank; CaseInputError(message) when not one of them."""
    value = text(form, name)
    if not value:
        return None
    if value not in set(options):
        raise CaseInputError(message)
    return options(value)


def optional_date(form: FormData, name: str, label: str) -> date | None:
    """A date input's value, None when blank."""
    value = text(form, name).strip()
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise CaseInputError(f"Enter the {label} as a date such as 2026-01-31.") from None


async def correct_answer(
    request: Request, reference: str, user: Caseworker, service: ServiceDep
) -> Response:
    """Correct one answer (audited by field id)."""
    form = await request.form()
    child_text = text(form, "child").strip()

    def change(session: Session) -> None:
        if child_text and not child_text.isdigit():
            raise CaseInputError("Give the child's number, such as 1.")
        correct_field(
            session,
            reference,
            text(form, "field"),
            text(form, "value"),
            user.actor,
            schema=service.council.form,
            reporting=service.case_reporting,
            child=int(child_text) if child_text else None,
        )

    return _saved(request, user, service, reference, "field", form, change)


async def correct_classification(
    request: Request, reference: str, user: Caseworker, service: ServiceDep
) -> Response:
    """Correct the allegation types and sector (a training example; audited)."""
    form = await request.form()
    types = texts(form, "allegation_types")

    def change(session: Session) -> None:
        correct_labels(
            session,
            reference,
            types,
            text(form, "sector"),
            user.actor,
            taxonomy=service.council.taxonomy,
            reporting=service.case_reporting,
        )

    return _saved(request, user, service, reference, "labels", form, change)


async def triage(
    request: Request, reference: str, user: Caseworker, service: ServiceDep
) -> Response:
    """Record the triage decision (audited without the note)."""
    form = await request.form()

    def change(session: Session) -> None:
        chosen = choice(form, "contact_type", ContactType, CHOOSE_CONTACT_TYPE)
        if chosen is None:
            raise CaseInputError(CHOOSE_CONTACT_TYPE)
        record_triage(session, reference, chosen, text(form, "note"), user.actor)

    return _saved(request, user, service, reference, "triage", form, change)


async def case_record(
    request: Request, reference: str, user: CaseLead, service: ServiceDep
) -> Response:
    """Save meetings, outcome, regulators and closure (LADO and managers; audited)."""
    form = await request.form()

    def change(session: Session) -> None:
        outcome = choice(form, "outcome", CaseOutcome, "Choose an outcome from the list.")
        record = CaseRecord(
            strategy_meeting_on=optional_date(form, "strategy_meeting_on", "strategy discussion"),
            evaluation_meeting_on=optional_date(
                form, "evaluation_meeting_on", "evaluation meeting"
            ),
            outcome=outcome,
            closed_on=optional_date(form, "closed_on", "closure date"),
            regulator_referrals=tuple(texts(form, "regulator_referrals")),
        )
        update_case_record(session, reference, record, user.actor, reporting=service.case_reporting)

    return _saved(request, user, service, reference, "case", form, change)
