"""The one typed message that flows through the intake steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from classifiers.classification import Classification
from ingest_service.store.models import Message, Referral
from parsers.document import ParsedDocument
from parsers.email_message import ReceivedEmail
from parsers.extraction import FieldExtraction
from parsers.mandatory import MandatoryCheck


@dataclass
class IntakeMessage:
    """A stored message and what each step has learned about it so far."""

    record: Message
    raw: bytes
    email: ReceivedEmail | None = None
    documents: list[ParsedDocument] = field(default_factory=list)
    extraction: FieldExtraction | None = None
    mandatory: MandatoryCheck | None = None
    classification: Classification | None = None
    referral: Referral | None = None
    review_reasons: list[str] = field(default_factory=list)


class StepFailed(Exception):
    """A step could not do its job for a reason worth telling an officer (no personal data)."""


class Classifier(Protocol):
    """What the classify step needs from a classifier."""

    def classify(self, text: str, structured: dict[str, object] | None = None) -> Classification:
        """Allegation types and sector for one description."""
        ...
