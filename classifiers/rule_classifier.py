"""The rule layer: allegation types and sector from spaCy matchers over council-editable rules."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from classifiers.classification import Classification, LabelScore
from classifiers.cue_matcher import STEM_NORMS, Cue, CueMatcher, longest, longest_per_label
from classifiers.negation import Negator
from classifiers.rules_config import (
    ClassificationRules,
    LabelRules,
    PassingMentions,
    WeightedPattern,
    WeightedPhrases,
)
from classifiers.taxonomy import Taxonomy

PASSING = "passing mention"
SectorScores = dict[str, float]


def confidence(weight: float) -> float:
    """Bounded confidence from summed cue weights: 1 - exp(-weight).

    One cue of weight 1.0 gives 0.63, 0.7 gives 0.50, 2.0 gives 0.86; never reaches 1.
    """
    return 1.0 - math.exp(-weight)


@dataclass(frozen=True)
class RuleClassifier:
    """Matchers built once from the taxonomy and the rules; classify as often as needed."""

    nlp: Language
    rules: ClassificationRules
    taxonomy: Taxonomy
    allegations: CueMatcher
    sectors: CueMatcher
    employers: CueMatcher
    negator: Negator
    version: str
    review_threshold: float = 0.5

    @classmethod
    def build(
        cls, taxonomy: Taxonomy, rules: ClassificationRules, review_threshold: float = 0.5
    ) -> RuleClassifier:
        """Check the rules' labels against the taxonomy, then build the pipeline (slow: once)."""
        rules.check_labels(taxonomy)
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(STEM_NORMS)
        return cls(
            nlp=nlp,
            rules=rules,
            taxonomy=taxonomy,
            allegations=CueMatcher(nlp, ((rule, rule.phrases) for rule in rules.allegation_types)),
            sectors=CueMatcher(
                nlp,
                (
                    (rule, rule.phrases)
                    for rule in (*rules.sectors, *_passing(rules.passing_mentions))
                ),
            ),
            employers=CueMatcher(
                nlp, ((rule, (*rule.employer_names, *rule.phrases)) for rule in rules.sectors)
            ),
            negator=Negator(nlp, rules.negation, rules.allegation_types),
            version=rules.version,
            review_threshold=review_threshold,
        )

    @property
    def model_version(self) -> str:
        """Which rules made a classification: "rules-" + 12 hex of their sha256."""
        return self.version

    def classify(self, text: str, structured: Mapping[str, object] | None = None) -> Classification:
        """Classify one allegation description, helped by extracted form fields if given.

        `structured` may hold employer_type (a ticked sector id: trusted), employer_name,
        subject_role, referrer_organisation (matched as sector cues, weighted by source) and
        referrer_categories (ticked categories: a weak hint to labels with evidence already).
        """
        return self.classify_scored(text, structured)[0]

    def classify_many(self, texts: Iterable[str]) -> list[Classification]:
        """Classify free-text descriptions alone, in order, through nlp.pipe."""
        return [result for result, _ in self.classify_many_scored(texts)]

    def classify_scored(
        self, text: str, structured: Mapping[str, object] | None = None
    ) -> tuple[Classification, SectorScores]:
        """`classify`, with the score of every sector that has a cue (what the combiner weighs)."""
        return self._classify_doc(self.nlp(text), structured or {})

    def classify_many_scored(
        self, texts: Iterable[str]
    ) -> list[tuple[Classification, SectorScores]]:
        """`classify_many`, with every cued sector's score."""
        return [self._classify_doc(doc, {}) for doc in self.nlp.pipe(texts)]

    def _classify_doc(
        self, doc: Doc, structured: Mapping[str, object]
    ) -> tuple[Classification, SectorScores]:
        types = self._allegation_types(doc, structured)
        scores, evidence = self._sectors(doc, structured)
        sector = self._best_sector(scores, evidence)
        top = max((item.score for item in types), default=0.0)
        return Classification(
            allegation_types=types,
            sector=sector,
            model_version=self.model_version,
            needs_review=min(top, sector.score) < self.review_threshold,
        ), scores

    def _allegation_types(
        self, doc: Doc, structured: Mapping[str, object]
    ) -> tuple[LabelScore, ...]:
        cues = longest_per_label(self.negator.keep(doc, self.allegations(doc)))
        weights: dict[str, float] = {}
        evidence: dict[str, list[str]] = {}
        anchored = {cue.label for cue in cues if cue.weight >= self.rules.anchor_weight}
        for cue in cues:
            said = evidence.setdefault(cue.label, [])
            if cue.text.lower() not in (text.lower() for text in said):
                said.append(cue.text)
                weights[cue.label] = weights.get(cue.label, 0.0) + cue.weight
        hints = self.rules.referrer_hints
        for category in _strings(structured.get("referrer_categories")):
            for label in hints.categories.get(category, ()):
                if label in weights:
                    weights[label] += hints.weight
        threshold = self.rules.label_threshold
        assigned = {label for label in anchored if confidence(weights[label]) >= threshold}
        yields = {rule.label: set(rule.yields_to) for rule in self.rules.allegation_types}
        kept = [label for label in assigned if not yields.get(label, set()) & assigned]
        order = self.taxonomy.allegation_type_ids
        kept.sort(key=lambda label: (-weights[label], order.index(label)))
        return tuple(
            LabelScore(label, confidence(weights[label]), tuple(evidence[label])) for label in kept
        )

    def _sectors(
        self, doc: Doc, structured: Mapping[str, object]
    ) -> tuple[SectorScores, dict[str, list[str]]]:
        """Each cued sector's score, confidence(S) x S / (sum of all sectors' S), and evidence.

        S sums cue weights times their source's weight: the text and subject_role are matched
        with sector phrases; employer_name and referrer_organisation also with employer names;
        a ticked employer_type adds a flat weight.
        """
        sources = self.rules.sources
        found: list[tuple[Cue, float, str]] = [
            (cue, sources.text, cue.text)
            for cue in longest(self.sectors(doc), PASSING)
            if cue.label != PASSING
        ]
        for field, matcher in (
            ("subject_role", self.sectors),
            ("employer_name", self.employers),
            ("referrer_organisation", self.employers),
        ):
            value = structured.get(field)
            if isinstance(value, str) and value.strip():
                factor = getattr(sources, field)
                found += [
                    (cue, factor, f"{field}: {cue.text}")
                    for cue in longest(matcher(self.nlp(value)), PASSING)
                    if cue.label != PASSING
                ]
        weights: dict[str, float] = {}
        evidence: dict[str, list[str]] = {}
        ticked = structured.get("employer_type")
        if isinstance(ticked, str) and ticked in self.taxonomy.sector_ids:
            weights[ticked] = sources.employer_type
            evidence[ticked] = [f"employer_type: {ticked}"]
        for cue, factor, said in found:
            weights[cue.label] = weights.get(cue.label, 0.0) + cue.weight * factor
            if said not in evidence.setdefault(cue.label, []):
                evidence[cue.label].append(said)
        total = sum(weights.values())
        return {
            label: confidence(weight) * weight / total for label, weight in weights.items()
        }, evidence

    def _best_sector(self, scores: SectorScores, evidence: dict[str, list[str]]) -> LabelScore:
        """The best-supported sector (the taxonomy's order breaks ties); none: the fallback, 0."""
        if not scores:
            return LabelScore(self.rules.fallback_sector, 0.0, ())
        order = self.taxonomy.sector_ids
        best = min(scores, key=lambda label: (-scores[label], order.index(label)))
        return LabelScore(best, scores[best], tuple(evidence[best]))


def _strings(value: object) -> list[str]:
    """A ticked-options field as a list of ids, whether given as a list or "a, b"."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return [item for item in value if isinstance(item, str)]
    return []


def _passing(mentions: PassingMentions) -> tuple[LabelRules, ...]:
    """Passing mentions as a pseudo-label whose cues, heaviest of their length, cover others."""
    if not mentions.phrases and not mentions.patterns:
        return ()
    phrases = (WeightedPhrases(weight=10, phrases=mentions.phrases),) if mentions.phrases else ()
    patterns = tuple(WeightedPattern(weight=10, pattern=pattern) for pattern in mentions.patterns)
    return (LabelRules(label=PASSING, phrases=phrases, patterns=patterns),)
