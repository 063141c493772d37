"""Fixtures for the case services: a migrated store with one referral, and the config."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from config import DEFAULT_CONFIG_DIR
from ingest_service.cases.reporting_config import CaseReporting, load_case_reporting
from ingest_service.store.database import make_engine, make_session_factory, unit_of_work
from ingest_service.store.models import Referral, ReferralStatus
from tests.referrals import RECEIVED


@pytest.fixture(scope="session")
def reporting() -> CaseReporting:
    return load_case_reporting(DEFAULT_CONFIG_DIR)


@pytest.fixture
def sessions(database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(database_url)
    yield make_session_factory(engine)
    engine.dispose()


def add_referral(
    sessions: sessionmaker[Session],
    number: int,
    fields: dict[str, Any],
    status: ReferralStatus = ReferralStatus.AWAITING_INFORMATION,
    received_at: datetime = RECEIVED,
    **columns: Any,
) -> str:
    """A referral with these answers; its reference."""
    reference = f"LADO-2026-{number:06d}"
    with unit_of_work(sessions) as session:
        session.add(
            Referral(
                reference=reference,
                status=status,
                received_at=received_at,
                fields=fields,
                classification={"allegation_types": ["physical"], "sector": "education"},
                **columns,
            )
        )
    return reference
