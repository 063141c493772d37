"""Preparing scanned pages, without Tesseract: tick boxes found in the image (every box
convention, ticked or not, letters never taken for boxes), turned pages straightened,
stacked pages cut apart, dust removed, and a label split from its value at the rule."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from parsers.ocr_boxes import TICKED, UNTICKED, find_tick_boxes, place_boxes
from parsers.ocr_cleanup import remove_ruling
from parsers.ocr_deskew import skew_degrees, straightened
from parsers.ocr_noise import without_noise
from parsers.ocr_pages import stacked_pages
from parsers.pdf_words import Word, text_of
from parsers.tick_boxes import ticked_captions

DPI = 200
POINTS_PER_PIXEL = 72 / DPI
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
needs_dejavu = pytest.mark.skipif(
    not (FONT_DIR / "DejaVuSans.ttf").is_file(), reason="DejaVu fonts are not installed"
)


@cache
def _font(bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans at 9.5 points on a 200 dpi page."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), round(9.5 * DPI / 72))


def _line(text: str, bold: bool = False, size: tuple[int, int] = (1400, 80)) -> Image.Image:
    """One printed line, softened as a scanner softens it."""
    image = Image.new("L", size, 255)
    ImageDraw.Draw(image).text((20, 20), text, fill=0, font=_font(bold))
    return image.filter(ImageFilter.GaussianBlur(0.5))


def _states(image: Image.Image) -> list[bool]:
    boxes = find_tick_boxes(np.asarray(image), POINTS_PER_PIXEL)
    return [box.ticked for box in sorted(boxes, key=lambda box: box.left)]


@needs_dejavu
@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("\u2610 Yes \u2612 No \u2610 Not known", [False, True, False]),
        ("Yes \u2610   No \u2612", [False, True]),
        ("\u2612 Physical \u2610 Sexual \u2612 Emotional", [True, False, True]),
        ("\u25a0 Yes \u25a1 No", [True, False]),
    ],
)
def test_tick_boxes_are_read_from_the_image(text: str, states: list[bool]) -> None:
    assert _states(_line(text)) == states


@needs_dejavu
@pytest.mark.parametrize("bold", [False, True])
def test_letters_and_digits_are_not_boxes(bold: bool) -> None:
    line = _line("Soon done: DOB 0000 Oslo, Deo, odd, Bob's [x] O0oD", bold)
    assert _states(line) == []


@needs_dejavu
def test_boxes_stay_found_on_a_turned_speckled_page() -> None:
    page = Image.new("L", (1400, 400), 255)
    page.paste(_line("Injured?    \u2610 Yes \u2612 No \u2610 Not known"), (0, 150))
    turned = page.rotate(1.1, resample=Image.Resampling.BICUBIC, fillcolor=255)
    rng = np.random.default_rng(3)
    pixels = np.asarray(turned).copy()
    pixels[rng.integers(0, 400, 300), rng.integers(0, 1400, 300)] = 40
    level = np.asarray(straightened(Image.fromarray(pixels)))
    assert _states(Image.fromarray(without_noise(level))) == [False, True, False]


def test_boxes_join_the_line_they_sit_on_and_read_with_their_captions() -> None:
    caption = [Word(t, x, x + 30.0, 100.0, 118.0) for t, x in (("Yes", 60.0), ("No", 160.0))]
    other = [Word("Name", 10.0, 50.0, 20.0, 38.0)]
    image = np.full((200, 300), 255, dtype=np.uint8)
    for left, ticked in ((30, False), (130, True)):
        image[101:119, left : left + 18] = 0
        image[104:116, left + 3 : left + 15] = 0 if ticked else 255
    boxes = find_tick_boxes(image, 0.5)
    lines = place_boxes([other, caption], boxes)
    assert text_of(lines[0]) == "Name"
    assert text_of(lines[1]) == f"{UNTICKED} Yes {TICKED} No"
    assert ticked_captions(text_of(lines[1])) == ["No"]


@pytest.mark.parametrize("degrees", [-1.6, -0.5, 0.0, 0.9, 2.5])
def test_a_turned_page_is_measured_and_straightened(degrees: float) -> None:
    page = _ruled_page()
    turned = page.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert skew_degrees(turned) == pytest.approx(degrees, abs=0.1)
    assert abs(skew_degrees(straightened(turned))) <= 0.1


def test_stacked_pages_are_cut_at_the_blank_rows_between_them() -> None:
    width = 400
    height = round(width * 297 / 210)
    first, second = _ruled_page((width, height)), _ruled_page((width, height))
    sheet = Image.new("L", (width, 2 * height), 255)
    sheet.paste(first, (0, 0))
    sheet.paste(second, (0, height))
    pages = stacked_pages(sheet)
    assert [page.size for page in pages] == [(width, height), (width, height)]
    assert stacked_pages(first) == [first]


def test_dust_is_removed_but_a_full_stop_kept() -> None:
    """Paper is levelled to white; a speck goes, a full stop four pixels from its word (as
    after an "a" at 200 dpi) stays whole."""
    grey = np.full((60, 60), 235, dtype=np.uint8)
    grey[10:12, 10:12] = 30  # a speck, alone
    grey[40:52, 20:23] = 0  # the stem of a letter...
    grey[48:52, 27:31] = 0  # ...and the full stop after it
    cleaned = without_noise(grey)
    assert (cleaned[10:12, 10:12] == 255).all()
    assert (cleaned[48:52, 27:31] == 0).all()
    assert (cleaned[40:52, 20:23] == 0).all()
    assert (cleaned[0:5, 0:5] == 255).all()


def test_a_long_label_is_split_from_its_value_at_the_upright_rule() -> None:
    page = np.full((200, 600), 255, dtype=np.uint8)
    page[20:180, 300:302] = 0
    _, ruling = remove_ruling(Image.fromarray(page), 1.0)
    words = [("Nature", 220.0, 255.0), ("(tick)", 262.0, 297.0), ("\u2612", 305.0, 315.0)]
    line = [Word(text, x0, x1, 90, 100) for text, x0, x1 in [*words, ("Physical", 318, 353)]]
    assert [text_of(chunk) for chunk in ruling.columns(line)] == [
        "Nature (tick)",
        "\u2612 Physical",
    ]


def _ruled_page(size: tuple[int, int] = (1000, 1400)) -> Image.Image:
    """A form-like page: ruled rows, each with a label and a value of word-like blobs."""
    rng = np.random.default_rng(11)
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    width, height = size
    row = max(height // 30, 10)
    for top in range(height // 10, height - height // 10, row):
        draw.line((width // 10, top, width - width // 10, top), fill=90, width=2)
        for start in (width // 8, width // 2):
            left = start
            while left < start + width // 3:
                word = int(rng.integers(row, 4 * row))
                draw.rectangle((left, top + row // 3, left + word, top + 2 * row // 3), fill=20)
                left += word + row // 2
    return page
