"""Pages: the review queue, one referral, and approving its held reply."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ingest_service.records import RecordNotFound, referral_record
from ingest_service.replies.approval import ReplyNotAwaitingApproval
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import ReferralStatus
from ingest_service.web.auth.dependencies import Caseworker, ServiceDep
from ingest_service.web.referrals.presentation import field_sections
from ingest_service.web.referrals.service import approve_referral_reply, review_queue
from ingest_service.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/referrals", response_class=HTMLResponse)
def queue_page(
    request: Request, user: Caseworker, service: ServiceDep, status: ReferralStatus | None = None
) -> HTMLResponse:
    """Open referrals, most urgent first, optionally of one status."""
    with service.sessions() as session:
        entries = review_queue(session, status)
    return render(
        request,
        "referrals/queue.html",
        user,
        entries=entries,
        status=status,
        statuses=list(ReferralStatus),
    )


@router.get("/referrals/{reference}", response_class=HTMLResponse, name="referral_page")
def referral_page(
    request: Request, reference: str, user: Caseworker, service: ServiceDep, approved: int = 0
) -> HTMLResponse:
    """One referral in full; the view is audited with the user."""
    try:
        with unit_of_work(service.sessions) as session:
            record = referral_record(session, reference, user.actor)
    except RecordNotFound:
        raise HTTPException(404, "There is no referral with that reference.") from None
    return render(
        request,
        "referrals/referral.html",
        user,
        record=record,
        sections=field_sections(record, service.council.form),
        approved=approved,
    )


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
