"""Laying a filled-in referral out as form sections, with labels from the schema's synonyms."""

from __future__ import annotations

import random

from ingest_service.synthetic.model import Answer, FormSection, Row
from ingest_service.synthetic.wording import SECTION_HEADINGS
from parsers.form_schema import FormSchema, SectionSpec

BLANK = Answer(None, "")


def lay_out(
    rng: random.Random,
    schema: FormSchema,
    answers: dict[str, Answer],
    children: list[dict[str, Answer]],
    omit: frozenset[str],
) -> tuple[FormSection, ...]:
    """Every section of the form in schema order; fields in `omit` are not on this form."""
    numbered = rng.random() < 0.6
    sections = []
    for number, section in enumerate(schema.sections, start=1):
        heading = rng.choice((section.title, *SECTION_HEADINGS.get(section.id, ())))
        if numbered:
            heading = f"Section {number}: {heading}"
        if section.repeatable:
            rows = _child_rows(rng, section, children, omit)
        else:
            rows = _rows(_labels(rng, section), section, answers, omit)
        sections.append(FormSection(section.id, heading, tuple(rows)))
    return tuple(sections)


def _labels(rng: random.Random, section: SectionSpec) -> dict[str, str]:
    return {spec.id: rng.choice(spec.synonyms) for spec in section.fields}


def _rows(
    labels: dict[str, str], section: SectionSpec, answers: dict[str, Answer], omit: frozenset[str]
) -> list[Row]:
    return [
        Row(labels[spec.id], answers.get(spec.id, BLANK).text, spec.id)
        for spec in section.fields
        if spec.id not in omit
    ]


def _child_rows(
    rng: random.Random,
    section: SectionSpec,
    children: list[dict[str, Answer]],
    omit: frozenset[str],
) -> list[Row]:
    labels = _labels(rng, section)
    if len(children) == 1:
        return _rows(labels, section, children[0], omit)
    rows: list[Row] = []
    for number, child in enumerate(children, start=1):
        rows.append(Row(f"Child {number}", ""))
        rows.extend(_rows(labels, section, child, omit))
    return rows
