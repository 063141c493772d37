"""Step: check the mandatory rules of the council's form."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ingest_service.intake.context import IntakeMessage
from parsers.form_schema import FormSchema
from parsers.mandatory import check_mandatory


class CheckStep:
    """Lists the required fields and sections that are not answered."""

    name = "check"

    def __init__(self, schema: FormSchema) -> None:
        self.schema = schema

    def able_to_run(self, item: IntakeMessage) -> bool:
        """Only when fields were extracted."""
        return item.extraction is not None

    def run(self, item: IntakeMessage, session: Session) -> str:
        """Apply the rules."""
        assert item.extraction is not None
        item.mandatory = check_mandatory(item.extraction.output_fields(), self.schema)
        return f"missing sections: {', '.join(item.mandatory.missing_sections) or 'none'}"
