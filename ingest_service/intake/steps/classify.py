"""Step: classify the allegation type and the employer's sector."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from ingest_service.intake.context import Classifier, IntakeMessage

STRUCTURED_HINTS = (
    "employer_type",
    "employer_name",
    "subject_role",
    "referrer_organisation",
    "referrer_categories",
)


def classification_inputs(fields: Mapping[str, object]) -> tuple[str, dict[str, object]]:
    """The description to classify and the structured fields that help, from a form's fields."""
    structured = {key: fields[key] for key in STRUCTURED_HINTS if key in fields}
    return str(fields.get("allegation_description") or ""), structured


class ClassifyStep:
    """Classifies the allegation description, helped by the form's structured fields."""

    name = "classify"

    def __init__(self, classifier: Classifier) -> None:
        self.classifier = classifier

    def able_to_run(self, item: IntakeMessage) -> bool:
        """Only when fields were extracted."""
        return item.extraction is not None

    def run(self, item: IntakeMessage, session: Session) -> str:
        """Classify; a low-confidence result is marked for review, not guessed."""
        assert item.extraction is not None
        text, structured = classification_inputs(item.extraction.output_fields())
        if not text and item.email is not None:
            text = item.email.body_text
        item.classification = self.classifier.classify(text, structured)
        flag = ", needs review" if item.classification.needs_review else ""
        return f"model {item.classification.model_version}{flag}"
