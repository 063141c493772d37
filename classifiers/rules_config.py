"""The council's classification rules (config/classification_rules.yaml) as a pydantic model."""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from classifiers.taxonomy import Taxonomy

TokenPattern = tuple[dict[str, Any], ...]

_PATTERN_KEYS = frozenset(
    {
        "LOWER",
        "STEM",
        "ORTH",
        "TEXT",
        "OP",
        "IS_PUNCT",
        "IS_DIGIT",
        "LIKE_NUM",
        "IS_SENT_START",
        "IS_TITLE",
    }
)


class UnknownLabelError(ValueError):
    """A label in the rules that the taxonomy does not define."""

    def __init__(self, key: str, label: str, kind: str, known: tuple[str, ...]) -> None:
        super().__init__(
            f"unknown {kind} label '{label}' (taxonomy.yaml defines: {', '.join(known)})"
        )
        self.key = key
        self.label = label


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class WeightedPhrases(_Frozen):
    """Phrases matched on lower-cased tokens; a hyphen also matches a space and vice versa."""

    weight: float = Field(gt=0, le=10)
    phrases: tuple[str, ...] = Field(min_length=1)


class WeightedPattern(_Frozen):
    """One spaCy token-Matcher pattern; `STEM: word` matches any inflection of word."""

    weight: float = Field(gt=0, le=10)
    pattern: TokenPattern = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _known_keys(cls, pattern: TokenPattern) -> TokenPattern:
        return _checked(pattern)


class LabelRules(_Frozen):
    """The phrases and token patterns that signal one label."""

    label: str
    phrases: tuple[WeightedPhrases, ...] = ()
    patterns: tuple[WeightedPattern, ...] = ()


class AllegationRules(LabelRules):
    """Allegation cues, plus phrases that suppress the label in their sentence ("nothing sexual")
    and labels it gives way to (an arrest for child sexual offences is sexual, not personal_life).
    """

    negations: tuple[str, ...] = ()
    yields_to: tuple[str, ...] = ()


class SectorRules(LabelRules):
    """Sector cues, plus employer-name words ("Academy", "Fostering Agency", "Constabulary").

    Employer names are matched only in the employer_name and referrer_organisation fields: in
    free text "police" or "hospital" is more often mentioned than the adult's employer.
    """

    employer_names: tuple[WeightedPhrases, ...] = ()


class Negation(_Frozen):
    """Words that cancel an allegation cue starting at most `window` tokens after them."""

    cues: tuple[str, ...] = ()
    window: int = Field(default=3, ge=0, le=10)


class SourceWeights(_Frozen):
    """How much a cue counts by where it was found (multiplies the cue's weight)."""

    text: float = Field(default=1.0, ge=0)
    subject_role: float = Field(default=2.0, ge=0)
    employer_name: float = Field(default=3.0, ge=0)
    referrer_organisation: float = Field(default=0.5, ge=0)
    employer_type: float = Field(default=6.0, ge=0, description="flat weight of the ticked sector")


class PassingMentions(_Frozen):
    """Phrases that name a service only in passing ("told her teacher", "police were called").

    A sector cue inside one does not count: the child's teacher or the GP who saw a bruise
    says nothing about the adult's employer.
    """

    phrases: tuple[str, ...] = ()
    patterns: tuple[TokenPattern, ...] = ()

    @field_validator("patterns")
    @classmethod
    def _known_keys(cls, patterns: tuple[TokenPattern, ...]) -> tuple[TokenPattern, ...]:
        return tuple(_checked(pattern) for pattern in patterns)


class ReferrerHints(_Frozen):
    """Referrer's ticked categories: add `weight` to mapped labels that already have evidence."""

    weight: float = Field(default=0.3, ge=0)
    categories: dict[str, tuple[str, ...]] = Field(default_factory=dict)


class ClassificationRules(_Frozen):
    """All rules: allegation types (multi-label) and sectors (one), keyed by taxonomy ids."""

    label_threshold: float = Field(default=0.4, gt=0, lt=1)
    anchor_weight: float = Field(default=1.0, gt=0)
    fallback_sector: str = "other"
    negation: Negation = Negation()
    sources: SourceWeights = SourceWeights()
    referrer_hints: ReferrerHints = ReferrerHints()
    passing_mentions: PassingMentions = PassingMentions()
    allegation_types: tuple[AllegationRules, ...] = Field(min_length=1)
    sectors: tuple[SectorRules, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _labels_unique(self) -> ClassificationRules:
        for name, rules in (("allegation_types", self.allegation_types), ("sectors", self.sectors)):
            labels = [rule.label for rule in rules]
            repeated = sorted({label for label in labels if labels.count(label) > 1})
            if repeated:
                raise ValueError(f"{name} repeats labels: {', '.join(repeated)}")
        return self

    @property
    def version(self) -> str:
        """The rules' version: "rules-" + 12 hex of the sha256 of their canonical JSON.

        Comments and formatting in the YAML file do not change it; any rule change does.
        """
        digest = hashlib.sha256(self.model_dump_json().encode("utf-8")).hexdigest()
        return f"rules-{digest[:12]}"

    def check_labels(self, taxonomy: Taxonomy) -> None:
        """Raise UnknownLabelError for the first label id the taxonomy does not define."""
        types, sectors = taxonomy.allegation_type_ids, taxonomy.sector_ids
        for index, rule in enumerate(self.allegation_types):
            _require(f"allegation_types[{index}].label", rule.label, "allegation type", types)
            for other in rule.yields_to:
                key = f"allegation_types[{rule.label}].yields_to"
                _require(key, other, "allegation type", types)
        for index, sector in enumerate(self.sectors):
            _require(f"sectors[{index}].label", sector.label, "sector", sectors)
        _require("fallback_sector", self.fallback_sector, "sector", sectors)
        for category, labels in self.referrer_hints.categories.items():
            for label in labels:
                _require(f"referrer_hints.categories.{category}", label, "allegation type", types)


def _require(key: str, label: str, kind: str, known: tuple[str, ...]) -> None:
    if label not in known:
        raise UnknownLabelError(key, label, kind, known)


def _checked(pattern: TokenPattern) -> TokenPattern:
    """The pattern, if every token uses only supported keys."""
    for token in pattern:
        unknown = sorted(set(token) - _PATTERN_KEYS)
        if unknown:
            raise ValueError(f"unsupported token key(s) {unknown}; use {sorted(_PATTERN_KEYS)}")
    return pattern
