"""Straightening a scanned page: the small turn a scanner or phone gives a sheet is found
from the page's rows of ink and undone, so that ruling and text lines run level."""

from __future__ import annotations

import numpy as np
from PIL import Image

MAX_DEGREES = 4.0
"""Turns up to this many degrees either way are looked for."""
_DARK = 200
_COARSE_STEP, _FINE_STEP = 0.25, 0.05
_COARSE_REDUCE, _FINE_REDUCE = 4, 2
"""The search runs on the page shrunk by these factors (coarse first, then fine)."""
_LEVEL = 0.05
"""A page turned by less than this many degrees is left as it is."""


def straightened(image: Image.Image) -> Image.Image:
    """The greyscale page turned level (the page itself when it already is)."""
    grey = image.convert("L")
    skew = skew_degrees(grey)
    if abs(skew) < _LEVEL:
        return grey
    return grey.rotate(-skew, resample=Image.Resampling.BICUBIC, fillcolor=255)


def skew_degrees(image: Image.Image) -> float:
    """How far the page is turned (degrees, anticlockwise positive), to the fine step."""
    grey = image.convert("L")
    coarse = _best_angle(_ink(grey, _COARSE_REDUCE), _steps(0.0, MAX_DEGREES, _COARSE_STEP))
    return -_best_angle(_ink(grey, _FINE_REDUCE), _steps(coarse, _COARSE_STEP, _FINE_STEP))


def _ink(grey: Image.Image, factor: int) -> Image.Image:
    """The page shrunk by `factor`, ink white on black (so turning it adds no ink)."""
    small = np.asarray(grey.reduce(factor))
    return Image.fromarray(np.where(small < _DARK, 255, 0).astype(np.uint8))


def _steps(centre: float, reach: float, step: float) -> list[float]:
    count = round(reach / step)
    return [centre + step * k for k in range(-count, count + 1)]


def _best_angle(ink: Image.Image, angles: list[float]) -> float:
    """The turn that makes the rows of ink sharpest: the largest sum of squared
    differences between neighbouring rows' ink."""

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST), np.float64)
        profile = rows.sum(axis=1)
        return float(np.square(np.diff(profile)).sum())

    return max(angles, key=sharpness)
