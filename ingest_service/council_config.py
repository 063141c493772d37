"""Loading the council's configuration files, failing with the file, the key and the problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from classifiers.rules_config import ClassificationRules, UnknownLabelError
from classifiers.taxonomy import Taxonomy
from ingest_service.replies.templates import ReplyTemplates
from parsers.form_schema import FormSchema

FORM_SCHEMA_FILE = "form_schema.yaml"
TAXONOMY_FILE = "taxonomy.yaml"
RULES_FILE = "classification_rules.yaml"
REPLIES_FILE = "replies.yaml"

ModelT = TypeVar("ModelT", bound=BaseModel)


class ConfigError(Exception):
    """A configuration file that cannot be used, with where and why."""

    def __init__(self, file: Path, key: str, problem: str) -> None:
        super().__init__(f"{file}: {key}: {problem}")
        self.file = file
        self.key = key
        self.problem = problem


@dataclass(frozen=True)
class CouncilConfig:
    """Everything that differs between councils, loaded and checked."""

    directory: Path
    form: FormSchema
    taxonomy: Taxonomy
    replies: ReplyTemplates
    rules: ClassificationRules


def load_yaml_model(path: Path, model: type[ModelT]) -> ModelT:
    """Read one YAML file into a pydantic model, or raise ConfigError naming the bad key."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(path, "-", f"cannot read the file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "-"
        raise ConfigError(path, where, f"not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = _describe_location(raw, first["loc"])
        raise ConfigError(path, key, first["msg"]) from exc


def _describe_location(raw: object, loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into a readable key path, naming items by their id."""
    parts: list[str] = []
    node = raw
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            ident = node.get("id") if isinstance(node, dict) else None
            parts.append(f"[{ident}]" if ident else f"[{step}]")
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts) or "-"


def load_council_config(directory: Path) -> CouncilConfig:
    """Load and check every configuration file in the council's config directory."""
    taxonomy = load_yaml_model(directory / TAXONOMY_FILE, Taxonomy)
    return CouncilConfig(
        directory=directory,
        form=load_yaml_model(directory / FORM_SCHEMA_FILE, FormSchema),
        taxonomy=taxonomy,
        replies=load_yaml_model(directory / REPLIES_FILE, ReplyTemplates),
        rules=load_rules(directory / RULES_FILE, taxonomy),
    )


def load_rules(path: Path, taxonomy: Taxonomy) -> ClassificationRules:
    """Load the classification rules and check every label id against the taxonomy."""
    rules = load_yaml_model(path, ClassificationRules)
    try:
        rules.check_labels(taxonomy)
    except UnknownLabelError as exc:
        raise ConfigError(path, exc.key, str(exc)) from exc
    return rules
