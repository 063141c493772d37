"""The council's case-reporting configuration: keyword categories, districts, display labels."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ingest_service.council_config import load_yaml_model
from ingest_service.store.models import CaseOutcome, ContactType

CASE_REPORTING_FILE = "case_reporting.yaml"
ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class KeywordCategory(BaseModel):
    """A category an answer falls in when one of its keywords appears as whole words."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    label: str
    keywords: tuple[str, ...] = ()


class KeywordCategories(BaseModel):
    """Categories checked in order; an answer matching none is filed under the fallback."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fallback: str
    entries: tuple[KeywordCategory, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_known(self) -> KeywordCategories:
        ids = [entry.id for entry in self.entries]
        if len(set(ids)) != len(ids):
            raise ValueError("category ids must be unique")
        if self.fallback not in ids:
            raise ValueError(f"fallback {self.fallback!r} is not one of the categories")
        return self

    def label(self, category_id: str | None) -> str:
        """The display label of a category id (the id itself if unknown)."""
        return next((e.label for e in self.entries if e.id == category_id), category_id or "")


class District(BaseModel):
    """One district of the council, recognised by postcode prefix or town name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    label: str
    postcode_prefixes: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()


class Districts(BaseModel):
    """The council's districts; an address in none of them is filed under the fallback."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fallback: str
    entries: tuple[District, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _fallback_known(self) -> Districts:
        if self.fallback not in {entry.id for entry in self.entries}:
            raise ValueError(f"fallback {self.fallback!r} is not one of the districts")
        return self

    def label(self, district_id: str | None) -> str:
        """The display label of a district id (the id itself if unknown)."""
        return next((e.label for e in self.entries if e.id == district_id), district_id or "")


class Regulator(BaseModel):
    """A body a case can be referred on to (DBS, TRA, Ofsted...)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    label: str


class CaseReporting(BaseModel):
    """Everything case recording and reporting needs from the council's configuration."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role_categories: KeywordCategories
    referral_sources: KeywordCategories
    districts: Districts
    contact_types: dict[ContactType, str]
    outcomes: dict[CaseOutcome, str]
    regulators: tuple[Regulator, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_value_labelled(self) -> CaseReporting:
        checks: tuple[tuple[str, dict[Any, str], type[StrEnum]], ...] = (
            ("contact_types", dict(self.contact_types), ContactType),
            ("outcomes", dict(self.outcomes), CaseOutcome),
        )
        for kind, labels, values in checks:
            unlabelled = [value.value for value in values if value not in labels]
            if unlabelled:
                raise ValueError(f"{kind} has no label for {', '.join(unlabelled)}")
        return self

    @property
    def regulator_ids(self) -> tuple[str, ...]:
        """Regulator ids in configured order."""
        return tuple(item.id for item in self.regulators)

    def regulator_label(self, regulator_id: str) -> str:
        """The display label of a regulator id (the id itself if unknown)."""
        return next((r.label for r in self.regulators if r.id == regulator_id), regulator_id)


def load_case_reporting(directory: Path) -> CaseReporting:
    """Load and check the council's case_reporting.yaml; ConfigError names the bad key."""
    return load_yaml_model(directory / CASE_REPORTING_FILE, CaseReporting)
