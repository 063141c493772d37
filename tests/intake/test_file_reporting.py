"""The file step fills the reporting columns on filing and when a reply updates the referral."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ingest_service.cases.reporting_fields import subject_key
from ingest_service.intake.ledger import record_fetched
from ingest_service.mailbox.base import FetchedMessage
from ingest_service.service import Service
from ingest_service.store.models import Message, Referral, utcnow

REFERRAL = b"""From: Head Teacher <head@example.sch.uk>
To: lado@example.org
Subject: LADO referral
Message-ID: <reporting-1@example.sch.uk>
Date: Mon, 09 Mar 2026 10:00:00 +0000
Content-Type: text/plain; charset=utf-8

Referrer's name: Pat Head
Job title: Headteacher
Organisation: Millbrook Primary School
Telephone: 01234 567890
Date of referral: 09/03/2026

Name of adult: Sam Example
Date of birth: 01/02/1980
Job title / role: Teaching assistant

Name of employer: Millbrook Primary School
Employer address: 1 School Lane, Millbrook ZZ3 4AB

Details of the allegation: A pupil said the adult grabbed her arm and shouted at her.
"""

REPLY = b"""From: Head Teacher <head@example.sch.uk>
To: lado@example.org
Subject: Re: LADO referral REFERENCE
Message-ID: <reporting-2@example.sch.uk>
Date: Tue, 10 Mar 2026 10:00:00 +0000
Content-Type: text/plain; charset=utf-8

Name of adult: Sam Example
Job title / role: Foster carer
Name of employer: Southfield Fostering
Employer address: 4 Market Street, Southfield ZZ5 1AA
Date of alleged incident: 02/03/2026
"""


def process(service: Service, key: str, raw: bytes) -> Referral:
    fetched = FetchedMessage(key=key, raw=raw, received_at=utcnow())
    entry = record_fetched(service.sessions, service.documents, "test:reporting", fetched)
    service.pipeline.process(entry.message_id)
    with service.sessions() as session:
        message = session.get(Message, entry.message_id)
        assert message is not None and message.referral_id is not None
        referral = session.scalar(
            select(Referral)
            .where(Referral.id == message.referral_id)
            .options(selectinload(Referral.allegation_type_rows))
        )
        assert referral is not None
        return referral


def test_filing_and_a_reply_fill_the_reporting_columns(service: Service) -> None:
    filed = process(service, "r1", REFERRAL)
    assert filed.role_category == "teaching_assistant"
    assert filed.district == "riverside"
    assert filed.referral_source == "education"
    assert filed.subject_key == subject_key("Sam Example", "1980-02-01")
    assert filed.sector == filed.classification["sector"]
    assert {row.allegation_type for row in filed.allegation_type_rows} == set(
        filed.classification["allegation_types"]
    )
    updated = process(service, "r2", REPLY.replace(b"REFERENCE", filed.reference.encode()))
    assert updated.id == filed.id
    assert updated.district == "southfield"
    assert updated.role_category == "foster_carer"
