"""Rendering cases as files, and writing a corpus of files with their truth beside them."""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ingest_service.synthetic.cases import BlankStyle, generate_case
from ingest_service.synthetic.model import Attachment, Case, FormLayout
from ingest_service.synthetic.render_docx import render_docx
from ingest_service.synthetic.render_docx_family import WORD_FAMILY, SpecialLayout
from ingest_service.synthetic.render_email import render_email
from ingest_service.synthetic.render_pdf import render_pdf
from ingest_service.synthetic.render_pdf_family import PDF_FAMILY
from ingest_service.synthetic.scenarios import SCENARIOS

BLANKABLE = ("referrer", "subject", "employer", "allegation", "children", "history", "actions")
BLANK_STYLES: tuple[BlankStyle, ...] = ("empty", "placeholder")
SPECIAL_LAYOUTS: tuple[SpecialLayout, ...] = WORD_FAMILY + PDF_FAMILY
"""Further layouts written after the main cases, a few of each, under their own truth name."""
SPECIAL_EACH = 2


def attachment_for(layout: FormLayout) -> Attachment | None:
    """What an email carrying a form of this layout attaches (nothing when pasted in)."""
    return {"A": "docx", "B": "docx", "C": "pdf", "body": None}[layout]


def render_case(case: Case) -> tuple[str, bytes]:
    """The file suffix and bytes of a case as it reaches the LADO (.docx, .pdf or .eml)."""
    if case.emailed:
        return "eml", render_email(case, attachment_for(case.form_layout))
    if case.form_layout == "C":
        return "pdf", render_pdf(case)
    return "docx", render_docx(case)


def corpus_cases(count: int, seed: int) -> list[Case]:
    """`count` cases cycling through every scenario; about a quarter have blank sections."""
    rng = random.Random(seed)
    order = list(SCENARIOS)
    rng.shuffle(order)
    cases = []
    for index in range(count):
        blanks = rng.sample(BLANKABLE, k=rng.randint(1, 2)) if rng.random() < 0.25 else []
        cases.append(
            generate_case(
                rng.randrange(2**32),
                name=f"synthetic-{seed}-{index + 1:03d}",
                scenario=order[index % len(order)],
                blank_sections=blanks,
                blank_style=rng.choice(BLANK_STYLES),
            )
        )
    return cases


def special_cases(seed: int, each: int) -> list[tuple[Case, SpecialLayout]]:
    """`each` cases per special layout whose tools are present (every other one incomplete),
    choices drawn as tick boxes, the truth's layout the special layout's name."""
    rng = random.Random(f"{seed}|special")
    out = []
    for layout in (item for item in SPECIAL_LAYOUTS if item.available()):
        for number in range(1, each + 1):
            case = generate_case(
                rng.randrange(2**32),
                name=f"synthetic-{seed}-{layout.name}-{number}",
                scenario=rng.choice(SCENARIOS),
                form_layout=layout.base,
                emailed=layout.emailed,
                blank_sections=[rng.choice(BLANKABLE)] if number % 2 == 0 else [],
                blank_style=rng.choice(BLANK_STYLES),
                tick_choices=True,
            )
            truth = {**case.truth, "layout": layout.name}
            truth.pop("variant", None)
            out.append((dataclasses.replace(case, truth=truth), layout))
    return out


def write_corpus(
    directory: Path, count: int, seed: int, *, special_each: int = SPECIAL_EACH
) -> list[Path]:
    """Write `<name>.<suffix>` and `<name>.truth.json` for `count` cases and `special_each` of
    each special layout; the documents' paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    rendered: list[tuple[Case, Callable[[], tuple[str, bytes]]]] = [
        (case, partial(render_case, case)) for case in corpus_cases(count, seed)
    ]
    rendered += [
        (case, partial(layout.render, case)) for case, layout in special_cases(seed, special_each)
    ]
    for case, render in rendered:
        suffix, data = render()
        document = directory / f"{case.name}.{suffix}"
        document.write_bytes(data)
        truth = json.dumps(case.truth, indent=2, ensure_ascii=False) + "\n"
        (directory / f"{case.name}.truth.json").write_text(truth, encoding="utf-8")
        written.append(document)
    return written
