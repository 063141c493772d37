"""Step: read the email, keep its attachments, and parse the body and each attachment."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ingest_service.intake.context import IntakeMessage, StepFailed
from ingest_service.store.documents import DocumentStore
from ingest_service.store.models import Attachment
from parsers.dispatch import parse_attachment
from parsers.email_body import parse_email_body
from parsers.email_message import read_email
from parsers.errors import ParseError


class ParseStep:
    """Turns the raw message into parsed documents; one bad attachment is one recorded error."""

    name = "parse"

    def __init__(self, documents: DocumentStore) -> None:
        self.documents = documents

    def able_to_run(self, item: IntakeMessage) -> bool:
        """Always: every message is read."""
        return True

    def run(self, item: IntakeMessage, session: Session) -> str:
        """Parse the body and every non-inline attachment."""
        email = read_email(item.raw)
        item.email = email
        body = parse_email_body(email, source="email body")
        if body is not None:
            item.documents.append(body)
        failures = 0
        for position, part in enumerate(email.attachments):
            attachment = Attachment(
                message_id=item.record.id,
                position=position,
                filename=part.filename,
                content_type=part.content_type,
                size_bytes=len(part.data),
                content_sha256=self.documents.put(part.data),
                inline=part.inline,
            )
            session.add(attachment)
            if part.inline:
                continue
            try:
                item.documents.append(parse_attachment(part.filename, part.content_type, part.data))
            except ParseError as exc:
                attachment.parse_error = str(exc)
                item.review_reasons.append(f"attachment {part.filename!r}: {exc}")
                failures += 1
        if not item.documents:
            raise StepFailed("no referral form found in the email body or its attachments")
        return f"{len(item.documents)} document(s) parsed, {failures} attachment(s) failed"
