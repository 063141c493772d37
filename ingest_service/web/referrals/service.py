"""The review queue and reply approval for a referral. Knows nothing of HTTP."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Integer, func, select, text
from sqlalchemy.orm import Session

from ingest_service.cases.inline_sql import inline_constants
from ingest_service.replies.approval import ReplyNotAwaitingApproval, approve_reply
from ingest_service.reports.period import local_midnight
from ingest_service.store.models import (
    QUEUE_URGENCY,
    ContactType,
    OutboxEmail,
    Referral,
    ReferralAllegationType,
    ReferralStatus,
)
from ingest_service.web.referrals.models import QueueEntryRead, QueuePage

PER_PAGE = 50

_low_confidence = Referral.classification["needs_review"].as_boolean()


@dataclass(frozen=True)
class QueueFilters:
    """Which open referrals to list; received dates are inclusive UK days."""

    status: ReferralStatus | None = None
    sector: str | None = None
    allegation_type: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    contact_type: ContactType | None = None
    untriaged: bool = False
    """Only referrals no one has triaged yet (with `contact_type`, nothing matches)."""

    def conditions(self) -> list[ColumnElement[bool]]:
        """The WHERE conditions of these filters, on open referrals."""
        found: list[ColumnElement[bool]] = [Referral.closed_at.is_(None)]
        if self.status is not None:
            found.append(Referral.status == self.status)
        if self.sector:
            found.append(Referral.sector == self.sector)
        if self.allegation_type:
            found.append(
                Referral.id.in_(
                    select(ReferralAllegationType.referral_id).where(
                        ReferralAllegationType.allegation_type == self.allegation_type
                    )
                )
            )
        if self.received_from is not None:
            found.append(Referral.received_at >= local_midnight(self.received_from))
        if self.received_to is not None:
            day_after = self.received_to + timedelta(days=1)
            found.append(Referral.received_at < local_midnight(day_after))
        if self.contact_type is not None:
            found.append(Referral.contact_type == self.contact_type)
        if self.untriaged:
            found.append(Referral.contact_type.is_(None))
        return found


def urgency(session: Session) -> ColumnElement[int]:
    """The queue's urgency as the expression index ix_referrals_queue_order holds it."""
    return inline_constants(session, QUEUE_URGENCY, Integer())


def prefer_queue_index(session: Session) -> None:
    """On PostgreSQL, walk the queue index rather than sort, for a page past the first.

    The planner prices a sort of every open referral below an index scan past a deep
    offset, not counting that sorting reads each one's classification JSON (hundreds of
    milliseconds at 50,000 referrals, against milliseconds for the index).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL enable_sort = off"))


def review_queue(
    session: Session, filters: QueueFilters | None = None, page: int = 1, per_page: int = PER_PAGE
) -> QueuePage:
    """One page of open referrals, most urgent first and oldest first within an urgency.

    Two queries for the page and one count, whatever the page size: only the listed
    columns are read, never the fields or the classification's scores and evidence.
    """
    conditions = (filters or QueueFilters()).conditions()
    total = session.scalar(select(func.count(Referral.id)).where(*conditions)) or 0
    page = max(1, page)
    statement = (
        select(
            Referral.id,
            Referral.reference,
            Referral.status,
            Referral.received_at,
            Referral.missing_sections,
            Referral.sector,
            _low_confidence,
            Referral.review_reasons,
        )
        .where(*conditions)
        .order_by(urgency(session), Referral.received_at, Referral.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    if page > 1:
        prefer_queue_index(session)
    rows = session.execute(statement).all()
    types = allegation_types_of(session, [row[0] for row in rows])
    entries = [
        QueueEntryRead(
            reference=reference,
            status=status,
            received_at=received_at,
            missing_sections=list(missing or []),
            allegation_types=types.get(referral_id, []),
            sector=sector,
            low_confidence=bool(unsure),
            review_reasons=len(reasons or []),
        )
        for referral_id, reference, status, received_at, missing, sector, unsure, reasons in rows
    ]
    return QueuePage(items=entries, page=page, per_page=per_page, total=total)


def allegation_types_of(session: Session, referral_ids: list[int]) -> dict[int, list[str]]:
    """The allegation types of these referrals, in one query."""
    found: dict[int, list[str]] = defaultdict(list)
    if referral_ids:
        rows = session.execute(
            select(ReferralAllegationType.referral_id, ReferralAllegationType.allegation_type)
            .where(ReferralAllegationType.referral_id.in_(referral_ids))
            .order_by(ReferralAllegationType.allegation_type)
        ).all()
        for referral_id, allegation_type in rows:
            found[referral_id].append(allegation_type)
    return found


def approve_referral_reply(session: Session, reference: str, outbox_id: int, actor: str) -> None:
    """Approve a held reply of this referral (audited with the actor)."""
    owner = session.scalar(
        select(Referral.reference)
        .join(OutboxEmail, OutboxEmail.referral_id == Referral.id)
        .where(OutboxEmail.id == outbox_id)
    )
    if owner != reference:
        raise ReplyNotAwaitingApproval(f"no reply {outbox_id} of {reference} is awaiting approval")
    approve_reply(session, outbox_id, actor)
