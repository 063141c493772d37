"""Filing validated tracker rows as referrals, all in the caller's one transaction.

Re-importing is safe: a row whose reference an earlier import filed is skipped (and
counted), not updated. A row without a reference gets one made from what it recorded at
referral (date, contact type, sector, role, district, source), so the same row gets the same
reference next time. A reference already used by a referral received by email is a conflict.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ingest_service.cases.timeliness import days_to_close, timeliness_band
from ingest_service.store import audit
from ingest_service.store.models import (
    AuditEvent,
    Referral,
    ReferralAllegationType,
    ReferralOrigin,
    ReferralStatus,
)
from ingest_service.tracker_import.validation import TrackerRow

AUDIT_ACTION = "tracker_imported"
AUDIT_ENTITY = "tracker_import"
LOOKUP_CHUNK = 500


class TrackerConflict(ValueError):
    """The import would clash with what is filed; nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    imported: int
    skipped: int
    import_number: int


def _filed_origins(session: Session, references: Sequence[str]) -> dict[str, ReferralOrigin]:
    found: dict[str, ReferralOrigin] = {}
    for start in range(0, len(references), LOOKUP_CHUNK):
        chunk = references[start : start + LOOKUP_CHUNK]
        statement = select(Referral.reference, Referral.origin).where(Referral.reference.in_(chunk))
        found.update({reference: origin for reference, origin in session.execute(statement)})
    return found


def with_references(rows: Iterable[TrackerRow]) -> list[tuple[TrackerRow, str]]:
    """Each row with its own reference, or one made from its referral details (TRK-date-hash;
    the n-th row with the same details gets the n-th hash)."""
    seen: Counter[str] = Counter()
    found = []
    for row in rows:
        if row.reference is not None:
            found.append((row, row.reference))
            continue
        details = "|".join(
            str(v)
            for v in (
                row.received_on,
                row.contact_type.value,
                row.sector,
                row.role_category,
                row.district,
                row.referral_source,
            )
        )
        seen[details] += 1
        digest = hashlib.sha256(f"{details}|{seen[details]}".encode()).hexdigest()[:10]
        found.append((row, f"TRK-{row.received_on:%Y%m%d}-{digest}"))
    return found


def referral_of(row: TrackerRow, reference: str) -> Referral:
    """A referral of origin `import` for the row; timeliness when it has a closed date."""
    referral = Referral(
        reference=reference,
        status=ReferralStatus.READY_FOR_TRIAGE,
        origin=ReferralOrigin.IMPORT,
        received_at=datetime.combine(row.received_on, time(), UTC),
        contact_type=row.contact_type,
        sector=row.sector,
        role_category=row.role_category,
        district=row.district,
        referral_source=row.referral_source,
        any_child_send=row.any_child_send,
        any_child_in_care=row.any_child_in_care,
        outcome=row.outcome,
        allegation_type_rows=[
            ReferralAllegationType(allegation_type=t) for t in row.allegation_types
        ],
    )
    if row.closed_on is not None:
        referral.closed_at = datetime.combine(row.closed_on, time(), UTC)
        referral.timeliness = timeliness_band(row.received_on, row.closed_on)
        referral.days_to_close = days_to_close(row.received_on, row.closed_on)
    return referral


def import_rows(
    session: Session, rows: Iterable[TrackerRow], actor: str, file_sha256: str
) -> ImportResult:
    """File the rows (skipping references an earlier import filed) and audit the import."""
    referenced = with_references(rows)
    filed = _filed_origins(session, [reference for _, reference in referenced])
    clashes = [
        f"row {row.row}: reference {reference} belongs to a referral received by email"
        for row, reference in referenced
        if filed.get(reference) is ReferralOrigin.EMAIL
    ]
    if clashes:
        raise TrackerConflict("; ".join(clashes))
    new_rows = [(row, reference) for row, reference in referenced if reference not in filed]
    for row, reference in new_rows:
        session.add(referral_of(row, reference))
    number = 1 + (
        session.scalar(select(func.count()).where(AuditEvent.action == AUDIT_ACTION)) or 0
    )
    result = ImportResult(len(new_rows), len(referenced) - len(new_rows), number)
    audit.record(
        session,
        actor,
        AUDIT_ACTION,
        AUDIT_ENTITY,
        number,
        {"file_sha256": file_sha256, "imported": result.imported, "skipped": result.skipped},
    )
    return result
