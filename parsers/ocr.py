"""Reading page images with the Tesseract binary: lines of positioned words.

Tesseract runs as a subprocess (TSV output) under a per-document time budget. Its words
carry positions in points so the same label/value pairing as for PDFs applies, and blocks
built from them carry a capped confidence and a "needs checking" provenance marker.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import time
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from PIL import Image

from parsers.errors import DocumentTooLarge, ScanNotRead
from parsers.ocr_boxes import TickBox, erase_boxes, find_tick_boxes, place_boxes
from parsers.ocr_cleanup import Ruling, remove_ruling
from parsers.ocr_deskew import straightened
from parsers.ocr_noise import without_noise
from parsers.pdf_words import Word

OCR_CONFIDENCE = 0.6
"""The most an answer read by OCR can be trusted: every such field is flagged for checking."""
OCR_SECONDS_PER_DOCUMENT = 90.0
MAX_OCR_PAGES = 10
MAX_PIXELS = 40_000_000
"""Per page image; a page of A4 at 300 dpi is under 9 million."""
OCR_MARK = "OCR, needs checking"
_NO_INVERT = "tessedit_do_invert=0"
"""Skip Tesseract's second pass for white-on-black text, which forms do not have."""
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
"""Tesseract prints curly quotes for straight ones; which were typed cannot be told apart."""
_NOISE = re.compile(r"[|!:;_\u2014.,'\"`\u00b0\u00a9*~^+]+")
"""A token of nothing but these is a scrap of ruling or a speck of dust: a form's answers
have no free-standing full stops or quotes (a dash or slash between words is kept)."""


@dataclass
class OcrBudget:
    """The time left for OCR of one document."""

    deadline: float

    @classmethod
    def start(cls) -> OcrBudget:
        """A fresh budget of OCR_SECONDS_PER_DOCUMENT."""
        return cls(time.monotonic() + OCR_SECONDS_PER_DOCUMENT)

    def remaining(self) -> float:
        """Seconds left; raises DocumentTooLarge when none are."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise DocumentTooLarge("The scan took too long to read.")
        return left


@dataclass(frozen=True)
class OcrLine:
    """One line as Tesseract found it: its words and their mean confidence (0..100)."""

    words: list[Word]
    confidence: float


def ocr_page(image: Image.Image, points_per_pixel: float, budget: OcrBudget) -> OcrPage:
    """The image's text lines, top to bottom, with word boxes in points: the page is
    straightened and cleared of dust and ruling, and its tick boxes are read from the
    image, before Tesseract reads the words."""
    if image.width * image.height > MAX_PIXELS:
        raise DocumentTooLarge("The scanned page is larger than the service reads.")
    binary = shutil.which("tesseract")
    if binary is None:
        raise ScanNotRead("The document is a scan and OCR is not installed here.")
    unruled, ruling = remove_ruling(straightened(image), points_per_pixel)
    grey = without_noise(np.asarray(unruled))
    boxes = find_tick_boxes(grey, points_per_pixel)
    tsv = _tesseract(binary, Image.fromarray(erase_boxes(grey, boxes)), budget)
    lines = _with_boxes(_parse_tsv(tsv), boxes)
    in_points = [
        OcrLine([_in_points(w, points_per_pixel) for w in line.words], line.confidence)
        for line in lines
    ]
    return OcrPage(sorted(in_points, key=lambda line: min(w.top for w in line.words)), ruling)


def _tesseract(binary: str, page: Image.Image, budget: OcrBudget) -> str:
    """Tesseract's TSV for the page, within the time left."""
    png = io.BytesIO()
    page.save(png, "PNG")
    command = [binary, "stdin", "stdout", "-l", "eng", "--psm", "4", "-c", _NO_INVERT, "tsv"]
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            command,
            input=png.getvalue(),
            capture_output=True,
            timeout=budget.remaining(),
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise DocumentTooLarge("The scan took too long to read.") from exc
    if done.returncode != 0:
        raise ScanNotRead()
    return done.stdout.decode("utf-8", "replace")


def _with_boxes(lines: list[OcrLine], boxes: list[TickBox]) -> list[OcrLine]:
    """The lines with the tick boxes found in the image put back as ☐/☒ words; a box on a
    line of its own is as certain as the image."""
    placed = place_boxes([line.words for line in lines], boxes)
    confidences = [line.confidence for line in lines]
    confidences += [100.0] * (len(placed) - len(lines))
    return [OcrLine(words, c) for words, c in zip(placed, confidences, strict=True)]


def _parse_tsv(tsv: str) -> list[OcrLine]:
    """Tesseract's words grouped by its lines (pixels), scraps of ruling and dust left out."""
    grouped: dict[tuple[str, ...], list[tuple[Word, float]]] = defaultdict(list)
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text or _NOISE.fullmatch(text):
            continue
        text = text.translate(_QUOTES)
        left, top = float(row["left"]), float(row["top"])
        right, bottom = left + float(row["width"]), top + float(row["height"])
        key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        grouped[key].append((Word(text, left, right, top, bottom), max(float(row["conf"]), 0.0)))
    return [
        OcrLine([w for w, _ in items], sum(c for _, c in items) / len(items))
        for items in grouped.values()
    ]


def _in_points(word: Word, scale: float) -> Word:
    top, bottom = word.top * scale, word.bottom * scale
    return Word(word.text, word.x0 * scale, word.x1 * scale, top, bottom, size=bottom - top)


@dataclass(frozen=True)
class OcrPage:
    """A page's OCR lines and its table ruling."""

    lines: list[OcrLine]
    ruling: Ruling


def ocr_confidence(page: OcrPage) -> float:
    """The confidence a page's OCR text carries: Tesseract's mean word confidence scaled to
    at most OCR_CONFIDENCE."""
    if not page.lines:
        return 0.0
    mean = sum(line.confidence for line in page.lines) / len(page.lines)
    return round(OCR_CONFIDENCE * min(max(mean / 100.0, 0.1), 1.0), 3)
