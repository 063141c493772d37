"""Stacked, calibrated combination of the model's and the rules' scores.

Allegation types: per label, p = sigmoid(a * model + b * rule + c), a logistic regression on
the model's probability and the rules' confidence (0 when the rules do not assign it), so each
label learns how far to trust either; a type is assigned when p >= 0.5. Sector: a softmax of
t * ((1 - w) * model + w * rule) over sectors (rule: each cued sector's score from the rules,
0 for the rest), with the rule weight w and the temperature t that best fit. Fitted on
out-of-fold scores (models that never saw the rows), written as combiner.json.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

COMBINER_FILE = "combiner.json"
L2 = 1e-4
RULE_WEIGHTS = tuple(step / 20 for step in range(21))
TEMPERATURES = tuple(0.5 * step for step in range(1, 81))


@dataclass(frozen=True)
class Combiner:
    """Fitted parameters; `rules_version` names the rules they were fitted with.

    `types` maps a label to (model weight, rule weight, bias); `sector_rule_weight` and
    `sector_temperature` shape the sector softmax.
    """

    types: dict[str, tuple[float, float, float]]
    sector_rule_weight: float
    sector_temperature: float
    rules_version: str

    def type_probability(self, label: str, model: float, rule: float) -> float:
        """The calibrated probability that `label` applies."""
        a, b, c = self.types[label]
        return _sigmoid(a * model + b * rule + c)

    def sector_probabilities(
        self, model: Mapping[str, float], rule: Mapping[str, float]
    ) -> dict[str, float]:
        """A calibrated distribution over the model's sectors."""
        w = self.sector_rule_weight
        mixed = {label: (1 - w) * p + w * rule.get(label, 0.0) for label, p in model.items()}
        top = max(mixed.values())
        exp = {
            label: math.exp(self.sector_temperature * (value - top))
            for label, value in mixed.items()
        }
        total = sum(exp.values())
        return {label: value / total for label, value in exp.items()}

    def save(self, directory: Path) -> None:
        """Write combiner.json into the pipeline's directory."""
        (directory / COMBINER_FILE).write_text(
            json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, directory: Path) -> Combiner:
        """Read combiner.json from the pipeline's directory."""
        path = directory / COMBINER_FILE
        if not path.is_file():
            raise FileNotFoundError(f"no {COMBINER_FILE} in {directory}: run `lado-intake train`")
        data = json.loads(path.read_text(encoding="utf-8"))
        if "sector_rule_weight" not in data:
            raise ValueError(f"{path} is from an older classifier: run `lado-intake train`")
        return cls(
            {label: (w[0], w[1], w[2]) for label, w in data["types"].items()},
            data["sector_rule_weight"],
            data["sector_temperature"],
            data["rules_version"],
        )


@dataclass(frozen=True)
class Observation:
    """One row's out-of-fold model scores, the rules' output, and the gold labels."""

    model_types: Mapping[str, float]
    rule_types: Mapping[str, float]
    model_sectors: Mapping[str, float]
    rule_sectors: Mapping[str, float]
    gold_types: frozenset[str]
    gold_sector: str


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, value))))


def _logistic(features: NDArray[np.float64], gold: NDArray[np.float64]) -> tuple[float, ...]:
    """L2-regularised logistic regression (bias unpenalised) by Newton's method: deterministic."""
    x = np.column_stack([features, np.ones(len(features))])
    w = np.zeros(x.shape[1])
    penalty = L2 * len(x) * np.diag([*([1.0] * features.shape[1]), 0.0])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -50, 50)))
        gradient = x.T @ (p - gold) + penalty @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    return tuple(float(value) for value in w)


def _sector_fit(
    observations: Sequence[Observation], sector_labels: Sequence[str]
) -> tuple[float, float]:
    """The rule weight and temperature of least sector log-loss, searched on a grid."""
    model = np.array([[o.model_sectors[label] for label in sector_labels] for o in observations])
    rule = np.array(
        [[o.rule_sectors.get(label, 0.0) for label in sector_labels] for o in observations]
    )
    gold = np.array([sector_labels.index(o.gold_sector) for o in observations])
    rows = np.arange(len(observations))
    best = (math.inf, 0.5, 1.0)
    for weight in RULE_WEIGHTS:
        mixed = (1 - weight) * model + weight * rule
        mixed -= mixed.max(axis=1, keepdims=True)
        for temperature in TEMPERATURES:
            scaled = temperature * mixed
            loss = float(np.sum(np.log(np.exp(scaled).sum(axis=1)) - scaled[rows, gold]))
            if loss < best[0] - 1e-9:
                best = (loss, weight, temperature)
    return best[1], best[2]


def fit(
    observations: Sequence[Observation], type_labels: Sequence[str], rules_version: str
) -> Combiner:
    """Logistic regression per type and the sector mix that best fit the observations."""
    types = {}
    for label in type_labels:
        a, b, c = _logistic(
            np.array([[o.model_types[label], o.rule_types.get(label, 0.0)] for o in observations]),
            np.array([float(label in o.gold_types) for o in observations]),
        )
        types[label] = (a, b, c)
    sector_labels = list(observations[0].model_sectors) if observations else []
    weight, temperature = _sector_fit(observations, sector_labels)
    return Combiner(types, weight, temperature, rules_version)
