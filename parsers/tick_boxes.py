"""Tick boxes drawn as characters ("☐ Yes ☒ No", "[x] Male [ ] Female", "Yes ✓")."""

from __future__ import annotations

import re

_TICKED = r"[\u2612\u2611\u2713\u2714\u2717\u2718\u25a3\u25a0]|\[\s*[xX\u2713\u2714]\s*\]"
TICKED = re.compile(_TICKED)
BOX = re.compile(rf"{_TICKED}|[\u2610\u25a1]|\[\s*\]")


def has_boxes(text: str) -> bool:
    """True when the text holds at least one tick box, ticked or not."""
    return BOX.search(text) is not None


def ticked_captions(text: str) -> list[str]:
    """The captions of the ticked boxes, in order. A caption follows its box, unless the
    text starts with words and ends with a box ("Yes [x]  No [ ]")."""
    marks = list(BOX.finditer(text))
    if not marks:
        return []
    captions_first = bool(text[: marks[0].start()].strip()) and not text[marks[-1].end() :].strip()
    out: list[str] = []
    for index, mark in enumerate(marks):
        if captions_first:
            start = marks[index - 1].end() if index else 0
            caption = text[start : mark.start()]
        else:
            end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
            caption = text[mark.end() : end]
        if TICKED.fullmatch(mark.group(0)) and caption.strip():
            out.append(caption.strip())
    return out
