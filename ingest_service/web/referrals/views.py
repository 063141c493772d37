"""Pages: the review queue, one referral, and approving its held reply."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ingest_service.replies.approval import ReplyNotAwaitingApproval
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import ContactType, ReferralStatus
from ingest_service.web.auth.dependencies import Caseworker, ServiceDep
from ingest_service.web.referrals import case_views, document_views
from ingest_service.web.referrals.page import referral_page_response
from ingest_service.web.referrals.service import (
    QueueFilters,
    approve_referral_reply,
    review_queue,
)
from ingest_service.web.templating import render

router = APIRouter(include_in_schema=False)
UNTRIAGED = "untriaged"


def page_filters(
    status: str = "",
    sector: str = "",
    allegation_type: str = "",
    received_from: str = "",
    received_to: str = "",
    triage: str = "",
) -> QueueFilters:
    """The queue's filters from the filter form; blank or unreadable values filter nothing.

    `triage` is a contact type, or UNTRIAGED for referrals no one has triaged yet.
    """
    return QueueFilters(
        status=ReferralStatus(status) if status in set(ReferralStatus) else None,
        sector=sector or None,
        allegation_type=allegation_type or None,
        received_from=_day(received_from),
        received_to=_day(received_to),
        contact_type=ContactType(triage) if triage in set(ContactType) else None,
        untriaged=triage == UNTRIAGED,
    )


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@router.get("/referrals", response_class=HTMLResponse)
def queue_page(
    request: Request,
    user: Caseworker,
    service: ServiceDep,
    filters: Annotated[QueueFilters, Depends(page_filters)],
    page: int = 1,
) -> HTMLResponse:
    """Open referrals, most urgent first, filtered, a page at a time."""
    with service.sessions() as session:
        result = review_queue(session, filters, page)
    query = {k: v for k, v in request.query_params.items() if k != "page" and v}
    return render(
        request,
        "referrals/queue.html",
        user,
        result=result,
        filters=filters,
        query=query,
        statuses=list(ReferralStatus),
        taxonomy=service.council.taxonomy,
        contact_types=list(ContactType),
        reporting=service.case_reporting,
    )


@router.get("/referrals/{reference}", response_class=HTMLResponse, name="referral_page")
def referral_page(
    request: Request,
    reference: str,
    user: Caseworker,
    service: ServiceDep,
    approved: int = 0,
    saved: str = "",
) -> HTMLResponse:
    """One referral in full with its case forms; the view is audited with the user."""
    return referral_page_response(request, user, service, reference, approved=approved, saved=saved)


@router.post("/referrals/{reference}/replies/{reply_id}/approve")
def approve(
    request: Request, reference: str, reply_id: int, user: Caseworker, service: ServiceDep
) -> Response:
    """Release a held reply to the send job (audited with the user)."""
    try:
        with unit_of_work(service.sessions) as session:
            approve_referral_reply(session, reference, reply_id, user.actor)
    except ReplyNotAwaitingApproval:
        raise HTTPException(404, "That reply is not awaiting approval.") from None
    page = request.url_for("referral_page", reference=reference)
    return RedirectResponse(f"{page.path}?approved={reply_id}", status_code=303)


CASE_FORMS = {
    "fields": case_views.correct_answer,
    "labels": case_views.correct_classification,
    "triage": case_views.triage,
    "case-record": case_views.case_record,
}
for action, endpoint in CASE_FORMS.items():
    router.add_api_route(f"/referrals/{{reference}}/{action}", endpoint, methods=["POST"])
DOCUMENTS = "/referrals/{reference}/documents/{attachment_id:int}"
router.add_api_route(DOCUMENTS, document_views.document_page, response_class=HTMLResponse)
router.add_api_route(f"{DOCUMENTS}/file", document_views.document_file)
router.add_api_route(
    "/referrals/{reference}/messages/{message_id:int}",
    document_views.email_page,
    response_class=HTMLResponse,
)
