"""Database tables of the records store (SQLAlchemy 2, typed)."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    case,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

JsonType = JSON().with_variant(JSONB(), "postgresql")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names for migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JsonType, list[Any]: JsonType}


class ReferralStatus(enum.StrEnum):
    """Where a referral stands in intake."""

    AWAITING_INFORMATION = "awaiting_information"
    READY_FOR_TRIAGE = "ready_for_triage"
    NEEDS_REVIEW = "needs_review"


class OutboxStatus(enum.StrEnum):
    """Where a queued email stands."""

    AWAITING_APPROVAL = "awaiting_approval"
    PENDING = "pending"
    SENT = "sent"


class ReplyKind(enum.StrEnum):
    """Which automatic reply an outbox email is."""

    MISSING_INFORMATION = "missing_information"
    ACKNOWLEDGEMENT = "acknowledgement"


class StepStatus(enum.StrEnum):
    """The result of one intake step on one message."""

    OK = "ok"
    ERROR = "error"
    SKIPPED = "skipped"


class UserRole(enum.StrEnum):
    """What a signed-in person may do in the web app."""

    CONTACT_OFFICER = "contact_officer"
    LADO = "lado"
    MANAGER = "manager"
    ADMINISTRATOR = "administrator"


class ReferralOrigin(enum.StrEnum):
    """How a referral reached the store."""

    EMAIL = "email"
    IMPORT = "import"


class ContactType(enum.StrEnum):
    """The triage decision, which annual reports count as the contact type."""

    ALLEGATION = "allegation"
    CONSULTATION = "consultation"
    INFORMATION_ONLY = "information_only"
    NOT_FOR_LADO = "not_for_lado"


class CaseOutcome(enum.StrEnum):
    """How an allegation was concluded (Keeping Children Safe in Education definitions)."""

    SUBSTANTIATED = "substantiated"
    UNSUBSTANTIATED = "unsubstantiated"
    UNFOUNDED = "unfounded"
    FALSE = "false"
    MALICIOUS = "malicious"


class TimelinessBand(enum.StrEnum):
    """How long a closed case took from referral to closure, against the national targets."""

    WITHIN_1_MONTH = "within_1_month"
    WITHIN_3_MONTHS = "within_3_months"
    WITHIN_12_MONTHS = "within_12_months"
    OVER_12_MONTHS = "over_12_months"


def _enum(kind: type[enum.StrEnum]) -> Enum:
    return Enum(kind, native_enum=False, length=32, values_callable=lambda e: [m.value for m in e])


class Message(Base):
    """One email received from a mailbox: the ledger entry, with separate step timestamps."""

    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("mailbox", "mailbox_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(255))
    mailbox_key: Mapped[str] = mapped_column(String(512))
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    sender: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    content_sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    moved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    moved_to: Mapped[str | None] = mapped_column(String(255))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"), index=True)

    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="message", order_by="Attachment.id"
    )
    steps: Mapped[list[ProcessingStep]] = relationship(order_by="ProcessingStep.id")
    referral: Mapped[Referral | None] = relationship(
        back_populates="messages", foreign_keys=[referral_id]
    )


class Attachment(Base):
    """One attachment of a message, kept in the document store, with its parse outcome."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("message_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"))
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(512))
    content_type: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64))
    inline: Mapped[bool] = mapped_column(default=False)
    parse_error: Mapped[str | None] = mapped_column(Text)

    message: Mapped[Message] = relationship(back_populates="attachments")


class ProcessingStep(Base):
    """The recorded result of one intake step for one message."""

    __tablename__ = "processing_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    step: Mapped[str] = mapped_column(String(64))
    status: Mapped[StepStatus] = mapped_column(_enum(StepStatus))
    detail: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Referral(Base):
    """A filed referral: extracted fields with provenance, what is missing, its classification."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    status: Mapped[ReferralStatus] = mapped_column(_enum(ReferralStatus), index=True)
    referrer_email: Mapped[str | None] = mapped_column(String(320))
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    field_provenance: Mapped[dict[str, Any]] = mapped_column(default=dict)
    missing_fields: Mapped[list[Any]] = mapped_column(default=list)
    missing_sections: Mapped[list[Any]] = mapped_column(default=list)
    classification: Mapped[dict[str, Any]] = mapped_column(default=dict)
    review_reasons: Mapped[list[Any]] = mapped_column(default=list)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    # Reporting dimensions, kept in columns so the dashboard and reports group in SQL.
    origin: Mapped[ReferralOrigin] = mapped_column(
        _enum(ReferralOrigin), default=ReferralOrigin.EMAIL
    )
    sector: Mapped[str | None] = mapped_column(String(64), index=True)
    role_category: Mapped[str | None] = mapped_column(String(64))
    district: Mapped[str | None] = mapped_column(String(64))
    referral_source: Mapped[str | None] = mapped_column(String(64))
    any_child_send: Mapped[bool | None] = mapped_column()
    any_child_in_care: Mapped[bool | None] = mapped_column()
    subject_key: Mapped[str | None] = mapped_column(String(64), index=True)

    # The case record, from triage to outcome.
    contact_type: Mapped[ContactType | None] = mapped_column(_enum(ContactType), index=True)
    triage_note: Mapped[str | None] = mapped_column(Text)
    triaged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    triaged_by: Mapped[str | None] = mapped_column(String(255))
    strategy_meeting_on: Mapped[date | None] = mapped_column(Date)
    evaluation_meeting_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[CaseOutcome | None] = mapped_column(_enum(CaseOutcome))
    regulator_referrals: Mapped[list[Any]] = mapped_column(default=list)
    timeliness: Mapped[TimelinessBand | None] = mapped_column(_enum(TimelinessBand))
    days_to_close: Mapped[int | None] = mapped_column(Integer)

    allegation_type_rows: Mapped[list[ReferralAllegationType]] = relationship(
        cascade="all, delete-orphan", order_by="ReferralAllegationType.allegation_type"
    )
    messages: Mapped[list[Message]] = relationship(
        back_populates="referral", foreign_keys=[Message.referral_id], order_by="Message.id"
    )


# The review queue's order: held for review, then missing information, then an unsure
# classifier, then the rest. Indexed (open referrals only) so a page of the queue reads
# the index instead of every referral's classification.
QUEUE_URGENCY = case(
    (Referral.status == ReferralStatus.NEEDS_REVIEW, 0),
    (Referral.status == ReferralStatus.AWAITING_INFORMATION, 1),
    (Referral.classification["needs_review"].as_boolean(), 2),
    else_=3,
)
Index(
    "ix_referrals_queue_order",
    QUEUE_URGENCY,
    Referral.received_at,
    Referral.id,
    postgresql_where=Referral.closed_at.is_(None),
    sqlite_where=Referral.closed_at.is_(None),
)
# The adult's date of birth as answered, to find repeat referrals with a similar name.
SUBJECT_DOB = Referral.fields["subject_dob"].as_string()
Index("ix_referrals_subject_dob", SUBJECT_DOB)

# Covering indexes for the dashboard and reports (migration 0007): a count grouped over the
# referrals received, or the allegations closed, in a period reads only the index.
Index(
    "ix_referrals_reporting",
    Referral.received_at,
    Referral.contact_type,
    Referral.sector,
    Referral.district,
    Referral.origin,
    Referral.referral_source,
    Referral.role_category,
    Referral.any_child_send,
    Referral.any_child_in_care,
    Referral.id,
)
Index(
    "ix_referrals_closed_reporting",
    Referral.contact_type,
    Referral.closed_at,
    Referral.outcome,
    Referral.timeliness,
)


class ReferralAllegationType(Base):
    """One allegation type of a referral, as a row so reports can count types in SQL."""

    __tablename__ = "referral_allegation_types"

    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), primary_key=True)
    allegation_type: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class OutboxEmail(Base):
    """An email the service will send, written in the same transaction as the referral."""

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("source_message_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    source_message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"))
    kind: Mapped[ReplyKind] = mapped_column(_enum(ReplyKind))
    status: Mapped[OutboxStatus] = mapped_column(_enum(OutboxStatus), index=True)
    rfc_message_id: Mapped[str] = mapped_column(String(255), unique=True)
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(Text)
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    references: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


class AuditEvent(Base):
    """Who or what viewed or changed which record, and when. Detail holds no personal data."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ClassificationCorrection(Base):
    """An officer's correction of a referral's classification: a labelled training example."""

    __tablename__ = "classification_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    allegation_types: Mapped[list[Any]] = mapped_column(default=list)
    sector: Mapped[str] = mapped_column(String(64))
    replaced: Mapped[dict[str, Any]] = mapped_column(default=dict)
    replaced_model_version: Mapped[str | None] = mapped_column(String(255))
    corrected_by: Mapped[str] = mapped_column(String(255))
    corrected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reviewed: Mapped[bool] = mapped_column(default=False, index=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(255))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class JobState(Base):
    """One scheduled job of one mailbox: who may run it (a lease), and how its runs went."""

    __tablename__ = "job_states"

    name: Mapped[str] = mapped_column(String(300), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(255))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_succeeded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(String(255))
    last_detail: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    retry_after: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class User(Base):
    """A local account of the web app: a password hash (argon2), never the password."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[UserRole] = mapped_column(_enum(UserRole))
    oidc_subject: Mapped[str | None] = mapped_column(String(64), unique=True)
    """For people who sign in with OpenID: a digest of issuer and subject (neither value)."""
    session_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Carried by each session cookie; moved on to end every session of the account."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class LoginFailure(Base):
    """One failed sign-in, shared by every web process; keyed by a digest of username and
    address, so neither is stored."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_sha256_failed_at", "key_sha256", "failed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key_sha256: Mapped[str] = mapped_column(String(64))
    failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReferenceCounter(Base):
    """The last reference number issued in each year."""

    __tablename__ = "reference_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer)
