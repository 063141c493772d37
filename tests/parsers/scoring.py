"""Scoring extracted fields against a truth file's fields."""

from __future__ import annotations

import json


def flat_fields(fields: object) -> set[tuple[str, str]]:
    """Field/value pairs for scoring, children numbered ("children[0].child_name")."""
    assert isinstance(fields, dict)
    out: set[tuple[str, str]] = set()
    for key, value in fields.items():
        if key == "children" and isinstance(value, list):
            for number, child in enumerate(value):
                out |= {(f"children[{number}].{k}", json.dumps(v)) for k, v in child.items()}
        else:
            out.add((key, json.dumps(value)))
    return out
