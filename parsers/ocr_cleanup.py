"""Preparing a scanned page for OCR: table ruling removed, so that Tesseract neither reads
rules as characters nor drops the text and tick boxes beside them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from PIL import Image

from parsers.pdf_words import Word, split_on_gaps

RULE_POINTS = 25.0
"""A straight dark run at least this long (in points) is ruling, not text."""
_DARK = 215
"""Rules are thin and grey, so lighter pixels count as ink here than for text."""


@dataclass(frozen=True)
class Ruling:
    """Where a page's horizontal rules are (pixels), to tell table rows apart, and its
    upright rules, to tell a row's label from its value."""

    rules: np.ndarray
    points_per_pixel: float
    upright: np.ndarray | None = None

    def between(self, x: float, top: float, bottom: float) -> bool:
        """True when a horizontal rule crosses the band from x (points) a little to the
        right, between `top` and `bottom` (points)."""
        scale = 1 / self.points_per_pixel
        x0, x1 = int(x * scale), int((x + RULE_POINTS) * scale)
        y0, y1 = int(top * scale), int(bottom * scale)
        return bool(y1 > y0 and self.rules[y0:y1, x0:x1].any())

    def columns(self, words: list[Word]) -> list[list[Word]]:
        """A line's words (points, left to right) split where they are far apart or an
        upright rule runs between them (a long label close to its value's column)."""
        chunks: list[list[Word]] = []
        for chunk in split_on_gaps(words):
            chunks.append([chunk[0]])
            for before, word in itertools.pairwise(chunk):
                if self._upright_between(before, word):
                    chunks.append([])
                chunks[-1].append(word)
        return chunks

    def _upright_between(self, left: Word, right: Word) -> bool:
        if self.upright is None:
            return False
        scale = 1 / self.points_per_pixel
        x0, x1 = int(left.x1 * scale), int(right.x0 * scale)
        middle = int((max(left.top, right.top) + min(left.bottom, right.bottom)) / 2 * scale)
        return bool(x1 > x0 and self.upright[middle, x0:x1].any())


def remove_ruling(image: Image.Image, points_per_pixel: float) -> tuple[Image.Image, Ruling]:
    """The greyscale image with long horizontal and vertical dark runs turned white, and
    where the horizontal ones were."""
    grey = np.asarray(image.convert("L"))
    dark = grey < _DARK
    length = max(int(RULE_POINTS / points_per_pixel), 8)
    across = _long_runs(_bridged(dark), length)
    upright = _long_runs(_bridged(dark.T), length).T
    cleaned = grey.copy()
    cleaned[_widened(across) | _widened(upright.T).T] = 255
    return Image.fromarray(cleaned), Ruling(across, points_per_pixel, upright)


def _bridged(mask: np.ndarray) -> np.ndarray:
    """The mask with one-pixel gaps along its rows filled (a faint rule breaks up)."""
    out = mask.copy()
    out[:, 1:-1] |= mask[:, :-2] & mask[:, 2:]
    return out


def _widened(rules: np.ndarray) -> np.ndarray:
    """Horizontal rules grown by a pixel above and below (their soft edges)."""
    out = rules.copy()
    out[1:] |= rules[:-1]
    out[:-1] |= rules[1:]
    return out


def _long_runs(mask: np.ndarray, length: int) -> np.ndarray:
    """Pixels lying in a horizontal run of at least `length` set pixels."""
    if mask.shape[1] < length:
        return np.zeros_like(mask)
    counts = np.cumsum(mask, axis=1, dtype=np.int32)
    counts = np.pad(counts, ((0, 0), (1, 0)))
    starts = (counts[:, length:] - counts[:, :-length]) == length
    padded = np.pad(starts, ((0, 0), (length, length - 1)))
    covered = np.cumsum(padded, axis=1, dtype=np.int32)
    out: np.ndarray = (covered[:, length:] - covered[:, :-length]) > 0
    return out
