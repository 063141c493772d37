"""Tick boxes on a scanned page, found in the image rather than trusted to OCR.

Tesseract reads a printed box as "O", "0", "&" or nothing at all. On a line where it saw
something box-like before a capitalised caption, each caption is checked for a square just
to its left; a square becomes ☐, or ☒ when there is ink inside it.
"""

from __future__ import annotations

import numpy as np

from parsers.pdf_words import Word

BOX_LIKE = frozenset(
    {
        "O",
        "0",
        "o",
        "D",
        "C",
        "©",
        "0)",
        "o)",
        "1)",
        "[]",
        "[",
        "□",
        "☐",
        "☒",
        "&",
        "X",
        "x",
        "®",
        "Kl",
        "K",
        "[x]",
        "[X]",
        "IX",
        "EX",
        "Ea",
        "BJ",
        "%",
        "x}",
        "X}",
        "&)",
        "El",
        "|",
    }
)
TICKED, UNTICKED = "\u2612", "\u2610"
_DARK = 160
_SIDE = 0.6
"""A box side must be dark along at least this share of its length."""
_INK = 0.06
"""A box is ticked when this share of its inside is dark."""


def mark_tick_boxes(words: list[Word], ink: np.ndarray) -> list[Word]:
    """The line's words (pixel boxes) with image-verified tick boxes as ☐/☒ words."""
    ordered = sorted(words, key=lambda w: w.x0)
    if not any(_box_like(w) and _caption(ordered[i + 1]) for i, w in enumerate(ordered[:-1])):
        return ordered
    out: list[Word] = []
    for index, word in enumerate(ordered):
        if _box_like(word) and index + 1 < len(ordered):
            caption = ordered[index + 1]
            top, bottom = caption.top, caption.bottom
            state = _box_at(ink, word.x0 - 2, word.x1 + 2, top, bottom)
            if state is not None:
                out.append(_glyph(word.x0, word.x1, caption, state))
                continue
        elif _caption(word) and not (out and out[-1].text in (TICKED, UNTICKED)):
            height = word.bottom - word.top
            state = _box_at(ink, word.x0 - 1.8 * height, word.x0 + height, word.top, word.bottom)
            if state is not None:
                out.append(_glyph(word.x0 - 1.3 * height, word.x0 - 0.3 * height, word, state))
        out.append(word)
    return [
        w
        for i, w in enumerate(out)
        if not (_box_like(w) and i + 1 < len(out) and out[i + 1].text in (TICKED, UNTICKED))
    ]


def ink_of(grey: np.ndarray) -> np.ndarray:
    """Dark pixels of a greyscale page."""
    result: np.ndarray = grey < _DARK
    return result


def _box_like(word: Word) -> bool:
    """A token that may be a misread box: a known misreading, or a scrap with a symbol."""
    text = word.text
    return text in BOX_LIKE or (len(text) <= 3 and not text.isalnum())


def _caption(word: Word) -> bool:
    return word.text[:1].isupper() and not _box_like(word)


def _glyph(x0: float, x1: float, word: Word, ticked: bool) -> Word:
    return Word(TICKED if ticked else UNTICKED, x0, x1, word.top, word.bottom, size=word.size)


def _box_at(ink: np.ndarray, x0: float, x1: float, top: float, bottom: float) -> bool | None:
    """Whether there is a square box in the region (the one furthest right), and if so
    whether it is ticked; None when there is none."""
    height = bottom - top
    y0, y1 = max(int(top - 0.5 * height), 0), min(int(bottom + 0.5 * height), ink.shape[0])
    left, right = max(int(x0), 0), min(int(x1), ink.shape[1])
    if right - left < 4 or y1 - y0 < 4:
        return None
    region = ink[y0:y1, left:right]
    for start, end in reversed(_clusters(np.flatnonzero(region.any(axis=0)))):
        state = _box_state(region[:, start : end + 1], height)
        if state is not None:
            return state
    return None


def _clusters(columns: np.ndarray) -> list[tuple[int, int]]:
    """Runs of inked columns (gaps of up to two blank columns allowed), left to right."""
    runs: list[tuple[int, int]] = []
    for column in columns.tolist():
        if runs and column - runs[-1][1] <= 3:
            runs[-1] = (runs[-1][0], column)
        else:
            runs.append((column, column))
    return runs


def _box_state(mark: np.ndarray, height: float) -> bool | None:
    """For a mark that is a square outline: whether there is ink inside it."""
    rows = np.flatnonzero(mark.any(axis=1))
    mark = mark[rows[0] : rows[-1] + 1]
    tall, wide = mark.shape
    if tall < 0.6 * height or not 0.7 <= wide / tall <= 1.4:
        return None
    sides = (
        mark[:2].any(axis=0),
        mark[-2:].any(axis=0),
        mark[:, :2].any(axis=1),
        mark[:, -2:].any(axis=1),
    )
    if min(float(side.mean()) for side in sides) < _SIDE:
        return None
    inset_y, inset_x = max(tall // 4, 1), max(wide // 4, 1)
    inside = mark[inset_y:-inset_y, inset_x:-inset_x]
    return bool(inside.size and float(inside.mean()) > _INK)
