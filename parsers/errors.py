"""Why a document could not be read. Messages never quote the document's content."""

from __future__ import annotations


class ParseError(Exception):
    """A document that cannot be parsed; the message is one sentence without personal data."""

    default_message = "The document could not be read."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class UnsupportedFormat(ParseError):
    """A file type the service does not read."""

    default_message = "The file type is not supported; please send a .docx or .pdf form."


class CorruptDocument(ParseError):
    """A damaged file, or one whose content does not match its type."""

    default_message = "The document is damaged or is not the type its name suggests."


class EncryptedDocument(ParseError):
    """A password-protected document."""

    default_message = "The document is password protected; please send it without a password."


class EmptyDocument(ParseError):
    """A document with no readable text (for example a scan)."""

    default_message = "The document contains no readable text."


class DocumentTooLarge(ParseError):
    """A document over the size, page or expansion limits."""

    default_message = "The document is larger than the service accepts."


class MacroEnabledDocument(ParseError):
    """A document carrying macros, which the service never opens."""

    default_message = "The document contains macros; please send it as a plain .docx or .pdf."


class ConversionFailed(ParseError):
    """A legacy word-processor file (.doc, .rtf, .odt) that LibreOffice could not convert."""

    default_message = "The document could not be converted; please send it as a .docx or .pdf."


class ScanNotRead(ParseError):
    """A scanned document or image that OCR could not read."""

    default_message = "The scanned document could not be read; please send the form as text."
