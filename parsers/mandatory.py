"""Checking the schema's mandatory rules against extracted fields."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from parsers.form_schema import FormSchema, SectionSpec
from parsers.text import is_blank

CHILDREN_KEY = "children"


@dataclass(frozen=True)
class MandatoryCheck:
    """Required fields not answered (an either/or group by its first id) and their sections."""

    missing_fields: list[str] = field(default_factory=list)
    missing_sections: list[str] = field(default_factory=list)


def is_answered(value: object) -> bool:
    """Anything meaningful counts ("not known", "n/a" included); blanks, placeholders and
    punctuation do not."""
    if isinstance(value, str):
        return not is_blank(value)
    if isinstance(value, (list, tuple)):
        return any(is_answered(item) for item in value)
    return value is not None


def check_mandatory(output_fields: Mapping[str, object], schema: FormSchema) -> MandatoryCheck:
    """Missing required fields and sections, in schema order."""
    check = MandatoryCheck()
    for section in schema.sections:
        missing = _missing_in(section, output_fields)
        if missing:
            check.missing_fields.extend(missing)
            check.missing_sections.append(section.id)
    return check


def _missing_in(section: SectionSpec, output_fields: Mapping[str, object]) -> list[str]:
    records: list[Mapping[str, object]]
    if section.repeatable:
        children = output_fields.get(CHILDREN_KEY)
        records = (
            [c for c in children if isinstance(c, Mapping)] if isinstance(children, list) else []
        )
    else:
        records = [output_fields]
    missing: list[str] = []
    for entry in section.required:
        group = (entry,) if isinstance(entry, str) else entry
        if not any(any(is_answered(r.get(field_id)) for field_id in group) for r in records):
            missing.append(group[0])
    return missing
