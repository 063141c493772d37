"""Scoring extraction results against truth files: fields, missing fields, missing sections."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field


def flatten_fields(fields: object) -> set[tuple[str, str]]:
    """Field/value pairs for scoring; children numbered ("children[0].child_name")."""
    pairs: set[tuple[str, str]] = set()
    for key, value in _mapping(fields).items():
        if key == "children" and isinstance(value, list):
            for number, child in enumerate(value):
                pairs |= {(f"children[{number}].{k}", json.dumps(v)) for k, v in child.items()}
        else:
            pairs.add((key, json.dumps(value)))
    return pairs


@dataclass
class Tally:
    """Counts for precision and recall of one kind of item."""

    found: int = 0
    expected: int = 0
    correct: int = 0

    def add(self, got: set[object], want: set[object]) -> None:
        """Count one document's items."""
        self.found += len(got)
        self.expected += len(want)
        self.correct += len(got & want)

    def figures(self) -> dict[str, float | int]:
        """Precision, recall and F1 (1.0 where nothing was found or expected)."""
        precision = self.correct / self.found if self.found else 1.0
        recall = self.correct / self.expected if self.expected else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "found": self.found,
            "expected": self.expected,
        }


@dataclass
class ExtractionScore:
    """Field, missing-field and missing-section tallies over a set of documents."""

    documents: int = 0
    fields: Tally = field(default_factory=Tally)
    missing_fields: Tally = field(default_factory=Tally)
    missing_sections: Tally = field(default_factory=Tally)
    exact_documents: int = 0

    def add(self, result: Mapping[str, object], truth: Mapping[str, object]) -> None:
        """Score one extraction result against its truth."""
        got_fields = flatten_fields(result["fields"])
        want_fields = flatten_fields(truth["fields"])
        self.documents += 1
        self.fields.add(set(got_fields), set(want_fields))
        self.missing_fields.add(
            set(_list(result["missing_fields"])), set(_list(truth["missing_fields"]))
        )
        self.missing_sections.add(
            set(_list(result["missing_sections"])), set(_list(truth["missing_sections"]))
        )
        if (
            got_fields == want_fields
            and result["missing_fields"] == truth["missing_fields"]
            and result["missing_sections"] == truth["missing_sections"]
        ):
            self.exact_documents += 1

    def figures(self) -> dict[str, object]:
        """All figures as JSON-ready values."""
        return {
            "documents": self.documents,
            "exact_documents": self.exact_documents,
            "fields": self.fields.figures(),
            "missing_fields": self.missing_fields.figures(),
            "missing_sections": self.missing_sections.figures(),
        }


def _mapping(value: object) -> Mapping[str, object]:
    assert isinstance(value, Mapping)
    return value


def _list(value: object) -> list[object]:
    assert isinstance(value, list)
    return value
