"""Every shared sample referral extracts exactly as its .truth.json says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.scoring import flatten_fields
from parsers.form_schema import FormSchema
from parsers.referral_file import extract_path
from tests.parsers.conftest import SHARED_SAMPLES

IGNORED_KEYS = ("layout", "variant", "classification")
SAMPLES = sorted(
    p for p in SHARED_SAMPLES.glob("referral-*.*") if p.suffix in (".docx", ".pdf", ".eml")
)


def _truth(path: Path) -> dict[str, object]:
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    assert isinstance(truth, dict)
    return {key: value for key, value in truth.items() if key not in IGNORED_KEYS}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_matches_truth(path: Path, schema: FormSchema, samples_dir: Path) -> None:
    result = extract_path(path, schema).to_json()
    truth = _truth(path)
    assert result["fields"] == truth["fields"]
    assert result["missing_fields"] == truth["missing_fields"]
    assert result["missing_sections"] == truth["missing_sections"]
    assert "errors" not in result


def test_field_precision_and_recall(schema: FormSchema, samples_dir: Path) -> None:
    """Field-level precision and recall over all samples (printed with -s)."""
    found = expected = correct = 0
    for path in SAMPLES:
        got = flatten_fields(extract_path(path, schema).to_json()["fields"])
        want = flatten_fields(_truth(path)["fields"])
        found += len(got)
        expected += len(want)
        correct += len(got & want)
    precision, recall = correct / found, correct / expected
    print(f"\n{len(SAMPLES)} samples: precision {precision:.3f}, recall {recall:.3f}")
    assert len(SAMPLES) >= 24
    assert precision == 1.0
    assert recall == 1.0
