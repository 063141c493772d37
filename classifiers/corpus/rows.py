"""Reading the corpus file: one labelled description per line, with its split."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("train", "dev", "test")


@dataclass(frozen=True)
class CorpusRow:
    """One labelled description of the training corpus."""

    text: str
    allegation_types: frozenset[str]
    sector: str
    voice: str
    split: str
    source: str = ""
    batch: str = ""


def load_corpus(path: Path) -> list[CorpusRow]:
    """The corpus rows, checking each split name."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        data = json.loads(line)
        if data["split"] not in SPLITS:
            raise ValueError(f"{path}:{number}: unknown split {data['split']!r}")
        rows.append(
            CorpusRow(
                data["text"],
                frozenset(data["allegation_types"]),
                data["sector"],
                data.get("voice", ""),
                data["split"],
                data.get("source", ""),
                data.get("batch", ""),
            )
        )
    return rows
