"""Commands that read documents and write nothing: extract and classify."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ingest_service.intake.steps.classify import classification_inputs
from ingest_service.service import Service
from parsers.referral_file import extract_path

EXTRACTABLE_SUFFIXES = (".docx", ".pdf", ".eml")


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given, and the extractable files of any folder, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix.lower() in EXTRACTABLE_SUFFIXES)
        elif path.exists():
            yield path
        else:
            raise FileNotFoundError(f"no such file: {path}")


def extraction_result(service: Service, path: Path) -> dict[str, object]:
    """The extraction result of README's shape for one file, with its classification."""
    result = extract_path(path, service.council.form)
    description, structured = classification_inputs(result.extraction.output_fields())
    output = result.to_json()
    output["classification"] = service.classifier.classify(description, structured).to_json()
    return output


def run_extract(service: Service, paths: list[Path], as_json: bool, out: TextIO) -> int:
    """Print one extraction result per input file."""
    for path in expand_paths(paths):
        output = extraction_result(service, path)
        if as_json:
            out.write(json.dumps(output, ensure_ascii=False) + "\n")
        else:
            missing = output["missing_sections"]
            assert isinstance(missing, list)
            out.write(f"{output['source']}: missing sections: {', '.join(missing) or 'none'}\n")
    return 0


def run_classify(service: Service, as_json: bool, source: TextIO, out: TextIO) -> int:
    """Classify each {"text": ...} line of the input, in order."""
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            text = json.loads(line)["text"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f'line {number}: expected a JSON object with a "text" key') from exc
        result = service.classifier.classify(str(text))
        if as_json:
            out.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
        else:
            types = ", ".join(label.label for label in result.allegation_types) or "-"
            out.write(f"{types}\t{result.sector.label}\n")
        out.flush()
    return 0
