"""The column and value mapping of a council's tracker (config/tracker_import.yaml)."""

from __future__ import annotations

import enum
import re
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ingest_service.council_config import ConfigError, load_yaml_model

if TYPE_CHECKING:
    from ingest_service.tracker_import.vocabulary import Vocabulary

TRACKER_IMPORT_FILE = "tracker_import.yaml"


class TrackerField(enum.StrEnum):
    """A referral field a tracker column can fill."""

    REFERENCE = "reference"
    RECEIVED_ON = "received_on"
    CONTACT_TYPE = "contact_type"
    SECTOR = "sector"
    ROLE_CATEGORY = "role_category"
    ALLEGATION_TYPES = "allegation_types"
    DISTRICT = "district"
    REFERRAL_SOURCE = "referral_source"
    ANY_CHILD_SEND = "any_child_send"
    ANY_CHILD_IN_CARE = "any_child_in_care"
    OUTCOME = "outcome"
    CLOSED_ON = "closed_on"


REQUIRED = (TrackerField.RECEIVED_ON, TrackerField.CONTACT_TYPE)
CODED = (
    TrackerField.CONTACT_TYPE,
    TrackerField.SECTOR,
    TrackerField.ROLE_CATEGORY,
    TrackerField.ALLEGATION_TYPES,
    TrackerField.DISTRICT,
    TrackerField.REFERRAL_SOURCE,
    TrackerField.OUTCOME,
)
"""Fields whose tracker wording is mapped to one of our ids."""


def fold(text: str) -> str:
    """Wording compared ignoring case and runs of spaces."""
    return " ".join(text.split()).casefold()


def as_id(text: str) -> str:
    """Wording as an id: "Early years" -> early_years."""
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")


class TrackerConfig(BaseModel):
    """Which tracker column fills which field, and how its wording maps to our ids."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sheet: str | None = None
    date_formats: tuple[str, ...] = Field(min_length=1)
    list_separators: str = ";,"
    yes_words: tuple[str, ...] = ("yes", "y")
    no_words: tuple[str, ...] = ("no", "n")
    unknown_words: tuple[str, ...] = ()
    columns: dict[str, TrackerField]
    values: dict[TrackerField, dict[str, str]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _columns_complete(self) -> TrackerConfig:
        fields = list(self.columns.values())
        repeated = sorted({f.value for f in fields if fields.count(f) > 1})
        if repeated:
            raise ValueError(f"more than one column fills: {', '.join(repeated)}")
        missing = [f.value for f in REQUIRED if f not in fields]
        if missing:
            raise ValueError(f"no column fills the required fields: {', '.join(missing)}")
        uncoded = sorted(f.value for f in self.values if f not in CODED)
        if uncoded:
            raise ValueError(f"value tables for fields that take no codes: {', '.join(uncoded)}")
        return self

    def header_of(self, field: TrackerField) -> str | None:
        """The tracker's header for the field, if it has that column."""
        return next((h for h, f in self.columns.items() if f == field), None)

    def table(self, field: TrackerField) -> dict[str, str]:
        """The field's wording -> id table, keys folded."""
        return {fold(k): v for k, v in self.values.get(field, {}).items()}

    def check_ids(self, vocabulary: Vocabulary) -> None:
        """Every mapped id must be one we know (ValueError names the first that is not)."""
        for field, table in self.values.items():
            for wording, target in table.items():
                if target not in vocabulary.ids(field):
                    raise ValueError(
                        f"values.{field.value}: {wording!r} maps to unknown {target!r}"
                    )


def load_tracker_config(config_dir: Path, vocabulary: Vocabulary) -> TrackerConfig:
    """Load and check the council's tracker mapping, or raise ConfigError."""
    path = config_dir / TRACKER_IMPORT_FILE
    config = load_yaml_model(path, TrackerConfig)
    try:
        config.check_ids(vocabulary)
    except ValueError as exc:
        raise ConfigError(path, "values", str(exc)) from exc
    return config
