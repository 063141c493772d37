"""Rendering cases as files, and writing a corpus of files with their truth beside them."""

from __future__ import annotations

import json
import random
from pathlib import Path

from ingest_service.synthetic.cases import BlankStyle, generate_case
from ingest_service.synthetic.model import Attachment, Case, FormLayout
from ingest_service.synthetic.render_docx import render_docx
from ingest_service.synthetic.render_email import render_email
from ingest_service.synthetic.render_pdf import render_pdf
from ingest_service.synthetic.scenarios import SCENARIOS

BLANKABLE = ("referrer", "subject", "employer", "allegation", "children", "history", "actions")
BLANK_STYLES: tuple[BlankStyle, ...] = ("empty", "placeholder")


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


def write_corpus(directory: Path, count: int, seed: int) -> list[Path]:
    """Write `<name>.docx|.pdf|.eml` and `<name>.truth.json` for each case; the documents' paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for case in corpus_cases(count, seed):
        suffix, data = render_case(case)
        document = directory / f"{case.name}.{suffix}"
        document.write_bytes(data)
        truth = json.dumps(case.truth, indent=2, ensure_ascii=False) + "\n"
        (directory / f"{case.name}.truth.json").write_text(truth, encoding="utf-8")
        written.append(document)
    return written
