"""Writing classifiers/corpus/corpus.jsonl: hand-written plus composed descriptions, with splits.

Run `python -m classifiers.corpus.build`; the same seed always writes the same file.
Hand-written descriptions get their split from a hash of their text (20% test, 10% dev);
composed ones are drawn from the split's own fragment pool (see compose.py).
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

from classifiers.corpus.compose import compose, held_out_indices
from classifiers.corpus.incidents import INCIDENTS
from classifiers.corpus.sectors import SECTORS

CORPUS_DIR = Path(__file__).resolve().parent
HANDWRITTEN = CORPUS_DIR / "handwritten.jsonl"
CORPUS = CORPUS_DIR / "corpus.jsonl"
SEED = 20260412
COMPOSED = {"train": 560, "dev": 60, "test": 140}


def text_split(text: str) -> str:
    """A stable split for a hand-written text: 20% test, 10% dev, the rest train."""
    bucket = int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "test" if bucket < 2 else "dev" if bucket == 2 else "train"


def handwritten() -> list[dict[str, object]]:
    """The hand-written descriptions with their splits."""
    rows = []
    for line in HANDWRITTEN.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.append({**row, "split": text_split(row["text"]), "source": "handwritten"})
    return rows


def composed(seed: int = SEED) -> list[dict[str, object]]:
    """Composed descriptions: sectors in turn, single types three times as often as pairs."""
    rng = random.Random(seed)
    rows = []
    sectors = sorted(SECTORS)
    for split, count in COMPOSED.items():
        fragment_split = "test" if split == "test" else "train"
        combos = [
            types
            for types, texts in INCIDENTS.items()
            if fragment_split == "train" or held_out_indices(len(texts))
        ]
        weights = [3.0 if len(types) == 1 else 1.0 for types in combos]
        for number in range(count):
            types = rng.choices(combos, weights)[0]
            row = compose(rng, sectors[number % len(sectors)], types, fragment_split)
            rows.append({**row, "split": split})
    return rows


def build(path: Path = CORPUS, seed: int = SEED) -> int:
    """Write the corpus; returns the number of descriptions."""
    rows = handwritten() + composed(seed)
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    return len(rows)


if __name__ == "__main__":
    print(f"wrote {build()} descriptions to {CORPUS}")
