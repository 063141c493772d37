"""The allegation types and employer sectors the classifier assigns."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

DfeCategory = Literal["physical", "emotional", "sexual", "neglect", "suitability"]


class AllegationType(BaseModel):
    """One allegation type (multi-label), with the statutory category it is reported under."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    dfe: DfeCategory
    means: str


class Sector(BaseModel):
    """One employer sector (one per referral)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    means: str


class Taxonomy(BaseModel):
    """Both label sets, as configured for the council."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    allegation_types: tuple[AllegationType, ...] = Field(min_length=1)
    sectors: tuple[Sector, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_unique(self) -> Taxonomy:
        for name, ids in (
            ("allegation_types", [item.id for item in self.allegation_types]),
            ("sectors", [item.id for item in self.sectors]),
        ):
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"{name} repeats ids: {', '.join(duplicates)}")
        return self

    @property
    def allegation_type_ids(self) -> tuple[str, ...]:
        """Allegation type ids in configured order."""
        return tuple(item.id for item in self.allegation_types)

    @property
    def sector_ids(self) -> tuple[str, ...]:
        """Sector ids in configured order."""
        return tuple(item.id for item in self.sectors)
