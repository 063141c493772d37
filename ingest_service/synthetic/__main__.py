"""python -m ingest_service.synthetic OUTDIR --count N --seed S: write a synthetic corpus."""

from __future__ import annotations

import argparse
from pathlib import Path

from ingest_service.synthetic.corpus import write_corpus


def main(argv: list[str] | None = None) -> int:
    """Write the corpus and say how many documents were written."""
    parser = argparse.ArgumentParser(
        prog="python -m ingest_service.synthetic",
        description="Write synthetic LADO referrals, each with a .truth.json beside it.",
    )
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    written = write_corpus(args.outdir, args.count, args.seed)
    print(f"wrote {len(written)} referrals with truth files to {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
