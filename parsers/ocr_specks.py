"""Dust on a scanned page: isolated specks of a pixel or two, which Tesseract would read
as full stops and commas between words, turned white."""

from __future__ import annotations

import numpy as np

_DARK = 200
_WINDOW = 5
"""Specks are judged within a square of this many pixels around each dark pixel."""
_MOST = 4
"""A dark pixel with at most this many dark pixels in its square (itself included) is a
speck: even a full stop's dot at 200 dpi is larger."""


def without_specks(grey: np.ndarray) -> np.ndarray:
    """A copy of the greyscale page with isolated specks turned white."""
    dark = grey < _DARK
    counts = _window_sums(dark.astype(np.int32), _WINDOW)
    out = grey.copy()
    out[dark & (counts <= _MOST)] = 255
    return out


def _window_sums(values: np.ndarray, size: int) -> np.ndarray:
    """For each pixel, the sum over the size-by-size square centred on it (zero outside)."""
    half = size // 2
    padded = np.pad(values, half + 1)
    table = padded.cumsum(axis=0).cumsum(axis=1)
    tall, wide = values.shape
    bottom, right = table[size:, size:], table[:-size, :-size]
    sums: np.ndarray = (
        bottom[:tall, :wide]
        - table[:-size, size:][:tall, :wide]
        - table[size:, :-size][:tall, :wide]
        + right[:tall, :wide]
    )
    return sums
