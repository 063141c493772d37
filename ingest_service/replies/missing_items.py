"""The missing parts of a referral, in the plain words a referrer will recognise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parsers.form_schema import FormSchema, SectionSpec


@dataclass(frozen=True)
class MissingSection:
    """One form section with the names of its missing items."""

    title: str
    fields: tuple[str, ...]


def _label(section: SectionSpec, field_id: str) -> str:
    return section.field(field_id).synonyms[0]


def _describe_entry(section: SectionSpec, field_id: str) -> str:
    """A field's label, or the labels of the either/or group it heads ("Telephone or Email")."""
    for entry in section.required:
        if not isinstance(entry, str) and entry[0] == field_id:
            labels = [_label(section, member) for member in entry]
            return ", ".join(labels[:-1]) + " or " + labels[-1]
    return _label(section, field_id)


def describe_missing(schema: FormSchema, missing_fields: Sequence[str]) -> list[MissingSection]:
    """Group missing field ids by section, in form order, with plain labels."""
    wanted = set(missing_fields)
    described = []
    for section in schema.sections:
        items = tuple(
            _describe_entry(section, spec.id) for spec in section.fields if spec.id in wanted
        )
        if items:
            described.append(MissingSection(title=section.title, fields=items))
    return described
