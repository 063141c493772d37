"""The command line: extract, classify, ingest, poll, records, status, demo and its errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from ingest_service.cli.main import main
from ingest_service.settings import Settings
from ingest_service.store.models import Referral, ReferralOrigin
from tests.conftest import SAMPLES_DIR

Run = tuple[int, str, str]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_then_poll_files_every_referral(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "demo", "--count", "5")[0] == 0
    code, out, _ = run(capsys, "poll", "--once")
    assert code == 0 and out == "poll: fetched 5, processed 5, moved 5\nsend: sent 5\n"
    code, out, _ = run(capsys, "records", "list", "--json")
    rows = json.loads(out)
    assert len(rows) == 5 and all(r["reference"].startswith("LADO-") for r in rows)
    assert {r["status"] for r in rows} <= {"awaiting_information", "ready_for_triage"}
    code, out, _ = run(capsys, "demo")
    assert "already seeded" in out


def test_demo_history_imports_last_years_tracker_once(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "db", "upgrade")[0] == 0
    code, out, _ = run(capsys, "demo", "--count", "1", "--history")
    assert code == 0 and "imported 420 referrals of" in out
    with create_engine(env.database_url).connect() as connection:
        imported = connection.scalar(
            select(func.count(Referral.id)).where(Referral.origin == ReferralOrigin.IMPORT)
        )
    assert imported == 420
    assert "already imported" in run(capsys, "demo", "--history")[1]
    rows = json.loads(run(capsys, "records", "list", "--json")[1])
    assert all(row["sector"] for row in rows), "imported referrals list their tracker's sector"
    assert any(row["allegation_types"] for row in rows)


def test_ingest_twice_files_once_and_show_is_audited(
    env: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "demo", "--count", "1")
    eml = next((env.data_dir / "demo-mailbox" / "new").iterdir())
    copy = tmp_path / "referral.eml"
    copy.write_bytes(eml.read_bytes())
    _, first, _ = run(capsys, "ingest", str(copy))
    _, second, _ = run(capsys, "ingest", str(copy))
    reference = first.split()[1]
    assert first == second and reference.startswith("LADO-")
    code, out, _ = run(capsys, "records", "show", reference, "--json")
    record = json.loads(out)
    assert code == 0 and record["reference"] == reference and record["fields"]
    assert record["messages"][0]["steps"][0]["step"] == "parse"


def test_status_reports_counts(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status")
    assert code == 0 and "referrals filed: 0" in out


def test_classify_json_lines(
    env: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        {
            "text": "The PE teacher grabbed a Year 8 pupil by the neck and pushed him against "
            "the wall, leaving red marks."
        },
        {
            "text": "A nursery practitioner left a two-year-old alone in the garden for twenty "
            "minutes."
        },
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(json.dumps(x) + "\n" for x in lines)))
    code, out, _ = run(capsys, "classify", "--json")
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(results) == 2
    assert "physical" in results[0]["allegation_types"] and results[0]["sector"] == "education"
    assert "neglect" in results[1]["allegation_types"] and results[1]["sector"] == "early_years"


def test_errors_are_one_line_and_non_zero(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LADO_DATA_DIR", str(tmp_path))
    code, _, err = run(capsys, "records", "list")
    assert code == 1 and err.count("\n") == 1 and "run `lado-intake db upgrade`" in err
    monkeypatch.setenv("LADO_POLL_INTERVAL_SECONDS", "-5")
    code, _, err = run(capsys, "status")
    assert code == 1 and err.startswith("lado-intake: LADO_POLL_INTERVAL_SECONDS:")
    monkeypatch.delenv("LADO_POLL_INTERVAL_SECONDS")
    code, _, err = run(capsys, "extract", str(tmp_path / "absent.docx"))
    assert code == 1 and "no such file" in err


def test_unknown_reference(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "records", "show", "LADO-2026-999999")
    assert code == 1 and "no referral with reference LADO-2026-999999" in err


@pytest.mark.skipif(not SAMPLES_DIR.is_dir(), reason="shared reference samples not present")
def test_extract_json_matches_the_reference_truth(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SAMPLES_DIR), "--json")
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(results) == len(list(SAMPLES_DIR.glob("*.truth.json")))
    for result in results:
        assert {
            "source",
            "fields",
            "missing_fields",
            "missing_sections",
            "classification",
        } <= result.keys()
        truth = json.loads((SAMPLES_DIR / result["source"]).with_suffix(".truth.json").read_text())
        assert result["missing_sections"] == truth["missing_sections"], result["source"]
        assert result["missing_fields"] == truth["missing_fields"], result["source"]
