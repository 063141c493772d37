"""Answers as Word fill-in controls: content controls (w:sdt, w14:checkbox) and legacy form
fields (FORMTEXT, FORMCHECKBOX)."""

from __future__ import annotations

import random
from xml.sax.saxutils import quoteattr

from ingest_service.synthetic.model import Row
from ingest_service.synthetic.render_docx_xml import (
    DATE_PLACEHOLDER,
    is_unanswered,
    paragraph,
    run,
    tick_options,
)
from ingest_service.synthetic.wording import PLACEHOLDER

_EMPTY_FORMTEXT = "\u2002" * 5
_BOX_GAP = "   "


def content_control_value(rng: random.Random, row: Row, number: int, date: bool) -> str:
    """The answer cell's paragraphs: tick-box controls, a placeholder, or a text control."""
    options = tick_options(row.text)
    if options:
        return paragraph(_BOX_GAP.join(_checkbox_control(t) + run(f" {c}") for t, c in options))
    tag = f'<w:alias w:val={quoteattr(row.label)}/><w:tag w:val="field{number}"/>'
    if is_unanswered(row):
        prompt = DATE_PLACEHOLDER if date else PLACEHOLDER
        props = f"{tag}<w:showingPlcHdr/>{'<w:date/>' if date else '<w:text/>'}"
        return paragraph(_sdt(props, run(prompt, '<w:rStyle w:val="PlaceholderText"/>')))
    multi = '<w:text w:multiLine="1"/>' if "\n" in row.text else "<w:text/>"
    if rng.random() < 0.5:
        return paragraph(_sdt(tag + multi, run(row.text)))
    lines = "".join(paragraph(run(line)) for line in row.text.split("\n"))
    return _sdt(tag + "<w:richText/>", lines)


def legacy_field_value(rng: random.Random, row: Row) -> str:
    """The answer cell's paragraph: FORMCHECKBOX boxes, or a FORMTEXT field and its result."""
    options = tick_options(row.text)
    if options:
        return paragraph(_BOX_GAP.join(_form_checkbox(rng, t) + run(f" {c}") for t, c in options))
    result = _EMPTY_FORMTEXT if is_unanswered(row) else row.text
    return paragraph(_field("<w:textInput/>", "FORMTEXT", run(result)))


def _sdt(props: str, content: str) -> str:
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


def _checkbox_control(ticked: bool) -> str:
    state = (
        f'<w14:checkbox><w14:checked w14:val="{int(ticked)}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
    )
    glyph = "\u2612" if ticked else "\u2610"
    return _sdt(state, run(glyph, '<w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/>'))


def _form_checkbox(rng: random.Random, ticked: bool) -> str:
    """A legacy check box; its state in w:default alone, or w:checked overriding it."""
    if rng.random() < 0.5:
        state = f'<w:default w:val="{int(ticked)}"/>'
    else:
        state = f'<w:default w:val="{int(not ticked)}"/><w:checked w:val="{int(ticked)}"/>'
    return _field(f"<w:checkBox><w:sizeAuto/>{state}</w:checkBox>", "FORMCHECKBOX", "")


def _field(data: str, instruction: str, result: str) -> str:
    """A legacy form field: begin (with its ffData), instruction, separate, result, end."""
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val=""/><w:enabled/>'
        f'<w:calcOnExit w:val="0"/>{data}</w:ffData></w:fldChar></w:r>'
    )
    instr = f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
    separate = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    return f"{begin}{instr}{separate}{result}{end}" if result else f"{begin}{instr}{end}"
