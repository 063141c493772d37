"""Runs the intake steps over one ledgered message in one transaction, recording each result."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ingest_service.intake.context import IntakeMessage, StepFailed
from ingest_service.safe_logging import log_failure
from ingest_service.store import audit
from ingest_service.store.database import unit_of_work
from ingest_service.store.documents import DocumentStore
from ingest_service.store.models import Message, ProcessingStep, StepStatus, utcnow

log = logging.getLogger(__name__)


def find_duplicate(session: Session, message: Message) -> Message | None:
    """An earlier, processed copy of the same email (same Message-ID and same bytes)."""
    if not message.message_id:
        return None
    return session.scalar(
        select(Message)
        .where(
            Message.message_id == message.message_id,
            Message.content_sha256 == message.content_sha256,
            Message.processed_at.is_not(None),
            Message.id != message.id,
        )
        .order_by(Message.id)
        .limit(1)
    )


class Step(Protocol):
    """One step of the chain."""

    name: str

    def able_to_run(self, item: IntakeMessage) -> bool:
        """Whether what this step needs is there."""
        ...

    def run(self, item: IntakeMessage, session: Session) -> str:
        """Do the step's work; return a short detail with no personal data."""
        ...


class IntakePipeline:
    """The ordered steps, and the guarantee that a message is processed once, all or nothing."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        documents: DocumentStore,
        steps: Sequence[Step],
        fallback: Step,
        max_attempts: int,
    ) -> None:
        self.sessions = sessions
        self.documents = documents
        self.steps = list(steps)
        self.fallback = fallback
        self.max_attempts = max_attempts

    def process(self, message_id: int) -> None:
        """Process one stored message unless already done; never raises for bad content.

        Each attempt is counted first; after `max_attempts` failed transactions the message
        is filed for review by the fallback step alone, so it is never retried forever.
        """
        attempts = self._count_attempt(message_id)
        if attempts is None:
            return
        giving_up = attempts > self.max_attempts
        try:
            self._run_steps(message_id, giving_up)
        except Exception as exc:  # the transaction failed: the message stays unprocessed
            log_failure(log, f"message {message_id}: intake attempt {attempts} failed", exc)
            with unit_of_work(self.sessions) as session:
                failed = session.get(Message, message_id)
                if failed is not None:
                    failed.error = f"intake failed: {type(exc).__name__}"

    def _count_attempt(self, message_id: int) -> int | None:
        with unit_of_work(self.sessions) as session:
            message = session.get(Message, message_id, with_for_update=True)
            if message is None or message.processed_at is not None:
                return None
            message.attempts += 1
            return message.attempts

    def _run_steps(self, message_id: int, giving_up: bool) -> None:
        """All steps in one transaction; when giving up, only the fallback, on nothing read."""
        with unit_of_work(self.sessions) as session:
            message = session.get(Message, message_id, with_for_update=True)
            if message is None or message.processed_at is not None:
                return
            original = find_duplicate(session, message)
            if original is not None:
                self._mark_duplicate(session, message, original)
                return
            if giving_up:
                reason = f"intake failed {message.attempts - 1} times; filed unread for review"
                item = IntakeMessage(record=message, raw=b"", review_reasons=[reason])
                steps = [self.fallback]
            else:
                item = IntakeMessage(record=message, raw=self.documents.get(message.content_sha256))
                steps = self.steps
            for step in steps:
                self._run_step(step, item, session)
            message.processed_at = utcnow()
            message.error = "; ".join(item.review_reasons) or None
            audit.record(
                session,
                audit.SYSTEM_INTAKE,
                "processed",
                "message",
                message.id,
                {"referral_id": message.referral_id, "attempt": message.attempts},
            )

    def _mark_duplicate(self, session: Session, message: Message, original: Message) -> None:
        """A second copy of a processed message joins the first's referral; nothing else runs."""
        message.referral_id = original.referral_id
        message.processed_at = utcnow()
        detail = f"duplicate of message {original.id}; not processed again"
        session.add(
            ProcessingStep(
                message_id=message.id, step="ledger", status=StepStatus.SKIPPED, detail=detail
            )
        )
        audit.record(
            session,
            audit.SYSTEM_INTAKE,
            "duplicate",
            "message",
            message.id,
            {"original_message_id": original.id},
        )

    def _run_step(self, step: Step, item: IntakeMessage, session: Session) -> None:
        """Run one step in a savepoint: a failure it reports keeps what it recorded so far
        (attachments, errors); an unexpected exception rolls the step back."""
        if not step.able_to_run(item):
            self._record(session, item, step.name, StepStatus.SKIPPED, "prerequisites missing")
            return
        savepoint = session.begin_nested()
        try:
            detail = step.run(item, session)
        except StepFailed as exc:
            savepoint.commit()
            item.review_reasons.append(f"{step.name}: {exc}")
            self._record(session, item, step.name, StepStatus.ERROR, str(exc))
            return
        except Exception as exc:  # an unexpected bug in one step must not lose the message
            savepoint.rollback()
            log_failure(log, f"message {item.record.id}: step {step.name} failed", exc)
            reason = f"{step.name} failed unexpectedly ({type(exc).__name__})"
            item.review_reasons.append(reason)
            self._record(session, item, step.name, StepStatus.ERROR, reason)
            return
        savepoint.commit()
        self._record(session, item, step.name, StepStatus.OK, detail)

    @staticmethod
    def _record(
        session: Session, item: IntakeMessage, step: str, status: StepStatus, detail: str
    ) -> None:
        session.add(
            ProcessingStep(message_id=item.record.id, step=step, status=status, detail=detail)
        )
