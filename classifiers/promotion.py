"""Retrained models under the data directory: promoted only if not worse on the held-out split.

A promoted model lives in `<data_dir>/models/<version>/` with a `promoted.json` mark; the
service loads the newest promoted model, else the packaged one.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from classifiers.corpus.rows import CorpusRow
from classifiers.metrics import Figures, score_rows
from classifiers.packaging import MODEL_DIR
from classifiers.rules_config import ClassificationRules
from classifiers.statistical_classifier import CombinedClassifier
from classifiers.taxonomy import Taxonomy

PROMOTED_MARK = "promoted.json"
CANDIDATE = ".candidate"

Evaluate = Callable[[Path], Figures]


def promoted_models(models_dir: Path) -> list[Path]:
    """Promoted model directories, oldest first (by promotion time, then name)."""
    found = []
    for mark in models_dir.glob(f"*/{PROMOTED_MARK}"):
        promoted_at = json.loads(mark.read_text(encoding="utf-8"))["promoted_at"]
        found.append((promoted_at, mark.parent.name, mark.parent))
    return [path for *_key, path in sorted(found)]


def current_model_dir(models_dir: Path, packaged: Path = MODEL_DIR) -> Path:
    """The newest promoted model, else the packaged one."""
    promoted = promoted_models(models_dir)
    return promoted[-1] if promoted else packaged


def not_worse(candidate: Figures, current: Figures) -> bool:
    """The promotion rule: neither macro-F1 nor sector accuracy falls on the held-out split."""
    return (
        candidate.macro_f1 >= current.macro_f1
        and candidate.sector_accuracy >= current.sector_accuracy
    )


def promote_if_not_worse(
    candidate_dir: Path,
    models_dir: Path,
    evaluate: Evaluate,
    packaged: Path = MODEL_DIR,
    details: dict[str, object] | None = None,
) -> dict[str, object]:
    """Compare the candidate with the current model; move it into place or discard it."""
    current = current_model_dir(models_dir, packaged)
    candidate_figures, current_figures = evaluate(candidate_dir), evaluate(current)
    promoted = not_worse(candidate_figures, current_figures)
    version = json.loads((candidate_dir / "meta.json").read_text(encoding="utf-8"))["version"]
    outcome: dict[str, object] = {
        "version": version,
        "promoted": promoted,
        "compared_with": current.name,
        "held_out": {
            "candidate": _headline(candidate_figures),
            "current": _headline(current_figures),
        },
        **(details or {}),
    }
    target = models_dir / version
    if promoted and target.resolve() != current.resolve():
        if target.exists():
            shutil.rmtree(target)
        candidate_dir.rename(target)
        outcome["promoted_at"] = datetime.now(UTC).isoformat()
        (target / PROMOTED_MARK).write_text(json.dumps(outcome, indent=2) + "\n", encoding="utf-8")
    else:
        shutil.rmtree(candidate_dir)
    return outcome


def candidate_dir(models_dir: Path) -> Path:
    """Where a retrained model is written before the promotion decision."""
    models_dir.mkdir(parents=True, exist_ok=True)
    return models_dir / CANDIDATE


def _headline(figures: Figures) -> dict[str, float]:
    return {
        "macro_f1": round(figures.macro_f1, 4),
        "sector_accuracy": round(figures.sector_accuracy, 4),
    }


def combined_evaluator(
    rows: Sequence[CorpusRow], taxonomy: Taxonomy, rules: ClassificationRules
) -> Evaluate:
    """Scores a model directory, combined with the rules, on the held-out (test) rows."""
    held = [row for row in rows if row.split == "test"]
    types = taxonomy.allegation_type_ids

    def evaluate(model_dir: Path) -> Figures:
        classifier = CombinedClassifier.load(taxonomy, rules, model_dir)
        results = classifier.classify_many([row.text for row in held])
        return score_rows(
            held,
            [frozenset(item.label for item in result.allegation_types) for result in results],
            [result.sector.label for result in results],
            types,
        )

    return evaluate
