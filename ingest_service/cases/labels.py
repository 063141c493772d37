"""An officer's allegation types and sector: a training example, then the reporting columns."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from classifiers.taxonomy import Taxonomy
from ingest_service.cases.lookup import CaseInputError, find_referral
from ingest_service.cases.reporting_config import CaseReporting
from ingest_service.cases.reporting_fields import refresh_reporting_fields
from ingest_service.corrections import record_correction
from ingest_service.store.models import Referral


def correct_labels(
    session: Session,
    reference: str,
    allegation_types: Sequence[str],
    sector: str,
    actor: str,
    *,
    taxonomy: Taxonomy,
    reporting: CaseReporting,
) -> Referral:
    """Record the labels as a correction (audited, feeds training) and refresh the columns."""
    try:
        record_correction(session, reference, allegation_types, sector, actor, taxonomy=taxonomy)
    except ValueError as exc:
        raise CaseInputError(f"{str(exc).capitalize()}.") from exc
    referral = find_referral(session, reference)
    refresh_reporting_fields(referral, reporting)
    return referral
