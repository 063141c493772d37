"""Telling OLE compound files apart: encrypted Office Open XML, legacy Word, anything else."""

from __future__ import annotations

import io
from typing import Literal

import olefile

from parsers.errors import CorruptDocument

OleKind = Literal["encrypted", "macros", "word", "other"]
_FIB_FLAGS = slice(0x0A, 0x0C)
_F_ENCRYPTED = 0x0100
_MACRO_STORAGES = ("Macros", "_VBA_PROJECT_CUR")


def ole_kind(data: bytes) -> OleKind:
    """What an OLE file holds: a password-protected document ("encrypted": OOXML with
    EncryptionInfo/EncryptedPackage streams, or a .doc whose header says so), a .doc with
    macros, a plain legacy Word document, or some other Office file."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                return "encrypted"
            if not ole.exists("WordDocument"):
                return "other"
            header = ole.openstream("WordDocument").read(0x20)
            if len(header) < _FIB_FLAGS.stop:
                raise CorruptDocument("The Word document is damaged and cannot be opened.")
            if int.from_bytes(header[_FIB_FLAGS], "little") & _F_ENCRYPTED:
                return "encrypted"
            if any(ole.exists(name) for name in _MACRO_STORAGES):
                return "macros"
            return "word"
    except (OSError, ValueError, IndexError) as exc:
        raise CorruptDocument("The Office document is damaged and cannot be opened.") from exc
