"""Fixtures for the parser tests: the council's form schema and the shared samples folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import DEFAULT_CONFIG_DIR
from ingest_service.council_config import load_council_config
from parsers.form_schema import FormSchema

SHARED_SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "referral-form" / "samples"


@pytest.fixture(scope="session")
def schema() -> FormSchema:
    """The form schema from the default council configuration."""
    return load_council_config(DEFAULT_CONFIG_DIR).form


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The shared sample referrals; tests using it are skipped when it is absent."""
    if not SHARED_SAMPLES.is_dir():
        pytest.skip("shared referral samples are not available")
    return SHARED_SAMPLES
