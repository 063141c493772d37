"""Choices answered by formatting: the wrong words struck through, or the right ones highlighted.

"Yes / No" with "No" struck out, or "Yes   No" with "Yes" highlighted, is a tick-box answer;
the paragraph's text is rewritten with ☒/☐ marks so the tick-box rules apply to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CHECKED, UNCHECKED = "\u2612", "\u2610"
_FALSE = {"0", "false", "off", "none"}
_NO_FILL = {"", "auto", "ffffff"}
_EDGES = " \t\u00a0/|,;"
_SPLIT = re.compile(r"\t|\s{2,}")
_MAX_OPTIONS = 10
_MAX_OPTION_WORDS = 5
_MAX_OPTIONS_LENGTH = 120
"""Longer struck or highlighted text is prose with a correction, not a row of options."""
_DESCEND = {f"{W}hyperlink", f"{W}smartTag", f"{W}customXml", f"{W}ins", f"{W}fldSimple"}
_BOXES = {f"{W}sym", f"{W}txbxContent", f"{W}checkBox", f"{W14}checkbox", f"{MC}AlternateContent"}


@dataclass(frozen=True)
class _Run:
    text: str
    struck: bool
    marked: bool


def marked_choice_text(p: ElementTree.Element) -> str | None:
    """The paragraph as "prefix ☒ Yes   ☐ No" when it answers by strike-through or
    highlight; None when it does not use either convention."""
    if any(node.tag in _BOXES for node in p.iter()):
        return None
    runs = [run for run in _runs(p) if run.text]
    flagged = [n for n, run in enumerate(runs) if (run.struck or run.marked) and _has_word(run)]
    if not flagged:
        return None
    before = "".join(run.text for run in runs[: flagged[0]])
    cut = max(before.rfind(":"), before.rfind("?")) + 1
    prefix, tokens = before[:cut], _tokens(_after(runs, cut))
    if not 2 <= len(tokens) <= _MAX_OPTIONS:
        return None
    if any(len(text.split()) > _MAX_OPTION_WORDS for text, _, _ in tokens):
        return None
    if sum(len(text) for text, _, _ in tokens) > _MAX_OPTIONS_LENGTH:
        return None
    if any(struck for _, struck, _ in tokens):
        chosen = [not struck for _, struck, _ in tokens]
    else:
        chosen = [marked for _, _, marked in tokens]
    if all(chosen) or not any(chosen):
        return None
    marks = "   ".join(
        f"{CHECKED if tick else UNCHECKED} {text}"
        for (text, _, _), tick in zip(tokens, chosen, strict=True)
    )
    return f"{prefix.rstrip()} {marks}".strip()


def _after(runs: list[_Run], cut: int) -> list[_Run]:
    """The runs with their first `cut` characters (the label) removed."""
    out: list[_Run] = []
    for run in runs:
        if cut <= 0:
            out.append(run)
        elif cut < len(run.text):
            out.append(_Run(run.text[cut:], run.struck, run.marked))
        cut -= len(run.text)
    return out


def _has_word(run: _Run) -> bool:
    return any(ch.isalnum() for ch in run.text)


def _tokens(runs: list[_Run]) -> list[tuple[str, bool, bool]]:
    """Options: text split where the formatting changes, at runs holding only a separator
    ("/", ","), at tabs and at wide gaps."""
    groups: list[_Run] = []
    joinable = False
    for run in runs:
        separator = not run.text.strip(_EDGES)
        same = bool(groups) and (groups[-1].struck, groups[-1].marked) == (run.struck, run.marked)
        if joinable and same and not separator:
            groups[-1] = _Run(groups[-1].text + run.text, run.struck, run.marked)
        else:
            groups.append(run)
        joinable = not separator
    out: list[tuple[str, bool, bool]] = []
    for group in groups:
        for piece in _SPLIT.split(group.text):
            text = " ".join(piece.strip(_EDGES).split())
            if text:
                out.append((text, group.struck, group.marked))
    return out


def _runs(element: ElementTree.Element) -> list[_Run]:
    """The paragraph's runs in order, looking into links and filled-in content controls."""
    out: list[_Run] = []
    for child in element:
        if child.tag == f"{W}r":
            out.append(_run(child))
        elif child.tag == f"{W}sdt":
            if child.find(f"{W}sdtPr/{W}showingPlcHdr") is None:
                content = child.find(f"{W}sdtContent")
                out.extend(_runs(content) if content is not None else [])
        elif child.tag in _DESCEND:
            out.extend(_runs(child))
    return out


def _run(r: ElementTree.Element) -> _Run:
    text = "".join(
        (node.text or "") if node.tag == f"{W}t" else "\t"
        for node in r
        if node.tag in (f"{W}t", f"{W}tab")
    )
    props = r.find(f"{W}rPr")
    if props is None:
        return _Run(text, False, False)
    struck = any(_on(props.find(f"{W}{name}")) for name in ("strike", "dstrike"))
    highlight = props.find(f"{W}highlight")
    shading = props.find(f"{W}shd")
    marked = (highlight is not None and highlight.get(f"{W}val", "").lower() not in _FALSE) or (
        shading is not None and shading.get(f"{W}fill", "").lower() not in _NO_FILL
    )
    return _Run(text, struck, marked)


def _on(toggle: ElementTree.Element | None) -> bool:
    """A Word on/off property: present and not switched off."""
    return toggle is not None and toggle.get(f"{W}val", "1").lower() not in _FALSE
