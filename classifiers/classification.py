"""The classifier's result: allegation types (multi-label) and sector, with scores and evidence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelScore:
    """One label with its confidence in [0, 1] and the phrases that drove it."""

    label: str
    score: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Classification:
    """What a classifier decided about one allegation description, and which version decided it."""

    allegation_types: tuple[LabelScore, ...]
    sector: LabelScore
    model_version: str
    needs_review: bool

    def to_json(self) -> dict[str, object]:
        """{"allegation_types": [ids], "sector": id} as in the README, plus scores and evidence."""
        types = self.allegation_types
        return {
            "allegation_types": [item.label for item in types],
            "sector": self.sector.label,
            "scores": {
                "allegation_types": {item.label: round(item.score, 3) for item in types},
                "sector": round(self.sector.score, 3),
            },
            "evidence": {
                "allegation_types": {item.label: list(item.evidence) for item in types},
                "sector": list(self.sector.evidence),
            },
            "model_version": self.model_version,
            "needs_review": self.needs_review,
        }
