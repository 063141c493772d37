"""The tables councils publish in a LADO annual report, built from grouped counts.

Tables that share a scan share one query: the counts are grouped in SQL by every column
the tables need (months with contact types and districts, say), and each table sums out
the columns it does not show. The table builders are pure; `annual_report` runs the queries.
Rows and columns show the council's labels (ReportLabels) for stored ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from classifiers.taxonomy import Taxonomy
from ingest_service.reports import queries
from ingest_service.reports.labels import NOT_RECORDED, ReportLabels, humanise, month_label
from ingest_service.reports.period import Period
from ingest_service.reports.queries import Counts, margin
from ingest_service.reports.sql import month_of
from ingest_service.store.models import CaseOutcome, ContactType, Referral, TimelinessBand

Cell = int | float
Rows = tuple[tuple[str, tuple[Cell, ...]], ...]
Label = Callable[[str | None], str]
STATUTORY_CATEGORIES = ("physical", "emotional", "sexual", "neglect", "suitability")
CONTACT_COLUMNS: tuple[str | None, ...] = (*(item.value for item in ContactType), None)


@dataclass(frozen=True)
class ReportTable:
    """One table: a heading per column, labelled rows of numbers, and a total row."""

    key: str
    title: str
    row_heading: str
    columns: tuple[str, ...]
    rows: Rows
    total: tuple[Cell, ...] | None

    def value(self, row: str, column: str) -> Cell:
        """The number in that row and column (a KeyError names what is missing)."""
        for label, cells in self.rows:
            if label == row:
                return cells[self.columns.index(column)]
        raise KeyError(row)


def ordered(known: Sequence[str], found: Iterable[str | None]) -> list[str | None]:
    """Known ids in their configured order, then any others sorted, then None if present."""
    seen = set(found)
    extras = sorted(v for v in seen if v is not None and v not in known)
    return [*known, *extras, *([None] if None in seen else [])]


def _grid(
    counts: Counts,
    rows: Sequence[str | None],
    columns: Sequence[str | None],
    label: Label,
) -> tuple[Rows, tuple[Cell, ...]]:
    """Rows of counts[(row, column)] with a total column, and the total row."""
    body = []
    for row in rows:
        cells = [counts.get((row, column), 0) for column in columns]
        body.append((label(row), (*cells, sum(cells))))
    total = tuple(sum(int(cells[i]) for _, cells in body) for i in range(len(columns) + 1))
    return tuple(body), total


def _with_total(columns: Iterable[str | None], label: Label) -> tuple[str, ...]:
    return (*(label(c) for c in columns), "Total")


def _month_label(month: str | None) -> str:
    return month_label(str(month))


def month_by_contact_type(period: Period, counts: Counts, contact_label: Label) -> ReportTable:
    """Referrals received per month, by contact type; counts keyed (month, contact type)."""
    rows, total = _grid(counts, period.months, CONTACT_COLUMNS, _month_label)
    return ReportTable(
        "month_by_contact_type",
        "Referrals received by month and contact type",
        "Month",
        _with_total(CONTACT_COLUMNS, contact_label),
        rows,
        total,
    )


def district_by_month(period: Period, counts: Counts, district_label: Label) -> ReportTable:
    """Referrals received per district, by month; counts keyed (district, month)."""
    districts = ordered([], (d for d, _ in counts))
    rows, total = _grid(counts, districts, period.months, district_label)
    return ReportTable(
        "district_by_month",
        "Referrals received by district and month",
        "District",
        _with_total(period.months, _month_label),
        rows,
        total,
    )


def by_contact_type(
    column_name: str,
    title: str,
    heading: str,
    known: Sequence[str],
    counts: Counts,
    *,
    row_label: Label,
    contact_label: Label,
) -> ReportTable:
    """Referrals received per value of a column, by contact type; counts keyed (value, type)."""
    values = ordered(known, (v for v, _ in counts))
    rows, total = _grid(counts, values, CONTACT_COLUMNS, row_label)
    return ReportTable(
        f"{column_name}_by_contact_type",
        title,
        heading,
        _with_total(CONTACT_COLUMNS, contact_label),
        rows,
        total,
    )


def per_member(by_set: Counts, member_of: Callable[[str], str | None]) -> Counts:
    """Counts keyed (value, comma-joined set) as (value, member): each set counted once under
    each distinct member its items map to (None drops an item)."""
    counts: Counts = {}
    for (value, listed), count in by_set.items():
        for member in {member_of(item) for item in (listed or "").split(",")} - {None}:
            counts[(value, member)] = counts.get((value, member), 0) + count
    return counts


def _by_role(
    key: str,
    title: str,
    counts: Counts,
    columns: Sequence[str],
    *,
    role_label: Label,
    column_label: Label,
) -> ReportTable:
    """Referrals per role and column, without a total column (a referral may count in
    several); counts keyed (role, column)."""
    roles = ordered([], (r for r, _ in counts))
    rows = tuple(
        (role_label(role), tuple(counts.get((role, c), 0) for c in columns)) for role in roles
    )
    total = tuple(sum(int(cells[i]) for _, cells in rows) for i in range(len(columns)))
    return ReportTable(key, title, "Role", tuple(column_label(c) for c in columns), rows, total)


def role_by_allegation_type(
    taxonomy: Taxonomy, counts: Counts, labels: ReportLabels
) -> ReportTable:
    """Referrals per role and allegation type (a referral with two types counts under each,
    so rows are not summed); counts keyed (role, type)."""
    types = [t for t in ordered(taxonomy.council_type_ids, (t for _, t in counts)) if t]
    return _by_role(
        "role_by_allegation_type",
        "Referrals by role of the person referred and allegation type",
        counts,
        types,
        role_label=labels.role_category,
        column_label=labels.allegation_type,
    )


def role_by_statutory_category(counts: Counts, role_label: Label) -> ReportTable:
    """Referrals per role and statutory category of harm (each counted once per category);
    counts keyed (role, category)."""
    return _by_role(
        "role_by_statutory_category",
        "Referrals by role and statutory category of harm",
        counts,
        STATUTORY_CATEGORIES,
        role_label=role_label,
        column_label=humanise,
    )


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def closed_table(
    key: str, title: str, heading: str, known: Sequence[str], counts: Counts, label: Label
) -> ReportTable:
    """Allegations closed in the period by one column, with each value's share."""
    values = ordered(known, (v for (v,) in counts))
    closed = sum(counts.values())
    rows = tuple(
        (label(v), (counts.get((v,), 0), _share(counts.get((v,), 0), closed))) for v in values
    )
    return ReportTable(
        key, title, heading, ("Cases", "Share (%)"), rows, (closed, 100.0 if closed else 0.0)
    )


def send_and_in_care(counts: Counts) -> ReportTable:
    """Referrals where any child has SEND or is in care; counts keyed (SEND, in care)."""
    answers: list[bool | None] = [True, False, None]
    rows = []
    for label, position in (("Any child with SEND", 0), ("Any child in care", 1)):
        flags = margin(counts, position)
        by_answer = {None if k[0] is None else k[0] == "True": n for k, n in flags.items()}
        cells = [by_answer.get(a, 0) for a in answers]
        rows.append((label, (*cells, sum(cells))))
    return ReportTable(
        "send_and_in_care",
        "Children with SEND or in care",
        "Referrals where",
        ("Yes", "No", NOT_RECORDED, "Total"),
        tuple(rows),
        None,
    )


def annual_report(
    session: Session, period: Period, taxonomy: Taxonomy, labels: ReportLabels
) -> list[ReportTable]:
    """Every table of the annual report, in the order councils publish them."""
    month = month_of(session, Referral.received_at)
    contact = Referral.contact_type
    by_month = queries.received_counts(session, period, [month, contact, Referral.district])
    by_employer = queries.received_counts(
        session, period, [Referral.sector, Referral.referral_source, contact]
    )
    flags = queries.received_counts(
        session, period, [Referral.any_child_send, Referral.any_child_in_care]
    )
    closed = queries.closed_allegation_counts(
        session, period, [Referral.outcome, Referral.timeliness]
    )
    categories: dict[str, str] = {t: taxonomy.council_dfe(t) for t in taxonomy.council_type_ids}
    role_types = queries.by_allegation_type_set(session, period, Referral.role_category)
    return [
        month_by_contact_type(period, margin(by_month, 0, 1), labels.contact_type),
        district_by_month(period, margin(by_month, 2, 0), labels.district),
        by_contact_type(
            "sector",
            "Referrals received by employer sector and contact type",
            "Sector",
            taxonomy.council_sector_ids,
            margin(by_employer, 0, 2),
            row_label=labels.sector,
            contact_label=labels.contact_type,
        ),
        role_by_allegation_type(taxonomy, per_member(role_types, lambda t: t), labels),
        role_by_statutory_category(per_member(role_types, categories.get), labels.role_category),
        closed_table(
            "outcome",
            "Outcomes of allegations closed in the period",
            "Outcome",
            [o.value for o in CaseOutcome],
            margin(closed, 0),
            labels.outcome,
        ),
        closed_table(
            "timeliness",
            "Timeliness of allegations closed in the period",
            "Time from referral to closure",
            [b.value for b in TimelinessBand],
            margin(closed, 1),
            humanise,
        ),
        send_and_in_care(flags),
        by_contact_type(
            "referral_source",
            "Source of referrals by contact type",
            "Referral source",
            (),
            margin(by_employer, 1, 2),
            row_label=labels.referral_source,
            contact_label=labels.contact_type,
        ),
    ]
