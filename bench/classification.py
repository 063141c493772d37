"""Benchmark of the classifiers: the trained pipeline + rules beside two baselines.

Run `.venv/bin/python -m bench.classification`. Figures on the corpus's held-out split and on
the shared narratives (evaluation only: labels are scored, texts are never printed); the
baselines are the keyword rules alone and TF-IDF + logistic regression trained on the same
training split. Writes bench/results/classification.json.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from classifiers.classification import Classification
from classifiers.corpus.build import CORPUS
from classifiers.corpus.rows import CorpusRow, load_corpus
from classifiers.metrics import Figures, score_rows
from classifiers.packaging import MODEL_DIR
from classifiers.reliability import expected_calibration_error
from classifiers.rule_classifier import RuleClassifier
from classifiers.statistical_classifier import CombinedClassifier
from config import DEFAULT_CONFIG_DIR
from ingest_service.council_config import load_council_config

NARRATIVES = Path(__file__).resolve().parents[2] / "shared" / "referral-form" / "narratives.jsonl"
RESULTS = Path(__file__).resolve().parent / "results" / "classification.json"
Predict = Callable[[Sequence[str]], tuple[list[frozenset[str]], list[str]]]


def narratives() -> list[CorpusRow]:
    """The shared narratives as rows (split "narratives")."""
    rows = []
    for line in NARRATIVES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            rows.append(
                CorpusRow(
                    data["text"],
                    frozenset(data["allegation_types"]),
                    data["sector"],
                    "",
                    "narratives",
                )
            )
    return rows


def from_classifications(
    results: Sequence[Classification],
) -> tuple[list[frozenset[str]], list[str]]:
    """Predicted type sets and sectors of classifier results."""
    return (
        [frozenset(item.label for item in result.allegation_types) for result in results],
        [result.sector.label for result in results],
    )


def tfidf_baseline(train: Sequence[CorpusRow], types: Sequence[str]) -> Predict:
    """TF-IDF (word 1-2 grams) + logistic regression: one-vs-rest types, multinomial sector."""
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    features = vectorizer.fit_transform([row.text for row in train])
    targets = np.array([[label in row.allegation_types for label in types] for row in train])
    type_model = OneVsRestClassifier(LogisticRegression(C=10.0, max_iter=2000)).fit(
        features, targets
    )
    sector_model = LogisticRegression(C=10.0, max_iter=2000).fit(
        features, [row.sector for row in train]
    )

    def predict(texts: Sequence[str]) -> tuple[list[frozenset[str]], list[str]]:
        matrix = vectorizer.transform(list(texts))
        probabilities = type_model.predict_proba(matrix)
        sets = []
        for row in probabilities:
            chosen = {label for label, p in zip(types, row, strict=True) if p >= 0.5}
            sets.append(frozenset(chosen or {types[int(np.argmax(row))]}))
        return sets, [str(label) for label in sector_model.predict(matrix)]

    return predict


def measure(
    predict: Predict, rows: Sequence[CorpusRow], types: Sequence[str]
) -> tuple[Figures, float]:
    """Figures and descriptions per second."""
    start = time.perf_counter()
    got_types, got_sectors = predict([row.text for row in rows])
    rate = len(rows) / (time.perf_counter() - start)
    return score_rows(rows, got_types, got_sectors, types), rate


def reliability(
    classifier: CombinedClassifier, rows: Sequence[CorpusRow], types: Sequence[str]
) -> dict[str, float]:
    """ECE of every type's probability and of the chosen sector's, and the share for review."""
    found = classifier.probabilities([row.text for row in rows])
    type_pairs = [
        (scores[label], label in row.allegation_types)
        for row, (scores, _) in zip(rows, found, strict=True)
        for label in types
    ]
    sector_pairs = [
        (max(sectors.values()), max(sectors, key=sectors.__getitem__) == row.sector)
        for row, (_, sectors) in zip(rows, found, strict=True)
    ]
    review = sum(
        result.needs_review for result in classifier.classify_many([row.text for row in rows])
    )
    return {
        "allegation_types_ece": round(expected_calibration_error(type_pairs), 4),
        "sector_ece": round(expected_calibration_error(sector_pairs), 4),
        "needs_review_share": round(review / len(rows), 4) if rows else 0.0,
    }


def directory_size(path: Path) -> int:
    """Bytes of every file under `path`."""
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def main() -> None:
    """Run every classifier on both sets; print a table and write the results file."""
    council = load_council_config(DEFAULT_CONFIG_DIR)
    types = council.taxonomy.allegation_type_ids
    corpus = load_corpus(CORPUS)
    start = time.perf_counter()
    combined = CombinedClassifier.load(council.taxonomy, council.rules)
    load_seconds = time.perf_counter() - start
    rules = RuleClassifier.build(council.taxonomy, council.rules)
    classifiers: dict[str, Predict] = {
        "spacy_pipeline+rules": lambda texts: from_classifications(combined.classify_many(texts)),
        "rules_only": lambda texts: from_classifications(rules.classify_many(texts)),
        "tfidf_logreg": tfidf_baseline([row for row in corpus if row.split == "train"], types),
    }
    sets = {"held_out": [row for row in corpus if row.split == "test"], "narratives": narratives()}
    results: dict[str, dict[str, dict[str, object]]] = {}
    for name, predict in classifiers.items():
        per_set: dict[str, dict[str, object]] = {}
        for set_name, rows in sets.items():
            figures, rate = measure(predict, rows, types)
            per_set[set_name] = {**figures.to_json(), "per_second": round(rate, 1)}
            print(
                f"{name:22} {set_name:10} macro_f1={figures.macro_f1:.3f} "
                f"exact={figures.exact_set:.3f} sector={figures.sector_accuracy:.3f} "
                f"{rate:7.0f}/s"
            )
        results[name] = per_set
    for set_name, rows in sets.items():
        found = reliability(combined, rows, types)
        results["spacy_pipeline+rules"][set_name]["reliability"] = found
        print(f"reliability {set_name:10} {found}")
    one = sets["narratives"][0].text
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(200):
        combined.classify(one)
    single_ms = (time.perf_counter() - start) / 200 * 1000
    single_cpu_ms = (time.process_time() - cpu_start) / 200 * 1000
    size = directory_size(MODEL_DIR)
    report = {
        "model_version": combined.model_version,
        "model_size_bytes": size,
        "model_load_seconds": round(load_seconds, 3),
        "single_classify_ms": round(single_ms, 3),
        "single_classify_cpu_ms": round(single_cpu_ms, 3),
        "results": results,
    }
    print(
        f"model {combined.model_version}: {size / 1e6:.1f} MB, "
        f"load {load_seconds:.2f} s, one description {single_ms:.2f} ms "
        f"({single_cpu_ms:.2f} ms of CPU: the figure on one core when others share it)"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
