"""The intake chain end to end on the embedded defaults: file once, reply once, lose nothing."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest
from sqlalchemy import func, select

from ingest_service.intake.poller import poll_once
from ingest_service.mailbox.factory import maildir_root
from ingest_service.replies.outbox import send_pending
from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.documents import DocumentStore
from ingest_service.store.models import (
    Attachment,
    Message,
    OutboxEmail,
    ProcessingStep,
    Referral,
    ReferralStatus,
    ReplyKind,
    StepStatus,
)
from tests.intake.mail import deliver_all, email_with_attachment, synthetic_emails, with_headers

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def poll(service: Service) -> None:
    mailbox, _ = service.mailbox
    poll_once(mailbox, service.sessions, service.documents, service.pipeline)


def count(service: Service, model: type[object]) -> int:
    with service.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_demo_referrals_are_filed_and_answered(service: Service) -> None:
    raws = synthetic_emails(6)
    root = maildir_root(service.settings.mailbox_url)
    deliver_all(root, raws)
    poll(service)
    with service.sessions() as session:
        referrals = session.scalars(select(Referral).order_by(Referral.id)).all()
        kinds = {o.referral_id: o.kind for o in session.scalars(select(OutboxEmail))}
    assert len(referrals) == len(raws)
    assert [r.reference[-6:] for r in referrals] == [f"{n:06d}" for n in range(1, 7)]
    for referral in referrals:
        expected = (
            ReplyKind.MISSING_INFORMATION if referral.missing_fields else ReplyKind.ACKNOWLEDGEMENT
        )
        assert kinds[referral.id] is expected
        assert referral.status is not ReferralStatus.NEEDS_REVIEW
        assert referral.classification["sector"]
    assert not list((root / "new").iterdir()) and not list((root / "cur").iterdir())
    assert len(list((root / ".Processed" / "cur").iterdir())) == len(raws)


def test_same_message_twice_files_one_referral_and_one_reply(service: Service) -> None:
    raw = synthetic_emails(1)[0]
    root = maildir_root(service.settings.mailbox_url)
    deliver_all(root, [raw])
    poll(service)
    deliver_all(root, [raw])  # the same file delivered again under the same key
    (root / "new" / "duplicate-copy").write_bytes(raw)  # and a second copy under a new key
    poll(service)
    with service.sessions() as session:
        message_ids = session.scalars(select(Message.id)).all()
        for message_id in message_ids:
            service.pipeline.process(message_id)  # processing again is a no-op
    assert count(service, Referral) == 1
    assert count(service, OutboxEmail) == 1


def test_replies_are_sent_once(service: Service) -> None:
    deliver_all(maildir_root(service.settings.mailbox_url), synthetic_emails(2))
    poll(service)
    _, outgoing = service.mailbox
    assert send_pending(service.sessions, outgoing, "LADO Team", "lado@example.org") == 2
    assert send_pending(service.sessions, outgoing, "LADO Team", "lado@example.org") == 0
    sent = list((maildir_root(service.settings.mailbox_url) / ".Sent" / "new").iterdir())
    assert len(sent) == 2
    body = sent[0].read_bytes()
    assert b"Auto-Submitted: auto-replied" in body and b"In-Reply-To:" in body
    assert b"X-Auto-Response-Suppress: All" in body
    assert b"Content-Type: text/plain" in body and b"Content-Type: text/html" in body


def _encrypted_ooxml() -> bytes:
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 1024


def _corrupt_docx() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-closed")
    return buffer.getvalue()[:-30]


@pytest.mark.parametrize(
    ("filename", "data", "content_type"),
    [
        ("referral.docx", _corrupt_docx(), DOCX),
        ("referral.docx", _encrypted_ooxml(), DOCX),
        ("referral.docx", b"", DOCX),
        ("referral.pdf", b"%PDF-1.4 truncated", "application/pdf"),
        ("referral.exe", b"MZ\x90\x00" + b"\0" * 100, "application/octet-stream"),
    ],
    ids=["corrupt", "encrypted", "empty", "broken-pdf", "wrong-type"],
)
def test_bad_attachment_is_recorded_and_held_for_review(
    service: Service, filename: str, data: bytes, content_type: str
) -> None:
    root = maildir_root(service.settings.mailbox_url)
    deliver_all(root, [email_with_attachment(filename, data, content_type)])
    poll(service)
    with service.sessions() as session:
        referral = session.scalars(select(Referral)).one()
        attachment = session.scalars(select(Attachment)).one()
        errors = session.scalars(
            select(ProcessingStep).where(ProcessingStep.status == StepStatus.ERROR)
        ).all()
    assert referral.status is ReferralStatus.NEEDS_REVIEW
    assert attachment.parse_error
    assert referral.review_reasons and errors
    assert count(service, OutboxEmail) == 0
    assert len(list((root / ".Needs review" / "cur").iterdir())) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto_Submitted": "auto-replied"},
        {"Precedence": "bulk"},
        {"From": "no-reply@example.org"},
        {"List_Id": "<newsletter.example.org>"},
    ],
    ids=["out-of-office", "bulk", "no-reply", "list"],
)
def test_no_reply_to_automatic_or_bulk_mail(service: Service, headers: dict[str, str]) -> None:
    raw = with_headers(synthetic_emails(1)[0], **headers)
    deliver_all(maildir_root(service.settings.mailbox_url), [raw])
    poll(service)
    assert count(service, Referral) == 1
    assert count(service, OutboxEmail) == 0


def test_every_change_is_audited(service: Service) -> None:
    from ingest_service.store.models import AuditEvent

    deliver_all(maildir_root(service.settings.mailbox_url), synthetic_emails(1))
    poll(service)
    with service.sessions() as session:
        actions = sorted(session.scalars(select(AuditEvent.action)).all())
    assert actions == ["filed", "processed", "reply_queued"]


class UnreadableStore(DocumentStore):
    """A document store whose raw messages cannot be read back, as on a failing disk."""

    def get(self, digest: str) -> bytes:
        raise OSError("disk error")


def test_message_that_keeps_failing_is_filed_unread_for_review(service: Service) -> None:
    service.documents = UnreadableStore(service.settings.documents_dir)
    deliver_all(maildir_root(service.settings.mailbox_url), synthetic_emails(1))
    for _ in range(service.settings.max_processing_attempts):
        poll(service)
    with service.sessions() as session:
        message = session.scalars(select(Message)).one()
        assert message.processed_at is None and message.error == "intake failed: OSError"
    poll(service)
    with service.sessions() as session:
        referral = session.scalars(select(Referral)).one()
        message = session.scalars(select(Message)).one()
    assert referral.status is ReferralStatus.NEEDS_REVIEW
    assert referral.review_reasons == ["intake failed 3 times; filed unread for review"]
    assert message.processed_at is not None and message.moved_to == "Needs review"
    assert count(service, OutboxEmail) == 0


def test_folders_are_the_councils_choice(settings: Settings) -> None:
    named = Service.from_settings(settings.model_copy(update={"processed_folder": "LADO/Filed"}))
    root = maildir_root(named.settings.mailbox_url)
    deliver_all(root, synthetic_emails(1))
    mailbox, _ = named.mailbox
    poll_once(mailbox, named.sessions, named.documents, named.pipeline, named.folders)
    named.engine.dispose()
    assert len(list((root / ".LADO.Filed" / "cur").iterdir())) == 1
