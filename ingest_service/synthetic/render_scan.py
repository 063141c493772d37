"""A synthetic referral as a scan (layout S-scan): the printed form's pages as slightly
turned, softened, grainy and dusty greyscale images, delivered as an image-only PDF or
one tall .png."""

from __future__ import annotations

import io
import random

import numpy as np
import pypdfium2  # type: ignore[import-untyped]
from PIL import Image, ImageDraw, ImageFilter

from ingest_service.synthetic.model import Case
from ingest_service.synthetic.render_pdf import render_pdf

DPI = 200
SPECKS_PER_PAGE = 1500
MAX_TURN = 1.2
"""Degrees a sheet may be turned either way on the glass."""
GRAIN = 4.0
"""Standard deviation of the sensor's grey-level noise."""


def scanned_pages(case: Case) -> list[Image.Image]:
    """The form printed (as a ruled PDF) and scanned: one greyscale image per page."""
    rng = random.Random(f"scan|{case.name}")
    document = pypdfium2.PdfDocument(render_pdf(case))
    try:
        pages = [page.render(scale=DPI / 72).to_pil().convert("L") for page in document]
    finally:
        document.close()
    return [_scanned(page, rng) for page in pages]


def render_scan_pdf(case: Case) -> bytes:
    """The scan as a PDF of page images, with no text layer."""
    first, *rest = scanned_pages(case)
    out = io.BytesIO()
    first.save(out, "PDF", resolution=DPI, save_all=True, append_images=rest)
    return out.getvalue()


def render_scan_png(case: Case) -> bytes:
    """The scan as one .png, pages stacked top to bottom (as a phone's long capture)."""
    pages = scanned_pages(case)
    sheet = Image.new("L", (pages[0].width, sum(page.height for page in pages)), 255)
    top = 0
    for page in pages:
        sheet.paste(page, (0, top))
        top += page.height
    out = io.BytesIO()
    sheet.save(out, "PNG", optimize=True, dpi=(DPI, DPI))
    return out.getvalue()


def _scanned(page: Image.Image, rng: random.Random) -> Image.Image:
    """A page as a scanner leaves it: turned a little, softened, on paper that is not quite
    white and unevenly lit, with sensor grain and dust specks of a pixel or two."""
    turned = page.rotate(
        rng.uniform(-MAX_TURN, MAX_TURN), resample=Image.Resampling.BICUBIC, fillcolor=255
    ).filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.6)))
    noise = np.random.default_rng(rng.randrange(2**32))
    pixels = np.asarray(turned, dtype=np.float64)
    light = np.linspace(rng.uniform(0.95, 1.0), rng.uniform(0.95, 1.0), pixels.shape[0])
    pixels = pixels * light[:, None] + noise.normal(0.0, GRAIN, pixels.shape)
    dusty = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(dusty)
    for _ in range(SPECKS_PER_PAGE):
        x, y = rng.randrange(dusty.width), rng.randrange(dusty.height)
        size = rng.choice((0, 0, 1))
        draw.rectangle((x, y, x + size, y + size), fill=rng.randrange(0, 160))
    return dusty
