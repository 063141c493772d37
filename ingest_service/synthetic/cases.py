"""Seeded, deterministic generation of synthetic referral cases with their truth."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, time
from functools import cache
from typing import Literal

from config import DEFAULT_CONFIG_DIR
from ingest_service.council_config import CouncilConfig, load_council_config
from ingest_service.synthetic import wording
from ingest_service.synthetic.answers import Filled, Style, fill
from ingest_service.synthetic.form import lay_out
from ingest_service.synthetic.model import Answer, Case, FormLayout
from ingest_service.synthetic.scenarios import SCENARIOS, Scenario
from ingest_service.synthetic.truth import build_truth

BlankStyle = Literal["empty", "placeholder"]
FORM_LAYOUTS: tuple[FormLayout, ...] = ("A", "B", "C", "body")

OPTIONAL_ROWS = (
    "other_roles_with_children",
    "subject_address",
    "date_reported_to_employer",
    "ofsted_informed",
    "case_manager",
    "child_home_la",
)
"""Fields some councils' forms do not ask for; a case may leave one or two off its form."""

DEPENDENT_FIELDS = {"previous_concerns": ("previous_concerns_details",)}
"""Fields left blank together with a required one (no details without the yes/no)."""

VARIANTS = {
    "body": "form in email body",
    "A": "docx attachment (layout A)",
    "B": "docx attachment (layout B)",
    "C": "pdf attachment (layout C)",
}


@cache
def council_config() -> CouncilConfig:
    """The default council configuration (form schema and taxonomy)."""
    return load_council_config(DEFAULT_CONFIG_DIR)


def scenario_named(key: str) -> Scenario:
    """The scenario with this key."""
    for scenario in SCENARIOS:
        if scenario.key == key:
            return scenario
    raise KeyError(key)


def generate_case(
    seed: int,
    *,
    name: str | None = None,
    scenario: Scenario | None = None,
    form_layout: FormLayout | None = None,
    emailed: bool | None = None,
    n_children: int | None = None,
    blank_sections: Sequence[str] = (),
    blank_fields: Sequence[str] = (),
    blank_style: BlankStyle = "empty",
    tick_choices: bool = False,
) -> Case:
    """One referral, the same for the same arguments.

    Unset choices are drawn from `random.Random(seed)`. `blank_sections` leaves every
    required field of those sections (the whole child block for "children") unanswered;
    `blank_fields` leaves single fields unanswered; blanks are empty or the Word placeholder.
    `tick_choices` draws every yes/no and category answer as a row of tick boxes.
    A "body" form is always emailed; A/B/C forms are emailed as attachments when `emailed`.
    """
    rng = random.Random(seed)
    chosen = scenario or rng.choice(SCENARIOS)
    layout = rng.choice(FORM_LAYOUTS) if form_layout is None else form_layout
    sent = True if layout == "body" else (rng.random() < 0.3 if emailed is None else emailed)
    style = Style(
        date_style=wording.date_style(rng, in_email=layout == "body"),
        tick_yes_no=(layout != "body" and rng.random() < 0.25) or tick_choices,
        tick_categories=(layout != "body" and rng.random() < 0.7) or tick_choices,
    )
    kids = n_children or rng.randint(1, chosen.max_children)
    filled = fill(rng, chosen, style, kids)
    omit = frozenset(rng.sample(OPTIONAL_ROWS, k=rng.choice((0, 0, 1, 2))))
    answers, children = _blanked(filled, blank_sections, blank_fields, blank_style, omit)
    config = council_config()
    classification = {
        "allegation_types": [
            t for t in config.taxonomy.allegation_type_ids if t in chosen.allegation_types
        ],
        "sector": chosen.sector,
    }
    truth = build_truth(
        config.form,
        answers,
        children,
        layout="D" if sent else layout,
        variant=VARIANTS[layout] if sent else None,
        classification=classification,
    )
    return Case(
        name=name or f"synthetic-{seed}",
        scenario=chosen.key,
        form_layout=layout,
        emailed=sent,
        council=filled.council,
        form_title=rng.choice(wording.FORM_TITLES),
        sections=lay_out(rng, config.form, answers, children, omit),
        referrer=filled.referrer,
        setting=filled.setting,
        sent_at=datetime.combine(
            filled.referral_date, time(rng.randint(8, 17), rng.randint(0, 59))
        ),
        truth=truth,
    )


def _blanked(
    filled: Filled,
    blank_sections: Sequence[str],
    blank_fields: Sequence[str],
    blank_style: BlankStyle,
    omit: frozenset[str],
) -> tuple[dict[str, Answer], list[dict[str, Answer]]]:
    """Answers with the chosen fields blanked and the omitted rows removed."""
    schema = council_config().form
    targets = set(blank_fields)
    for section_id in blank_sections:
        section = schema.section(section_id)
        if section.repeatable:
            targets.update(spec.id for spec in section.fields)
        for entry in section.required:
            targets.update((entry,) if isinstance(entry, str) else entry)
    for field_id in list(targets):
        targets.update(DEPENDENT_FIELDS.get(field_id, ()))
    blank = Answer(None, wording.PLACEHOLDER if blank_style == "placeholder" else "")

    def apply(answers: dict[str, Answer]) -> dict[str, Answer]:
        return {
            field_id: blank if field_id in targets else answer
            for field_id, answer in answers.items()
            if field_id not in omit
        }

    return apply(filled.answers), [apply(child) for child in filled.children]
