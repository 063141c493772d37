"""The tables councils publish in a LADO annual report, built from grouped counts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from classifiers.taxonomy import Taxonomy
from ingest_service.reports import queries
from ingest_service.reports.labels import NOT_RECORDED, humanise, month_label
from ingest_service.reports.period import Period
from ingest_service.store.models import CaseOutcome, ContactType, Referral, TimelinessBand

Cell = int | float
STATUTORY_CATEGORIES = ("physical", "emotional", "sexual", "neglect", "suitability")
CONTACT_COLUMNS: tuple[str | None, ...] = (*(item.value for item in ContactType), None)


@dataclass(frozen=True)
class ReportTable:
    """One table: a heading per column, labelled rows of numbers, and a total row."""

    key: str
    title: str
    row_heading: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]
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
    rows: Sequence[str | None],
    columns: Sequence[str | None],
    count: Callable[[str | None, str | None], int],
    label: Callable[[str | None], str] = humanise,
) -> tuple[tuple[tuple[str, tuple[Cell, ...]], ...], tuple[Cell, ...]]:
    """Rows of counts with a total column, and the total row."""
    body = []
    for row in rows:
        cells = [count(row, column) for column in columns]
        body.append((label(row), (*cells, sum(cells))))
    total = tuple(sum(int(cells[i]) for _, cells in body) for i in range(len(columns) + 1))
    return tuple(body), total


def _with_total(
    columns: Iterable[str | None], label: Callable[[str | None], str]
) -> tuple[str, ...]:
    return (*(label(c) for c in columns), "Total")


def month_by_contact_type(session: Session, period: Period) -> ReportTable:
    """Referrals received per month, by contact type."""
    counts = queries.by_month(session, period, Referral.contact_type)
    columns = CONTACT_COLUMNS
    rows, total = _grid(
        period.months, columns, lambda m, c: counts.get((m, c), 0), lambda m: month_label(str(m))
    )
    return ReportTable(
        "month_by_contact_type",
        "Referrals received by month and contact type",
        "Month",
        _with_total(columns, humanise),
        rows,
        total,
    )


def district_by_month(session: Session, period: Period) -> ReportTable:
    """Referrals received per district, by month."""
    counts = queries.by_month(session, period, Referral.district)
    districts = ordered([], (d for _, d in counts))
    rows, total = _grid(districts, period.months, lambda d, m: counts.get((m, d), 0))
    return ReportTable(
        "district_by_month",
        "Referrals received by district and month",
        "District",
        _with_total(period.months, lambda m: month_label(str(m))),
        rows,
        total,
    )


def _by_contact_type(
    session: Session, period: Period, column_name: str, title: str, known: Sequence[str]
) -> ReportTable:
    column = getattr(Referral, column_name)
    counts = queries.received_counts(session, period, [column, Referral.contact_type])
    values = ordered(known, (v for v, _ in counts))
    columns = CONTACT_COLUMNS
    rows, total = _grid(values, columns, lambda v, c: counts.get((v, c), 0))
    return ReportTable(
        f"{column_name}_by_contact_type",
        title,
        humanise(column_name),
        _with_total(columns, humanise),
        rows,
        total,
    )


def sector_by_contact_type(session: Session, period: Period, taxonomy: Taxonomy) -> ReportTable:
    """Referrals received per employer sector, by contact type."""
    return _by_contact_type(
        session,
        period,
        "sector",
        "Referrals received by employer sector and contact type",
        taxonomy.council_sector_ids,
    )


def source_by_contact_type(session: Session, period: Period) -> ReportTable:
    """Referrals received per source of referral, by contact type."""
    return _by_contact_type(
        session,
        period,
        "referral_source",
        "Source of referrals by contact type",
        (),
    )


def role_by_allegation_type(session: Session, period: Period, taxonomy: Taxonomy) -> ReportTable:
    """Referrals per role of the person referred and allegation type (a referral with two
    types counts under each, so rows are not summed)."""
    counts = queries.by_allegation_type(session, period, Referral.role_category)
    roles = ordered([], (r for r, _ in counts))
    types = [t for t in ordered(taxonomy.council_type_ids, (t for _, t in counts)) if t]
    rows = tuple((humanise(role), tuple(counts.get((role, t), 0) for t in types)) for role in roles)
    total = tuple(sum(int(cells[i]) for _, cells in rows) for i in range(len(types)))
    return ReportTable(
        "role_by_allegation_type",
        "Referrals by role of the person referred and allegation type",
        "Role",
        tuple(humanise(t) for t in types),
        rows,
        total,
    )


def role_by_statutory_category(session: Session, period: Period, taxonomy: Taxonomy) -> ReportTable:
    """Referrals per role and statutory category of harm (each counted once per category)."""
    categories = {t: taxonomy.council_dfe(t) for t in taxonomy.council_type_ids}
    counts = queries.by_statutory_category(session, period, categories, Referral.role_category)
    roles = ordered([], (r for r, _ in counts))
    rows = tuple(
        (humanise(role), tuple(counts.get((role, c), 0) for c in STATUTORY_CATEGORIES))
        for role in roles
    )
    total = tuple(sum(int(cells[i]) for _, cells in rows) for i in range(len(STATUTORY_CATEGORIES)))
    return ReportTable(
        "role_by_statutory_category",
        "Referrals by role and statutory category of harm",
        "Role",
        tuple(humanise(c) for c in STATUTORY_CATEGORIES),
        rows,
        total,
    )


def _closed_table(
    session: Session, period: Period, key: str, title: str, heading: str, known: Sequence[str]
) -> ReportTable:
    counts = queries.closed_allegation_counts(session, period, getattr(Referral, key))
    values = ordered(known, (v for (v,) in counts))
    closed = sum(counts.values())
    rows = tuple(
        (humanise(v), (counts.get((v,), 0), _share(counts.get((v,), 0), closed))) for v in values
    )
    return ReportTable(
        key, title, heading, ("Cases", "Share (%)"), rows, (closed, 100.0 if closed else 0.0)
    )


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def outcomes(session: Session, period: Period) -> ReportTable:
    """Outcomes of allegations closed in the period."""
    return _closed_table(
        session,
        period,
        "outcome",
        "Outcomes of allegations closed in the period",
        "Outcome",
        [o.value for o in CaseOutcome],
    )


def timeliness(session: Session, period: Period) -> ReportTable:
    """How long allegations closed in the period took, by band."""
    return _closed_table(
        session,
        period,
        "timeliness",
        "Timeliness of allegations closed in the period",
        "Time from referral to closure",
        [b.value for b in TimelinessBand],
    )


def send_and_in_care(session: Session, period: Period) -> ReportTable:
    """Referrals where any child has special educational needs or is in care."""
    answers: list[bool | None] = [True, False, None]
    rows = []
    for label, column in (
        ("Any child with SEND", Referral.any_child_send),
        ("Any child in care", Referral.any_child_in_care),
    ):
        counts = queries.received_counts(session, period, [column])
        by_answer = {None if k[0] is None else k[0] == "True": n for k, n in counts.items()}
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


def annual_report(session: Session, period: Period, taxonomy: Taxonomy) -> list[ReportTable]:
    """Every table of the annual report, in the order councils publish them."""
    return [
        month_by_contact_type(session, period),
        district_by_month(session, period),
        sector_by_contact_type(session, period, taxonomy),
        role_by_allegation_type(session, period, taxonomy),
        role_by_statutory_category(session, period, taxonomy),
        outcomes(session, period),
        timeliness(session, period),
        send_and_in_care(session, period),
        source_by_contact_type(session, period),
    ]
