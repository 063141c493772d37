"""A small, varied set of referral emails for the demo mailbox."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from ingest_service.synthetic.cases import generate_case
from ingest_service.synthetic.corpus import attachment_for
from ingest_service.synthetic.model import FormLayout, JsonDict
from ingest_service.synthetic.render_email import render_email
from ingest_service.synthetic.scenarios import SCENARIOS


@dataclass(frozen=True)
class SyntheticEmail:
    """One demo referral: a file name, the raw .eml bytes, and the expected extraction."""

    filename: str
    raw: bytes
    truth: JsonDict


@dataclass(frozen=True)
class _Slot:
    form_layout: FormLayout
    blank_sections: Sequence[str] = ()
    two_children: bool = False


PLAN = (
    _Slot("A"),
    _Slot("C"),
    _Slot("body"),
    _Slot("B", blank_sections=("history",)),
    _Slot("A", two_children=True),
    _Slot("body", blank_sections=("allegation",)),
    _Slot("C", blank_sections=("actions",)),
    _Slot("B"),
)
"""Docx (tables and paragraphs) and PDF attachments, forms in the body, some incomplete."""


def demo_referrals(count: int = 8, seed: int = 2026) -> list[SyntheticEmail]:
    """`count` demo emails cycling through PLAN, each about a different scenario where possible."""
    rng = random.Random(seed)
    order = list(SCENARIOS)
    rng.shuffle(order)
    pairs = [scenario for scenario in order if scenario.max_children > 1]
    emails = []
    for index in range(count):
        slot = PLAN[index % len(PLAN)]
        scenario = pairs[index % len(pairs)] if slot.two_children else order[index % len(order)]
        case = generate_case(
            rng.randrange(2**32),
            name=f"demo-{seed}-{index + 1:02d}",
            scenario=scenario,
            form_layout=slot.form_layout,
            emailed=True,
            n_children=2 if slot.two_children else None,
            blank_sections=slot.blank_sections,
            blank_style=rng.choice(("empty", "placeholder")),
        )
        raw = render_email(case, attachment_for(slot.form_layout))
        emails.append(SyntheticEmail(f"{case.name}.eml", raw, case.truth))
    return emails
