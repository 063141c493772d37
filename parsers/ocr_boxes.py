"""Tick boxes on a scanned page, found in the image rather than trusted to OCR.

Tesseract reads a printed box as "O", "0", "&", "Xl" or nothing at all, wherever the box
sits in the answer. So square outlines are found in the page image itself: a top-left
corner whose top and left edges run the same length, closed by a bottom and a right edge.
A box is ticked when there is ink inside it. The boxes are erased before OCR (so Tesseract
reads only the captions) and put back afterwards as ☐/☒ words on the line they sit on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from parsers.pdf_words import Word

TICKED, UNTICKED = "\u2612", "\u2610"
BOX_POINTS = (5.0, 14.0)
"""The smallest and largest box side (points) taken for a tick box: below 5 points a
softened scan makes small bold letters such as "o" look square."""
_DARK = 200
"""Grey below this is ink (boxes are thin and a scan softens them)."""
_EDGE = 0.9
"""The bottom and right edges must be ink along at least this share of the box's side."""
_EDGE_ROWS = 3
"""How far in from the far corner the bottom and right edges are looked for (pixels)."""
_CLEAR = 0.5
"""Just inside a hollow box's edges, at most this share of the middle third is ink (a speck
of dust may sit there)."""
_CORNER = 0.75
"""Each corner's two-by-two pixels are at least this share ink (a letter's bowl is round)."""
_OUTSIDE = 2
_OUTSIDE_INK = 0.5
"""Two pixels above and left of a box, at most this share is ink."""
_SOLID = 0.9
"""A box whose inside is ink to this share is a filled square (■), ticked."""
_SQUARE = 1.3
"""The longer side of a box is at most this multiple of the shorter."""
_INK = 0.08
"""A box is ticked when this share of its inside (away from the edges) is ink."""
_MARGIN = 3
"""Pixels around a box that are erased with it (the scan's soft edge)."""


@dataclass(frozen=True)
class TickBox:
    """A box in pixels: left/top inclusive, right/bottom exclusive; ticked or not."""

    left: int
    top: int
    right: int
    bottom: int
    ticked: bool

    def word(self) -> Word:
        """The box as a ☐/☒ word (in pixels)."""
        text = TICKED if self.ticked else UNTICKED
        top, bottom = float(self.top), float(self.bottom)
        return Word(text, float(self.left), float(self.right), top, bottom, size=bottom - top)


def find_tick_boxes(grey: np.ndarray, points_per_pixel: float) -> list[TickBox]:
    """The square outlines of tick-box size on a greyscale page, top to bottom."""
    ink = _close_gaps(grey < _DARK)
    smallest = max(int(BOX_POINTS[0] / points_per_pixel), 6)
    largest = int(BOX_POINTS[1] / points_per_pixel) + 1
    right = _runs(ink)
    down = _runs(ink.T).T
    corners = (right >= smallest) & (right <= largest) & (down >= smallest) & (down <= largest)
    boxes: list[TickBox] = []
    taken = np.zeros_like(ink)
    for y, x in zip(*np.nonzero(corners), strict=True):
        if taken[y, x]:
            continue
        box = _box_from_corner(ink, right, down, int(y), int(x))
        if box is not None:
            boxes.append(box)
            top, left = max(box.top - _MARGIN, 0), max(box.left - _MARGIN, 0)
            taken[top : box.bottom + _MARGIN, left : box.right + _MARGIN] = True
    return boxes


def erase_boxes(grey: np.ndarray, boxes: list[TickBox]) -> np.ndarray:
    """A copy of the page with the boxes (and a little around them) turned white."""
    out = grey.copy()
    for box in boxes:
        top, left = max(box.top - _MARGIN, 0), max(box.left - _MARGIN, 0)
        out[top : box.bottom + _MARGIN, left : box.right + _MARGIN] = 255
    return out


def place_boxes(lines: list[list[Word]], boxes: list[TickBox]) -> list[list[Word]]:
    """The lines (pixel words) with each box added, left to right, to the line it overlaps
    most; a box beside no line becomes a line of its own."""
    out = [list(line) for line in lines]
    for box in boxes:
        word = box.word()
        overlaps = [_overlap(word, line) for line in out]
        best = max(range(len(out)), key=overlaps.__getitem__, default=None)
        if best is None or overlaps[best] <= 0.0:
            out.append([word])
        else:
            out[best].append(word)
    return [sorted(line, key=lambda w: w.x0) for line in out]


def _box_from_corner(
    ink: np.ndarray, right: np.ndarray, down: np.ndarray, y: int, x: int
) -> TickBox | None:
    """The box whose top-left corner is at (y, x), if its other edges close it and it is
    hollow (or filled solid, as ■)."""
    wide, tall = int(right[y, x]), int(down[y, x])
    if max(wide, tall) > _SQUARE * min(wide, tall):
        return None
    mark = ink[y : y + tall, x : x + wide]
    if mark.shape != (tall, wide) or not _closed(mark) or not _clear_outside(ink, y, x, mark):
        return None
    inset = max(min(wide, tall) // 5, 3)
    inside = mark[inset:-inset, inset:-inset]
    filled = float(inside.mean()) if inside.size else 0.0
    if filled < _SOLID and not _hollow_sides(mark, inset):
        return None
    return TickBox(x, y, x + wide, y + tall, filled > _INK)


def _closed(mark: np.ndarray) -> bool:
    """True when the bottom and right edges are straight runs of ink and every corner is
    inked (round letters such as "o" and "D" have no corners)."""
    bottom = mark[-_EDGE_ROWS:].mean(axis=1).max()
    right = mark[:, -_EDGE_ROWS:].mean(axis=0).max()
    corners = (mark[:2, :2], mark[:2, -2:], mark[-2:, :2], mark[-2:, -2:])
    square_corners = all(float(corner.mean()) >= _CORNER for corner in corners)
    return bool(min(bottom, right) >= _EDGE and square_corners)


def _clear_outside(ink: np.ndarray, y: int, x: int, mark: np.ndarray) -> bool:
    """True when a line just above the box and a column just left of it are mostly clear
    of ink (so the mark is an outline, not the inside of a thick letter such as "o"); a
    pixel's gap allows for the slant of a slightly turned scan."""
    tall, wide = mark.shape
    above = ink[max(y - _OUTSIDE, 0), x : x + wide] if y >= _OUTSIDE else np.zeros(1, bool)
    left = ink[y : y + tall, max(x - _OUTSIDE, 0)] if x >= _OUTSIDE else np.zeros(1, bool)
    return float(above.mean()) <= _OUTSIDE_INK and float(left.mean()) <= _OUTSIDE_INK


def _hollow_sides(mark: np.ndarray, inset: int) -> bool:
    """True when, just inside each edge, the middle third is clear of ink (a tick's cross
    reaches the edges only near the corners)."""
    tall, wide = mark.shape
    across = slice(wide // 3, wide - wide // 3)
    upright = slice(tall // 3, tall - tall // 3)
    sides = (
        mark[inset, across],
        mark[tall - 1 - inset, across],
        mark[upright, inset],
        mark[upright, wide - 1 - inset],
    )
    return all(float(side.mean()) <= _CLEAR for side in sides)


def _close_gaps(mask: np.ndarray) -> np.ndarray:
    """The mask with one-pixel gaps in horizontal and vertical strokes filled."""
    closed = mask.copy()
    closed[:, 1:-1] |= mask[:, :-2] & mask[:, 2:]
    closed[1:-1, :] |= mask[:-2, :] & mask[2:, :]
    return closed


def _runs(mask: np.ndarray) -> np.ndarray:
    """For each pixel, how many set pixels run rightwards from it (0 where unset)."""
    flipped = mask[:, ::-1].astype(np.int32)
    counts = np.cumsum(flipped, axis=1, dtype=np.int32)
    at_gaps = np.maximum.accumulate(np.where(flipped == 0, counts, 0), axis=1)
    runs: np.ndarray = (counts - at_gaps)[:, ::-1]
    return runs


def _overlap(word: Word, line: list[Word]) -> float:
    """How much of the word's height the line's words share (0..1)."""
    top = min(w.top for w in line)
    bottom = max(w.bottom for w in line)
    shared = min(word.bottom, bottom) - max(word.top, top)
    return max(shared, 0.0) / max(word.bottom - word.top, 1.0)
