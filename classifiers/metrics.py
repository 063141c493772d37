"""Classification figures: per-label precision/recall/F1, macro-F1, exact-set, sector accuracy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from classifiers.corpus.rows import CorpusRow


@dataclass(frozen=True)
class LabelFigures:
    """Precision, recall and F1 of one allegation type, with its support."""

    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Figures:
    """What a classifier scored on one labelled set."""

    per_type: dict[str, LabelFigures]
    macro_f1: float
    exact_set: float
    sector_accuracy: float
    count: int

    def to_json(self) -> dict[str, object]:
        """Rounded figures for a results file."""
        return {
            "count": self.count,
            "macro_f1": round(self.macro_f1, 4),
            "exact_set_accuracy": round(self.exact_set, 4),
            "sector_accuracy": round(self.sector_accuracy, 4),
            "per_type": {
                label: {
                    "precision": round(item.precision, 4),
                    "recall": round(item.recall, 4),
                    "f1": round(item.f1, 4),
                    "support": item.support,
                }
                for label, item in self.per_type.items()
            },
        }


def _ratio(top: int, bottom: int) -> float:
    return top / bottom if bottom else 1.0


def score(
    gold_types: Sequence[frozenset[str]],
    gold_sectors: Sequence[str],
    predicted_types: Sequence[frozenset[str]],
    predicted_sectors: Sequence[str],
    type_labels: Sequence[str],
) -> Figures:
    """Figures over `type_labels`; a type never expected nor predicted scores 1 throughout."""
    pairs = list(zip(gold_types, predicted_types, strict=True))
    per_type = {}
    for label in type_labels:
        tp = sum(label in gold and label in got for gold, got in pairs)
        fp = sum(label not in gold and label in got for gold, got in pairs)
        fn = sum(label in gold and label not in got for gold, got in pairs)
        per_type[label] = LabelFigures(
            precision=_ratio(tp, tp + fp),
            recall=_ratio(tp, tp + fn),
            f1=_ratio(2 * tp, 2 * tp + fp + fn),
            support=tp + fn,
        )
    count = len(pairs)
    sectors = zip(gold_sectors, predicted_sectors, strict=True)
    return Figures(
        per_type=per_type,
        macro_f1=sum(item.f1 for item in per_type.values()) / len(per_type),
        exact_set=_ratio(sum(gold == got for gold, got in pairs), count),
        sector_accuracy=_ratio(sum(gold == got for gold, got in sectors), count),
        count=count,
    )


def score_rows(
    rows: Sequence[CorpusRow],
    predicted_types: Sequence[frozenset[str]],
    predicted_sectors: Sequence[str],
    type_labels: Sequence[str],
) -> Figures:
    """Figures of predictions against the labelled rows they were made for."""
    return score(
        [row.allegation_types for row in rows],
        [row.sector for row in rows],
        predicted_types,
        predicted_sectors,
        type_labels,
    )
