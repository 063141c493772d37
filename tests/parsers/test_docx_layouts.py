"""Word conventions: every tick-box style, placeholders, labels above values, ALL-CAPS labels,
the generated Word layouts, and a new label wording added by configuration alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.scoring import flatten_fields
from config import DEFAULT_CONFIG_DIR
from ingest_service.council_config import load_council_config
from ingest_service.synthetic.cases import generate_case
from ingest_service.synthetic.render_docx_layouts import (
    WORD_LAYOUTS,
    WordLayout,
    render_word_layout,
)
from parsers.dispatch import parse_attachment
from parsers.extraction import FieldExtraction, extract_fields
from parsers.form_schema import FormSchema
from parsers.mandatory import check_mandatory
from tests.parsers.builders import cell, docx, pair_row, para, table

POLICE = "Have the police been informed?"


def _extract(body: str, schema: FormSchema) -> FieldExtraction:
    return extract_fields(parse_attachment("form.docx", "", docx(body)), schema)


def _answer(body: str, schema: FormSchema, field_id: str = "police_informed") -> object:
    item = _extract(body, schema).fields.get(field_id)
    return None if item is None else item.value


def _value_cell(runs: str) -> list[str]:
    return [cell(para(POLICE)), cell(f"<w:p>{runs}</w:p>")]


def _run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _content_checkbox(checked: bool) -> str:
    return (
        f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/></w14:checkbox>'
        f"</w:sdtPr><w:sdtContent>{_run('?')}</w:sdtContent></w:sdt>"
    )


def _legacy_checkbox(state: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>'
        f"{state}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX "
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_drawn_tick_boxes(schema: FormSchema) -> None:
    assert _answer(table(pair_row(POLICE, "\u2610 Yes  \u2612 No")), schema) == "no"


def test_content_control_check_boxes_read_their_state(schema: FormSchema) -> None:
    runs = _content_checkbox(False) + _run(" Yes ") + _content_checkbox(True) + _run(" No")
    assert _answer(table(_value_cell(runs)), schema) == "no"


@pytest.mark.parametrize(
    ("yes_state", "no_state", "expected"),
    [
        ('<w:default w:val="1"/>', '<w:default w:val="0"/>', "yes"),
        ('<w:default w:val="0"/><w:checked/>', '<w:default w:val="0"/>', "yes"),
        ('<w:default w:val="1"/><w:checked w:val="0"/>', '<w:default w:val="1"/>', "no"),
    ],
)
def test_legacy_check_boxes_default_and_checked(
    schema: FormSchema, yes_state: str, no_state: str, expected: str
) -> None:
    runs = _legacy_checkbox(yes_state) + _run(" Yes ") + _legacy_checkbox(no_state) + _run(" No")
    assert _answer(table(_value_cell(runs)), schema) == expected


@pytest.mark.parametrize("strike", ["<w:strike/>", '<w:dstrike w:val="1"/>'])
def test_wrong_word_struck_through(schema: FormSchema, strike: str) -> None:
    runs = _run("Yes", strike) + _run(" / ") + _run("No")
    assert _answer(table(_value_cell(runs)), schema) == "no"
    inline = _run(f"{POLICE} Yes / ") + _run("No", strike) + _run(" / ") + _run("Not known", strike)
    assert _answer(f"<w:p>{inline}</w:p>", schema) == "yes"


@pytest.mark.parametrize(
    "mark", ['<w:highlight w:val="yellow"/>', '<w:shd w:val="clear" w:fill="FFFF00"/>']
)
def test_right_word_highlighted(schema: FormSchema, mark: str) -> None:
    runs = _run("Yes   ") + _run("No", mark) + _run("   Not known")
    assert _answer(table(_value_cell(runs)), schema) == "no"


def test_whole_answer_highlighted_is_plain_text(schema: FormSchema) -> None:
    runs = _run("No - awaiting LADO advice", '<w:highlight w:val="yellow"/>')
    assert _answer(table(_value_cell(runs)), schema) == "no"
    item = _extract(table(_value_cell(runs)), schema).fields["police_informed"]
    assert item.confidence > 0.5


def test_a_correction_struck_out_in_a_narrative_stays_text(schema: FormSchema) -> None:
    runs = (
        _run("On Tuesday afternoon a pupil told her class teacher that Mr Weston had ")
        + _run("pushed", "<w:strike/>")
        + _run(" grabbed her arm in the corridor and that it hurt for the rest of the day.")
    )
    body = table([cell(para("Details of the allegation")), cell(f"<w:p>{runs}</w:p>")])
    value = _answer(body, schema, "allegation_description")
    assert isinstance(value, str)
    assert "\u2612" not in value
    assert "grabbed her arm" in value


def test_placeholder_of_a_content_control_is_empty(schema: FormSchema) -> None:
    placeholder = (
        "<w:p><w:sdt><w:sdtPr><w:showingPlcHdr/><w:date/></w:sdtPr><w:sdtContent>"
        f"{_run('Click or tap to enter a date.')}</w:sdtContent></w:sdt></w:p>"
    )
    body = table([cell(para("Date of birth")), cell(placeholder)], pair_row("Sex", "Female"))
    extraction = _extract(body, schema)
    assert "subject_dob" not in extraction.fields
    assert extraction.fields["subject_gender"].value == "female"


def test_labels_above_values_with_merged_rows_and_all_caps(schema: FormSchema) -> None:
    body = table(
        [cell(para("SECTION 2: DETAILS OF THE ADULT"), span=3)],
        [cell(para("FULL NAME")), cell(para("ROLE")), cell(para("DATE OF BIRTH"))],
        [
            cell(para("Sam Weston")),
            cell(para("Designated Safeguarding Lead")),
            cell(para("3/4/1980")),
        ],
        [cell(para("SECTION 4: ALLEGATION"), span=3)],
        [cell(para("DETAILS OF THE ALLEGATION"), span=3)],
        [cell(para("A pupil said Mr Weston grabbed her arm.") + para("She had a mark."), span=3)],
        [cell(para("WAS THERE AN INJURY?"), span=3)],
        [cell(para("\u2612 Yes \u2610 No"), span=3)],
    )
    fields = _extract(body, schema).fields
    assert fields["subject_name"].value == "Sam Weston"
    assert fields["subject_role"].value == "Designated Safeguarding Lead"
    assert fields["subject_dob"].value == "1980-04-03"
    assert fields["allegation_description"].value == (
        "A pupil said Mr Weston grabbed her arm. She had a mark."
    )
    assert fields["injury"].value == "yes"


def test_all_caps_labels_beside_values(schema: FormSchema) -> None:
    body = table(pair_row("NAME OF ADULT", "Sam Weston"), pair_row("D.O.B.", "03.04.1980"))
    fields = _extract(body, schema).fields
    assert fields["subject_name"].value == "Sam Weston"
    assert fields["subject_dob"].value == "1980-04-03"


@pytest.mark.parametrize("layout", WORD_LAYOUTS)
def test_generated_word_layouts_extract_as_their_truth(
    schema: FormSchema, layout: WordLayout
) -> None:
    for seed, blanks in ((3, ()), (4, ("history",)), (5, ("children",))):
        case = generate_case(
            seed,
            form_layout="B" if layout.startswith("B") else "A",
            emailed=False,
            tick_choices=True,
            blank_sections=blanks,
            blank_style="placeholder",
        )
        data = render_word_layout(case, layout)
        fields = extract_fields(parse_attachment("form.docx", "", data), schema).output_fields()
        assert flatten_fields(fields) == flatten_fields(case.truth["fields"])
        missing = check_mandatory(fields, schema)
        assert list(missing.missing_sections) == case.truth["missing_sections"]


def test_a_new_label_wording_is_configuration_only(tmp_path: Path, schema: FormSchema) -> None:
    config_dir = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, config_dir)
    schema_file = config_dir / "form_schema.yaml"
    text = schema_file.read_text(encoding="utf-8")
    old = 'id: referrer_phone, type: phone, synonyms: ["Telephone", '
    assert old in text
    schema_file.write_text(text.replace(old, f'{old}"Direct dial", '), encoding="utf-8")
    body = table(pair_row("Your name", "Alex Morgan"), pair_row("Direct dial", "01632 960123"))
    assert "referrer_phone" not in _extract(body, schema).fields
    council = load_council_config(config_dir)
    assert _extract(body, council.form).fields["referrer_phone"].value == "01632 960123"
