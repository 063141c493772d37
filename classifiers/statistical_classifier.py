"""The trained pipeline combined with the rules: the classifier the service uses.

Allegation types: each type's score is the mean of the model's probability and the rules'
confidence (0 when the rules do not assign it); a type is assigned at `type_threshold`, and
the best one always is. Sector: the same mean over the model's distribution and the rules'
sector, so employer names and a ticked employer_type (rules' heavy cues) carry the decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc

from classifiers.classification import Classification, LabelScore
from classifiers.packaging import MODEL_DIR, load
from classifiers.rule_classifier import RuleClassifier
from classifiers.rules_config import ClassificationRules
from classifiers.taxonomy import Taxonomy
from classifiers.training import SECTOR_PIPE, TYPES_PIPE, component

EVIDENCE_WORDS = 3
UNSEEN_WORD = "xqzvjw"  # hashes to (almost) no weight: a one-word text scoring the bias alone


@dataclass(frozen=True)
class CombinedClassifier:
    """The packaged spaCy pipeline (loaded once) beside the rule classifier."""

    nlp: Language
    rules: RuleClassifier
    review_threshold: float = 0.5
    rule_weight: float = 0.5
    type_threshold: float = 0.4

    @classmethod
    def load(
        cls, taxonomy: Taxonomy, rules: ClassificationRules,
        model_dir: Path = MODEL_DIR, review_threshold: float = 0.5,
    ) -> CombinedClassifier:
        """Load the pipeline and build the rules; its labels must be the taxonomy's."""
        nlp = load(model_dir)
        for pipe, ids in ((TYPES_PIPE, taxonomy.allegation_type_ids),
                          (SECTOR_PIPE, taxonomy.sector_ids)):
            if set(component(nlp, pipe).labels) != set(ids):
                raise ValueError(f"the trained {pipe} labels differ from the taxonomy: "
                                 "run `lado-intake train`")
        return cls(nlp, RuleClassifier.build(taxonomy, rules, review_threshold),
                   review_threshold)

    @property
    def model_version(self) -> str:
        """"lado_classifier-<content hash>+rules-<hash>"."""
        return f"{self.nlp.meta['name']}-{self.nlp.meta['version']}+{self.rules.model_version}"

    def classify(self, text: str, structured: Mapping[str, object] | None = None) -> Classification:
        """Classify one description, helped by the form's structured fields if given."""
        return self._combine(self.nlp(text), self.rules.classify(text, structured))

    def classify_many(self, texts: Iterable[str]) -> list[Classification]:
        """Classify free-text descriptions alone, in order, in batches."""
        texts = list(texts)
        return [self._combine(doc, ruled) for doc, ruled in
                zip(self.nlp.pipe(texts), self.rules.classify_many(texts), strict=True)]

    def _combine(self, doc: Doc, ruled: Classification) -> Classification:
        types = self._types(doc, ruled)
        sector = self._sector(doc, ruled)
        return Classification(
            allegation_types=types,
            sector=sector,
            model_version=self.model_version,
            needs_review=min(types[0].score, sector.score) < self.review_threshold,
        )

    def _mean(self, model: float, rule: float) -> float:
        return (1 - self.rule_weight) * model + self.rule_weight * rule

    def _types(self, doc: Doc, ruled: Classification) -> tuple[LabelScore, ...]:
        labels: Sequence[str] = self._pipe(TYPES_PIPE).labels
        by_rule = {item.label: item for item in ruled.allegation_types}
        scores = {label: self._mean(doc.cats[label],
                                    by_rule[label].score if label in by_rule else 0.0)
                  for label in labels}
        ranked = sorted(labels, key=lambda label: -scores[label])
        kept = [label for label in ranked if scores[label] >= self.type_threshold] or ranked[:1]
        words = self._words(doc, TYPES_PIPE, kept)
        return tuple(
            LabelScore(label, scores[label], _distinct(
                (*(by_rule[label].evidence if label in by_rule else ()), *words[label])))
            for label in kept
        )

    def _sector(self, doc: Doc, ruled: Classification) -> LabelScore:
        rule = ruled.sector
        labels: Sequence[str] = self._pipe(SECTOR_PIPE).labels
        scores = {label: self._mean(doc.cats[label], rule.score if label == rule.label else 0.0)
                  for label in labels}
        best = max(labels, key=lambda label: scores[label])
        evidence = rule.evidence if best == rule.label else ()
        words = self._words(doc, SECTOR_PIPE, [best])[best]
        return LabelScore(best, scores[best], _distinct((*evidence, *words)))

    def _pipe(self, name: str) -> TextCategorizer:
        return component(self.nlp, name)

    def _words(self, doc: Doc, pipe: str, labels: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """The words that most raise each label's score, each scored alone by the model.

        A bag-of-words model's score for a one-word text is that word's own weight, so this
        names the words that drove the label (up to EVIDENCE_WORDS with a positive effect).
        """
        words = sorted({token.lower_ for token in doc if token.is_alpha and not token.is_stop})
        if not words or not labels:
            return {label: () for label in labels}
        component = self._pipe(pipe)
        probe = [self.nlp.make_doc(word) for word in [UNSEEN_WORD, *words]]
        scores = component.model.predict(probe)
        columns = {label: component.labels.index(label) for label in labels}
        found = {}
        for label, column in columns.items():
            base = float(scores[0, column])
            ranked = sorted(range(1, len(probe)), key=lambda row: -float(scores[row, column]))
            found[label] = tuple(words[row - 1] for row in ranked[:EVIDENCE_WORDS]
                                 if float(scores[row, column]) > base)
        return found


def _distinct(phrases: Sequence[str]) -> tuple[str, ...]:
    """Phrases in order, dropping a word already said (case-insensitively) in an earlier one."""
    kept: list[str] = []
    for phrase in phrases:
        if not any(phrase.lower() in said.lower() for said in kept):
            kept.append(phrase)
    return tuple(kept)
