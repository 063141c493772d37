"""One tracker import from file to store: read, validate every row, then file all or nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from ingest_service.store.database import unit_of_work
from ingest_service.tracker_import.config import TrackerConfig
from ingest_service.tracker_import.importer import ImportResult, import_rows
from ingest_service.tracker_import.reading import read_tracker
from ingest_service.tracker_import.validation import RowProblem, validate
from ingest_service.tracker_import.vocabulary import Vocabulary


@dataclass(frozen=True)
class ImportReport:
    """The rows checked, and either the problems (nothing written) or what was filed."""

    rows: int
    problems: tuple[RowProblem, ...]
    result: ImportResult | None


def import_tracker(
    sessions: sessionmaker[Session],
    path: Path,
    config: TrackerConfig,
    vocabulary: Vocabulary,
    actor: str,
    dry_run: bool = False,
) -> ImportReport:
    """Import the tracker in one transaction, unless any row has a problem or it is a dry run.

    Raises TrackerConflict (nothing written) when it clashes with what is already filed.
    """
    sheet = read_tracker(path, config.sheet)
    checked = validate(sheet, config, vocabulary)
    if checked.problems or dry_run:
        return ImportReport(len(sheet.rows), checked.problems, None)
    file_sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    with unit_of_work(sessions) as session:
        result = import_rows(session, checked.rows, actor, file_sha256)
    return ImportReport(len(sheet.rows), (), result)
