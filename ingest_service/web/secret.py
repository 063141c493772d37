"""The key that signs session cookies: from the settings, or one generated and kept on disk."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile

from ingest_service.settings import Settings

SECRET_FILE = "secret_key"


def session_secret(settings: Settings) -> str:
    """LADO_SECRET_KEY if set, else data_dir/secret_key, created (0600) on first use."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    path = settings.data_dir / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret-")  # 0600
        try:
            with os.fdopen(descriptor, "w", encoding="ascii") as handle:
                handle.write(secrets.token_urlsafe(48))
            with contextlib.suppress(FileExistsError):  # another process made it first
                os.link(temporary, path)
        finally:
            os.unlink(temporary)
    return path.read_text(encoding="ascii").strip()
