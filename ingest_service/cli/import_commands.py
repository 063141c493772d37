"""`lado-intake import PATH`: a council's spreadsheet tracker filed as referrals."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ingest_service.cli.store_commands import cli_actor
from ingest_service.service import Service
from ingest_service.store.schema_check import require_current_schema
from ingest_service.tracker_import.config import load_tracker_config
from ingest_service.tracker_import.service import import_tracker
from ingest_service.tracker_import.vocabulary import Vocabulary


def run_import(service: Service, path: Path, dry_run: bool, out: TextIO, err: TextIO) -> int:
    """Check every row; print each problem and import nothing, or import them all."""
    vocabulary = Vocabulary.of(service.council.taxonomy, service.case_reporting)
    config = load_tracker_config(service.settings.config_dir, vocabulary)
    require_current_schema(service.engine)
    report = import_tracker(service.sessions, path, config, vocabulary, cli_actor(), dry_run)
    if report.problems:
        for problem in report.problems:
            err.write(f"{path.name}: {problem}\n")
        rows_with_problems = len({p.row for p in report.problems})
        err.write(f"lado-intake: nothing imported: {rows_with_problems} row(s) need correcting\n")
        return 1
    if report.result is None:
        out.write(f"{path.name}: all {report.rows} rows can be imported (dry run)\n")
        return 0
    result = report.result
    out.write(
        f"{path.name}: imported {result.imported} referrals, skipped {result.skipped} "
        f"already imported (import {result.import_number})\n"
    )
    return 0
