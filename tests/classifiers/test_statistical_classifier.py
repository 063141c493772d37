"""The trained pipeline: loads and classifies, trains deterministically, beats the floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.classification import from_classifications, measure, tfidf_baseline
from bench.classification import narratives as narratives_rows
from classifiers.corpus.build import CORPUS
from classifiers.corpus.compose import pool
from classifiers.corpus.incidents import INCIDENTS
from classifiers.corpus.rows import load_corpus
from classifiers.packaging import MODEL_DIR, content_hash
from classifiers.rule_classifier import RuleClassifier
from classifiers.statistical_classifier import CombinedClassifier
from classifiers.training import TrainingSettings, train
from ingest_service.council_config import CouncilConfig
from tests.classifiers.measure import REFERENCE_DIR


@pytest.fixture(scope="module")
def combined(council: CouncilConfig) -> CombinedClassifier:
    """The packaged pipeline with the shipped rules."""
    return CombinedClassifier.load(council.taxonomy, council.rules)


def test_packaged_pipeline_loads_and_classifies(combined: CombinedClassifier) -> None:
    result = combined.classify(
        "During a restraint the residential worker held the boy face down and he has "
        "bruising to both wrists.",
        {"employer_type": "residential_care"},
    )
    labels = [item.label for item in result.allegation_types]
    assert "physical_intervention" in labels and result.sector.label == "residential_care"
    assert all(0.0 <= item.score <= 1.0 and item.evidence for item in result.allegation_types)
    assert result.model_version.startswith(f"lado_classifier-{content_hash(MODEL_DIR)}+rules-")


def test_training_is_deterministic(council: CouncilConfig) -> None:
    rows = [row for row in load_corpus(CORPUS) if row.split in ("train", "dev")][::12]
    settings = TrainingSettings(max_epochs=2, hash_length=2**10)
    taxonomy = council.taxonomy
    texts = ["The coach messaged a swimmer on Snapchat.", "A nursery worker slapped a child."]
    scores = []
    for _ in range(2):
        nlp, _epoch = train(rows, taxonomy.allegation_type_ids, taxonomy.sector_ids, settings)
        scores.append([doc.cats for doc in nlp.pipe(texts)])
    assert scores[0] == scores[1]


def test_held_out_split_is_disjoint_from_training() -> None:
    rows = load_corpus(CORPUS)
    held = {row.text for row in rows if row.split == "test"}
    trained = {row.text for row in rows if row.split != "test"}
    assert held and not held & trained
    for texts in INCIDENTS.values():
        if len(texts) >= 3:
            assert not set(pool(texts, "test")) & set(pool(texts, "train"))


def test_corpus_covers_every_label(council: CouncilConfig) -> None:
    rows = [row for row in load_corpus(CORPUS) if row.split == "train"]
    assert {label for row in rows for label in row.allegation_types} == set(
        council.taxonomy.allegation_type_ids
    )
    assert {row.sector for row in rows} == set(council.taxonomy.sector_ids)


@pytest.mark.skipif(not REFERENCE_DIR.is_dir(), reason="no shared reference data")
def test_narratives_reach_the_issue_targets_and_beat_both_baselines(
    combined: CombinedClassifier, council: CouncilConfig
) -> None:
    cases = narratives_rows()
    types = council.taxonomy.allegation_type_ids
    training = [row for row in load_corpus(CORPUS) if row.split == "train"]
    rules = RuleClassifier.build(council.taxonomy, council.rules)
    ours, _ = measure(
        lambda texts: from_classifications(combined.classify_many(texts)), cases, types
    )
    assert ours.macro_f1 >= 0.90 and ours.sector_accuracy >= 0.95
    for baseline in (
        tfidf_baseline(training, types),
        lambda texts: from_classifications(rules.classify_many(texts)),
    ):
        theirs, _ = measure(baseline, cases, types)
        assert ours.macro_f1 > theirs.macro_f1 and ours.sector_accuracy > theirs.sector_accuracy


def test_missing_model_is_a_clear_error(council: CouncilConfig, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="lado-intake train"):
        CombinedClassifier.load(council.taxonomy, council.rules, tmp_path)


def test_clear_descriptions_get_their_types(combined: CombinedClassifier) -> None:
    cases = {
        "The coach sent the girl sexual Snapchat messages and asked her for nude photos.": {
            "sexual",
            "online_safety",
        },
        "During a restraint two staff held the boy on the floor; he has bruising to his wrists.": {
            "physical",
            "physical_intervention",
        },
    }
    for text, expected in cases.items():
        assert {item.label for item in combined.classify(text).allegation_types} == expected


def test_the_sector_ticked_on_the_form_stands(combined: CombinedClassifier) -> None:
    text = "The coach slapped the boy at training."
    assert combined.classify(text, {"employer_type": "health"}).sector.label == "health"
