"""Calibrated combination of the model's and the rules' scores.

Each label's raw score is the mean of the model's probability and the rules' confidence
(0 when the rules do not assign it). Allegation types: per label, p = sigmoid(a * mean + c),
Platt scaling, which also sets the label's own decision point (p >= 0.5). Sector: a softmax
of the means with one fitted temperature (the ranking, so the decision, is unchanged).
Fitted on out-of-fold scores (models that never saw the rows), written as combiner.json.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

COMBINER_FILE = "combiner.json"
RULE_WEIGHT = 0.5
L2 = 1e-2
TEMPERATURES = tuple(0.5 * step for step in range(1, 81))


def mean_score(model: float, rule: float) -> float:
    """The raw combined score: a weighted mean of the model's and the rules' scores."""
    return (1 - RULE_WEIGHT) * model + RULE_WEIGHT * rule


@dataclass(frozen=True)
class Combiner:
    """Calibration parameters; `rules_version` names the rules they were fitted with."""

    types: dict[str, tuple[float, float]]
    sector_temperature: float
    rules_version: str

    def type_probability(self, label: str, model: float, rule: float) -> float:
        """The calibrated probability that `label` applies."""
        a, c = self.types[label]
        return 1.0 / (1.0 + math.exp(-(a * mean_score(model, rule) + c)))

    def sector_probabilities(
        self, model: Mapping[str, float], rule_label: str, rule_score: float
    ) -> dict[str, float]:
        """A calibrated distribution over sectors."""
        return _softmax({label: mean_score(p, rule_score if label == rule_label else 0.0)
                         for label, p in model.items()}, self.sector_temperature)

    def save(self, directory: Path) -> None:
        """Write combiner.json into the pipeline's directory."""
        (directory / COMBINER_FILE).write_text(json.dumps(asdict(self), indent=1) + "\n",
                                               encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> Combiner:
        """Read combiner.json from the pipeline's directory."""
        path = directory / COMBINER_FILE
        if not path.is_file():
            raise FileNotFoundError(f"no {COMBINER_FILE} in {directory}: run `lado-intake train`")
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls({label: (w[0], w[1]) for label, w in data["types"].items()},
                   data["sector_temperature"], data["rules_version"])


@dataclass(frozen=True)
class Observation:
    """One row's out-of-fold model scores, the rules' output, and the gold labels."""

    model_types: Mapping[str, float]
    rule_types: Mapping[str, float]
    model_sectors: Mapping[str, float]
    rule_sector: tuple[str, float]
    gold_types: frozenset[str]
    gold_sector: str


def _softmax(scores: Mapping[str, float], temperature: float) -> dict[str, float]:
    top = max(scores.values())
    exp = {label: math.exp(temperature * (value - top)) for label, value in scores.items()}
    total = sum(exp.values())
    return {label: value / total for label, value in exp.items()}


def _platt(scores: Sequence[float], gold: Sequence[bool]) -> tuple[float, float]:
    """L2-regularised one-feature logistic regression by Newton's method (deterministic)."""
    x = np.column_stack([np.array(scores, dtype=float), np.ones(len(scores))])
    y = np.array(gold, dtype=float)
    w = np.array([5.0, -2.5])
    penalty = L2 * len(x) * np.diag([1.0, 0.0])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ (w - np.array([5.0, 0.0]))
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(2)
        w -= np.linalg.solve(hessian, gradient)
    return float(w[0]), float(w[1])


def fit(
    observations: Sequence[Observation], type_labels: Sequence[str], rules_version: str
) -> Combiner:
    """Platt scaling per type and the sector temperature that best fit the observations."""
    types = {
        label: _platt([mean_score(o.model_types[label], o.rule_types.get(label, 0.0))
                       for o in observations],
                      [label in o.gold_types for o in observations])
        for label in type_labels
    }

    def loss(temperature: float) -> float:
        draft = Combiner(types, temperature, rules_version)
        return -sum(math.log(max(draft.sector_probabilities(
            o.model_sectors, *o.rule_sector)[o.gold_sector], 1e-12)) for o in observations)

    return Combiner(types, min(TEMPERATURES, key=loss), rules_version)
