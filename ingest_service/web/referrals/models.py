"""What the referrals API returns (and the pages show), as Pydantic schemas."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from ingest_service.store.models import CaseOutcome, ContactType, ReferralStatus, TimelinessBand


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


class QueuePage(BaseModel):
    """One page of the review queue, with how many referrals match in all."""

    items: list[QueueEntryRead]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        """How many pages the matching referrals fill (at least one)."""
        return max(1, -(-self.total // self.per_page))


class StepRead(BaseModel):
    """One intake step's outcome for a message."""

    step: str
    status: str
    detail: str | None


class AttachmentRead(BaseModel):
    """A stored attachment of a message, viewable on the referral's document page."""

    id: int
    filename: str
    content_type: str
    size_bytes: int
    parse_error: str | None


class MessageRead(BaseModel):
    """An email that contributed to the referral, with its intake steps and attachments."""

    id: int
    message_id: str | None
    received_at: datetime
    moved_to: str | None
    error: str | None
    steps: list[StepRead]
    attachments: list[AttachmentRead]


class ReplyRead(BaseModel):
    """An automatic reply queued, held or sent for the referral."""

    id: int
    kind: str
    status: str
    subject: str
    to: str
    sent_at: datetime | None


class CaseRead(BaseModel):
    """A referral's reporting dimensions (ids) and its case record, from triage to closure."""

    sector: str | None
    allegation_types: list[str]
    role_category: str | None
    district: str | None
    referral_source: str | None
    any_child_send: bool | None
    any_child_in_care: bool | None
    contact_type: ContactType | None
    triage_note: str | None
    triaged_at: datetime | None
    triaged_by: str | None
    strategy_meeting_on: date | None
    evaluation_meeting_on: date | None
    outcome: CaseOutcome | None
    regulator_referrals: list[str]
    closed_at: datetime | None
    timeliness: TimelinessBand | None
    days_to_close: int | None


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
    case: CaseRead
    messages: list[MessageRead]
    replies: list[ReplyRead]


class ReferralExport(BaseModel):
    """A referral as exported for a case-management system or annual report."""

    reference: str
    status: ReferralStatus
    received_at: datetime
    completed_at: datetime | None
    fields: dict[str, Any]
    missing_sections: list[str]
    case: CaseRead


class FieldChange(BaseModel):
    """A new answer for one field (blank clears it); `child` numbers a child from 1."""

    field: str = Field(examples=["incident_date"])
    value: str = Field(examples=["02/03/2026"])
    child: int | None = Field(default=None, ge=1)


class LabelsChange(BaseModel):
    """The officer's allegation types and sector (council label ids)."""

    allegation_types: list[str] = Field(min_length=1)
    sector: str


class TriageChange(BaseModel):
    """The triage decision; a referral not for the LADO needs a signposting note."""

    contact_type: ContactType
    note: str = ""


class CaseRecordChange(BaseModel):
    """Case record values to set; keys left out keep their value, null clears one."""

    strategy_meeting_on: date | None = None
    evaluation_meeting_on: date | None = None
    outcome: CaseOutcome | None = None
    closed_on: date | None = None
    regulator_referrals: list[str] = Field(default_factory=list)


class ReferralUpdate(BaseModel):
    """Changes to a referral, applied in this order; the case record needs the LADO role."""

    fields: list[FieldChange] = Field(default_factory=list)
    labels: LabelsChange | None = None
    triage: TriageChange | None = None
    case_record: CaseRecordChange | None = None
