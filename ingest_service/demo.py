"""Seeding the local demo mailbox with synthetic referrals, once."""

from __future__ import annotations

from pathlib import Path

from ingest_service.mailbox.maildir import deliver
from ingest_service.synthetic.demo_set import demo_referrals

SEEDED_MARKER = ".lado-demo-seeded"


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
