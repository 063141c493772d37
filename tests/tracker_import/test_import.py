"""Importing trackers into the store: all rows or none, once, audited, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from config import DEFAULT_CONFIG_DIR
from ingest_service.cli.main import main
from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import (
    AuditEvent,
    Referral,
    ReferralOrigin,
    ReferralStatus,
    TimelinessBand,
)
from ingest_service.synthetic.tracker import tracker_lines, write_tracker_csv
from ingest_service.tracker_import.config import load_tracker_config
from ingest_service.tracker_import.importer import TrackerConflict
from ingest_service.tracker_import.service import ImportReport, import_tracker
from ingest_service.tracker_import.vocabulary import Vocabulary
from tests.tracker_import.trackers import BAD, GOOD, write_csv


def run_import(service: Service, path: Path) -> ImportReport:
    vocabulary = Vocabulary.of(service.council.taxonomy, service.case_reporting)
    config = load_tracker_config(DEFAULT_CONFIG_DIR, vocabulary)
    return import_tracker(service.sessions, path, config, vocabulary, "test:importer")


def referrals(service: Service) -> dict[str, Referral]:
    with service.sessions() as session:
        found = session.scalars(select(Referral)).all()
        for referral in found:
            _ = referral.allegation_type_rows
        return {r.reference: r for r in found}


def import_events(service: Service) -> list[AuditEvent]:
    with service.sessions() as session:
        return list(
            session.scalars(select(AuditEvent).where(AuditEvent.action == "tracker_imported"))
        )


def test_a_good_tracker_becomes_imported_referrals(service: Service, tmp_path: Path) -> None:
    report = run_import(service, write_csv(tmp_path / "t.csv", GOOD))
    assert report.problems == ()
    assert report.result is not None and report.result.imported == 3
    filed = referrals(service)
    first = filed["L-001"]
    assert first.origin is ReferralOrigin.IMPORT
    assert first.status is ReferralStatus.READY_FOR_TRIAGE
    assert first.received_at.replace(tzinfo=UTC) == datetime(2025, 4, 3, tzinfo=UTC)
    assert first.timeliness is TimelinessBand.WITHIN_1_MONTH
    assert first.days_to_close == 17
    assert sorted(t.allegation_type for t in first.allegation_type_rows) == [
        "physical",
        "physical_intervention",
    ]
    (generated,) = [r for ref, r in filed.items() if ref.startswith("TRK-20250501-")]
    assert generated.timeliness is TimelinessBand.WITHIN_12_MONTHS  # 1 May to 1 December
    assert filed["L-002"].closed_at is None and filed["L-002"].timeliness is None
    (event,) = import_events(service)
    assert event.detail["imported"] == 3 and event.actor == "test:importer"
    assert len(event.detail["file_sha256"]) == 64


def test_a_bad_row_stops_the_whole_import(service: Service, tmp_path: Path) -> None:
    report = run_import(service, write_csv(tmp_path / "t.csv", [*GOOD, *BAD[1:2]]))
    assert {p.row for p in report.problems} == {5}
    assert report.result is None
    assert referrals(service) == {}
    assert import_events(service) == []


def test_the_synthetic_tracker_files_only_configured_ids(service: Service, tmp_path: Path) -> None:
    path = tmp_path / "synthetic.csv"
    write_tracker_csv(path, tracker_lines(2024, 300, seed=11))
    report = run_import(service, path)
    assert report.problems == ()
    assert report.result is not None and report.result.imported == 300
    filed = referrals(service).values()
    reporting = service.case_reporting
    configured = {
        "district": {e.id for e in reporting.districts.entries},
        "referral_source": {e.id for e in reporting.referral_sources.entries},
        "role_category": {e.id for e in reporting.role_categories.entries},
    }
    for field, ids in configured.items():
        used = {getattr(r, field) for r in filed} - {None}
        assert used and used <= ids, field
    assert {r.district for r in filed} == configured["district"]  # every district, no other


def test_importing_the_same_tracker_again_skips_every_row(service: Service, tmp_path: Path) -> None:
    run_import(service, write_csv(tmp_path / "t.csv", GOOD))
    closed_later = [list(row) for row in GOOD]
    closed_later[1][11] = "30/04/2025"  # re-exported later: filed rows are not updated
    again = run_import(service, write_csv(tmp_path / "again.csv", closed_later))
    assert again.result is not None
    assert (again.result.imported, again.result.skipped) == (0, 3)
    assert len(referrals(service)) == 3
    assert referrals(service)["L-002"].closed_at is None
    assert [e.entity_id for e in import_events(service)] == [1, 2]


def test_a_reference_taken_by_an_emailed_referral_is_a_conflict(
    service: Service, tmp_path: Path
) -> None:
    with unit_of_work(service.sessions) as session:
        session.add(
            Referral(
                reference="L-002", status=ReferralStatus.NEEDS_REVIEW, received_at=datetime.now(UTC)
            )
        )
    with pytest.raises(TrackerConflict, match="row 3: reference L-002"):
        run_import(service, write_csv(tmp_path / "t.csv", GOOD))
    assert set(referrals(service)) == {"L-002"}
    assert import_events(service) == []


def test_the_import_command_lists_every_problem_and_files_nothing(
    env: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "tracker.csv", BAD)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("tracker.csv: row 3, column 'Date of referral': '31/02/2025'")
    assert len(err) == 8
    assert err[-1] == "lado-intake: nothing imported: 3 row(s) need correcting"
    good = write_csv(tmp_path / "good.csv", GOOD)
    assert main(["import", "--dry-run", str(good)]) == 0
    assert capsys.readouterr().out == "good.csv: all 3 rows can be imported (dry run)\n"
    assert main(["import", str(good)]) == 0
    assert "imported 3 referrals, skipped 0" in capsys.readouterr().out
