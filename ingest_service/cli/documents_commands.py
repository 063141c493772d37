"""Commands that read documents and write nothing: extract and classify."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ingest_service.intake.steps.classify import STRUCTURED_HINTS
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


def extraction_result(service: Service, path: Path) -> dict[str, Any]:
    """The extraction result of README's shape for one file, with its classification."""
    result = extract_path(path, service.council.form)
    output = result.to_json()
    fields = output["fields"]
    structured = {key: fields[key] for key in STRUCTURED_HINTS if key in fields}
    description = str(fields.get("allegation_description", ""))
    output["classification"] = service.classifier.classify(description, structured).to_json()
    return output


def run_extract(service: Service, paths: list[Path], as_json: bool, out: TextIO) -> int:
    """Print one extraction result per input file."""
    for path in expand_paths(paths):
        output = extraction_result(service, path)
        if as_json:
            out.write(json.dumps(output, ensure_ascii=False) + "\n")
        else:
            out.write(
                f"{output['source']}: {len(output['fields'])} fields answered; "
                f"missing sections: {', '.join(output['missing_sections']) or 'none'}\n"
            )
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
        result = service.classifier.classify(str(text)).to_json()
        if as_json:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            out.write(f"{', '.join(result['allegation_types']) or '-'}\t{result['sector']}\n")
        out.flush()
    return 0
