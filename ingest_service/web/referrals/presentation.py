"""Arranging a referral record for its page: fields by form section, missing items by section."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parsers.form_schema import FormSchema

CHILDREN = "children"


@dataclass(frozen=True)
class FieldRow:
    """One extracted answer with how far it can be trusted and where it came from."""

    label: str
    value: str
    confidence: float | None
    source: str | None


@dataclass(frozen=True)
class SectionView:
    """A form section: its answers and the mandatory items still missing."""

    id: str
    title: str
    rows: list[FieldRow]
    missing: list[str]


def as_text(value: object) -> str:
    """A field's value as plain text (lists joined)."""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _row(label: str, value: object, provenance: Any) -> FieldRow:
    detail = provenance if isinstance(provenance, dict) else {}
    confidence = detail.get("confidence")
    return FieldRow(
        label=label,
        value=as_text(value),
        confidence=float(confidence) if isinstance(confidence, int | float) else None,
        source=detail.get("source"),
    )


def field_sections(record: dict[str, Any], schema: FormSchema) -> list[SectionView]:
    """Every section of the form with its answers (each child numbered) and missing items."""
    fields: dict[str, Any] = record["fields"]
    provenance: dict[str, Any] = record["provenance"]
    missing = set(record["missing_fields"])
    sections = []
    for section in schema.sections:
        labels = {spec.id: spec.synonyms[0] for spec in section.fields}
        rows: list[FieldRow] = []
        if section.repeatable:
            children = fields.get(CHILDREN) or []
            child_provenance = provenance.get(CHILDREN) or []
            for number, child in enumerate(children, start=1):
                sources = child_provenance[number - 1] if number <= len(child_provenance) else {}
                rows.extend(
                    _row(f"Child {number}: {labels.get(key, key)}", value, sources.get(key))
                    for key, value in child.items()
                )
        else:
            rows = [
                _row(labels[key], fields[key], provenance.get(key))
                for key in labels
                if key in fields
            ]
        absent = [labels[key] for key in labels if key in missing]
        sections.append(SectionView(section.id, section.title, rows, absent))
    return sections


def field_choices(schema: FormSchema) -> list[tuple[str, str]]:
    """Every field of the form as (id, "Section: label"), for the correction form."""
    return [
        (spec.id, f"{section.title}: {spec.synonyms[0]}")
        for section in schema.sections
        for spec in section.fields
    ]
