"""The words that drove a label: each vocabulary word's own effect, computed once at load.

A bag-of-words model's score for a one-word text is that word's own weight, so scoring every
word of the training vocabulary alone (against a word the model never saw) gives a table;
a description's evidence is its words that raise the label most.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from spacy.language import Language
from spacy.pipeline import TextCategorizer

EVIDENCE_WORDS = 3
UNSEEN_WORD = "xqzvjw"  # hashes to (almost) no weight: a one-word text scoring the bias alone


@dataclass(frozen=True)
class WordEffects:
    """Per component: each vocabulary word's score alone minus the bias-only score."""

    rows: dict[str, int]
    effects: dict[str, NDArray[np.float64]]
    labels: dict[str, tuple[str, ...]]

    @classmethod
    def build(cls, nlp: Language, pipes: Sequence[str]) -> WordEffects:
        """Score every alphabetic, non-stop word of the pipeline's vocabulary alone."""
        words = sorted(
            {
                text.lower()
                for text in nlp.vocab.strings
                if text.isalpha() and not nlp.vocab[text.lower()].is_stop
            }
        )
        probe = [nlp.make_doc(word) for word in [UNSEEN_WORD, *words]]
        effects, labels = {}, {}
        for name in pipes:
            pipe = nlp.get_pipe(name)
            assert isinstance(pipe, TextCategorizer)
            scores = np.asarray(pipe.model.predict(probe), dtype=np.float64)
            effects[name] = scores[1:] - scores[0]
            labels[name] = tuple(pipe.labels)
        return cls({word: row for row, word in enumerate(words)}, effects, labels)

    def top(self, words: Iterable[str], pipe: str, label: str) -> tuple[str, ...]:
        """Up to EVIDENCE_WORDS of `words` that raise `label` most (positive effects only)."""
        column = self.labels[pipe].index(label)
        table = self.effects[pipe]
        known = sorted({word for word in words if word in self.rows})
        ranked = sorted(known, key=lambda word: -table[self.rows[word], column])
        return tuple(word for word in ranked[:EVIDENCE_WORDS] if table[self.rows[word], column] > 0)
