"""Loading and checking the classification rules file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from classifiers.rules_config import ClassificationRules, UnknownLabelError
from config import DEFAULT_CONFIG_DIR
from ingest_service.council_config import ConfigError, CouncilConfig, load_rules

RULES_FILE = DEFAULT_CONFIG_DIR / "classification_rules.yaml"


def _write_rules(tmp_path: Path, edit: dict[str, object]) -> Path:
    raw = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    raw.update(edit)
    path = tmp_path / "classification_rules.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


def test_shipped_rules_cover_the_taxonomy(council: CouncilConfig) -> None:
    council.rules.check_labels(council.taxonomy)
    assert {rule.label for rule in council.rules.allegation_types} == set(
        council.taxonomy.allegation_type_ids
    )
    assert {rule.label for rule in council.rules.sectors} == set(council.taxonomy.sector_ids)


def test_unknown_label_is_named(tmp_path: Path, council: CouncilConfig) -> None:
    path = _write_rules(tmp_path, {"allegation_types": [{"label": "cyber_stuff", "phrases": []}]})
    with pytest.raises(ConfigError) as caught:
        load_rules(path, council.taxonomy)
    assert "cyber_stuff" in str(caught.value)
    assert caught.value.key == "allegation_types[0].label"


def test_unknown_yields_to_and_hint_labels_are_named(council: CouncilConfig) -> None:
    rules = council.rules.model_copy(update={"fallback_sector": "unknown_sector"})
    with pytest.raises(UnknownLabelError, match="unknown_sector"):
        rules.check_labels(council.taxonomy)


def test_repeated_label_rejected(tmp_path: Path, council: CouncilConfig) -> None:
    rule = {"label": "physical", "phrases": [{"weight": 1.0, "phrases": ["slapped"]}]}
    path = _write_rules(tmp_path, {"allegation_types": [rule, rule]})
    with pytest.raises(ConfigError, match="repeats labels: physical"):
        load_rules(path, council.taxonomy)


def test_unsupported_pattern_key_rejected() -> None:
    bad = {"label": "physical", "patterns": [{"weight": 1, "pattern": [{"LEMMA": "hit"}]}]}
    with pytest.raises(ValueError, match="LEMMA"):
        ClassificationRules.model_validate(
            {"allegation_types": [bad], "sectors": [{"label": "other"}]}
        )
