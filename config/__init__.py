"""The council's configuration as data: form schema, taxonomies, reply templates."""

from pathlib import Path

DEFAULT_CONFIG_DIR = Path(__file__).resolve().parent
