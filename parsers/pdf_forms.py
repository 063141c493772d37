"""AcroForm fields of a PDF page as blocks: values read from the form, not the page text.

A text field becomes a `form_field` block; a check box a `checkbox` block captioned by the
text to its right. A row of boxes opens with a `form_field` block holding the question and
no value, so the ticked captions answer it. A field's label is its tooltip (/TU), else the
page text to its left (or just above it), else its name; that page text is consumed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from parsers.document import Block, Provenance
from parsers.pdf_words import LABEL_GAP, Placed, Word, text_of
from parsers.text import tidy_lines

_INHERITED = ("FT", "T", "TU", "V", "Ff")
_PUSH_BUTTON = 1 << 16
_WRAP = 0.7
"""A label wraps onto the next line when the space between them is under this many heights."""
_ABOVE = 14.0
"""How far above a field its label may sit when nothing is to its left."""


@dataclass(frozen=True)
class Widget:
    """One widget annotation of a field, with the field's inherited attributes."""

    kind: str
    name: str
    tooltip: str
    value: str
    checked: bool
    x0: float
    x1: float
    top: float
    bottom: float


def page_widgets(page: Any) -> list[Widget]:
    """The page's form widgets in reading order (top to bottom, left to right)."""
    widgets = []
    for annot in page.annots:
        data = annot.get("data") or {}
        if _name(data.get("Subtype")) != "Widget":
            continue
        widget = _widget(data, annot)
        if widget is not None:
            widgets.append(widget)
    return sorted(widgets, key=lambda w: (round(w.top), w.x0))


def _widget(data: dict[str, Any], annot: dict[str, Any]) -> Widget | None:
    attrs = _inherited(data)
    kind = _name(attrs.get("FT"))
    flags = int(resolve1(attrs.get("Ff")) or 0)
    box = (float(annot["x0"]), float(annot["x1"]), float(annot["top"]), float(annot["bottom"]))
    if kind == "Btn" and not flags & _PUSH_BUTTON:
        state = _name(data.get("AS")) or _name(attrs.get("V"))
        checked = state not in ("", "Off") and state in _on_states(data)
        return Widget("checkbox", _text(attrs.get("T")), _text(attrs.get("TU")), "", checked, *box)
    if kind in ("Tx", "Ch"):
        value = _text(attrs.get("V"))
        return Widget("text", _text(attrs.get("T")), _text(attrs.get("TU")), value, False, *box)
    return None


def _inherited(data: dict[str, Any]) -> dict[str, Any]:
    """The widget's field attributes, taking any it lacks from its parent fields."""
    attrs: dict[str, Any] = {}
    node: Any = data
    for _ in range(32):
        node = resolve1(node)
        if not isinstance(node, dict):
            break
        for key in _INHERITED:
            attrs.setdefault(key, node.get(key))
        node = node.get("Parent")
    return attrs


def _on_states(data: dict[str, Any]) -> set[str]:
    appearance = resolve1(resolve1(data.get("AP") or {}).get("N") or {})
    names = set(appearance.keys()) if isinstance(appearance, dict) else set()
    return (names - {"Off"}) or {"Yes", "On"}


def _name(value: Any) -> str:
    value = resolve1(value)
    return str(value.name) if isinstance(value, PSLiteral) else str(value or "")


def _text(value: Any) -> str:
    value = resolve1(value)
    if isinstance(value, list):
        return "\n".join(_text(item) for item in value)
    if isinstance(value, bytes):
        return tidy_lines(decode_text(value) if value.startswith(b"\xfe\xff") else _latin(value))
    if isinstance(value, PSLiteral):
        return str(value.name)
    return tidy_lines(str(value)) if isinstance(value, str) else ""


def _latin(value: bytes) -> str:
    return decode_text(value).replace("\r\n", "\n").replace("\r", "\n")


class FormReader:
    """Blocks for a page's widgets; page words used as labels or captions are consumed."""

    def __init__(self, where: Callable[[str], Provenance]) -> None:
        self.where = where

    def read(self, widgets: list[Widget], words: list[Word]) -> tuple[list[Placed], list[Word]]:
        """The widgets' blocks, and the page words left over."""
        free = list(words)
        placed: list[Placed] = []
        for number, widget in enumerate(widgets, start=1):
            where = self.where(f"form field {number}")
            left = _label_left(free, widget, widgets)
            if widget.kind == "text":
                above = [] if left else _take(free, partial(_above, widget=widget))
                label = widget.tooltip or text_of(left or above) or widget.name
                field = Block("form_field", widget.value, where, label=label)
                placed.append(Placed(widget.top, field))
                continue
            if left:
                question = Block("form_field", "", where, label=text_of(left))
                placed.append(Placed(widget.top, question))
            caption = widget.tooltip or text_of(_caption(free, widget, widgets))
            box = Block("checkbox", caption, where, checked=widget.checked, label=caption)
            placed.append(Placed(widget.top, box))
        return placed, free


def _take(words: list[Word], wanted: Callable[[Word], bool]) -> list[Word]:
    """Remove and return the words that satisfy `wanted`, in reading order."""
    taken = [w for w in words if wanted(w)]
    for word in taken:
        words.remove(word)
    return sorted(taken, key=lambda w: (round(w.top), w.x0))


def _label_left(words: list[Word], widget: Widget, widgets: list[Widget]) -> list[Word]:
    """The text beside the widget on its first line, with any lines it wraps onto below."""
    column = [w for w in words if w.x1 <= widget.x0 + 1 and not _widget_between(w, widget, widgets)]
    first = [w for w in column if widget.top - 2 <= (w.top + w.bottom) / 2 <= widget.bottom + 2]
    if not first:
        return []
    label = list(first)
    bottom, height = max(w.bottom for w in first), max(w.bottom - w.top for w in first)
    while True:
        below = [w for w in column if w not in label and 0 <= w.top - bottom < _WRAP * height]
        if not below:
            break
        label.extend(below)
        bottom = max(w.bottom for w in below)
    return _take(words, lambda w: w in label)


def _widget_between(word: Word, widget: Widget, widgets: list[Widget]) -> bool:
    return any(
        other is not widget and word.x1 <= other.x0 < widget.x0 and _same_row(other, widget)
        for other in widgets
    )


def _above(word: Word, widget: Widget) -> bool:
    return (
        widget.top - _ABOVE <= word.bottom <= widget.top + 1
        and word.x0 < widget.x1
        and word.x1 > widget.x0
    )


def _caption(words: list[Word], widget: Widget, widgets: list[Widget]) -> list[Word]:
    """The words just right of a check box on its line, up to the next widget or a wide gap."""
    limit = min((o.x0 for o in widgets if o.x0 > widget.x0 and _same_row(o, widget)), default=1e9)
    line = sorted(
        (
            w
            for w in words
            if widget.top - 2 <= (w.top + w.bottom) / 2 <= widget.bottom + 2
            and widget.x1 <= w.x0
            and w.x1 <= limit
        ),
        key=lambda w: w.x0,
    )
    caption: list[Word] = []
    edge = widget.x1
    for word in line:
        if word.x0 - edge > LABEL_GAP:
            break
        caption.append(word)
        edge = word.x1
    return _take(words, lambda w: w in caption)


def _same_row(a: Widget, b: Widget) -> bool:
    return abs(a.top - b.top) <= 4.0
