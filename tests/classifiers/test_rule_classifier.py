"""The rule classifier on synthetic descriptions, negation, structured fields and versioning."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from classifiers.rule_classifier import RuleClassifier
from ingest_service.council_config import CouncilConfig

DESCRIPTIONS = [
    json.loads(line)
    for line in (Path(__file__).parent / "descriptions.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", DESCRIPTIONS, ids=lambda case: str(case["text"])[:40])
def test_synthetic_description(classifier: RuleClassifier, case: dict[str, object]) -> None:
    result = classifier.classify(str(case["text"])).to_json()
    assert sorted(result["allegation_types"]) == sorted(case["allegation_types"])  # type: ignore[call-overload]
    assert result["sector"] == case["sector"]


def test_classify_many_matches_classify(classifier: RuleClassifier) -> None:
    texts = [str(case["text"]) for case in DESCRIPTIONS[:5]]
    assert classifier.classify_many(texts) == [classifier.classify(text) for text in texts]


def test_label_negation_suppresses_label_in_its_sentence(classifier: RuleClassifier) -> None:
    negated = classifier.classify(
        "The coach sent the girl Snapchat messages. There was nothing sexual in them."
    )
    assert [item.label for item in negated.allegation_types] == ["online_safety"]
    plain = classifier.classify("The coach sent the girl sexual Snapchat messages.")
    assert {item.label for item in plain.allegation_types} == {"online_safety", "sexual"}


def test_no_physical_contact_leaves_other_sentences(classifier: RuleClassifier) -> None:
    text = "The teacher screamed at the pupil. He says there was no physical contact or pushing."
    assert [item.label for item in classifier.classify(text).allegation_types] == ["emotional"]
    slapped = "The carer slapped the boy. She says there was no physical contact."
    assert [item.label for item in classifier.classify(slapped).allegation_types] == ["physical"]


def test_negation_word_cancels_a_following_cue(classifier: RuleClassifier) -> None:
    text = "A pupil was restrained by two staff. No bruising or marks were seen."
    assert [item.label for item in classifier.classify(text).allegation_types] == [
        "physical_intervention"
    ]


def test_ticked_employer_type_wins_over_text(classifier: RuleClassifier) -> None:
    text = "The teacher at the primary school says the nurse slapped the child."
    assert classifier.classify(text).sector.label == "education"
    result = classifier.classify(text, {"employer_type": "health"})
    assert result.sector.label == "health"
    assert "employer_type: health" in result.sector.evidence


def test_employer_name_and_role_fields_decide_sector(classifier: RuleClassifier) -> None:
    text = "He grabbed the boy by the throat."
    structured = {"employer_name": "Riverside Academy Trust", "subject_role": "Teaching assistant"}
    result = classifier.classify(text, structured)
    assert result.sector.label == "education"
    assert "employer_name: Academy Trust" in result.sector.evidence
    police = classifier.classify(
        "The police were called to the school.", {"employer_name": "Wexcombe Constabulary"}
    )
    assert police.sector.label == "police"


def test_evidence_names_the_phrases(classifier: RuleClassifier) -> None:
    result = classifier.classify("The foster carer slapped him and left bruising on his arm.")
    physical = result.allegation_types[0]
    assert physical.label == "physical"
    assert {"slapped", "bruising"} <= set(physical.evidence)
    assert 0 < physical.score < 1


def test_referrer_category_is_only_a_hint(classifier: RuleClassifier) -> None:
    text = "The teacher held the boy's arm."
    assert classifier.classify(text, {"referrer_categories": ["physical"]}).allegation_types == ()
    hinted = classifier.classify("The coach shouted at her.", {"referrer_categories": "emotional"})
    plain = classifier.classify("The coach shouted at her.")
    assert hinted.allegation_types[0].score > plain.allegation_types[0].score


def test_nothing_found_needs_review(classifier: RuleClassifier) -> None:
    result = classifier.classify("Please call me back about this.")
    assert result.allegation_types == ()
    assert result.sector.label == "other"
    assert result.sector.score == 0.0
    assert result.needs_review


def test_review_threshold_is_a_parameter(council: CouncilConfig) -> None:
    text = "A youth worker gave a boy a lift home in his car."
    strict = RuleClassifier.build(council.taxonomy, council.rules, review_threshold=0.99)
    lenient = RuleClassifier.build(council.taxonomy, council.rules, review_threshold=0.1)
    assert strict.classify(text).needs_review
    assert not lenient.classify(text).needs_review


def test_to_json_shape(classifier: RuleClassifier) -> None:
    result = classifier.classify("A nursery worker left a toddler unattended.").to_json()
    assert result["allegation_types"] == ["neglect"]
    assert result["sector"] == "early_years"
    assert set(result) >= {"scores", "evidence", "model_version", "needs_review"}
    json.dumps(result)


def test_model_version_is_stable_and_tracks_rules(
    classifier: RuleClassifier, council: CouncilConfig
) -> None:
    again = RuleClassifier.build(council.taxonomy, council.rules)
    assert again.model_version == classifier.model_version
    assert re.fullmatch(r"rules-[0-9a-f]{12}", classifier.model_version)
    assert classifier.classify("x").model_version == classifier.model_version
    changed = council.rules.model_copy(update={"label_threshold": 0.41})
    assert changed.version != council.rules.version


def test_a_service_named_in_passing_does_not_set_the_sector(classifier: RuleClassifier) -> None:
    text = "The boy told his teacher that the youth worker slapped him at the drop-in."
    assert classifier.classify(text).sector.label == "voluntary_youth"
    assert classifier.classify("The teacher slapped the boy.").sector.label == "education"


def test_fostering_cues_tell_the_council_from_an_agency(classifier: RuleClassifier) -> None:
    council = "The kinship carer smacked the 6-year-old in placement."
    agency = "The foster carer with Orchard Fostering smacked the 6-year-old in placement."
    placing = "The foster carer smacked the 6-year-old; the placing authority has been told."
    assert classifier.classify(council).sector.label == "fostering_la"
    assert classifier.classify(agency).sector.label == "fostering_ifa"
    assert classifier.classify(placing).sector.label == "fostering_ifa"


def test_generic_foster_words_support_both_kinds(classifier: RuleClassifier) -> None:
    result = classifier.classify("The foster carer smacked the 6-year-old.")
    assert result.sector.label in {"fostering_la", "fostering_ifa"}
    assert result.sector.score < 0.3  # shared between the council's and an agency's
