"""Measuring the rule classifier on the shared reference data.

Run `.venv/bin/python -m tests.classifiers.measure` for the figures; the tests assert floors.
The narratives are evaluation data: measure on them, never write rules from their texts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from classifiers.classification import Classification
from classifiers.rule_classifier import RuleClassifier
from config import DEFAULT_CONFIG_DIR
from ingest_service.council_config import load_council_config

SHARED_DIR = Path(__file__).resolve().parents[2].parent / "shared"
REFERENCE_DIR = SHARED_DIR / "referral-form"
STRUCTURED_FIELDS = (
    "employer_type",
    "employer_name",
    "subject_role",
    "referrer_organisation",
    "referrer_categories",
)


@dataclass(frozen=True)
class Case:
    """One labelled description, with the form fields that came with it (if any)."""

    name: str
    text: str
    structured: dict[str, object]
    allegation_types: frozenset[str]
    sector: str


@dataclass(frozen=True)
class Scores:
    """Allegation-type macro-F1 (over the taxonomy's types), exact-set and sector accuracy."""

    macro_f1: float
    per_type_f1: dict[str, float]
    exact_types: float
    sector_accuracy: float
    needs_review: int
    count: int


def narratives() -> list[Case]:
    """The shared narratives.jsonl: text alone."""
    lines = (REFERENCE_DIR / "narratives.jsonl").read_text(encoding="utf-8").splitlines()
    return [
        Case(
            f"narrative-{number}",
            row["text"],
            {},
            frozenset(row["allegation_types"]),
            row["sector"],
        )
        for number, row in enumerate((json.loads(line) for line in lines if line.strip()), 1)
    ]


def samples() -> list[Case]:
    """The shared samples' truth: allegation description plus the structured form fields."""
    cases = []
    for path in sorted((REFERENCE_DIR / "samples").glob("*.truth.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        fields = truth["fields"]
        cases.append(
            Case(
                path.name.removesuffix(".truth.json"),
                fields["allegation_description"],
                {key: fields[key] for key in STRUCTURED_FIELDS if key in fields},
                frozenset(truth["classification"]["allegation_types"]),
                truth["classification"]["sector"],
            )
        )
    return cases


def classify(classifier: RuleClassifier, cases: Sequence[Case]) -> list[Classification]:
    """Each case's classification, with its structured fields."""
    return [classifier.classify(case.text, case.structured) for case in cases]


def score(cases: Sequence[Case], results: Sequence[Classification], types: Sequence[str]) -> Scores:
    """Macro-F1 over `types` (a type never predicted nor expected scores 1), accuracies."""
    predicted = [frozenset(item.label for item in result.allegation_types) for result in results]
    per_type = {}
    for label in types:
        tp = sum(
            label in got and label in case.allegation_types
            for case, got in zip(cases, predicted, strict=True)
        )
        fp = sum(
            label in got and label not in case.allegation_types
            for case, got in zip(cases, predicted, strict=True)
        )
        fn = sum(
            label not in got and label in case.allegation_types
            for case, got in zip(cases, predicted, strict=True)
        )
        per_type[label] = 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)
    count = len(cases)
    return Scores(
        macro_f1=sum(per_type.values()) / len(per_type),
        per_type_f1=per_type,
        exact_types=sum(
            case.allegation_types == got for case, got in zip(cases, predicted, strict=True)
        )
        / count,
        sector_accuracy=sum(
            case.sector == result.sector.label for case, result in zip(cases, results, strict=True)
        )
        / count,
        needs_review=sum(result.needs_review for result in results),
        count=count,
    )


def main() -> None:
    """Print the figures on the narratives and the samples (labels and scores only)."""
    council = load_council_config(DEFAULT_CONFIG_DIR)
    classifier = RuleClassifier.build(council.taxonomy, council.rules)
    print(f"model_version {classifier.model_version}")
    for name, cases in (("narratives", narratives()), ("samples", samples())):
        results = classify(classifier, cases)
        figures = score(cases, results, council.taxonomy.allegation_type_ids)
        print(
            f"{name}: n={figures.count} macro_f1={figures.macro_f1:.3f} "
            f"exact_types={figures.exact_types:.3f} sector_acc={figures.sector_accuracy:.3f} "
            f"needs_review={figures.needs_review}"
        )
        print(
            "  per-type F1: "
            + ", ".join(f"{label}={value:.2f}" for label, value in figures.per_type_f1.items())
        )


if __name__ == "__main__":
    main()
