"""Preparing a scanned page for OCR: table ruling removed, so that Tesseract neither reads
rules as characters nor drops the text and tick boxes beside them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

RULE_POINTS = 25.0
"""A straight dark run at least this long (in points) is ruling, not text."""
_DARK = 200


@dataclass(frozen=True)
class Ruling:
    """Where a page's horizontal rules are (pixels), to tell table rows apart."""

    rules: np.ndarray
    points_per_pixel: float

    def between(self, x: float, top: float, bottom: float) -> bool:
        """True when a horizontal rule crosses the band from x (points) a little to the
        right, between `top` and `bottom` (points)."""
        scale = 1 / self.points_per_pixel
        x0, x1 = int(x * scale), int((x + RULE_POINTS) * scale)
        y0, y1 = int(top * scale), int(bottom * scale)
        return bool(y1 > y0 and self.rules[y0:y1, x0:x1].any())


def remove_ruling(image: Image.Image, points_per_pixel: float) -> tuple[Image.Image, Ruling]:
    """The greyscale image with long horizontal and vertical dark runs turned white, and
    where the horizontal ones were."""
    grey = np.asarray(image.convert("L"))
    dark = grey < _DARK
    length = max(int(RULE_POINTS / points_per_pixel), 8)
    across = _long_runs(dark, length)
    rules = across | _long_runs(dark.T, length).T
    cleaned = grey.copy()
    cleaned[rules] = 255
    return Image.fromarray(cleaned), Ruling(across, points_per_pixel)


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
