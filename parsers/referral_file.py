"""Extracting one referral file (.docx, .pdf, or .eml with its attachments) for the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePath

from parsers.dispatch import parse_attachment
from parsers.email_body import parse_email_body
from parsers.email_message import read_email
from parsers.errors import ParseError, UnsupportedFormat
from parsers.extraction import FieldExtraction, extract_fields, merge_extractions
from parsers.form_schema import FormSchema
from parsers.mandatory import MandatoryCheck, check_mandatory

_EMAIL_EXTENSIONS = (".eml",)


@dataclass
class FileExtraction:
    """What one input file yielded: merged fields, mandatory check and per-document errors."""

    source: str
    extraction: FieldExtraction
    missing: MandatoryCheck
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """The README's extraction result, with confidence and provenance per field."""
        fields = self.extraction.output_fields()
        confidence: dict[str, object] = {k: v.confidence for k, v in self.extraction.fields.items()}
        provenance: dict[str, object] = {k: v.source for k, v in self.extraction.fields.items()}
        if self.extraction.children:
            confidence["children"] = [
                {k: v.confidence for k, v in child.items()} for child in self.extraction.children
            ]
            provenance["children"] = [
                {k: v.source for k, v in child.items()} for child in self.extraction.children
            ]
        result: dict[str, object] = {
            "source": self.source,
            "fields": fields,
            "missing_fields": list(self.missing.missing_fields),
            "missing_sections": list(self.missing.missing_sections),
            "confidence": confidence,
            "provenance": provenance,
        }
        if self.errors:
            result["errors"] = list(self.errors)
        return result


def extract_path(path: Path, schema: FormSchema) -> FileExtraction:
    """Read and extract one file; documents that fail to parse are reported in `errors`."""
    data = path.read_bytes()
    parts: list[FieldExtraction] = []
    errors: list[str] = []
    if path.suffix.lower() in _EMAIL_EXTENSIONS:
        email = read_email(data)
        body = parse_email_body(email, f"{path.name} body")
        if body is not None:
            parts.append(extract_fields(body, schema))
        for number, attachment in enumerate(email.attachments, start=1):
            if attachment.inline:
                continue
            where = f"attachment {number} ({PurePath(attachment.filename).suffix or 'no type'})"
            try:
                document = parse_attachment(
                    attachment.filename or f"attachment-{number}",
                    attachment.content_type,
                    attachment.data,
                )
            except ParseError as exc:
                errors.append(f"{where}: {exc}")
                continue
            parts.append(extract_fields(document, schema))
    else:
        try:
            parts.append(extract_fields(parse_attachment(path.name, "", data), schema))
        except UnsupportedFormat as exc:
            errors.append(f"{path.suffix or 'file'}: {exc}")
        except ParseError as exc:
            errors.append(f"{path.name}: {exc}")
    extraction = merge_extractions(parts)
    return FileExtraction(
        source=path.name,
        extraction=extraction,
        missing=check_mandatory(extraction.output_fields(), schema),
        errors=errors,
    )
