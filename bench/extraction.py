"""Extraction benchmark: accuracy per layout and speed per format, written to results/.

Usage: python -m bench.extraction [--synthetic-count N] [--special-each K] [--seed S]
[--shared DIR] [--out FILE]

Accuracy: field precision/recall/F1, missing-field and missing-section precision/recall, on
the shared reference samples (when present) and on a synthetic corpus generated here. Speed:
per format, the whole extract step (parse + extract + mandatory check) beside the parsing
library alone reading the document's text (python-docx, pdfplumber), in the same run. The
headline extract time starts each document with an empty label cache; the warm figure is a
service's steady state, where a council's label wordings have been seen before. Scans read
by OCR are timed apart ("pdf-ocr", "eml-ocr"), once each.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path

import docx
import pdfplumber

from bench.scoring import ExtractionScore
from config import DEFAULT_CONFIG_DIR
from ingest_service.council_config import load_council_config
from ingest_service.synthetic import write_corpus
from ingest_service.synthetic.render_pdf_family import OCR_LAYOUTS
from parsers.form_schema import FormSchema
from parsers.labels import label_index
from parsers.libreoffice import convert_to_docx
from parsers.referral_file import extract_path

RESULTS = Path(__file__).resolve().parent / "results" / "extraction.json"
DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "referral-form" / "samples"
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".eml", ".doc", ".rtf", ".odt")
TIMING_REPEATS = 5
CONVERTED_SUFFIXES = (".doc", ".rtf", ".odt")
CONVERSION_REPEATS = 1
OCR_SUFFIX = "-ocr"
OCR_REPEATS = 1
CONVERSION_TIMED = 3
"""LibreOffice takes a second or two per document, so converted formats are timed once, on
at most CONVERSION_TIMED documents each."""

BENCH_SPECIAL_EACH = 6
"""Documents per special layout: six, so a scan layout's figures rest on more than a pair."""


def documents_with_truth(directory: Path) -> list[tuple[Path, dict[str, object]]]:
    """Each document of a folder with the truth file beside it."""
    pairs = []
    for path in sorted(directory.iterdir()):
        truth = path.with_suffix(".truth.json")
        if path.suffix in DOCUMENT_SUFFIXES and truth.exists():
            pairs.append((path, json.loads(truth.read_text(encoding="utf-8"))))
    return pairs


def layout_of(path: Path, truth: dict[str, object]) -> str:
    """The layout a document is reported under: its truth's layout and its format."""
    return f"{truth.get('layout', '?')}-{path.suffix.lstrip('.')}"


def score_corpus(
    pairs: list[tuple[Path, dict[str, object]]], schema: FormSchema
) -> dict[str, object]:
    """Accuracy overall and per layout."""
    overall = ExtractionScore()
    per_layout: dict[str, ExtractionScore] = defaultdict(ExtractionScore)
    for path, truth in pairs:
        result = extract_path(path, schema).to_json()
        overall.add(result, truth)
        per_layout[layout_of(path, truth)].add(result, truth)
    return {
        "overall": overall.figures(),
        "per_layout": {k: v.figures() for k, v in sorted(per_layout.items())},
    }


def library_text_docx(data: bytes) -> str:
    """python-docx alone: the text of every paragraph and table cell."""
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def library_text_pdf(data: bytes) -> str:
    """pdfplumber alone: the text of every page."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def extract_cold(path: Path, schema: FormSchema) -> object:
    """The extract step with no labels remembered from earlier documents (the worst case)."""
    label_index.cache_clear()
    return extract_path(path, schema)


def timing_format(path: Path) -> str:
    """The format a document is timed under: its suffix, with "-ocr" for scans (so OCR is
    reported apart from text PDFs and emails)."""
    truth = path.with_suffix(".truth.json")
    if truth.exists():
        layout = json.loads(truth.read_text(encoding="utf-8")).get("layout")
        if layout in OCR_LAYOUTS:
            return path.suffix + OCR_SUFFIX
    return path.suffix


def best_seconds(run: Callable[[], object], repeats: int = TIMING_REPEATS) -> float:
    """The median of several timed runs (after one warm-up)."""
    run()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def time_formats(paths: list[Path], schema: FormSchema) -> dict[str, object]:
    """Documents per second per format; for .docx and .pdf, the library-alone baseline too;
    for .doc/.rtf/.odt, the LibreOffice conversion alone (included in the extract time)."""
    baselines: dict[str, Callable[[bytes], str]] = {
        ".docx": library_text_docx,
        ".pdf": library_text_pdf,
    }
    by_format: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        by_format[timing_format(path)].append(path)
    timings: dict[str, object] = {}
    for suffix, all_of_format in sorted(by_format.items()):
        converted = suffix in CONVERTED_SUFFIXES
        group = all_of_format[:CONVERSION_TIMED] if converted else all_of_format
        repeats = CONVERSION_REPEATS if converted else TIMING_REPEATS
        if suffix.endswith(OCR_SUFFIX):
            repeats = OCR_REPEATS
        extract_total = sum(best_seconds(partial(extract_cold, p, schema), repeats) for p in group)
        warm_total = sum(best_seconds(partial(extract_path, p, schema), repeats) for p in group)
        entry: dict[str, object] = {
            "documents": len(group),
            "extract_seconds_per_document": round(extract_total / len(group), 5),
            "extract_documents_per_second": round(len(group) / extract_total, 1),
            "extract_warm_seconds_per_document": round(warm_total / len(group), 5),
        }
        if suffix in baselines:
            read = baselines[suffix]
            library_total = sum(best_seconds(partial(read, p.read_bytes())) for p in group)
            entry["library_text_seconds_per_document"] = round(library_total / len(group), 5)
            entry["extract_to_library_ratio"] = round(extract_total / library_total, 3)
        if converted:
            convert_total = sum(
                best_seconds(partial(convert_to_docx, p.read_bytes(), suffix[1:]), repeats)
                for p in group
            )
            entry["libreoffice_conversion_seconds_per_document"] = round(
                convert_total / len(group), 5
            )
        timings[suffix.lstrip(".")] = entry
    return timings


def main() -> None:
    """Run the benchmark and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--synthetic-count", type=int, default=72)
    parser.add_argument("--special-each", type=int, default=BENCH_SPECIAL_EACH)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    schema = load_council_config(DEFAULT_CONFIG_DIR).form
    results: dict[str, object] = {}
    all_paths: list[Path] = []
    with tempfile.TemporaryDirectory() as temp:
        corpus = Path(temp)
        write_corpus(corpus, args.synthetic_count, args.seed, special_each=args.special_each)
        corpora = {"synthetic": documents_with_truth(corpus)}
        if args.shared.is_dir():
            corpora["shared_samples"] = documents_with_truth(args.shared)
        for name, pairs in corpora.items():
            results[name] = score_corpus(pairs, schema)
            all_paths.extend(path for path, _ in pairs)
        results["speed"] = time_formats(all_paths, schema)
    results["settings"] = {
        "synthetic_count": args.synthetic_count,
        "special_each": args.special_each,
        "seed": args.seed,
        "timing_repeats": TIMING_REPEATS,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
