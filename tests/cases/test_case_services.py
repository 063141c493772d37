"""Field and label corrections, triage, the case record and repeat referrals, on both stores."""

from __future__ import annotations

import json
import threading
import time
from datetime import date

import pytest
from sqlalchemy import String, select, text
from sqlalchemy.orm import Session, sessionmaker

from ingest_service.cases.case_record import CaseRecord, update_case_record
from ingest_service.cases.field_corrections import correct_field
from ingest_service.cases.inline_sql import inline_constants
from ingest_service.cases.labels import correct_labels
from ingest_service.cases.lookup import CaseInputError
from ingest_service.cases.repeats import SAME_KEY, SIMILAR, repeat_referrals
from ingest_service.cases.reporting_config import CaseReporting
from ingest_service.cases.reporting_fields import subject_key
from ingest_service.cases.triage import record_triage
from ingest_service.council_config import CouncilConfig
from ingest_service.records import RecordNotFound, referral_record
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import (
    SUBJECT_DOB,
    AuditEvent,
    CaseOutcome,
    ClassificationCorrection,
    ContactType,
    Referral,
    ReferralAllegationType,
    ReferralStatus,
    TimelinessBand,
)
from tests.cases.conftest import add_referral
from tests.referrals import COMPLETE_FIELDS, stored

ACTOR = "user:lena"


def audit_details(sessions: sessionmaker[Session], action: str) -> list[dict[str, object]]:
    with sessions() as session:
        return list(
            session.scalars(select(AuditEvent.detail).where(AuditEvent.action == action)).all()
        )


def test_correcting_the_last_missing_answer_makes_it_ready(
    sessions: sessionmaker[Session], council: CouncilConfig, reporting: CaseReporting
) -> None:
    fields = {k: v for k, v in COMPLETE_FIELDS.items() if k != "incident_date"}
    reference = add_referral(sessions, 1, fields)
    with unit_of_work(sessions) as session:
        correct_field(
            session,
            reference,
            "incident_date",
            "2nd March 2026",
            ACTOR,
            schema=council.form,
            reporting=reporting,
        )
    referral = stored(sessions, reference)
    assert referral.fields["incident_date"] == "2026-03-02"
    assert referral.field_provenance["incident_date"]["source"] == "officer"
    assert referral.field_provenance["incident_date"]["confidence"] == 1.0
    assert referral.field_provenance["incident_date"]["corrected_by"] == ACTOR
    assert referral.missing_fields == [] and referral.missing_sections == []
    assert referral.status is ReferralStatus.READY_FOR_TRIAGE
    assert referral.completed_at is not None
    assert referral.subject_key == subject_key("Sam Example", "1980-02-01")
    assert audit_details(sessions, "field_corrected") == [
        {"field": "incident_date", "cleared": False}
    ]


def test_field_values_are_checked_by_type_and_children_are_numbered(
    sessions: sessionmaker[Session], council: CouncilConfig, reporting: CaseReporting
) -> None:
    reference = add_referral(sessions, 2, dict(COMPLETE_FIELDS))
    bad = [
        ("incident_date", "last week", None),
        ("employer_type", "bakery", None),
        ("referrer_email", "not an address", None),
        ("no_such_field", "x", None),
        ("child_in_care", "yes", 5),
        ("subject_role", "Teacher", 1),
    ]
    for field_id, value, child in bad:
        with pytest.raises(CaseInputError), unit_of_work(sessions) as session:
            correct_field(
                session,
                reference,
                field_id,
                value,
                ACTOR,
                schema=council.form,
                reporting=reporting,
                child=child,
            )
    with unit_of_work(sessions) as session:
        correct_field(
            session,
            reference,
            "child_in_care",
            "Yes",
            ACTOR,
            schema=council.form,
            reporting=reporting,
            child=2,
        )
        correct_field(
            session,
            reference,
            "employer_type",
            "Early years",
            ACTOR,
            schema=council.form,
            reporting=reporting,
        )
    referral = stored(sessions, reference)
    assert referral.fields["children"] == [{"child_age": "9"}, {"child_in_care": "yes"}]
    assert referral.field_provenance["children"][1]["child_in_care"]["source"] == "officer"
    assert referral.fields["employer_type"] == "early_years"
    assert referral.any_child_in_care is True
    assert audit_details(sessions, "field_corrected")[0] == {
        "field": "child_in_care",
        "cleared": False,
        "child": 2,
    }


def test_clearing_a_mandatory_answer_moves_a_ready_referral_back(
    sessions: sessionmaker[Session], council: CouncilConfig, reporting: CaseReporting
) -> None:
    reference = add_referral(sessions, 3, dict(COMPLETE_FIELDS), ReferralStatus.READY_FOR_TRIAGE)
    with unit_of_work(sessions) as session:
        correct_field(
            session,
            reference,
            "actions_taken",
            "  ",
            ACTOR,
            schema=council.form,
            reporting=reporting,
        )
    referral = stored(sessions, reference)
    assert "actions_taken" not in referral.fields
    assert referral.missing_sections == ["actions"]
    assert referral.status is ReferralStatus.AWAITING_INFORMATION


def test_label_correction_feeds_training_and_refreshes_the_rows(
    sessions: sessionmaker[Session], council: CouncilConfig, reporting: CaseReporting
) -> None:
    reference = add_referral(sessions, 4, dict(COMPLETE_FIELDS))
    with pytest.raises(CaseInputError), unit_of_work(sessions) as session:
        correct_labels(
            session, reference, [], "health", ACTOR, taxonomy=council.taxonomy, reporting=reporting
        )
    with unit_of_work(sessions) as session:
        correct_labels(
            session,
            reference,
            ["sexual", "online_safety"],
            "health",
            ACTOR,
            taxonomy=council.taxonomy,
            reporting=reporting,
        )
    with sessions() as session:
        rows = session.scalars(select(ReferralAllegationType.allegation_type)).all()
        correction = session.scalars(select(ClassificationCorrection)).one()
    assert sorted(rows) == ["online_safety", "sexual"]
    assert correction.corrected_by == ACTOR and correction.sector == "health"
    assert stored(sessions, reference).sector == "health"


def test_triage_needs_a_signposting_note_when_not_for_the_lado(
    sessions: sessionmaker[Session],
) -> None:
    reference = add_referral(sessions, 5, dict(COMPLETE_FIELDS))
    with pytest.raises(CaseInputError), unit_of_work(sessions) as session:
        record_triage(session, reference, ContactType.NOT_FOR_LADO, " ", ACTOR)
    with unit_of_work(sessions) as session:
        record_triage(session, reference, ContactType.NOT_FOR_LADO, "Sent to HR", ACTOR)
    referral = stored(sessions, reference)
    assert referral.contact_type is ContactType.NOT_FOR_LADO
    assert referral.triage_note == "Sent to HR" and referral.triaged_by == ACTOR
    assert "Sent to HR" not in str(audit_details(sessions, "triaged"))
    with pytest.raises(RecordNotFound), unit_of_work(sessions) as session:
        record_triage(session, "LADO-2026-999999", ContactType.CONSULTATION, "", ACTOR)


def test_closing_an_allegation_needs_an_outcome_and_computes_timeliness(
    sessions: sessionmaker[Session], reporting: CaseReporting
) -> None:
    reference = add_referral(sessions, 6, dict(COMPLETE_FIELDS))
    closing = CaseRecord(
        strategy_meeting_on=date(2026, 3, 12),
        closed_on=date(2026, 5, 1),
        regulator_referrals=("dbs", "tra"),
    )
    with pytest.raises(CaseInputError, match="triage"), unit_of_work(sessions) as session:
        update_case_record(session, reference, closing, ACTOR, reporting=reporting)
    with unit_of_work(sessions) as session:
        record_triage(session, reference, ContactType.ALLEGATION, "", ACTOR)
    with pytest.raises(CaseInputError, match="outcome"), unit_of_work(sessions) as session:
        update_case_record(session, reference, closing, ACTOR, reporting=reporting)
    for wrong in (CaseRecord(regulator_referrals=("fbi",)), CaseRecord(closed_on=date(2026, 1, 1))):
        with pytest.raises(CaseInputError), unit_of_work(sessions) as session:
            update_case_record(session, reference, wrong, ACTOR, reporting=reporting)
    closed = CaseRecord(**{**closing.__dict__, "outcome": CaseOutcome.UNSUBSTANTIATED})
    with unit_of_work(sessions) as session:
        update_case_record(session, reference, closed, ACTOR, reporting=reporting)
    referral = stored(sessions, reference)
    assert referral.outcome is CaseOutcome.UNSUBSTANTIATED
    assert referral.regulator_referrals == ["dbs", "tra"]
    assert referral.timeliness is TimelinessBand.WITHIN_3_MONTHS
    assert referral.days_to_close == 53
    assert CaseRecord.of(referral) == closed
    assert audit_details(sessions, "case_record_updated") == [
        {"changed": ["strategy_meeting_on", "outcome", "closed_on", "regulator_referrals"]}
    ]
    with unit_of_work(sessions) as session:
        update_case_record(
            session,
            reference,
            CaseRecord(**{**closed.__dict__, "closed_on": None}),
            ACTOR,
            reporting=reporting,
        )
    reopened = stored(sessions, reference)
    assert reopened.closed_at is None and reopened.timeliness is None


def test_repeat_referrals_by_key_and_by_similar_name(sessions: sessionmaker[Session]) -> None:
    base = dict(COMPLETE_FIELDS)
    key = subject_key(base["subject_name"], base["subject_dob"])
    current = add_referral(sessions, 7, base, subject_key=key)
    add_referral(
        sessions,
        8,
        {**base, "employer_name": "Riverside Academy"},
        subject_key=key,
        outcome=CaseOutcome.SUBSTANTIATED,
    )
    add_referral(
        sessions,
        9,
        {**base, "subject_name": "Samuel Example"},
        subject_key=subject_key("Sam Exampel", base["subject_dob"]),
    )
    add_referral(
        sessions,
        10,
        {**base, "subject_name": "Sam Example", "subject_dob": "1981-01-01"},
        subject_key=subject_key("Sam Example", "1981-01-01"),
    )
    add_referral(sessions, 11, {**base, "subject_name": "Jo Bloggs"}, subject_key="0" * 64)
    with sessions() as session:
        referral = session.scalar(select(Referral).where(Referral.reference == current))
        assert referral is not None
        repeats = {r.reference: r for r in repeat_referrals(session, referral)}
    assert set(repeats) == {"LADO-2026-000008", "LADO-2026-000009"}
    same = repeats["LADO-2026-000008"]
    assert same.match == SAME_KEY and same.employer_differs
    assert same.employer == "Riverside Academy" and same.outcome is CaseOutcome.SUBSTANTIATED
    assert repeats["LADO-2026-000009"].match == SIMILAR
    assert not repeats["LADO-2026-000009"].employer_differs


def test_the_birth_date_search_reads_its_index(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        dialect = session.get_bind().dialect
        if dialect.name != "postgresql":
            pytest.skip("the birth-date index is for PostgreSQL's large stores")
        birth = inline_constants(session, SUBJECT_DOB, String()) == "1980-02-01"
        statement = select(Referral.id).where(birth)
        compiled = statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = " ".join(row[0] for row in session.execute(text(f"EXPLAIN {compiled}")))
    assert "ix_referrals_subject_dob" in plan


def test_the_record_shows_the_case_as_json(
    sessions: sessionmaker[Session], reporting: CaseReporting
) -> None:
    reference = add_referral(sessions, 12, dict(COMPLETE_FIELDS))
    with unit_of_work(sessions) as session:
        record_triage(session, reference, ContactType.CONSULTATION, "", ACTOR)
        update_case_record(
            session, reference, CaseRecord(closed_on=date(2026, 3, 20)), ACTOR, reporting=reporting
        )
        record = referral_record(session, reference, ACTOR)
    case = json.loads(json.dumps(record))["case"]
    assert case["contact_type"] == "consultation"
    assert case["closed_at"].startswith("2026-03-20")
    assert case["timeliness"] == "within_1_month" and case["days_to_close"] == 11


def test_concurrent_corrections_both_survive(
    sessions: sessionmaker[Session], council: CouncilConfig, reporting: CaseReporting
) -> None:
    fields = {k: v for k, v in COMPLETE_FIELDS.items() if k != "incident_date"}
    reference = add_referral(sessions, 13, fields)
    if sessions.kw["bind"].dialect.name != "postgresql":
        pytest.skip("SQLite writers queue on the database lock")
    started = threading.Event()

    def other_officer() -> None:
        with unit_of_work(sessions) as session:
            started.set()
            correct_field(
                session,
                reference,
                "incident_date",
                "02/03/2026",
                "user:olive",
                schema=council.form,
                reporting=reporting,
            )

    with unit_of_work(sessions) as session:
        correct_field(
            session,
            reference,
            "actions_taken",
            "Suspended",
            ACTOR,
            schema=council.form,
            reporting=reporting,
        )
        thread = threading.Thread(target=other_officer)
        thread.start()
        started.wait()
        time.sleep(0.3)  # the other officer now waits for this transaction
    thread.join()
    fields = stored(sessions, reference).fields
    assert fields["actions_taken"] == "Suspended"
    assert fields["incident_date"] == "2026-03-02"
