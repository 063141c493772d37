"""The referrals JSON API, behind the same roles as the pages (session cookie and CSRF)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from ingest_service.cases.lookup import CaseInputError
from ingest_service.records import RecordNotFound, exported_records, referral_record
from ingest_service.reports.period import local_midnight
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import ContactType, ReferralStatus
from ingest_service.web.auth.dependencies import Caseworker, Manager, NotAllowed, ServiceDep
from ingest_service.web.referrals.access import may_lead_cases
from ingest_service.web.referrals.models import (
    QueuePage,
    ReferralExport,
    ReferralRead,
    ReferralUpdate,
)
from ingest_service.web.referrals.service import PER_PAGE, QueueFilters, review_queue
from ingest_service.web.referrals.updates import apply_update

router = APIRouter(prefix="/api/referrals", tags=["referrals"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "No referral has that reference"}
}
MAX_EXPORT_DAYS = 366


def queue_filters(
    status: ReferralStatus | None = None,
    sector: str | None = None,
    allegation_type: str | None = None,
    received_from: date | None = None,
    received_to: date | None = None,
    contact_type: ContactType | None = None,
    untriaged: bool = False,
) -> QueueFilters:
    """The queue's filters from the query string (received dates inclusive, UTC); `untriaged`
    lists only referrals no one has triaged yet."""
    return QueueFilters(
        status,
        sector or None,
        allegation_type or None,
        received_from,
        received_to,
        contact_type,
        untriaged,
    )


Filters = Annotated[QueueFilters, Depends(queue_filters)]


@router.get("")
def list_referrals(
    user: Caseworker,
    service: ServiceDep,
    filters: Filters,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = PER_PAGE,
) -> QueuePage:
    """Open referrals, most urgent first, filtered and one page at a time."""
    with service.sessions() as session:
        return review_queue(session, filters, page, per_page)


@router.get("/export", responses={400: {"description": "The date range is not valid"}})
def export_referrals(
    user: Manager, service: ServiceDep, received_from: date, received_to: date
) -> list[ReferralExport]:
    """Every referral received in the date range (inclusive UK days, at most a year); audited."""
    if received_to < received_from or (received_to - received_from).days > MAX_EXPORT_DAYS:
        raise HTTPException(400, f"give a range of at most {MAX_EXPORT_DAYS} days, from <= to")
    with unit_of_work(service.sessions) as session:
        records = exported_records(
            session,
            local_midnight(received_from),
            local_midnight(received_to + timedelta(days=1)),
            user.actor,
        )
    return [ReferralExport.model_validate(record) for record in records]


@router.get("/{reference}", responses=NOT_FOUND)
def read_referral(reference: str, user: Caseworker, service: ServiceDep) -> ReferralRead:
    """One referral in full; the read is audited with the user."""
    try:
        with unit_of_work(service.sessions) as session:
            return ReferralRead.model_validate(referral_record(session, reference, user.actor))
    except RecordNotFound:
        raise HTTPException(404, "no referral has that reference") from None


@router.patch(
    "/{reference}",
    responses={
        **NOT_FOUND,
        403: {"description": "The case record needs the LADO or manager role"},
        422: {"description": "A change is not valid; nothing was saved"},
    },
)
def update_referral(
    reference: str, update: ReferralUpdate, user: Caseworker, service: ServiceDep
) -> ReferralRead:
    """Correct answers and labels, record triage and the case record, all or nothing; audited.

    Cookie sessions send the CSRF token in the X-CSRF-Token header.
    """
    if update.case_record is not None and not may_lead_cases(user):
        raise NotAllowed
    try:
        with unit_of_work(service.sessions) as session:
            apply_update(session, service, reference, update, user.actor)
            return ReferralRead.model_validate(referral_record(session, reference, user.actor))
    except RecordNotFound:
        raise HTTPException(404, "no referral has that reference") from None
    except CaseInputError as exc:
        raise HTTPException(422, str(exc)) from None
