"""Training the spaCy pipeline: textcat_multilabel for allegation types, textcat for sector.

Deterministic: fixed seeds (`spacy.util.fix_random_seed` and a seeded shuffle), one thread,
bag-of-n-grams models over lower-cased words (`classifiers.architectures`) without pretrained
vectors. Each component is kept at its best epoch on
the dev split; the test split is never seen here.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch  # type: ignore[attr-defined]

from classifiers.architectures import ARCHITECTURE
from classifiers.corpus.rows import CorpusRow
from classifiers.metrics import Figures, score_rows

TYPES_PIPE = "allegation_types"
SECTOR_PIPE = "sector"
TYPE_THRESHOLD = 0.5


@dataclass(frozen=True)
class TrainingSettings:
    """The knobs of a training run; recorded in the packaged model's metrics."""

    seed: int = 0
    max_epochs: int = 15
    patience: int = 6
    batch_size: int = 16
    dropout: float = 0.2
    ngram_size: int = 2
    feature_attr: str = "LOWER"
    hash_length: int = 2**16


DEFAULT_SETTINGS = TrainingSettings()


def component(nlp: Language, name: str) -> TextCategorizer:
    """One of the pipeline's text classifiers, typed."""
    pipe = nlp.get_pipe(name)
    assert isinstance(pipe, TextCategorizer)
    return pipe


def bow_model(exclusive: bool, settings: TrainingSettings) -> dict[str, object]:
    """A bag-of-n-grams text classifier (hashed) for one component."""
    return {
        "@architectures": ARCHITECTURE,
        "exclusive_classes": exclusive,
        "ngram_size": settings.ngram_size,
        "length": settings.hash_length,
        "attr": settings.feature_attr,
    }


def blank_pipeline(settings: TrainingSettings) -> Language:
    """spacy.blank("en") with the two untrained text classifiers."""
    nlp = spacy.blank("en")
    nlp.add_pipe(
        "textcat_multilabel",
        name=TYPES_PIPE,
        config={"model": bow_model(False, settings), "threshold": TYPE_THRESHOLD},
    )
    nlp.add_pipe("textcat", name=SECTOR_PIPE, config={"model": bow_model(True, settings)})
    return nlp


def _examples(
    nlp: Language, rows: Sequence[CorpusRow], labels: Sequence[str], of_types: bool
) -> list[Example]:
    """One component's examples: its own labels only (textcat rejects multi-label cats)."""
    examples = []
    for row in rows:
        gold = row.allegation_types if of_types else {row.sector}
        cats = {label: float(label in gold) for label in labels}
        examples.append(Example.from_dict(nlp.make_doc(row.text), {"cats": cats}))
    return examples


def predict(
    nlp: Language, texts: Sequence[str], type_labels: Sequence[str]
) -> tuple[list[frozenset[str]], list[str]]:
    """Types at or above the threshold (at least the best one) and the best sector per text."""
    types, sectors = [], []
    sector_labels = component(nlp, SECTOR_PIPE).labels
    for doc in nlp.pipe(texts):
        scores = {label: doc.cats[label] for label in type_labels}
        chosen = {label for label, value in scores.items() if value >= TYPE_THRESHOLD}
        types.append(frozenset(chosen or {max(scores, key=scores.__getitem__)}))
        sectors.append(max(sector_labels, key=lambda label: doc.cats[label]))
    return types, sectors


def evaluate(nlp: Language, rows: Sequence[CorpusRow], type_labels: Sequence[str]) -> Figures:
    """The pipeline's figures on labelled rows."""
    types, sectors = predict(nlp, [row.text for row in rows], type_labels)
    return score_rows(rows, types, sectors, type_labels)


@dataclass(frozen=True)
class Epochs:
    """How many epochs each component was trained for (each is kept at its best on dev)."""

    types: int
    sector: int


def train(
    rows: Sequence[CorpusRow],
    type_labels: Sequence[str],
    sector_labels: Sequence[str],
    settings: TrainingSettings = TrainingSettings(),
    epochs: Epochs | None = None,
) -> tuple[Language, Epochs]:
    """Train on the train split, keeping each component at its best epoch on dev.

    Types are judged by dev macro-F1, the sector by dev accuracy (the first of equally good
    epochs: later ones only grow more certain of the training wording, and say nothing on
    wording they never saw); training stops when neither has improved for `patience` epochs.
    With `epochs`, each component is kept at exactly that many epochs on the train split (no
    dev selection).
    """
    fix_random_seed(settings.seed)
    train_rows = [row for row in rows if row.split == "train"]
    dev_rows = [row for row in rows if row.split == "dev"] or train_rows
    nlp = blank_pipeline(settings)
    type_examples = _examples(nlp, train_rows, type_labels, of_types=True)
    sector_examples = _examples(nlp, train_rows, sector_labels, of_types=False)
    component(nlp, TYPES_PIPE).initialize(lambda: type_examples, nlp=nlp, labels=type_labels)
    component(nlp, SECTOR_PIPE).initialize(lambda: sector_examples, nlp=nlp, labels=sector_labels)
    optimizer = nlp.create_optimizer()  # type: ignore[no-untyped-call]
    shuffle = random.Random(settings.seed)
    best = {TYPES_PIPE: _Best(), SECTOR_PIPE: _Best()}
    last = max(epochs.types, epochs.sector) if epochs else settings.max_epochs
    for epoch in range(1, last + 1):
        order = list(range(len(train_rows)))
        shuffle.shuffle(order)
        for batch in minibatch(order, size=settings.batch_size):  # type: ignore[no-untyped-call]
            for pipe, examples in ((TYPES_PIPE, type_examples), (SECTOR_PIPE, sector_examples)):
                component(nlp, pipe).update(
                    [examples[i] for i in batch], sgd=optimizer, drop=settings.dropout
                )
        if epochs is not None:
            for pipe, wanted in ((TYPES_PIPE, epochs.types), (SECTOR_PIPE, epochs.sector)):
                if epoch == wanted:
                    best[pipe] = _Best(0.0, epoch, component(nlp, pipe).to_bytes())
            continue
        figures = evaluate(nlp, dev_rows, type_labels)
        for pipe, value in ((TYPES_PIPE, figures.macro_f1), (SECTOR_PIPE, figures.sector_accuracy)):
            if value > best[pipe].value:
                best[pipe] = _Best(value, epoch, component(nlp, pipe).to_bytes())
        if epoch - max(kept.epoch for kept in best.values()) >= settings.patience:
            break
    for pipe, kept in best.items():
        component(nlp, pipe).from_bytes(kept.state)
    return nlp, Epochs(best[TYPES_PIPE].epoch, best[SECTOR_PIPE].epoch)


@dataclass(frozen=True)
class _Best:
    """A component's best dev figure so far, its epoch and its weights then."""

    value: float = -1.0
    epoch: int = 0
    state: bytes = b""
