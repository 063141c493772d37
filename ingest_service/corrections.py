"""Officer corrections of a referral's classification: stored as labelled examples, audited."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.corpus.rows import CorpusRow
from classifiers.taxonomy import Taxonomy
from ingest_service.records import RecordNotFound
from ingest_service.store import audit
from ingest_service.store.models import ClassificationCorrection, Referral, utcnow

OFFICER = "officer"


class CorrectionNotFound(LookupError):
    """No classification correction has that id."""


def check_labels(taxonomy: Taxonomy, allegation_types: Sequence[str], sector: str) -> None:
    """Raise ValueError unless every id is one of the council's labels and a type is given."""
    if not allegation_types:
        raise ValueError("give at least one allegation type")
    unknown = sorted(set(allegation_types) - set(taxonomy.council_type_ids))
    if unknown:
        raise ValueError(f"unknown allegation type(s): {', '.join(unknown)}")
    if sector not in taxonomy.council_sector_ids:
        raise ValueError(f"unknown sector: {sector}")


def record_correction(
    session: Session,
    reference: str,
    allegation_types: Sequence[str],
    sector: str,
    actor: str,
    *,
    taxonomy: Taxonomy,
) -> ClassificationCorrection:
    """Store the officer's labels for a referral and make them its classification (audited)."""
    check_labels(taxonomy, allegation_types, sector)
    referral = session.scalar(select(Referral).where(Referral.reference == reference))
    if referral is None:
        raise RecordNotFound(reference)
    replaced = dict(referral.classification)
    types = list(dict.fromkeys(allegation_types))
    correction = ClassificationCorrection(
        referral_id=referral.id,
        text=str(referral.fields.get("allegation_description") or ""),
        allegation_types=types,
        sector=sector,
        replaced=replaced,
        replaced_model_version=replaced.get("model_version"),
        corrected_by=actor,
    )
    session.add(correction)
    referral.classification = {
        "allegation_types": types,
        "sector": sector,
        "provenance": OFFICER,
        "corrected_by": actor,
        "model_version": replaced.get("model_version"),
        "needs_review": False,
    }
    referral.updated_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor,
        "classification_corrected",
        "referral",
        referral.id,
        {
            "correction_id": correction.id,
            "allegation_types": types,
            "sector": sector,
            "replaced_model_version": correction.replaced_model_version,
        },
    )
    return correction


def review_correction(session: Session, correction_id: int, actor: str) -> None:
    """Mark a correction reviewed, so that retraining may use it (audited)."""
    correction = session.get(ClassificationCorrection, correction_id)
    if correction is None:
        raise CorrectionNotFound(correction_id)
    correction.reviewed, correction.reviewed_by, correction.reviewed_at = True, actor, utcnow()
    audit.record(
        session,
        actor,
        "classification_correction_reviewed",
        "referral",
        correction.referral_id,
        {"correction_id": correction_id},
    )


def reviewed_rows(session: Session, taxonomy: Taxonomy) -> list[CorpusRow]:
    """Reviewed corrections with a description, as training rows in model labels.

    A referral corrected more than once contributes its latest reviewed correction only; one
    using a council label with no single model label (merged or added) is left out.
    """
    corrections = session.scalars(
        select(ClassificationCorrection)
        .where(ClassificationCorrection.reviewed.is_(True))
        .order_by(ClassificationCorrection.id)
    ).all()
    latest = {item.referral_id: item for item in corrections if item.text.strip()}
    rows = []
    for item in sorted(latest.values(), key=lambda item: item.id):
        types = [taxonomy.model_label(label) for label in item.allegation_types]
        sector = taxonomy.model_label(item.sector, sector=True)
        if sector is not None and types and None not in types:
            rows.append(
                CorpusRow(
                    item.text,
                    frozenset(label for label in types if label),
                    sector,
                    f"correction:{item.id}",
                    "train",
                    "correction",
                )
            )
    return rows
