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
_MOST = 9
"""The most dark pixels a speck has: a full stop at 200 dpi has more (so is kept, however
far it stands from its word)."""


def without_noise(grey: np.ndarray) -> np.ndarray:
    """A copy of the greyscale page on white paper, with isolated specks turned white."""
    return _levelled(_without_specks(grey))


def _levelled(grey: np.ndarray) -> np.ndarray:
    stretched = (grey.astype(np.float32) - _INK) * (255.0 / (_PAPER - _INK))
    levelled: np.ndarray = np.clip(stretched, 0, 255).astype(np.uint8)
    return levelled


def _without_specks(grey: np.ndarray) -> np.ndarray:
    """Each speck is taken whole or not at all: a square of _SPECK pixels holding a few dark
    pixels, with none in the band around it, is cleared."""
    dark = (grey < _DARK).astype(np.int32)
    close = _window_sums(dark, _SPECK)
    around = _window_sums(dark, _NEAR)
    speck = (close > 0) & (close <= _MOST) & (around == close)
    covered = _window_sums(speck.astype(np.int32), _SPECK) > 0
    out = grey.copy()
    out[(dark > 0) & covered] = 255
    return out


def _window_sums(values: np.ndarray, size: int) -> np.ndarray:
    """For each pixel, the sum over the size-by-size square centred on it (zero outside)."""
    half = size // 2
    padded = np.pad(values, half + 1)
    table = padded.cumsum(axis=0).cumsum(axis=1)
    tall, wide = values.shape
    sums: np.ndarray = (
        table[size:, size:][:tall, :wide]
        - table[:-size, size:][:tall, :wide]
        - table[size:, :-size][:tall, :wide]
        + table[:-size, :-size][:tall, :wide]
    )
    return sums
