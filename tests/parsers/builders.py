"""Building small test documents from bytes (no binary fixtures in the repository)."""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def docx(body: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx whose body is the given WordprocessingML."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" '
        f'xmlns:w14="{W14_NS}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return buffer.getvalue()


def para(text: str) -> str:
    """A paragraph with one run of text."""
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def cell(content: str, span: int = 1, merge: str | None = None) -> str:
    """A table cell holding paragraphs (or a nested table)."""
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if merge is not None:
        props += f'<w:vMerge w:val="{merge}"/>' if merge else "<w:vMerge/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content or '<w:p/>'}</w:tc>"


def table(*rows: list[str]) -> str:
    """A table from rows of already-built cells."""
    body = "".join("<w:tr>" + "".join(row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{body}</w:tbl>"


def pair_row(label: str, value: str) -> list[str]:
    """A label cell beside a value cell."""
    return [cell(para(label)), cell(para(value) if value else "")]
