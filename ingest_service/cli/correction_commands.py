"""`lado-intake correct` and `lado-intake train --with-corrections`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from classifiers.corpus.rows import load_corpus
from classifiers.project import run_training
from classifiers.promotion import candidate_dir, combined_evaluator, promote_if_not_worse
from classifiers.training import TrainingSettings
from ingest_service.cli.store_commands import cli_actor
from ingest_service.corrections import record_correction, review_correction, reviewed_rows
from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.schema_check import require_current_schema


def split_ids(value: str) -> list[str]:
    """ "a, b" -> ["a", "b"]."""
    return [part.strip() for part in value.split(",") if part.strip()]


def run_correct(service: Service, reference: str, types: str, sector: str, out: TextIO) -> int:
    """Replace a referral's classification with the officer's, stored for retraining."""
    require_current_schema(service.engine)
    with unit_of_work(service.sessions) as session:
        correction = record_correction(
            session,
            reference,
            split_ids(types),
            sector,
            cli_actor(),
            taxonomy=service.council.taxonomy,
        )
        number = correction.id
    out.write(f"corrected {reference} (correction {number}, awaiting review)\n")
    return 0


def run_train_with_corrections(
    service: Service, corpus: Path, settings: TrainingSettings, out: TextIO
) -> int:
    """Retrain on the corpus plus reviewed corrections; promote only if not worse."""
    require_current_schema(service.engine)
    with unit_of_work(service.sessions) as session:
        extra = reviewed_rows(session, service.council.taxonomy)
    models_dir = service.models_dir
    candidate = candidate_dir(models_dir)
    taxonomy = service.council.taxonomy
    run_training(corpus, candidate, taxonomy, service.council.rules, settings, extra)
    evaluate = combined_evaluator(load_corpus(corpus), taxonomy, service.council.rules)
    outcome = promote_if_not_worse(
        candidate, models_dir, evaluate, details={"corrections": len(extra)}
    )
    out.write(json.dumps(outcome, indent=2) + "\n")
    return 0


def run_review(service: Service, correction_ids: list[int], out: TextIO) -> int:
    """Mark corrections reviewed (fit for retraining), audited as the command-line user."""
    require_current_schema(service.engine)
    with unit_of_work(service.sessions) as session:
        for correction_id in correction_ids:
            review_correction(session, correction_id, cli_actor())
    out.write(f"reviewed {len(correction_ids)} correction(s)\n")
    return 0
