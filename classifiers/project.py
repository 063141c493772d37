"""Corpus to packaged, versioned pipeline with its calibrated combiner and a metrics file."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from spacy.language import Language

from classifiers.combiner import Combiner, fit
from classifiers.corpus.rows import SPLITS, CorpusRow, load_corpus
from classifiers.packaging import save
from classifiers.rule_classifier import RuleClassifier
from classifiers.rules_config import ClassificationRules
from classifiers.stacking import out_of_fold
from classifiers.taxonomy import Taxonomy
from classifiers.training import DEFAULT_SETTINGS, Epochs, TrainingSettings, evaluate, train


def corpus_digest(path: Path) -> str:
    """12 hex of the corpus file's sha256, recorded beside the model."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def fit_classifier(
    rows: Sequence[CorpusRow],
    taxonomy: Taxonomy,
    rules: ClassificationRules,
    settings: TrainingSettings = DEFAULT_SETTINGS,
) -> tuple[Language, Combiner, Epochs]:
    """The pipeline trained on the train split (epochs picked on dev) and its combiner.

    The combiner is fitted on out-of-fold scores of the train and dev rows; test rows are unused.
    """
    types, sectors = taxonomy.allegation_type_ids, taxonomy.sector_ids
    nlp, epochs = train(rows, types, sectors, settings)
    ruler = RuleClassifier.build(taxonomy, rules)
    seen = [row for row in rows if row.split != "test"]
    combiner = fit(
        out_of_fold(seen, types, sectors, ruler, settings, epochs), types, ruler.model_version
    )
    return nlp, combiner, epochs


def run_training(
    corpus: Path,
    out_dir: Path,
    taxonomy: Taxonomy,
    rules: ClassificationRules,
    settings: TrainingSettings = DEFAULT_SETTINGS,
    extra_rows: Sequence[CorpusRow] = (),
) -> dict[str, object]:
    """Corpus (plus extra training rows, e.g. reviewed corrections) to a pipeline in `out_dir`.

    The combiner is fitted on out-of-fold scores of the train and dev rows; the test split is
    only scored. Returns the metrics written beside the pipeline.
    """
    rows = [*load_corpus(corpus), *(row for row in extra_rows if row.split == "train")]
    nlp, combiner, epochs = fit_classifier(rows, taxonomy, rules, settings)
    held_out = [row for row in rows if row.split == "test"]
    metrics: dict[str, object] = {
        "corpus": {
            "path": corpus.name,
            "sha256_12": corpus_digest(corpus),
            "counts": {split: sum(row.split == split for row in rows) for split in SPLITS},
            "extra_rows": sum(row.split == "train" for row in extra_rows),
        },
        "settings": asdict(settings),
        "best_epochs": asdict(epochs),
        "held_out_pipeline_alone": evaluate(nlp, held_out, taxonomy.allegation_type_ids).to_json(),
    }
    version = save(nlp, out_dir, metrics, combiner)
    return {"version": version, **metrics}
