"""Turning email HTML into text lines and table cells, without scripts or styles."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table"}
_HIDDEN = {"script", "style", "head", "title"}


@dataclass
class HtmlCell:
    """A table cell found in the HTML: table number, row, column and text."""

    table: int
    row: int
    col: int
    text: str


@dataclass
class HtmlContent:
    """The HTML as an ordered list of items: text lines (str) and table cells."""

    items: list[str | HtmlCell] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.content = HtmlContent()
        self.line: list[str] = []
        self.hidden = 0
        self.quoted = 0
        self.tables: list[tuple[int, int, int]] = []  # (table number, row, col) per open table
        self.table_count = 0
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "blockquote" or _is_quote_container(attributes):
            self.quoted += 1 if tag in ("blockquote", "div") else 0
        if tag == "table":
            self.table_count += 1
            self.tables.append((self.table_count, 0, 0))
        elif tag == "tr" and self.tables:
            number, row, _ = self.tables[-1]
            self.tables[-1] = (number, row + 1, 0)
        elif tag in ("td", "th") and self.tables:
            number, row, col = self.tables[-1]
            self.tables[-1] = (number, row, col + 1)
            self.cell = []
        elif tag in _BREAKS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in ("td", "th") and self.tables and self.cell is not None:
            number, row, col = self.tables[-1]
            if not self.quoted:
                self.content.items.append(HtmlCell(number, row, col, " ".join(self.cell).strip()))
            self.cell = None
        elif tag == "table" and self.tables:
            self.tables.pop()
        elif tag == "blockquote" and self.quoted:
            self.quoted -= 1
        if tag in _BREAKS and self.cell is None:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.hidden or self.quoted:
            return
        if self.cell is not None:
            self.cell.append(data.strip()) if data.strip() else None
        else:
            self.line.append(data)

    def _newline(self) -> None:
        text = " ".join("".join(self.line).split())
        if text:
            self.content.items.append(text)
        self.line = []


def _is_quote_container(attributes: dict[str, str]) -> bool:
    """Quoted history containers used by Gmail and Outlook."""
    marker = f"{attributes.get('class', '')} {attributes.get('id', '')}".lower()
    return any(key in marker for key in ("gmail_quote", "divrplyfwdmsg", "moz-cite-prefix"))


def html_content(html: str) -> HtmlContent:
    """Parse HTML into ordered text lines and table cells (quoted blocks left out)."""
    collector = _Collector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # malformed markup: keep what was read
        pass
    collector._newline()
    return collector.content


def html_to_text(html: str) -> str:
    """Plain text of an HTML body; table rows become "cell: cell" lines."""
    if not html:
        return ""
    lines: list[str] = []
    last: tuple[int, int] | None = None
    for item in html_content(html).items:
        if isinstance(item, HtmlCell):
            if last == (item.table, item.row):
                lines[-1] = f"{lines[-1]}: {item.text}" if lines[-1] else item.text
            else:
                lines.append(item.text)
            last = (item.table, item.row)
        else:
            lines.append(item)
            last = None
    return "\n".join(lines)
