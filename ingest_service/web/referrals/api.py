"""The referrals JSON API, behind the same roles as the pages (session cookie)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from ingest_service.records import RecordNotFound, referral_record
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import ReferralStatus
from ingest_service.web.auth.dependencies import Caseworker, ServiceDep
from ingest_service.web.referrals.models import QueueEntryRead, ReferralRead
from ingest_service.web.referrals.service import review_queue

router = APIRouter(prefix="/api/referrals", tags=["referrals"])


@router.get("")
def list_referrals(
    user: Caseworker, service: ServiceDep, status: ReferralStatus | None = None
) -> list[QueueEntryRead]:
    """Open referrals, most urgent first, optionally of one status."""
    with service.sessions() as session:
        return review_queue(session, status)


@router.get("/{reference}", responses={404: {"description": "No referral has that reference"}})
def read_referral(reference: str, user: Caseworker, service: ServiceDep) -> ReferralRead:
    """One referral in full; the read is audited with the user."""
    try:
        with unit_of_work(service.sessions) as session:
            return ReferralRead.model_validate(referral_record(session, reference, user.actor))
    except RecordNotFound:
        raise HTTPException(404, "no referral has that reference") from None
