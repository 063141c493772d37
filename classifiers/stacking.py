"""Out-of-fold predictions: what models that never saw a row say about it, to fit the combiner."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from classifiers.combiner import Observation
from classifiers.corpus.rows import CorpusRow
from classifiers.rule_classifier import RuleClassifier
from classifiers.training import Epochs, TrainingSettings, train

FOLDS = 5
COMPOSED = "composed"


def _fold(row: CorpusRow) -> int:
    return int(hashlib.sha256(row.text.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def out_of_fold(
    rows: Sequence[CorpusRow],
    type_labels: Sequence[str],
    sector_labels: Sequence[str],
    rules: RuleClassifier,
    settings: TrainingSettings,
    epochs: Epochs,
) -> list[Observation]:
    """Each written row scored by a model trained on the rest but its fold, beside the rules.

    Composed rows share fragments, so a model trained on some would score the others too
    well: they are only ever trained on; the observations are the rows written whole.
    """
    observations = []
    for fold in range(FOLDS):
        held = [row for row in rows if row.source != COMPOSED and _fold(row) == fold]
        rest = [
            replace(row, split="train")
            for row in rows
            if row.source == COMPOSED or _fold(row) != fold
        ]
        if not held or not rest:
            continue
        nlp, _ = train(rest, type_labels, sector_labels, settings, epochs=epochs)
        texts = [row.text for row in held]
        for row, doc, (ruled, rule_sectors) in zip(
            held, nlp.pipe(texts), rules.classify_many_scored(texts), strict=True
        ):
            observations.append(
                Observation(
                    model_types={label: doc.cats[label] for label in type_labels},
                    rule_types={item.label: item.score for item in ruled.allegation_types},
                    model_sectors={label: doc.cats[label] for label in sector_labels},
                    rule_sectors=rule_sectors,
                    gold_types=row.allegation_types,
                    gold_sector=row.sector,
                )
            )
    return observations
