"""A reply carrying the completed form updates the same referral, not a new one."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ingest_service.mailbox.factory import maildir_root
from ingest_service.service import Service
from ingest_service.store.models import AuditEvent, OutboxEmail, Referral, ReferralStatus, ReplyKind
from ingest_service.synthetic import generate_case, render_email
from tests.intake.mail import deliver_all, with_headers
from tests.intake.test_chain import poll

SEED = 5


def referral_form(blank: tuple[str, ...]) -> bytes:
    case = generate_case(SEED, form_layout="A", emailed=True, blank_sections=blank)
    return render_email(case, attach="docx")


@pytest.mark.parametrize("threaded", [True, False], ids=["in-reply-to", "reference-in-subject"])
def test_completed_form_updates_the_referral(service: Service, threaded: bool) -> None:
    root = maildir_root(service.settings.mailbox_url)
    deliver_all(root, [referral_form(blank=("history",))])
    poll(service)
    with service.sessions() as session:
        referral = session.scalars(select(Referral)).one()
        request = session.scalars(select(OutboxEmail)).one()
    assert referral.status is ReferralStatus.AWAITING_INFORMATION
    assert referral.missing_sections == ["history"]
    assert request.kind is ReplyKind.MISSING_INFORMATION

    headers = {
        "Subject": f"RE: [{referral.reference}] form completed",
        "Message_ID": "<resubmission.1@example.sch.uk>",
    }
    if threaded:
        headers = {
            "Subject": "RE: form completed",
            "Message_ID": headers["Message_ID"],
            "In_Reply_To": request.rfc_message_id,
        }
    (root / "new" / "resubmission").write_bytes(with_headers(referral_form(blank=()), **headers))
    poll(service)

    with service.sessions() as session:
        updated = session.scalars(select(Referral)).one()
        replies = session.scalars(select(OutboxEmail).order_by(OutboxEmail.id)).all()
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "referral")
        ).all()
        message_count = len(updated.messages)
    assert updated.reference == referral.reference
    assert updated.status is ReferralStatus.READY_FOR_TRIAGE
    assert updated.missing_fields == [] and updated.missing_sections == []
    assert updated.fields["previous_concerns"] in ("yes", "no", "unknown")
    assert updated.completed_at is not None
    assert message_count == 2
    assert [r.kind for r in replies] == [ReplyKind.MISSING_INFORMATION, ReplyKind.ACKNOWLEDGEMENT]
    assert replies[1].in_reply_to == "<resubmission.1@example.sch.uk>"
    assert "updated_from_reply" in actions
