"""Model labels to the council's labels (taxonomy.yaml `label_map`), and statutory counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from classifiers.classification import Classification, LabelScore
from classifiers.taxonomy import DfeCategory, Taxonomy

DFE_CATEGORIES: tuple[DfeCategory, ...] = (
    "physical",
    "emotional",
    "sexual",
    "neglect",
    "suitability",
)


def to_council(result: Classification, taxonomy: Taxonomy) -> Classification:
    """The same result under the council's labels; merged labels keep the best score."""
    merged: dict[str, LabelScore] = {}
    for item in result.allegation_types:
        label = taxonomy.council_type(item.label)
        before = merged.get(label)
        evidence = (*before.evidence, *item.evidence) if before else item.evidence
        score = max(item.score, before.score) if before else item.score
        merged[label] = LabelScore(label, score, tuple(dict.fromkeys(evidence)))
    sector = replace(result.sector, label=taxonomy.council_sector(result.sector.label))
    return replace(result, allegation_types=tuple(merged.values()), sector=sector)


def statutory_counts(
    classifications: Iterable[Mapping[str, object]], taxonomy: Taxonomy
) -> dict[DfeCategory, int]:
    """Referrals per statutory category: each counted once per category its types fall in.

    `classifications` are stored results ({"allegation_types": [council labels], ...}).
    """
    known = set(taxonomy.council_type_ids)
    counts: dict[DfeCategory, int] = dict.fromkeys(DFE_CATEGORIES, 0)
    for classification in classifications:
        labels = classification.get("allegation_types") or []
        assert isinstance(labels, list)
        unknown = sorted(set(labels) - known)
        if unknown:
            raise ValueError(f"not in the council's taxonomy: {', '.join(unknown)}")
        for category in {taxonomy.council_dfe(label) for label in labels}:
            counts[category] += 1
    return counts
