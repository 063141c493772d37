"""A rule classifier built once from the shipped council configuration."""

from __future__ import annotations

import pytest

from classifiers.rule_classifier import RuleClassifier
from ingest_service.council_config import CouncilConfig


@pytest.fixture(scope="session")
def classifier(council: CouncilConfig) -> RuleClassifier:
    """The shipped rules over the shipped taxonomy."""
    return RuleClassifier.build(council.taxonomy, council.rules)
