"""Small text helpers shared by the parsers: whitespace, placeholders, blank values."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(
    r"click\s+(?:or\s+tap\s+)?here\s+to\s+enter\s+(?:a\s+)?(?:text|date)\.?"
    r"|choose\s+an\s+item\.?"
    r"|enter\s+text\s+here\.?",
    re.IGNORECASE,
)
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def collapse(text: str) -> str:
    """Collapse every run of whitespace (line breaks included) to one space."""
    return " ".join(text.split())


def tidy_lines(text: str) -> str:
    """Collapse spaces within lines and drop blank lines, keeping line breaks."""
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def strip_placeholders(text: str) -> str:
    """Remove form placeholder prompts such as "Click or tap here to enter text."."""
    return _PLACEHOLDER.sub("", text)


def is_blank(text: str) -> bool:
    """True when the text has no letter or digit once placeholders are removed."""
    return not any(ch.isalnum() for ch in strip_placeholders(text))


def join_wrapped(lines: list[str]) -> str:
    """Join lines wrapped by layout into one string, mending words hyphenated at a break."""
    out = ""
    for line in (part.strip() for part in lines):
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].isalpha():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out
