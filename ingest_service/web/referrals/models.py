"""What the referrals API returns (and the pages show), as Pydantic schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from ingest_service.store.models import ReferralStatus


class QueueEntryRead(BaseModel):
    """One referral in the review queue, without personal details."""

    reference: str
    status: ReferralStatus
    received_at: datetime
    missing_sections: list[str]
    allegation_types: list[str]
    sector: str | None
    low_confidence: bool
    review_reasons: int


class StepRead(BaseModel):
    """One intake step's outcome for a message."""

    step: str
    status: str
    detail: str | None


class MessageRead(BaseModel):
    """An email that contributed to the referral, with its intake steps."""

    id: int
    message_id: str | None
    received_at: datetime
    moved_to: str | None
    error: str | None
    steps: list[StepRead]


class ReplyRead(BaseModel):
    """An automatic reply queued, held or sent for the referral."""

    id: int
    kind: str
    status: str
    subject: str
    to: str
    sent_at: datetime | None


class ReferralRead(BaseModel):
    """A whole referral: fields with provenance, what is missing, classification, history."""

    reference: str
    status: ReferralStatus
    received_at: datetime
    completed_at: datetime | None
    fields: dict[str, Any]
    provenance: dict[str, Any]
    missing_fields: list[str]
    missing_sections: list[str]
    classification: dict[str, Any]
    review_reasons: list[Any]
    messages: list[MessageRead]
    replies: list[ReplyRead]
