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


class LabelMap(BaseModel):
    """Model label -> council label, per label set; an unlisted label keeps its id.

    Renaming: {online_safety: online_abuse}. Merging: two labels to one council label.
    Adding: a council label (in `added`) that no model label maps to, set by officers.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    allegation_types: dict[str, str] = Field(default_factory=dict)
    sectors: dict[str, str] = Field(default_factory=dict)
    added: tuple[AllegationType, ...] = ()


class Taxonomy(BaseModel):
    """Both label sets of the model (the shared ids), and how the council names them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    allegation_types: tuple[AllegationType, ...] = Field(min_length=1)
    sectors: tuple[Sector, ...] = Field(min_length=1)
    label_map: LabelMap = LabelMap()

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

    @model_validator(mode="after")
    def _map_valid(self) -> Taxonomy:
        types, sectors = self.allegation_type_ids, self.sector_ids
        added = {item.id: item for item in self.label_map.added}
        clash = sorted(set(added) & set(types))
        if clash:
            raise ValueError(f"label_map.added repeats model labels: {', '.join(clash)}")
        for name, mapping, known in (
            ("allegation_types", self.label_map.allegation_types, types),
            ("sectors", self.label_map.sectors, sectors),
        ):
            unknown = sorted(set(mapping) - set(known))
            if unknown:
                raise ValueError(f"label_map.{name} maps unknown labels: {', '.join(unknown)}")
            if any(not target or " " in target for target in mapping.values()):
                raise ValueError(f"label_map.{name} has an empty or spaced council label")
        for council_label in self.council_type_ids:
            categories = {self.dfe[label] for label in self.model_types_of(council_label)}
            if len(categories) > 1:
                raise ValueError(
                    f"label_map merges {council_label} from different statutory "
                    f"categories: {', '.join(sorted(categories))}"
                )
        return self

    @property
    def dfe(self) -> dict[str, DfeCategory]:
        """Statutory category of every model label and every added council label."""
        return {item.id: item.dfe for item in (*self.allegation_types, *self.label_map.added)}

    def council_type(self, label: str) -> str:
        """The council's name for a model allegation type."""
        return self.label_map.allegation_types.get(label, label)

    def council_sector(self, label: str) -> str:
        """The council's name for a model sector."""
        return self.label_map.sectors.get(label, label)

    def model_types_of(self, council_label: str) -> tuple[str, ...]:
        """The model labels a council allegation type stands for (itself if added)."""
        found = tuple(
            label for label in self.allegation_type_ids if self.council_type(label) == council_label
        )
        return found or (council_label,)

    @property
    def council_type_ids(self) -> tuple[str, ...]:
        """The council's allegation types: mapped model labels in order, then added ones."""
        mapped = dict.fromkeys(self.council_type(label) for label in self.allegation_type_ids)
        return (*mapped, *(item.id for item in self.label_map.added if item.id not in mapped))

    @property
    def council_sector_ids(self) -> tuple[str, ...]:
        """The council's sectors, in order."""
        return tuple(dict.fromkeys(self.council_sector(label) for label in self.sector_ids))

    def model_label(self, council_label: str, sector: bool = False) -> str | None:
        """The one model label behind a council label, or None (merged or added labels)."""
        ids = self.sector_ids if sector else self.allegation_type_ids
        name = self.council_sector if sector else self.council_type
        found = [label for label in ids if name(label) == council_label]
        return found[0] if len(found) == 1 else None

    def council_dfe(self, council_label: str) -> DfeCategory:
        """The statutory category a council allegation type is reported under."""
        return self.dfe[self.model_types_of(council_label)[0]]

    @property
    def allegation_type_ids(self) -> tuple[str, ...]:
        """Allegation type ids in configured order."""
        return tuple(item.id for item in self.allegation_types)

    @property
    def sector_ids(self) -> tuple[str, ...]:
        """Sector ids in configured order."""
        return tuple(item.id for item in self.sectors)
