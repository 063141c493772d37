"""Step: extract the form's fields from each parsed document and merge them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ingest_service.intake.context import IntakeMessage
from parsers.extraction import extract_fields, merge_extractions
from parsers.form_schema import FormSchema


class ExtractStep:
    """Maps labels to schema fields in every document; the most confident value wins."""

    name = "extract"

    def __init__(self, schema: FormSchema) -> None:
        self.schema = schema

    def able_to_run(self, item: IntakeMessage) -> bool:
        """Only when something was parsed."""
        return bool(item.documents)

    def run(self, item: IntakeMessage, session: Session) -> str:
        """Extract and merge."""
        parts = [extract_fields(document, self.schema) for document in item.documents]
        item.extraction = merge_extractions(parts)
        answered = len(item.extraction.output_fields())
        return f"{answered} field(s) answered"
