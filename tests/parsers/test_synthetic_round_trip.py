"""The project's synthetic referrals (.docx, .pdf, .eml) extract as their truth files say."""

from __future__ import annotations

import json

import pytest

from bench.scoring import flatten_fields
from ingest_service.synthetic import write_corpus
from ingest_service.synthetic.corpus import SPECIAL_EACH, SPECIAL_LAYOUTS
from ingest_service.synthetic.render_pdf_family import OCR_LAYOUTS
from parsers.form_schema import FormSchema
from parsers.referral_file import extract_path

CASES, SEED = 36, 13
FLOOR = 0.98

Results = list[tuple[str, dict[str, object], dict[str, object]]]


@pytest.fixture(scope="module")
def results(schema: FormSchema, tmp_path_factory: pytest.TempPathFactory) -> Results:
    """(document name, extraction result, truth) for each generated referral; scans are
    left to tests/parsers/test_ocr.py (OCR is slow and held to its own bar)."""
    out: Results = []
    for path in write_corpus(tmp_path_factory.mktemp("synthetic"), CASES, SEED):
        truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
        if truth["layout"] in OCR_LAYOUTS:
            continue
        out.append((path.name, extract_path(path, schema).to_json(), truth))
    return out


def test_field_precision_and_recall(results: Results) -> None:
    """Field-level precision and recall over the corpus (printed with -s)."""
    found = expected = correct = 0
    for _, result, truth in results:
        got, want = flatten_fields(result["fields"]), flatten_fields(truth["fields"])
        found += len(got)
        expected += len(want)
        correct += len(got & want)
    precision, recall = correct / found, correct / expected
    print(f"\n{len(results)} synthetic referrals: precision {precision:.3f}, recall {recall:.3f}")
    specials = sum(
        SPECIAL_EACH
        for layout in SPECIAL_LAYOUTS
        if layout.available() and layout.name not in OCR_LAYOUTS
    )
    assert len(results) == CASES + specials
    assert precision >= FLOOR
    assert recall >= FLOOR


def test_missing_fields_and_sections_exactly(results: Results) -> None:
    wrong = [
        name
        for name, result, truth in results
        if (result["missing_fields"], result["missing_sections"])
        != (truth["missing_fields"], truth["missing_sections"])
    ]
    assert wrong == []
    assert [name for name, result, _ in results if "errors" in result] == []
