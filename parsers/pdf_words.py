"""Pairing labels with values by position, for text laid out without table ruling.

Works on positioned words from a PDF's text layer or from OCR. A line split by a wide gap
is a label and its value; a bold line in body size followed by plain lines at the same left
edge is a label above its value; plain lines that continue a value at its left edge join it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from parsers.document import Block, Provenance
from parsers.text import join_wrapped

LABEL_GAP = 18.0
"""Horizontal gap (points) that separates a label from its value on an unruled line."""
LINE_TOLERANCE = 3.0
_ALIGN = 3.0
_CLOSE_LINES = 0.75
"""A line continues the one above when the space between their first words is under this
many heights of the line above's tallest word."""
_CLOSE_RULED = 1.5
"""The same between lines with no table rule between them."""
_LABEL_SIZE = 1.1
"""A bold line is a label (not a heading) up to this multiple of the body text size."""


@dataclass(frozen=True)
class Word:
    """One word with its box in points from the page's top left, and its font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool = False
    size: float = 0.0


@dataclass(frozen=True)
class Placed:
    """A block with its vertical position on the page, for merging in reading order."""

    top: float
    block: Block


def group_lines(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into lines by their vertical position, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def split_on_gaps(words: list[Word]) -> list[list[Word]]:
    """The line's words, split where they are further apart than a label/value gap."""
    chunks: list[list[Word]] = [[]]
    for word in words:
        if chunks[-1] and word.x0 - chunks[-1][-1].x1 > LABEL_GAP:
            chunks.append([])
        chunks[-1].append(word)
    return [chunk for chunk in chunks if chunk]


def body_size(words: list[Word]) -> float:
    """The median font size of the words (0 when unknown)."""
    sizes = [w.size for w in words if w.size]
    return statistics.median(sizes) if sizes else 0.0


def text_of(words: Iterable[Word]) -> str:
    """The words joined with single spaces."""
    return " ".join(word.text for word in words)


@dataclass
class _Row:
    """A label and the value lines gathered for it so far."""

    top: float
    label: list[str]
    label_x: float
    value_x: float
    where: Provenance
    values: list[str] = field(default_factory=list)


class LineReader:
    """Turns lines of positioned words into paragraphs and label/value cell pairs.

    `next_table` numbers each pair as a one-row table, shared with the page's ruled tables.
    `ruled(x, top, bottom)`, when known (scans), says whether a table rule lies between two
    lines: lines in different ruled rows never continue each other. `columns` splits a line
    into label and value (scans also split at upright rules).
    """

    def __init__(
        self,
        where: Callable[[], Provenance],
        next_table: Callable[[], int],
        ruled: Callable[[float, float, float], bool] | None = None,
        columns: Callable[[list[Word]], list[list[Word]]] = split_on_gaps,
    ) -> None:
        self.where = where
        self.next_table = next_table
        self.ruled = ruled
        self.columns = columns

    def read(self, lines: list[list[Word]], body: float | None = None) -> list[Placed]:
        """Blocks for the lines, top to bottom. `body` is the page's body text size (by
        default the median size of these lines' words)."""
        if body is None:
            body = body_size([w for line in lines for w in line])
        placed: list[Placed] = []
        row: _Row | None = None
        previous: list[Word] | None = None
        for line in lines:
            chunks = self.columns(line)
            if row is not None and previous is not None and self._continues(row, line, previous):
                _extend(row, line)
            else:
                if row is not None:
                    placed.extend(self._pair(row))
                    row = None
                if len(chunks) == 2:
                    row = self._row(chunks[0], line, chunks[1][0].x0)
                    row.values.append(text_of(chunks[1]))
                elif _is_label(line, body):
                    row = self._row(line, line, line[0].x0)
                else:
                    text = " ".join(text_of(chunk) for chunk in chunks)
                    placed.append(Placed(line[0].top, Block("paragraph", text, self.where())))
            previous = line
        if row is not None:
            placed.extend(self._pair(row))
        return placed

    def _row(self, label: list[Word], line: list[Word], value_x: float) -> _Row:
        return _Row(
            top=min(w.top for w in line),
            label=[text_of(label)],
            label_x=line[0].x0,
            value_x=value_x,
            where=self.where(),
        )

    def _continues(self, row: _Row, line: list[Word], previous: list[Word]) -> bool:
        if self.ruled is None:
            return _continues(row, line, previous, _CLOSE_LINES)
        if self.ruled(line[0].x0, previous[0].bottom, line[0].top):
            return False
        return _continues(row, line, previous, _CLOSE_RULED)

    def _pair(self, row: _Row) -> list[Placed]:
        table = self.next_table()
        value = join_wrapped(row.values)
        return [
            Placed(row.top, Block("cell", join_wrapped(row.label), row.where, table, 1, 1)),
            Placed(row.top, Block("cell", value, row.where, table, 1, 2)),
        ]


def _continues(row: _Row, line: list[Word], previous: list[Word], spacing: float) -> bool:
    """A line close below the one above that starts at the open value's left edge (a plain
    line), or at the label's left edge when the value is beside it (a wrapped label)."""
    first = line[0]
    height = max(w.bottom - w.top for w in previous)
    close = first.top - previous[0].bottom < spacing * height
    if not close or (all(w.bold for w in line) and abs(first.x0 - row.label_x) > _ALIGN):
        return False
    if abs(first.x0 - row.value_x) <= _ALIGN:
        return not all(w.bold for w in line)
    return row.value_x - row.label_x > LABEL_GAP and abs(first.x0 - row.label_x) <= _ALIGN


def _extend(row: _Row, line: list[Word]) -> None:
    """Add a continuation line's words to the label and/or value they sit under."""
    labels = [w for w in line if w.x1 < row.value_x - _ALIGN]
    values = [w for w in line if w.x1 >= row.value_x - _ALIGN]
    if labels and row.value_x - row.label_x > LABEL_GAP:
        row.label.append(text_of(labels))
    else:
        values = line
    if values:
        row.values.append(text_of(values))


def _is_label(line: list[Word], body: float) -> bool:
    """A bold line no bigger than body text: a label whose value (if any) is below it."""
    return all(w.bold for w in line) and all(w.size <= _LABEL_SIZE * body for w in line)
