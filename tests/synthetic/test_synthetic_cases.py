"""Case generation: determinism, coverage of the taxonomy, and truth that follows the schema."""

from __future__ import annotations

import itertools
import random

import pytest

from ingest_service.synthetic.answers import story_slots
from ingest_service.synthetic.cases import council_config, generate_case
from ingest_service.synthetic.corpus import corpus_cases
from ingest_service.synthetic.pools import Person, Town
from ingest_service.synthetic.scenarios import SCENARIOS, Scenario


def test_same_seed_same_case() -> None:
    assert generate_case(11) == generate_case(11)
    assert generate_case(11).truth == generate_case(11).truth
    assert generate_case(11).truth != generate_case(12).truth


def test_corpus_covers_every_allegation_type_and_sector() -> None:
    taxonomy = council_config().taxonomy
    cases = corpus_cases(60, seed=3)
    types = {kind for case in cases for kind in case.truth["classification"]["allegation_types"]}
    sectors = {case.truth["classification"]["sector"] for case in cases}
    assert types == set(taxonomy.allegation_type_ids)
    assert sectors == set(taxonomy.sector_ids)


def test_truth_has_the_shared_shape() -> None:
    schema = council_config().form
    known = {spec.id for section in schema.sections for spec in section.fields}
    for case in corpus_cases(30, seed=5):
        truth = case.truth
        assert list(truth) in (
            ["layout", "fields", "missing_fields", "missing_sections", "classification"],
            ["layout", "variant", "fields", "missing_fields", "missing_sections", "classification"],
        )
        assert set(truth["fields"]) - {"children"} <= known
        for key, value in truth["fields"].items():
            if key != "children" and schema.field(key).type == "choice":
                assert value in schema.field(key).options


@pytest.mark.parametrize(
    "section_id",
    ["referrer", "subject", "employer", "allegation", "children", "history", "actions"],
)
def test_blanked_section_is_reported_missing(section_id: str) -> None:
    schema = council_config().form
    section = schema.section(section_id)
    case = generate_case(21, blank_sections=[section_id], blank_style="placeholder")
    expected = [entry if isinstance(entry, str) else entry[0] for entry in section.required]
    assert case.truth["missing_sections"] == [section_id]
    assert case.truth["missing_fields"] == expected
    for field_id in expected:
        assert field_id not in case.truth["fields"]
    rows = [
        row
        for form_section in case.sections
        if form_section.section_id == section_id
        for row in form_section.rows
        if row.field_id in expected
    ]
    assert rows and all(row.text == "Click or tap here to enter text." for row in rows)


def test_missing_lists_follow_schema_order() -> None:
    case = generate_case(4, blank_sections=["actions", "referrer"], blank_fields=["incident_date"])
    assert case.truth["missing_sections"] == ["referrer", "allegation", "actions"]
    assert case.truth["missing_fields"] == [
        "referrer_name",
        "referrer_organisation",
        "referrer_phone",
        "incident_date",
        "actions_taken",
    ]


def test_two_children_are_listed() -> None:
    case = generate_case(8, n_children=2)
    assert len(case.truth["fields"]["children"]) == 2
    assert [
        row.label for section in case.sections for row in section.rows if row.field_id is None
    ] == ["Child 1", "Child 2"]


def _every_story(scenario: Scenario) -> list[list[str]]:
    return [list(choice) for choice in itertools.product(*scenario.story)]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.key)
def test_every_story_fills_and_runs_three_to_six_sentences(scenario: Scenario) -> None:
    rng = random.Random(0)
    kids = [Person("Ava", "Quayle", "female"), Person("Leo", "Quayle", "male")]
    slots = story_slots(
        scenario,
        Person("Ben", "Lomax", "male"),
        kids,
        Person("Una", "Varley", "female"),
        Town("Wrenfield", "WR"),
        "Wrenfield Borough Council",
        rng,
        [9, 7],
    )
    for story in _every_story(scenario):
        sentences = [sentence.format_map(slots) for sentence in story if sentence]
        assert 3 <= len(sentences) <= 6
        assert "{" not in " ".join(sentences)


def test_contact_details_are_fictional() -> None:
    for case in corpus_cases(40, seed=9):
        fields = case.truth["fields"]
        if "referrer_phone" in fields:
            assert fields["referrer_phone"].startswith("01632 960")
        if "referrer_email" in fields:
            assert fields["referrer_email"].endswith(("@example.org", "@example.sch.uk"))
