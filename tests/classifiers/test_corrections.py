"""Officer corrections: stored and audited, reviewed ones feed retraining, promotion rule."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.corpus.build import CORPUS
from classifiers.corpus.rows import load_corpus
from classifiers.metrics import Figures
from classifiers.project import run_training
from classifiers.promotion import (
    candidate_dir,
    current_model_dir,
    not_worse,
    promote_if_not_worse,
)
from classifiers.training import TrainingSettings
from ingest_service.cli.main import main
from ingest_service.corrections import record_correction, review_correction, reviewed_rows
from ingest_service.council_config import CouncilConfig
from ingest_service.records import RecordNotFound
from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import AuditEvent, Referral, ReferralStatus

TEXT = "The minibus escort left a nine-year-old alone on the coach for an hour in the heat."
TINY = TrainingSettings(max_epochs=2, hash_length=2**10)


def figures(macro_f1: float, sector: float) -> Figures:
    return Figures(per_type={}, macro_f1=macro_f1, exact_set=0.0, sector_accuracy=sector, count=1)


@pytest.fixture
def session(service: Service) -> Iterator[Session]:
    """A session on a migrated store holding one classified referral."""
    with unit_of_work(service.sessions) as setup:
        setup.add(
            Referral(
                reference="LADO-2026-0001",
                status=ReferralStatus.READY_FOR_TRIAGE,
                fields={"allegation_description": TEXT},
                classification={
                    "allegation_types": ["physical"],
                    "sector": "education",
                    "model_version": "m-1",
                },
                received_at=datetime.now(UTC),
            )
        )
    with service.sessions() as opened:
        yield opened


def test_correction_replaces_the_classification_with_provenance(
    session: Session, council: CouncilConfig
) -> None:
    taxonomy = council.taxonomy
    correction = record_correction(
        session, "LADO-2026-0001", ["neglect"], "transport", "cli:officer", taxonomy=taxonomy
    )
    referral = session.scalars(select(Referral)).one()
    assert referral.classification["provenance"] == "officer"
    assert referral.classification["allegation_types"] == ["neglect"]
    assert correction.replaced_model_version == "m-1" and correction.text == TEXT
    assert not correction.reviewed
    event = session.scalars(select(AuditEvent)).one()
    assert event.action == "classification_corrected" and event.actor == "cli:officer"
    with pytest.raises(ValueError, match="unknown allegation type"):
        record_correction(
            session, "LADO-2026-0001", ["nglect"], "transport", "x", taxonomy=taxonomy
        )
    with pytest.raises(ValueError, match="unknown sector"):
        record_correction(session, "LADO-2026-0001", ["neglect"], "bus", "x", taxonomy=taxonomy)
    with pytest.raises(RecordNotFound):
        record_correction(
            session, "LADO-2026-9999", ["neglect"], "transport", "x", taxonomy=taxonomy
        )


def test_reviewed_correction_flows_into_training(
    session: Session, council: CouncilConfig, tmp_path: Path
) -> None:
    taxonomy = council.taxonomy
    correction = record_correction(
        session, "LADO-2026-0001", ["neglect"], "transport", "cli:officer", taxonomy=taxonomy
    )
    assert reviewed_rows(session, taxonomy) == []
    review_correction(session, correction.id, "cli:lado")
    rows = reviewed_rows(session, taxonomy)
    assert [(row.text, row.allegation_types, row.sector, row.split) for row in rows] == [
        (TEXT, frozenset({"neglect"}), "transport", "train")
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(line + "\n" for line in CORPUS.read_text(encoding="utf-8").splitlines()[::40]),
        encoding="utf-8",
    )
    metrics = run_training(corpus, tmp_path / "model", taxonomy, council.rules, TINY, rows)
    assert metrics["corpus"]["extra_rows"] == 1  # type: ignore[index]
    assert len(load_corpus(corpus)) + 1 == sum(metrics["corpus"]["counts"].values())  # type: ignore[index]


def test_promotion_only_when_not_worse(tmp_path: Path) -> None:
    assert not_worse(figures(0.9, 0.9), figures(0.9, 0.9))
    assert not not_worse(figures(0.95, 0.89), figures(0.9, 0.9))
    packaged, models = tmp_path / "packaged", tmp_path / "models"
    scores = {"packaged": figures(0.8, 0.8), "a": figures(0.85, 0.8), "b": figures(0.9, 0.7)}

    def candidate(version: str) -> Path:
        path = candidate_dir(models)
        path.mkdir()
        (path / "meta.json").write_text(json.dumps({"version": version}), encoding="utf-8")
        return path

    def evaluate(path: Path) -> Figures:
        if path.name == ".candidate":
            return scores[json.loads((path / "meta.json").read_text())["version"]]
        return scores[path.name]

    assert current_model_dir(models, packaged) == packaged
    outcome = promote_if_not_worse(candidate("a"), models, evaluate, packaged)
    assert outcome["promoted"] and current_model_dir(models, packaged) == models / "a"
    outcome = promote_if_not_worse(candidate("b"), models, evaluate, packaged)
    assert not outcome["promoted"] and outcome["compared_with"] == "a"
    assert current_model_dir(models, packaged) == models / "a"
    assert not (models / "b").exists() and not (models / ".candidate").exists()


def test_cli_correct_review_and_retrain(
    session: Session,
    service: Service,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("LADO_DATA_DIR", str(service.settings.data_dir))
    monkeypatch.setenv("LADO_DATABASE_URL", service.settings.database_url)
    assert main(["correct", "LADO-2026-0001", "--types", "neglect", "--sector", "transport"]) == 0
    assert "correction 1, awaiting review" in capsys.readouterr().out
    assert main(["correct", "LADO-2026-0001", "--types", "neglect", "--sector", "bus"]) == 1
    assert "unknown sector: bus" in capsys.readouterr().err
    assert main(["review-corrections", "1"]) == 0
    assert capsys.readouterr().out == "reviewed 1 correction(s)\n"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(line + "\n" for line in CORPUS.read_text(encoding="utf-8").splitlines()[::60]),
        encoding="utf-8",
    )
    assert main(["train", "--with-corrections", "--corpus", str(corpus)]) == 0
    outcome = json.loads(capsys.readouterr().out)
    assert outcome["corrections"] == 1 and outcome["compared_with"] == "model"
    assert not (service.models_dir / ".candidate").exists()
