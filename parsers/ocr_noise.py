"""Noise on a scanned page: the paper's grain and uneven light levelled to white, and dust
(small specks with no other ink near them, which Tesseract would read as full stops,
commas or quotes between words) turned white."""

from __future__ import annotations

import numpy as np

_DARK = 200
_PAPER, _INK = 205, 80
"""Grey at or above _PAPER is paper (white), at or below _INK is ink (black); the grey
between (a glyph's soft edge) is stretched to fill the range."""
_SPECK, _NEAR = 5, 9
"""A speck fits in a square of _SPECK pixels, with nothing else inked in the square of
_NEAR pixels around it."""
_LEVELS = np.clip((np.arange(256) - _INK) * 255.0 / (_PAPER - _INK), 0, 255).astype(np.uint8)
"""The grey each grey becomes (a lookup table)."""
_MOST = 9
"""The most dark pixels a speck has: a full stop at 200 dpi has more (so is kept, however
far it stands from its word)."""


def without_noise(grey: np.ndarray) -> np.ndarray:
    """A copy of the greyscale page on white paper, with isolated specks turned white."""
    return _levelled(_without_specks(grey))


def _levelled(grey: np.ndarray) -> np.ndarray:
    levelled: np.ndarray = _LEVELS[grey]
    return levelled


def _without_specks(grey: np.ndarray) -> np.ndarray:
    """Each speck is taken whole or not at all: a square of _SPECK pixels holding a few dark
    pixels, with none in the band around it, is cleared."""
    dark = grey < _DARK
    table = _integral(dark, _NEAR // 2 + 1)
    close = _window_sums(table, _SPECK, _NEAR // 2 + 1, dark.shape)
    around = _window_sums(table, _NEAR, _NEAR // 2 + 1, dark.shape)
    out = grey.copy()
    half = _SPECK // 2
    for y, x in zip(*np.nonzero((close > 0) & (close <= _MOST) & (around == close)), strict=True):
        top, left = max(y - half, 0), max(x - half, 0)
        square = out[top : y + half + 1, left : x + half + 1]
        square[square < _DARK] = 255
    return out


def _integral(mask: np.ndarray, pad: int) -> np.ndarray:
    """The summed-area table of the mask, padded with `pad` zeros on every side."""
    padded = np.pad(mask.astype(np.int32), pad)
    table: np.ndarray = padded.cumsum(axis=0, dtype=np.int32).cumsum(axis=1, dtype=np.int32)
    return table


def _window_sums(table: np.ndarray, size: int, pad: int, shape: tuple[int, ...]) -> np.ndarray:
    """For each pixel, the sum over the size-by-size square centred on it (zero outside),
    from a summed-area table padded by `pad` (more than half the size)."""
    tall, wide = shape
    low = pad - size // 2 - 1
    high = low + size
    sums: np.ndarray = (
        table[high : high + tall, high : high + wide]
        - table[low : low + tall, high : high + wide]
        - table[high : high + tall, low : low + wide]
        + table[low : low + tall, low : low + wide]
    )
    return sums
