"""The packaged pipeline: written with a content-hash version and a metrics file, loaded once."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import spacy
from spacy.language import Language

import classifiers.architectures  # noqa: F401 (registers the pipeline's architecture)
from classifiers.combiner import Combiner

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_NAME = "lado_classifier"
UNHASHED = ("meta.json", "metrics.json")


def content_hash(directory: Path) -> str:
    """12 hex of the sha256 over every file's path and bytes, bar meta.json and metrics.json."""
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name not in UNHASHED:
            digest.update(path.relative_to(directory).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def save(nlp: Language, directory: Path, metrics: dict[str, object], combiner: Combiner) -> str:
    """Replace `directory` with the pipeline and combiner; version = content hash; returns it."""
    if directory.exists():
        shutil.rmtree(directory)
    nlp.to_disk(directory)
    combiner.save(directory)
    version = content_hash(directory)
    meta_path = directory / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name=MODEL_NAME,
        version=version,
        description="LADO allegation types (multi-label) and employer sector",
    )
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (directory / "metrics.json").write_text(
        json.dumps({"version": version, **metrics}, indent=2) + "\n", encoding="utf-8"
    )
    return version


def load(directory: Path = MODEL_DIR) -> Language:
    """The packaged pipeline (no download: a path only), its architecture registered first."""
    if not (directory / "meta.json").is_file():
        raise FileNotFoundError(f"no trained classifier at {directory}: run `lado-intake train`")
    return spacy.load(directory)
