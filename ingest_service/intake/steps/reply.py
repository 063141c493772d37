"""Step: queue the missing-information reply or the acknowledgement, unless it must not go."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ingest_service.intake.context import IntakeMessage
from ingest_service.replies.loop_guard import outside_domains, refusal_reason
from ingest_service.replies.outbox import ReplyPolicy, queue_reply, replies_today
from ingest_service.replies.templates import ReplyTemplates
from ingest_service.store.models import ReferralStatus, ReplyKind
from parsers.form_schema import FormSchema


class ReplyStep:
    """Writes the reply into the outbox in the referral's own transaction."""

    name = "reply"

    def __init__(self, schema: FormSchema, templates: ReplyTemplates, policy: ReplyPolicy) -> None:
        self.schema = schema
        self.templates = templates
        self.policy = policy

    def able_to_run(self, item: IntakeMessage) -> bool:
        """Only for a filed referral from a real email."""
        return item.referral is not None and item.email is not None

    def run(self, item: IntakeMessage, session: Session) -> str:
        """Queue the right reply, or say why none."""
        referral, email = item.referral, item.email
        assert referral is not None and email is not None
        if referral.status is ReferralStatus.NEEDS_REVIEW:
            return "no reply: held for officer review"
        refusal = refusal_reason(email.headers, email.sender, self.policy.team_address)
        if refusal:
            return f"no reply: {refusal}"
        assert email.sender is not None  # refusal_reason refuses a message without one
        if outside_domains(email.sender, self.policy.allowed_domains):
            return "no reply: the sender's domain is not on the council's reply list"
        if referral.missing_fields:
            kind = ReplyKind.MISSING_INFORMATION
        elif self.policy.send_acknowledgements:
            kind = ReplyKind.ACKNOWLEDGEMENT
        else:
            return "no reply: acknowledgements are switched off"
        if replies_today(session, email.sender) >= self.policy.max_per_sender_per_day:
            return "no reply: daily limit of automatic replies to this sender reached"
        thread = tuple(i for i in (*email.references, email.message_id) if i)
        outbox = queue_reply(
            session, referral, item.record, kind, self.schema, self.templates, self.policy, thread
        )
        return f"queued {kind.value} ({outbox.status.value})"
