"""The `lado-intake` command line."""

from ingest_service.cli.main import main

__all__ = ["main"]
