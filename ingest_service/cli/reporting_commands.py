"""`records refresh-reporting`: recompute the reporting columns of emailed referrals."""

from __future__ import annotations

from typing import TextIO

from ingest_service.cases.reporting_refresh import refresh_all_reporting
from ingest_service.cli.store_commands import cli_actor
from ingest_service.service import Service
from ingest_service.store.schema_check import require_current_schema


def run_refresh_reporting(service: Service, batch_size: int, out: TextIO) -> int:
    """Recompute every emailed referral's reporting columns from the current configuration."""
    require_current_schema(service.engine)
    result = refresh_all_reporting(
        service.sessions, service.case_reporting, cli_actor(), batch_size
    )
    out.write(
        f"reporting columns recomputed for {result.referrals} emailed referrals: "
        f"{result.changed} changed\n"
    )
    return 0
