"""Stacked, calibrated combination of the model's and the rules' scores.

Each allegation type has a logistic regression on every type's model probability and every
type's rule confidence (0 where the rules do not assign it), so a label learns how far to trust
either and what its neighbours' scores say (a restraint the model is sure of makes an injury
read as physical too); a type is assigned when its probability reaches 0.5. Each sector has a
logistic regression, one against the rest, on every sector's model probability and rule score;
the sector probabilities are those, normalised to sum to 1 and sharpened by a temperature
(p ** t, normalised again; t of least log-loss, so the most probable sector never changes).
Fitted on out-of-fold scores
(models that never saw the rows), written as combiner.json.
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
TEMPERATURES = tuple(0.25 * step for step in range(1, 41))
Weights = tuple[float, ...]


@dataclass(frozen=True)
class Combiner:
    """Fitted weights; `rules_version` names the rules they were fitted with.

    Features, in order: every label's model score, then every label's rule score, for the
    labels of `type_labels` (types) or `sector_labels` (sectors); `types` and `sectors` map a
    label to its weights on them, the bias last.
    """

    type_labels: tuple[str, ...]
    sector_labels: tuple[str, ...]
    types: dict[str, Weights]
    sectors: dict[str, Weights]
    sector_temperature: float
    rules_version: str

    def type_probabilities(
        self, model: Mapping[str, float], rule: Mapping[str, float]
    ) -> dict[str, float]:
        """The calibrated probability that each type applies."""
        features = _features(self.type_labels, model, rule)
        return {label: _sigmoid(_score(weights, features)) for label, weights in self.types.items()}

    def sector_probabilities(
        self, model: Mapping[str, float], rule: Mapping[str, float]
    ) -> dict[str, float]:
        """A calibrated distribution over the sectors."""
        features = _features(self.sector_labels, model, rule)
        raw = {
            label: _sigmoid(_score(weights, features)) ** self.sector_temperature
            for label, weights in self.sectors.items()
        }
        total = sum(raw.values())
        return {label: value / total for label, value in raw.items()}

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
        if "sector_labels" not in data or "sector_temperature" not in data:
            raise ValueError(f"{path} is from an older classifier: run `lado-intake train`")
        return cls(
            tuple(data["type_labels"]),
            tuple(data["sector_labels"]),
            {label: tuple(weights) for label, weights in data["types"].items()},
            {label: tuple(weights) for label, weights in data["sectors"].items()},
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


def _features(
    labels: Sequence[str], model: Mapping[str, float], rule: Mapping[str, float]
) -> list[float]:
    return [*(model[label] for label in labels), *(rule.get(label, 0.0) for label in labels)]


def _score(weights: Weights, features: Sequence[float]) -> float:
    return sum(w * x for w, x in zip(weights[:-1], features, strict=True)) + weights[-1]


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, value))))


def _logistic(features: NDArray[np.float64], gold: NDArray[np.float64]) -> Weights:
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


def fit(
    observations: Sequence[Observation], type_labels: Sequence[str], rules_version: str
) -> Combiner:
    """A logistic regression per type and per sector, fitted on the observations."""
    sector_labels = tuple(observations[0].model_sectors) if observations else ()
    type_features = np.array(
        [_features(type_labels, o.model_types, o.rule_types) for o in observations]
    )
    sector_features = np.array(
        [_features(sector_labels, o.model_sectors, o.rule_sectors) for o in observations]
    )
    types = {
        label: _logistic(
            type_features, np.array([float(label in o.gold_types) for o in observations])
        )
        for label in type_labels
    }
    sectors = {
        label: _logistic(
            sector_features, np.array([float(label == o.gold_sector) for o in observations])
        )
        for label in sector_labels
    }
    temperature = _temperature(
        np.array(
            [
                [_sigmoid(_score(sectors[label], row)) for label in sector_labels]
                for row in sector_features
            ]
        ),
        np.array([sector_labels.index(o.gold_sector) for o in observations]),
    )
    return Combiner(tuple(type_labels), sector_labels, types, sectors, temperature, rules_version)


def _temperature(raw: NDArray[np.float64], gold: NDArray[np.int64]) -> float:
    """The power of the one-against-the-rest probabilities of least log-loss once normalised."""
    if not len(raw):
        return 1.0
    logs = np.log(np.clip(raw, 1e-12, 1.0))
    rows = np.arange(len(raw))
    best = (math.inf, 1.0)
    for temperature in TEMPERATURES:
        scaled = temperature * logs
        scaled -= scaled.max(axis=1, keepdims=True)
        loss = float(np.sum(np.log(np.exp(scaled).sum(axis=1)) - scaled[rows, gold]))
        if loss < best[0] - 1e-9:
            best = (loss, temperature)
    return best[1]
