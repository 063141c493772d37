"""What the dashboard and reports show for stored ids: the council's labels where
config/case_reporting.yaml has them, else a readable form of the id."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ingest_service.cases.reporting_config import CaseReporting, Districts, KeywordCategories

NOT_RECORDED = "Not recorded"
ACRONYMS = frozenset({"lado", "send", "la", "ifa", "nhs", "cic", "sen", "gp", "camhs", "ofsted"})


def humanise(value: str | None) -> str:
    """`fostering_la` -> "Fostering LA"; None -> "Not recorded"."""
    if not value:
        return NOT_RECORDED
    words = [w.upper() if w in ACRONYMS else w for w in value.replace("-", "_").split("_") if w]
    if not words:
        return NOT_RECORDED
    first = words[0]
    return " ".join([first if first.isupper() else first.capitalize(), *words[1:]])


@dataclass(frozen=True)
class Labels:
    """One dimension's labels by id; an id without a label is humanised."""

    by_id: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, value: str | None) -> str:
        """The label of the id; "Not recorded" when there is none."""
        if not value:
            return NOT_RECORDED
        return self.by_id.get(value) or humanise(value)


def _entries(categories: KeywordCategories | Districts) -> Labels:
    return Labels({entry.id: entry.label for entry in categories.entries})


@dataclass(frozen=True)
class ReportLabels:
    """The labels of every reporting dimension. The taxonomy names sectors and allegation
    types by id only (with a meaning, not a label), so those stay humanised."""

    contact_type: Labels
    role_category: Labels
    referral_source: Labels
    district: Labels
    outcome: Labels
    sector: Labels = Labels()
    allegation_type: Labels = Labels()

    @classmethod
    def from_config(cls, reporting: CaseReporting) -> ReportLabels:
        """The council's labels from its case-reporting configuration."""
        return cls(
            contact_type=Labels({k.value: v for k, v in reporting.contact_types.items()}),
            role_category=_entries(reporting.role_categories),
            referral_source=_entries(reporting.referral_sources),
            district=_entries(reporting.districts),
            outcome=Labels({k.value: v for k, v in reporting.outcomes.items()}),
        )


def month_label(month: str) -> str:
    """`2025-04` -> "Apr 2025"."""
    year, number = month.split("-")
    return f"{date(int(year), int(number), 1):%b %Y}"


def week_label(monday: str) -> str:
    """`2025-04-07` -> "7 Apr 2025"."""
    day = date.fromisoformat(monday)
    return f"{day.day} {day:%b %Y}"
