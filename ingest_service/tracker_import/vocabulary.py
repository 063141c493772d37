"""The ids a tracker's coded cells may become: the taxonomy's and the council's configured ones."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from classifiers.taxonomy import Taxonomy
from ingest_service.cases.reporting_config import CaseReporting
from ingest_service.store.models import CaseOutcome, ContactType
from ingest_service.tracker_import.config import TrackerField, as_id


@dataclass(frozen=True)
class Vocabulary:
    """Per coded field, its ids in order, each with the name shown for it (label or id)."""

    names: Mapping[TrackerField, Mapping[str, str]]

    @classmethod
    def of(cls, taxonomy: Taxonomy, reporting: CaseReporting) -> Vocabulary:
        """Contact types and outcomes we define, the taxonomy's sectors and allegation types,
        and the roles, districts and referral sources of config/case_reporting.yaml."""
        return cls(
            {
                TrackerField.CONTACT_TYPE: {c.value: c.value for c in ContactType},
                TrackerField.OUTCOME: {o.value: o.value for o in CaseOutcome},
                TrackerField.SECTOR: {s: s for s in taxonomy.council_sector_ids},
                TrackerField.ALLEGATION_TYPES: {t: t for t in taxonomy.council_type_ids},
                TrackerField.ROLE_CATEGORY: {
                    e.id: e.label for e in reporting.role_categories.entries
                },
                TrackerField.DISTRICT: {e.id: e.label for e in reporting.districts.entries},
                TrackerField.REFERRAL_SOURCE: {
                    e.id: e.label for e in reporting.referral_sources.entries
                },
            }
        )

    def ids(self, field: TrackerField) -> tuple[str, ...]:
        """The field's ids, in configured order."""
        return tuple(self.names.get(field, {}))

    def match(self, field: TrackerField, wording: str) -> str | None:
        """The id the wording names: the id itself or its name, ignoring case, spaces and
        punctuation ("Early years" for early_years, "Outside the area" for outside_area)."""
        names = self.names.get(field, {})
        found = {as_id(name): field_id for field_id, name in names.items()}
        found.update({field_id: field_id for field_id in names})
        return found.get(as_id(wording))
