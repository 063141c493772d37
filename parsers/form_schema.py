"""The council's referral-form schema: sections, fields, label wordings and mandatory rules."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FieldType = Literal["text", "date", "phone", "email", "choice", "multichoice"]


class FieldSpec(BaseModel):
    """One field of the form, with the label wordings councils use for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: FieldType
    synonyms: tuple[str, ...] = Field(min_length=1)
    options: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _choices_have_options(self) -> FieldSpec:
        if self.type in ("choice", "multichoice") and not self.options:
            raise ValueError(f"field {self.id!r} is a {self.type} field but lists no options")
        return self


RequiredEntry = str | tuple[str, ...]


class SectionSpec(BaseModel):
    """One section of the form; `required` holds field ids or either/or groups of them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    fields: tuple[FieldSpec, ...] = Field(min_length=1)
    required: tuple[RequiredEntry, ...] = ()
    repeatable: bool = False

    @field_validator("required", mode="before")
    @classmethod
    def _lists_to_tuples(cls, value: object) -> object:
        if isinstance(value, list):
            return tuple(tuple(item) if isinstance(item, list) else item for item in value)
        return value

    @model_validator(mode="after")
    def _required_ids_exist(self) -> SectionSpec:
        known = {spec.id for spec in self.fields}
        for entry in self.required:
            for field_id in (entry,) if isinstance(entry, str) else entry:
                if field_id not in known:
                    raise ValueError(
                        f"section {self.id!r} requires {field_id!r}, which is not one of its fields"
                    )
        return self

    def field(self, field_id: str) -> FieldSpec:
        """The field with this id in this section."""
        for spec in self.fields:
            if spec.id == field_id:
                return spec
        raise KeyError(field_id)


class FormSchema(BaseModel):
    """The whole referral form."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int
    sections: tuple[SectionSpec, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_unique(self) -> FormSchema:
        seen: set[str] = set()
        for section in self.sections:
            for spec in section.fields:
                if spec.id in seen:
                    raise ValueError(f"field id {spec.id!r} appears more than once")
                seen.add(spec.id)
        return self

    def section(self, section_id: str) -> SectionSpec:
        """The section with this id."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def section_of(self, field_id: str) -> SectionSpec:
        """The section that holds this field."""
        for section in self.sections:
            if any(spec.id == field_id for spec in section.fields):
                return section
        raise KeyError(field_id)

    def field(self, field_id: str) -> FieldSpec:
        """The field with this id, in whichever section holds it."""
        return self.section_of(field_id).field(field_id)
