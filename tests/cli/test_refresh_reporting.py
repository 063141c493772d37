"""`lado-intake records refresh-reporting`: emailed referrals' reporting columns recomputed
from the current config in batches, the count printed and audited once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from config import DEFAULT_CONFIG_DIR
from ingest_service.cases.reporting_refresh import AUDIT_ACTION
from ingest_service.cli.main import main
from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import AuditEvent, Referral, ReferralOrigin, ReferralStatus

NEW_DISTRICT = '    - {id: eastbrook, label: "Eastbrook", postcode_prefixes: ["ZZ9"], towns: []}\n'
ANSWERS: dict[str, Any] = {
    "subject_name": "Sam Example",
    "subject_dob": "1980-02-01",
    "subject_role": "Teaching assistant",
    "referrer_organisation": "Northgate Primary School",
    "employer_address": "1 Synthetic Road, Eastbrook ZZ9 1AA",
    "children": [{"child_send": "yes", "child_in_care": "no"}],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def file_referrals(service: Service) -> None:
    """Three emailed referrals filed before the reporting columns existed, and one imported."""
    with unit_of_work(service.sessions) as session:
        for number, origin in enumerate([ReferralOrigin.EMAIL] * 3 + [ReferralOrigin.IMPORT]):
            session.add(
                Referral(
                    reference=f"LADO-2026-{number + 1:06d}",
                    status=ReferralStatus.READY_FOR_TRIAGE,
                    received_at=datetime(2026, 3, 9, 10, number, tzinfo=UTC),
                    fields=ANSWERS,
                    classification={"sector": "education", "allegation_types": ["physical"]},
                    origin=origin,
                )
            )


def columns(service: Service) -> dict[str, tuple[Any, ...]]:
    """Each referral's district, role, source, SEND and allegation types, by reference."""
    with service.sessions() as session:
        return {
            r.reference: (
                r.district,
                r.role_category,
                r.referral_source,
                r.any_child_send,
                [t.allegation_type for t in r.allegation_type_rows],
            )
            for r in session.scalars(select(Referral))
        }


def audited(service: Service) -> list[dict[str, Any]]:
    """The refresh runs' audit details, with the kind of actor, oldest first."""
    with service.sessions() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == AUDIT_ACTION).order_by(AuditEvent.id)
        )
        return [dict(event.detail, actor=event.actor.split(":")[0]) for event in events]


@pytest.fixture
def service(env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Service]:
    """A service on the test's store and a copy of the shipped config, the CLI pointed at both."""
    config_dir = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, config_dir)
    monkeypatch.setenv("LADO_CONFIG_DIR", str(config_dir))
    built = Service.from_settings(env.model_copy(update={"config_dir": config_dir}))
    file_referrals(built)
    yield built
    built.engine.dispose()


def test_refresh_fills_old_referrals_and_follows_a_config_change(
    service: Service, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "records", "refresh-reporting", "--batch-size", "2")
    assert (code, out) == (
        0,
        "reporting columns recomputed for 3 emailed referrals: 3 changed\n",
    )
    found = columns(service)
    emailed = ("outside_area", "teaching_assistant", "education", True, ["physical"])
    assert [found[f"LADO-2026-00000{n}"] for n in (1, 2, 3)] == [emailed] * 3
    assert found["LADO-2026-000004"] == (None, None, None, None, [])  # imported: untouched

    reporting = service.settings.config_dir / "case_reporting.yaml"
    text = reporting.read_text(encoding="utf-8")
    anchor = "    - {id: outside_area,"
    reporting.write_text(text.replace(anchor, NEW_DISTRICT + anchor, 1), encoding="utf-8")
    code, out, _ = run(capsys, "records", "refresh-reporting")
    assert out == "reporting columns recomputed for 3 emailed referrals: 3 changed\n"
    assert {columns(service)[f"LADO-2026-00000{n}"][0] for n in (1, 2, 3)} == {"eastbrook"}

    code, out, _ = run(capsys, "records", "refresh-reporting")
    assert out.endswith(": 0 changed\n")
    assert audited(service) == [
        {"referrals": 3, "changed": 3, "actor": "cli"},
        {"referrals": 3, "changed": 3, "actor": "cli"},
        {"referrals": 3, "changed": 0, "actor": "cli"},
    ]


def test_a_batch_size_below_one_is_refused(
    service: Service, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "records", "refresh-reporting", "--batch-size", "0")
    assert code == 1 and "batch size must be at least 1" in err
