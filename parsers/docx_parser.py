"""Reading a Word .docx into blocks: paragraphs, table cells (merged and nested), tick boxes."""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree

from parsers.document import Block, ParsedDocument, Provenance
from parsers.docx_marks import marked_choice_text
from parsers.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    MacroEnabledDocument,
)
from parsers.magic import is_ole, is_zip, ole_error
from parsers.text import is_blank, strip_placeholders, tidy_lines

MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2000

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
CHECKED, UNCHECKED = "\u2612", "\u2610"
# Wingdings / Symbol glyphs that forms use as tick boxes (w:sym w:char).
_SYMBOLS = {
    "F0FE": CHECKED,
    "F0FD": CHECKED,
    "F078": CHECKED,
    "F0FC": "\u2713",
    "F0A8": UNCHECKED,
    "F06F": UNCHECKED,
    "F071": UNCHECKED,
}
_TRUE = {"1", "true", "on"}
_Elements = list[ElementTree.Element]


def parse_docx(data: bytes, source: str) -> ParsedDocument:
    """Parse .docx bytes; raise a ParseError subclass for anything unsafe or unreadable."""
    root = _parse_xml(_main_part(data))
    body = root.find(f"{W}body")
    if body is None:
        raise CorruptDocument("The Word document has no body.")
    walker = _Walker(source)
    walker.container(body)
    if not any(not is_blank(block.text) for block in walker.blocks):
        raise EmptyDocument()
    return ParsedDocument(source=source, format="docx", blocks=walker.blocks)


def _main_part(data: bytes) -> bytes:
    """Open the package safely and return the main document part's XML."""
    if is_ole(data):
        raise ole_error(data)
    if not is_zip(data):
        raise CorruptDocument("The file is not a valid Word document.")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise CorruptDocument("The Word document is damaged and cannot be opened.") from exc
    if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
        raise DocumentTooLarge("The Word document expands beyond the size the service accepts.")
    names = {info.filename for info in infos}
    if any(name.lower().endswith(("vbaproject.bin", "vbadata.xml")) for name in names):
        raise MacroEnabledDocument()
    try:
        if (
            "macroenabled"
            in _read(package, "[Content_Types].xml", names).decode("utf-8", "replace").lower()
        ):
            raise MacroEnabledDocument()
        return _read(package, _main_part_name(package, names), names)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
        raise CorruptDocument("The Word document is damaged and cannot be read.") from exc


def _read(package: zipfile.ZipFile, name: str, names: set[str]) -> bytes:
    if name not in names:
        raise CorruptDocument("The file is not a valid Word document.")
    return package.read(name)


def _main_part_name(package: zipfile.ZipFile, names: set[str]) -> str:
    """The main document part named by the package relationships (usually word/document.xml)."""
    if "_rels/.rels" in names:
        rels = _parse_xml(package.read("_rels/.rels"))
        for rel in rels.iter(f"{_REL}Relationship"):
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
                return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def _parse_xml(xml: bytes) -> ElementTree.Element:
    """Parse package XML, refusing DTDs (no entity expansion tricks)."""
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml:
        raise CorruptDocument("The Word document contains XML the service does not accept.")
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise CorruptDocument("The Word document's XML is damaged.") from exc


class _Walker:
    """Walks the body in document order, collecting blocks."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def container(self, element: ElementTree.Element) -> None:
        """Body, cell, text box or block content control: paragraphs and tables in order."""
        for child in element:
            if child.tag == f"{W}p":
                self.paragraph(child)
            elif child.tag == f"{W}tbl":
                self.table(child)
            elif child.tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent") and not (
                _is_placeholder_sdt(child)
            ):
                self.container(_content(child))

    def paragraph(self, p: ElementTree.Element) -> None:
        boxes: list[ElementTree.Element] = []
        text = tidy_lines(strip_placeholders(_inline_text(p, boxes)))
        if text:
            self.paragraphs += 1
            where = Provenance(self.source, None, f"paragraph {self.paragraphs}")
            self.blocks.append(Block("paragraph", text, where))
        for box in boxes:
            self.container(box)

    def table(self, tbl: ElementTree.Element) -> None:
        self.tables += 1
        number = self.tables
        nested: list[ElementTree.Element] = []
        for row_no, tr in enumerate(_rows(tbl), start=1):
            col = 1
            for tc in _cells(tr):
                span = _int_val(tc.find(f"{W}tcPr/{W}gridSpan"), 1)
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is None or merge.get(f"{W}val") == "restart":
                    text = self.cell_text(tc, nested)
                    where = Provenance(self.source, None, f"table {number} row {row_no}")
                    self.blocks.append(Block("cell", text, where, number, row_no, col))
                col += span
        for inner in nested:
            self.table(inner)

    def cell_text(self, tc: ElementTree.Element, nested: list[ElementTree.Element]) -> str:
        """The cell's paragraphs as lines; nested tables are set aside to be walked after."""
        lines: list[str] = []
        for child in _flatten(tc):
            if child.tag == f"{W}p":
                lines.append(_inline_text(child, []))
            elif child.tag == f"{W}tbl":
                nested.append(child)
        return tidy_lines(strip_placeholders("\n".join(lines)))


def _flatten(element: ElementTree.Element) -> list[ElementTree.Element]:
    """Paragraphs and tables of a cell, looking through content controls."""
    out: list[ElementTree.Element] = []
    for child in element:
        if child.tag in (f"{W}p", f"{W}tbl"):
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml") and not _is_placeholder_sdt(child):
            out.extend(_flatten(_content(child)))
    return out


def _content(element: ElementTree.Element) -> ElementTree.Element:
    """The content of a content control, or the element itself for other wrappers."""
    content = element.find(f"{W}sdtContent")
    return content if content is not None else element


def _rows(tbl: ElementTree.Element) -> list[ElementTree.Element]:
    return _flatten_tags(tbl, f"{W}tr")


def _cells(tr: ElementTree.Element) -> list[ElementTree.Element]:
    return _flatten_tags(tr, f"{W}tc")


def _flatten_tags(element: ElementTree.Element, tag: str) -> list[ElementTree.Element]:
    """Direct children with this tag, looking through row/cell-level content controls."""
    out: list[ElementTree.Element] = []
    for child in element:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent"):
            out.extend(_flatten_tags(child, tag))
    return out


def _int_val(element: ElementTree.Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return max(1, int(element.get(f"{W}val", default)))
    except ValueError:
        return default


def _is_placeholder_sdt(sdt: ElementTree.Element) -> bool:
    """A content control still showing its placeholder prompt counts as empty."""
    return sdt.find(f"{W}sdtPr/{W}showingPlcHdr") is not None


def _inline_text(p: ElementTree.Element, boxes: list[ElementTree.Element]) -> str:
    """A paragraph's visible text, with tick boxes (drawn, or answered by strike-through or
    highlight) rendered as ☒/☐ characters."""
    parts: list[str] = []
    _collect(p, parts, boxes)
    return marked_choice_text(p) or "".join(parts)


def _collect(element: ElementTree.Element, parts: list[str], boxes: _Elements) -> None:
    for child in element:
        tag = child.tag
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}sym":
            parts.append(_SYMBOLS.get((child.get(f"{W}char") or "").upper(), ""))
        elif tag == f"{W}fldChar":
            box = child.find(f"{W}ffData/{W}checkBox")
            if box is not None:
                parts.append(CHECKED if _legacy_checked(box) else UNCHECKED)
        elif tag == f"{W}sdt":
            _collect_sdt(child, parts, boxes)
        elif tag == f"{W}txbxContent":
            boxes.append(child)
        elif tag == f"{MC}Fallback" or tag in (f"{W}delText", f"{W}instrText", f"{W}pPr"):
            continue
        else:
            _collect(child, parts, boxes)


def _collect_sdt(sdt: ElementTree.Element, parts: list[str], boxes: _Elements) -> None:
    """An inline content control: tick box, placeholder (empty) or its content."""
    checkbox = sdt.find(f"{W}sdtPr/{W14}checkbox")
    if checkbox is not None:
        state = checkbox.find(f"{W14}checked")
        value = state.get(f"{W14}val", "0") if state is not None else "0"
        parts.append(CHECKED if value.lower() in _TRUE else UNCHECKED)
    elif not _is_placeholder_sdt(sdt):
        content = sdt.find(f"{W}sdtContent")
        if content is not None:
            _collect(content, parts, boxes)


def _legacy_checked(box: ElementTree.Element) -> bool:
    """State of a legacy FORMCHECKBOX: w:checked overrides w:default."""
    for name in ("checked", "default"):
        node = box.find(f"{W}{name}")
        if node is not None:
            return node.get(f"{W}val", "1").lower() in _TRUE
    return False
