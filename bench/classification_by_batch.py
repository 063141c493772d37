"""Leave-one-batch-out benchmark: how the classifiers do on descriptions by writers they never saw.

Run `.venv/bin/python -m bench.classification_by_batch [BATCH ...]`. Each hand-written batch of
the corpus was written by a different writer, in its own voices and register. For each batch
(of at least `MIN_ROWS` descriptions, or the ones named), the pipeline and its combiner are
trained exactly as `lado-intake train` does, on every other row (the batch's rows left out,
test rows of other batches moved to train), and scored on the batch beside the two baselines
trained on the same rows. This is the figure used to choose between model variants: the shared
narratives are measured only by `bench.classification`. Writes
bench/results/classification_by_batch.json.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from bench.classification import from_classifications, measure, tfidf_baseline
from classifiers.corpus.build import CORPUS
from classifiers.corpus.rows import CorpusRow, load_corpus
from classifiers.evidence import WordEffects
from classifiers.metrics import Figures
from classifiers.project import fit_classifier
from classifiers.rule_classifier import RuleClassifier
from classifiers.statistical_classifier import CombinedClassifier
from classifiers.training import SECTOR_PIPE, TYPES_PIPE
from config import DEFAULT_CONFIG_DIR
from ingest_service.council_config import CouncilConfig, load_council_config

RESULTS = Path(__file__).resolve().parent / "results" / "classification_by_batch.json"
MIN_ROWS = 100
CLASSIFIERS = ("spacy_pipeline+rules", "rules_only", "tfidf_logreg")


def batches(rows: Sequence[CorpusRow], named: Sequence[str]) -> list[str]:
    """The batches to hold out: those named, or every batch of at least MIN_ROWS rows."""
    sizes: dict[str, int] = {}
    for row in rows:
        if row.batch:
            sizes[row.batch] = sizes.get(row.batch, 0) + 1
    if named:
        unknown = sorted(set(named) - set(sizes))
        if unknown:
            raise SystemExit(f"no such batch: {', '.join(unknown)}; batches: {sorted(sizes)}")
        return list(named)
    return sorted(batch for batch, size in sizes.items() if size >= MIN_ROWS)


def without_batch(rows: Sequence[CorpusRow], batch: str) -> list[CorpusRow]:
    """Every row but the batch's; other batches' test rows become training rows."""
    return [
        replace(row, split="train") if row.split == "test" else row
        for row in rows
        if row.batch != batch
    ]


def figures_of(figures: Figures) -> dict[str, float]:
    """The two headline figures."""
    return {
        "macro_f1": round(figures.macro_f1, 4),
        "sector_accuracy": round(figures.sector_accuracy, 4),
    }


def hold_out(
    rows: Sequence[CorpusRow], batch: str, council: CouncilConfig, rules: RuleClassifier
) -> dict[str, dict[str, float]]:
    """Train without `batch`; each classifier's figures on it."""
    training = without_batch(rows, batch)
    held = [row for row in rows if row.batch == batch]
    types = council.taxonomy.allegation_type_ids
    nlp, combiner, _ = fit_classifier(training, council.taxonomy, council.rules)
    combined = CombinedClassifier(
        nlp, rules, combiner, WordEffects.build(nlp, (TYPES_PIPE, SECTOR_PIPE))
    )
    predictors = {
        "spacy_pipeline+rules": lambda texts: from_classifications(combined.classify_many(texts)),
        "rules_only": lambda texts: from_classifications(rules.classify_many(texts)),
        "tfidf_logreg": tfidf_baseline([row for row in training if row.split == "train"], types),
    }
    return {
        name: figures_of(measure(predict, held, types)[0]) for name, predict in predictors.items()
    }


def main(named: Sequence[str]) -> None:
    """Hold out each batch in turn; print and write per-batch and mean figures."""
    council = load_council_config(DEFAULT_CONFIG_DIR)
    rules = RuleClassifier.build(council.taxonomy, council.rules)
    rows = load_corpus(CORPUS)
    per_batch: dict[str, dict[str, object]] = {}
    for batch in batches(rows, named):
        start = time.perf_counter()
        found = hold_out(rows, batch, council, rules)
        size = sum(row.batch == batch for row in rows)
        per_batch[batch] = {"count": size, **found}
        line = "  ".join(
            f"{name} {got['macro_f1']:.3f}/{got['sector_accuracy']:.3f}"
            for name, got in found.items()
        )
        print(f"{batch:32} n={size:4}  {line}  ({time.perf_counter() - start:.0f} s)", flush=True)
    mean = {
        name: {
            figure: round(statistics.mean(got[name][figure] for got in per_batch.values()), 4)  # type: ignore[index]
            for figure in ("macro_f1", "sector_accuracy")
        }
        for name in CLASSIFIERS
    }
    for name, got in mean.items():
        print(f"mean {name:22} macro_f1={got['macro_f1']:.3f} sector={got['sector_accuracy']:.3f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps({"batches": per_batch, "mean": mean}, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
