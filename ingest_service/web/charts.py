"""Bar charts drawn by the app as inline SVG: no scripts, no styles, numbers in the markup.

Presentation attributes (fill, font-size) are used rather than style attributes, which the
Content-Security-Policy (style-src 'self') would block. Each chart is an image with a title
and a description; the page puts the same numbers in a table beside it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

BAR_COLOUR = "#1d70b8"
TEXT_COLOUR = "#0b0c0c"
ROW_HEIGHT = 24
LABEL_WIDTH = 190
BAR_AREA = 380
VALUE_GAP = 6
COLUMN_AREA_HEIGHT = 160
COLUMN_AREA_WIDTH = 640
MAX_AXIS_LABELS = 13
AXIS_CHAR_WIDTH = 6.5
AXIS_LABEL_GAP = 8

Bars = Sequence[tuple[str, int]]


def _describe(bars: Bars) -> str:
    total = sum(n for _, n in bars)
    if not total:
        return "No referrals in this period."
    label, count = max(bars, key=lambda bar: bar[1])
    return f"{total} in all; the largest is {label} with {count}. The table beside it has all."


def _frame(chart_id: str, title: str, bars: Bars, width: int, height: int, body: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(_describe(bars))}</desc>'
        f"{body}</svg>"
    )


def bar_chart(chart_id: str, title: str, bars: Bars) -> Markup:
    """Horizontal bars, one row per category, each labelled with its count."""
    peak = max((n for _, n in bars), default=0) or 1
    parts: list[str] = []
    for row, (label, count) in enumerate(bars):
        y = row * ROW_HEIGHT
        length = round(BAR_AREA * count / peak)
        parts.append(
            f'<text x="{LABEL_WIDTH - VALUE_GAP}" y="{y + 16}" text-anchor="end" '
            f'font-size="13" fill="{TEXT_COLOUR}">{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{length}" height="{ROW_HEIGHT - 8}" '
            f'fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + length + VALUE_GAP}" y="{y + 16}" font-size="13" '
            f'fill="{TEXT_COLOUR}">{count}</text>'
        )
    width = LABEL_WIDTH + BAR_AREA + 60
    return _frame(chart_id, title, bars, width, max(len(bars), 1) * ROW_HEIGHT, "".join(parts))


def column_chart(chart_id: str, title: str, bars: Bars) -> Markup:
    """Vertical columns in time order; some axis labels are skipped when there are many."""
    peak = max((n for _, n in bars), default=0) or 1
    slot = COLUMN_AREA_WIDTH / max(len(bars), 1)
    widest = max((len(label) for label, _ in bars), default=0) * AXIS_CHAR_WIDTH + AXIS_LABEL_GAP
    label_every = max(-(-len(bars) // MAX_AXIS_LABELS), math.ceil(widest / slot), 1)
    top = 18
    parts: list[str] = []
    for index, (label, count) in enumerate(bars):
        height = round(COLUMN_AREA_HEIGHT * count / peak)
        x = index * slot
        y = top + COLUMN_AREA_HEIGHT - height
        parts.append(
            f'<rect x="{x + slot * 0.1:.1f}" y="{y}" width="{slot * 0.8:.1f}" height="{height}" '
            f'fill="{BAR_COLOUR}"><title>{escape(label)}: {count}</title></rect>'
        )
        if index % label_every == 0:
            parts.append(
                f'<text x="{x + slot * 0.1:.1f}" y="{top + COLUMN_AREA_HEIGHT + 16}" '
                f'font-size="11" fill="{TEXT_COLOUR}">{escape(label)}</text>'
            )
    highest = max((n for _, n in bars), default=0)
    parts.append(
        f'<text x="0" y="12" font-size="11" fill="{TEXT_COLOUR}">Highest: {highest}</text>'
    )
    height = top + COLUMN_AREA_HEIGHT + 24
    width = COLUMN_AREA_WIDTH + round(widest)  # room for the last label
    return _frame(chart_id, title, bars, width, height, "".join(parts))
