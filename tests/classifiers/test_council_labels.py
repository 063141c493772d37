"""A council's label_map: renames, merges and additions, checked; statutory counts."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from classifiers.classification import Classification, LabelScore
from classifiers.council_labels import statutory_counts, to_council
from classifiers.taxonomy import LabelMap, Taxonomy
from ingest_service.council_config import CouncilConfig


def mapped(council: CouncilConfig, **label_map: object) -> Taxonomy:
    return council.taxonomy.model_copy(update={"label_map": LabelMap.model_validate(label_map)})


def test_shipped_map_is_the_identity(council: CouncilConfig) -> None:
    taxonomy = council.taxonomy
    assert taxonomy.council_type_ids == taxonomy.allegation_type_ids
    assert taxonomy.council_sector_ids == taxonomy.sector_ids


def test_rename_merge_and_add(council: CouncilConfig) -> None:
    taxonomy = mapped(
        council,
        allegation_types={"physical_intervention": "physical", "online_safety": "online_abuse"},
        sectors={"fostering_ifa": "fostering", "fostering_la": "fostering"},
        added=[{"id": "radicalisation", "dfe": "suitability", "means": "x"}],
    )
    Taxonomy.model_validate(taxonomy.model_dump())
    assert "physical_intervention" not in taxonomy.council_type_ids
    assert {"online_abuse", "radicalisation"} <= set(taxonomy.council_type_ids)
    assert taxonomy.model_label("online_abuse") == "online_safety"
    assert taxonomy.model_label("physical") is None
    assert taxonomy.model_label("radicalisation") is None
    result = to_council(
        Classification(
            (
                LabelScore("physical", 0.6, ("bruise",)),
                LabelScore("physical_intervention", 0.9, ("restraint",)),
            ),
            LabelScore("fostering_ifa", 0.8, ()),
            "m",
            False,
        ),
        taxonomy,
    )
    assert [(item.label, item.score, item.evidence) for item in result.allegation_types] == [
        ("physical", 0.9, ("bruise", "restraint"))
    ]
    assert result.sector.label == "fostering"
    counts = statutory_counts(
        [
            {"allegation_types": ["physical", "online_abuse"]},
            {"allegation_types": ["radicalisation", "online_abuse"]},
            {"allegation_types": []},
        ],
        taxonomy,
    )
    assert counts == {"physical": 1, "emotional": 0, "sexual": 0, "neglect": 0, "suitability": 2}
    with pytest.raises(ValueError, match="not in the council's taxonomy"):
        statutory_counts([{"allegation_types": ["physical_intervention"]}], taxonomy)


@pytest.mark.parametrize(
    ("label_map", "problem"),
    [
        ({"allegation_types": {"physicl": "physical"}}, "maps unknown labels: physicl"),
        ({"allegation_types": {"sexual": "abuse", "neglect": "abuse"}}, "different statutory"),
        ({"added": [{"id": "sexual", "dfe": "sexual", "means": "x"}]}, "repeats model labels"),
    ],
)
def test_bad_maps_are_refused(
    council: CouncilConfig, label_map: dict[str, object], problem: str
) -> None:
    with pytest.raises(ValidationError, match=problem):
        Taxonomy.model_validate({**council.taxonomy.model_dump(), "label_map": label_map})
