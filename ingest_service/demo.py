"""Seeding the local demo: a mailbox of synthetic referrals, and a year of tracker history."""

from __future__ import annotations

from pathlib import Path

from ingest_service.mailbox.maildir import deliver
from ingest_service.service import Service
from ingest_service.synthetic.demo_set import demo_referrals
from ingest_service.synthetic.tracker import tracker_lines, write_tracker_csv
from ingest_service.tracker_import.config import load_tracker_config
from ingest_service.tracker_import.service import import_tracker
from ingest_service.tracker_import.vocabulary import Vocabulary

SEEDED_MARKER = ".lado-demo-seeded"
DEMO_TRACKER = "demo-tracker.csv"
DEMO_HISTORY_ROWS = 420
DEMO_ACTOR = "system:demo"


class DemoTrackerRefused(RuntimeError):
    """The synthetic tracker did not pass the import's checks (a bug in the generator)."""


def seed_demo_mailbox(root: Path, count: int, force: bool = False) -> int:
    """Deliver `count` synthetic referral emails unless the mailbox was seeded before."""
    marker = root / SEEDED_MARKER
    if marker.exists() and not force:
        return 0
    referrals = demo_referrals(count=count)
    for number, referral in enumerate(referrals, start=1):
        deliver(root, referral.raw, f"demo-{number:03d}.{referral.filename}")
    marker.write_text(f"{len(referrals)} demo referrals delivered\n", encoding="utf-8")
    return len(referrals)


def seed_demo_history(service: Service, year: int) -> int:
    """Import a synthetic tracker of `year`'s referrals unless it was written before."""
    path = service.settings.data_dir / DEMO_TRACKER
    if path.exists():
        return 0
    write_tracker_csv(path, tracker_lines(year, DEMO_HISTORY_ROWS, seed=year))
    vocabulary = Vocabulary.of(service.council.taxonomy, service.case_reporting)
    config = load_tracker_config(service.settings.config_dir, vocabulary)
    report = import_tracker(service.sessions, path, config, vocabulary, DEMO_ACTOR)
    if report.result is None:
        path.unlink()
        raise DemoTrackerRefused(f"{len(report.problems)} problems in the demo tracker")
    return report.result.imported
