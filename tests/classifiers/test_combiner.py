"""Calibration: a logistic regression per type and per sector, and the ECE that checks them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifiers.combiner import Combiner, Observation, fit
from classifiers.reliability import expected_calibration_error

LABELS = ("physical", "neglect")


def observation(model: float, rule: float, gold: bool, sector_right: bool) -> Observation:
    return Observation(
        model_types={"physical": model, "neglect": 0.1},
        rule_types={"physical": rule} if rule else {},
        model_sectors={"education": model, "health": 1 - model},
        rule_sectors={"education": rule},
        gold_types=frozenset({"physical"} if gold else ()),
        gold_sector="education" if sector_right else "health",
    )


def test_fitted_probabilities_rise_with_the_scores_and_keep_the_sector_ranking(
    tmp_path: Path,
) -> None:
    observations = [
        observation(m / 10, r, m + 10 * r >= 6, m >= 4) for m in range(11) for r in (0.0, 0.6)
    ]
    combiner = fit(observations, LABELS, "rules-x")
    low, high = (
        combiner.type_probabilities({"physical": m, "neglect": 0.1}, {"physical": r})["physical"]
        for m, r in ((0.1, 0.0), (0.9, 0.6))
    )
    assert low < 0.3 < 0.9 < high
    sectors = combiner.sector_probabilities({"education": 0.7, "health": 0.3}, {"education": 0.6})
    assert max(sectors, key=sectors.__getitem__) == "education"
    assert abs(sum(sectors.values()) - 1) < 1e-9
    combiner.save(tmp_path)
    assert Combiner.load(tmp_path) == combiner


def test_expected_calibration_error() -> None:
    assert expected_calibration_error([]) == 0.0
    assert expected_calibration_error([(0.25, True), (0.25, False)] * 2) == 0.25
    assert expected_calibration_error([(1.0, True), (0.0, False)]) == 0.0


def test_a_combiner_from_an_older_classifier_is_a_clear_error(tmp_path: Path) -> None:
    older = {"types": {"physical": [5.0, -2.5]}, "sector_temperature": 1.0, "rules_version": "x"}
    # the two-weight combiner of earlier classifiers (no per-sector regressions)
    (tmp_path / "combiner.json").write_text(json.dumps(older), encoding="utf-8")
    with pytest.raises(ValueError, match="lado-intake train"):
        Combiner.load(tmp_path)
