"""The Word family of extra corpus layouts: Word fill-in conventions, Outlook HTML email and
legacy formats, each with the truth layout name the benchmark reports it under."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ingest_service.synthetic.model import Case, FormLayout
from ingest_service.synthetic.render_docx_layouts import (
    WORD_LAYOUTS,
    WordLayout,
    render_word_layout,
)
from ingest_service.synthetic.render_email_html import render_html_email
from ingest_service.synthetic.render_legacy import (
    LEGACY_LAYOUTS,
    LegacyLayout,
    can_render_legacy,
    render_legacy,
)


@dataclass(frozen=True)
class SpecialLayout:
    """A corpus layout beyond A/B/C/body: its truth name, the base layout its case is drawn
    with, whether it is an email, how it renders (file suffix and bytes), and whether the
    tools it needs are present."""

    name: str
    base: FormLayout
    emailed: bool
    render: Callable[[Case], tuple[str, bytes]]
    available: Callable[[], bool] = lambda: True


def _word(layout: WordLayout, case: Case) -> tuple[str, bytes]:
    return "docx", render_word_layout(case, layout)


def _html(case: Case) -> tuple[str, bytes]:
    return "eml", render_html_email(case)


def _legacy(layout: LegacyLayout, case: Case) -> tuple[str, bytes]:
    return render_legacy(case, layout)


WORD_FAMILY: tuple[SpecialLayout, ...] = (
    *(
        SpecialLayout(name, "B" if name.startswith("B") else "A", False, partial(_word, name))
        for name in WORD_LAYOUTS
    ),
    SpecialLayout("D-html", "body", True, _html),
    *(
        SpecialLayout(name, "A", False, partial(_legacy, name), can_render_legacy)
        for name in LEGACY_LAYOUTS
    ),
)
