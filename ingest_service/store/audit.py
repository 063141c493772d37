"""The audit log: every view and change of a record, with who or what did it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ingest_service.store.models import AuditEvent

SYSTEM_INTAKE = "system:intake"
SYSTEM_OUTBOX = "system:outbox"


def record(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: int,
    detail: dict[str, Any] | None = None,
) -> None:
    """Add one audit event to the caller's transaction. Detail must hold no personal data."""
    session.add(
        AuditEvent(
            actor=actor, action=action, entity=entity, entity_id=entity_id, detail=detail or {}
        )
    )
