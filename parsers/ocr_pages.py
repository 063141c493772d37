"""A tall image of pages stacked top to bottom (a phone's long capture, a scanner's
"one image" setting) cut back into pages, so each is straightened and read on its own."""

from __future__ import annotations

import itertools

import numpy as np
from PIL import Image

A4_RATIO = 297 / 210
"""Height over width of a page of A4."""
_SEARCH = 0.06
"""Each cut is made at the emptiest row (the nearest, of equals) within this share of a
page around where the page should end."""
_DARK = 200


def stacked_pages(image: Image.Image) -> list[Image.Image]:
    """The image's pages: the image itself unless it is about two or more A4 pages tall."""
    page_height = image.width * A4_RATIO
    count = round(image.height / page_height)
    if count < 2:
        return [image]
    ink = (np.asarray(image.convert("L")) < _DARK).sum(axis=1)
    reach = int(_SEARCH * page_height)
    cuts = [0]
    for number in range(1, count):
        target = round(number * image.height / count)
        low, high = max(target - reach, cuts[-1] + 1), min(target + reach, image.height - 1)
        cuts.append(_emptiest_row(ink, low, high, target))
    cuts.append(image.height)
    return [image.crop((0, top, image.width, end)) for top, end in itertools.pairwise(cuts)]


def _emptiest_row(ink: np.ndarray, low: int, high: int, target: int) -> int:
    """Of the rows low..high with the least ink, the one nearest the target."""
    if high <= low:
        return target
    band = ink[low:high]
    rows = low + np.flatnonzero(band == band.min())
    return int(rows[np.argmin(np.abs(rows - target))])
