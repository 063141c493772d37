"""The trained pipeline combined with the rules: the classifier the service uses.

The `Combiner` turns the model's probability and the rules' confidence into one calibrated
probability per label; a type is assigned when that probability reaches `type_threshold`, and
the most probable type always is (the rules weigh in only through the combiner: keeping every
type the rules alone were sure of scored lower on batches by writers the model never saw).
The sector is the most probable. When the top type's or the sector's probability is below the
review threshold, the result is marked for review. A sector the rules read from the form's own
fields (ticked employer type, employer name, the adult's role) is the referrer's statement and
stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc

from classifiers.classification import Classification, LabelScore
from classifiers.combiner import Combiner
from classifiers.council_labels import to_council
from classifiers.evidence import WordEffects
from classifiers.packaging import MODEL_DIR, load
from classifiers.rule_classifier import RuleClassifier, SectorScores
from classifiers.rules_config import ClassificationRules
from classifiers.taxonomy import Taxonomy
from classifiers.training import SECTOR_PIPE, TYPES_PIPE, component

Probabilities = tuple[dict[str, float], dict[str, float]]
FORM_FIELDS = ("employer_type:", "employer_name:", "subject_role:")  # rules' evidence prefixes


@dataclass(frozen=True)
class CombinedClassifier:
    """The packaged spaCy pipeline (loaded once) beside the rule classifier."""

    nlp: Language
    rules: RuleClassifier
    combiner: Combiner
    evidence: WordEffects
    review_threshold: float = 0.5
    type_threshold: float = 0.5

    @classmethod
    def load(
        cls,
        taxonomy: Taxonomy,
        rules: ClassificationRules,
        model_dir: Path = MODEL_DIR,
        review_threshold: float = 0.5,
    ) -> CombinedClassifier:
        """Load the pipeline and build the rules; its labels must be the taxonomy's."""
        nlp = load(model_dir)
        for pipe, ids in (
            (TYPES_PIPE, taxonomy.allegation_type_ids),
            (SECTOR_PIPE, taxonomy.sector_ids),
        ):
            if set(component(nlp, pipe).labels) != set(ids):
                raise ValueError(
                    f"the trained {pipe} labels differ from the taxonomy: run `lado-intake train`"
                )
        return cls(
            nlp,
            RuleClassifier.build(taxonomy, rules, review_threshold),
            Combiner.load(model_dir),
            WordEffects.build(nlp, (TYPES_PIPE, SECTOR_PIPE)),
            review_threshold,
        )

    @cached_property
    def model_version(self) -> str:
        """ "lado_classifier-<content hash>+rules-<hash>" (spaCy builds `meta` anew each time)."""
        return f"{self.nlp.meta['name']}-{self.nlp.meta['version']}+{self.rules.model_version}"

    def classify(self, text: str, structured: Mapping[str, object] | None = None) -> Classification:
        """Classify one description, helped by the form's structured fields if given."""
        ruled, rule_sectors = self.rules.classify_scored(text, structured)
        return self._combine(self.nlp(text), ruled, rule_sectors)

    def classify_many(self, texts: Iterable[str]) -> list[Classification]:
        """Classify free-text descriptions alone, in order, in batches."""
        texts = list(texts)
        return [
            self._combine(doc, *ruled)
            for doc, ruled in zip(
                self.nlp.pipe(texts), self.rules.classify_many_scored(texts), strict=True
            )
        ]

    def probabilities(self, texts: Iterable[str]) -> list[Probabilities]:
        """Every type's and every sector's calibrated probability, per text (for reliability)."""
        texts = list(texts)
        return [
            self._probabilities(doc, *ruled)
            for doc, ruled in zip(
                self.nlp.pipe(texts), self.rules.classify_many_scored(texts), strict=True
            )
        ]

    def _probabilities(
        self, doc: Doc, ruled: Classification, rule_sectors: SectorScores
    ) -> Probabilities:
        by_rule = {item.label: item.score for item in ruled.allegation_types}
        types = self.combiner.type_probabilities(
            {label: doc.cats[label] for label in self._pipe(TYPES_PIPE).labels}, by_rule
        )
        model = {label: doc.cats[label] for label in self._pipe(SECTOR_PIPE).labels}
        return types, self.combiner.sector_probabilities(model, rule_sectors)

    def _combine(
        self, doc: Doc, ruled: Classification, rule_sectors: SectorScores
    ) -> Classification:
        type_scores, sector_scores = self._probabilities(doc, ruled, rule_sectors)
        words = [token.lower_ for token in doc if token.is_alpha and not token.is_stop]
        types = self._types(words, ruled, type_scores)
        sector = self._sector(words, ruled, sector_scores)
        return to_council(
            Classification(
                allegation_types=types,
                sector=sector,
                model_version=self.model_version,
                needs_review=min(types[0].score, sector.score) < self.review_threshold,
            ),
            self.rules.taxonomy,
        )

    def _types(
        self, words: Sequence[str], ruled: Classification, scores: Mapping[str, float]
    ) -> tuple[LabelScore, ...]:
        by_rule = {item.label: item for item in ruled.allegation_types}
        ranked = sorted(scores, key=lambda label: -scores[label])
        kept = [label for label in ranked if scores[label] >= self.type_threshold] or ranked[:1]
        return tuple(
            LabelScore(
                label,
                scores[label],
                _distinct(
                    (
                        *(by_rule[label].evidence if label in by_rule else ()),
                        *self.evidence.top(words, TYPES_PIPE, label),
                    )
                ),
            )
            for label in kept
        )

    def _sector(
        self, words: Sequence[str], ruled: Classification, scores: Mapping[str, float]
    ) -> LabelScore:
        """The most probable sector; but a sector the form's own fields gave the rules stands."""
        rule = ruled.sector
        if any(said.startswith(FORM_FIELDS) for said in rule.evidence):
            best, score = rule.label, max(rule.score, scores.get(rule.label, 0.0))
        else:
            best = max(scores, key=lambda label: scores[label])
            score = scores[best]
        evidence = rule.evidence if best == rule.label else ()
        return LabelScore(
            best, score, _distinct((*evidence, *self.evidence.top(words, SECTOR_PIPE, best)))
        )

    def _pipe(self, name: str) -> TextCategorizer:
        return component(self.nlp, name)


def _distinct(phrases: Sequence[str]) -> tuple[str, ...]:
    """Phrases in order, dropping a word already said (case-insensitively) in an earlier one."""
    kept: list[str] = []
    for phrase in phrases:
        if not any(phrase.lower() in said.lower() for said in kept):
            kept.append(phrase)
    return tuple(kept)
