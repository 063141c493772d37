"""Where the Graph adapter keeps its delta link and the messages it has listed but not moved."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class DeltaState:
    """The folder's next delta link, and listed messages still awaiting a move (id -> received)."""

    delta_link: str | None = None
    pending: dict[str, str] = field(default_factory=dict)


class DeltaStateFile:
    """A small JSON file (e.g. under LADO_DATA_DIR), replaced atomically on every save.

    Losing it is harmless: the next poll does a full resync and the ledger skips what it has.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> DeltaState:
        """The saved state, or an empty one if there is none or it is unreadable."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return DeltaState(delta_link=data.get("delta_link"), pending=dict(data["pending"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return DeltaState()

    def save(self, state: DeltaState) -> None:
        """Write the state durably (temporary file, fsync, rename)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_suffix(".tmp")
        with temp.open("w", encoding="utf-8") as handle:
            json.dump({"delta_link": state.delta_link, "pending": state.pending}, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, self.path)
