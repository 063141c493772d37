"""Filling in a referral for one scenario: every field's answer, as written and normalised."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ingest_service.synthetic import pools, wording
from ingest_service.synthetic.model import Answer, Referrer
from ingest_service.synthetic.pools import Person, Town
from ingest_service.synthetic.scenarios import Scenario

CATEGORY_OF_TYPE = {
    "physical": "physical",
    "physical_intervention": "physical",
    "sexual": "sexual",
    "emotional": "emotional",
    "neglect": "neglect",
}
CATEGORY_ORDER = ("physical", "sexual", "emotional", "neglect", "conduct")
YES_NO_UNKNOWN = ("yes", "no", "unknown")
FIRST_REFERRAL_DAY = date(2026, 1, 5)


@dataclass(frozen=True)
class Style:
    """How this referrer writes: date style and whether choices are drawn as tick boxes."""

    date_style: str
    tick_yes_no: bool
    tick_categories: bool


@dataclass(frozen=True)
class Filled:
    """A filled-in referral before layout: answers by field id, one dict per child."""

    answers: dict[str, Answer]
    children: list[dict[str, Answer]]
    referrer: Referrer
    council: str
    setting: str
    referral_date: date


class _Writer:
    """Turns normalised values into answers in one referrer's style."""

    def __init__(self, rng: random.Random, style: Style) -> None:
        self.rng = rng
        self.style = style

    def text(self, value: str) -> Answer:
        return Answer(value, value)

    def day(self, value: date) -> Answer:
        return Answer(value.isoformat(), wording.say_date(value, self.style.date_style))

    def choice(self, field_id: str, option: str) -> Answer:
        if self.style.tick_yes_no and field_id not in wording.OPTION_WORDS:
            return Answer(option, wording.tick_boxes([option], YES_NO_UNKNOWN, wording.TICK_LABELS))
        return Answer(option, wording.say_choice(self.rng, field_id, option))

    def categories(self, chosen: list[str]) -> Answer:
        words = {
            key: spoken[0] for key, spoken in wording.OPTION_WORDS["referrer_categories"].items()
        }
        if self.style.tick_categories:
            return Answer(chosen, wording.tick_boxes(chosen, CATEGORY_ORDER, words))
        return Answer(chosen, ", ".join(words[option] for option in chosen))


def referrer_categories(allegation_types: tuple[str, ...]) -> list[str]:
    """The statutory-style categories a referrer ticks for these allegation types."""
    chosen = {CATEGORY_OF_TYPE.get(kind, "conduct") for kind in allegation_types}
    return [option for option in CATEGORY_ORDER if option in chosen]


def story_slots(
    scenario: Scenario,
    adult: Person,
    kids: list[Person],
    witness: Person,
    place: Town,
    council: str,
    rng: random.Random,
    ages: list[int],
) -> dict[str, str]:
    """The values a scenario's templates may refer to."""
    male = adult.gender == "male"
    child = kids[0]
    child_male = child.gender == "male"
    names = " and ".join(kid.first for kid in kids)
    return {
        "a": adult.formal,
        "he": "he" if male else "she",
        "his": "his" if male else "her",
        "His": "His" if male else "Her",
        "c": child.first,
        "cs": "he" if child_male else "she",
        "co": "him" if child_male else "her",
        "cp": "his" if child_male else "her",
        "kids": names,
        "have": "have" if len(kids) > 1 else "has",
        "their": "their" if len(kids) > 1 else ("his" if child_male else "her"),
        "age": str(ages[0]),
        "w": witness.formal,
        "day": rng.choice(pools.WEEKDAYS[:5]),
        "time": f"{rng.randint(1, 5)}.{rng.choice(('05', '15', '30', '45'))}pm",
        "year": str(rng.randint(2, 6)),
        "town": place.name,
        "council": council,
    }


def describe(rng: random.Random, scenario: Scenario, slots: dict[str, str]) -> str:
    """The allegation in the referrer's words: one sentence per slot, optional ones maybe."""
    sentences = [rng.choice(slot).format_map(slots) for slot in scenario.story]
    sentences = [sentence for sentence in sentences if sentence]
    if len(sentences) >= 5:
        cut = rng.randint(2, len(sentences) - 2)
        return " ".join(sentences[:cut]) + "\n" + " ".join(sentences[cut:])
    return " ".join(sentences)


def fill(rng: random.Random, scenario: Scenario, style: Style, n_children: int) -> Filled:
    """Every field of the form answered as this scenario's referrer would."""
    write = _Writer(rng, style)
    place = pools.town(rng)
    council = place.council(rng)
    adult = pools.person(rng, scenario.subject_gender)
    used = frozenset({adult.last})
    referrer_person = pools.person(rng, avoid=used)
    witness = pools.person(rng, avoid=used | {referrer_person.last})
    family = pools.person(rng, avoid=used | {referrer_person.last, witness.last})
    kids = [pools.person(rng, surname=family.last, child=True) for _ in range(n_children)]
    low, high = scenario.child_ages
    ages = [rng.randint(low, high) for _ in kids]

    referral_day = FIRST_REFERRAL_DAY + timedelta(days=rng.randint(0, 80))
    while referral_day.weekday() >= 5:  # referrals are sent on working days
        referral_day -= timedelta(days=1)
    incident_day = referral_day - timedelta(days=rng.randint(1, 6))
    reported_day = incident_day + timedelta(days=rng.randint(0, (referral_day - incident_day).days))
    slots = story_slots(scenario, adult, kids, witness, place, council, rng, ages)

    employer = rng.choice(scenario.employers).format_map(slots)
    organisation = (scenario.referrer_org or employer).format_map(slots)
    referrer = Referrer(
        name=referrer_person.full,
        role=rng.choice(scenario.referrer_roles),
        organisation=organisation,
        phone=pools.phone(rng),
        email=pools.email(rng, referrer_person, scenario.school_email),
    )
    role = rng.choice(scenario.roles).format_map(slots)
    a: dict[str, Answer] = {
        "referrer_name": write.text(referrer.name),
        "referrer_role": write.text(referrer.role),
        "referrer_organisation": write.text(referrer.organisation),
        "referrer_phone": write.text(referrer.phone),
        "referrer_email": write.text(referrer.email),
        "referral_date": write.day(referral_day),
        "subject_name": write.text(adult.full),
        "subject_gender": write.choice("subject_gender", adult.gender),
        "subject_role": write.text(role),
        "employment_basis": write.choice("employment_basis", rng.choice(scenario.bases)),
        "other_roles_with_children": write.text(rng.choice(scenario.other_roles)),
        "subject_aware": write.choice("subject_aware", rng.choice(YES_NO_UNKNOWN)),
        "employer_name": write.text(employer),
        "employer_address": write.text(place.address(rng)),
        "employer_type": Answer(scenario.sector, rng.choice(scenario.employer_kinds)),
        "case_manager": write.text(rng.choice((referrer.name, pools.person(rng).full))),
        "incident_date": write.day(incident_day),
        "date_reported_to_employer": write.day(reported_day),
        "incident_location": write.text(rng.choice(scenario.locations).format_map(slots)),
        "allegation_description": write.text(describe(rng, scenario, slots)),
        "referrer_categories": write.categories(referrer_categories(scenario.allegation_types)),
        "allegation_made_by": write.choice("allegation_made_by", rng.choice(scenario.made_by)),
        "injury": write.choice("injury", scenario.injury),
    }
    if rng.random() < 0.8:
        a["subject_dob"] = write.day(
            date(rng.randint(1966, 2001), rng.randint(1, 12), rng.randint(1, 28))
        )
    else:
        a["subject_dob"] = write.text("Not known")
    a["subject_address"] = write.text(place.address(rng) if rng.random() < 0.6 else "Not known")
    a.update(_history(rng, write))
    a.update(_actions(rng, write, scenario, slots))
    children = [
        _child(rng, write, scenario, kid, age, incident_day, council)
        for kid, age in zip(kids, ages, strict=True)
    ]
    setting = rng.choice((employer, f"{role} - {employer}"))
    return Filled(a, children, referrer, council, setting, referral_day)


def _history(rng: random.Random, write: _Writer) -> dict[str, Answer]:
    previous = rng.choices(YES_NO_UNKNOWN, weights=(2, 6, 1))[0]
    answers = {"previous_concerns": write.choice("previous_concerns", previous)}
    if previous == "yes":
        answers["previous_concerns_details"] = write.text(
            rng.choice(
                (
                    "An informal concern about over-familiar remarks in 2024, dealt with in house.",
                    "Advice given about professional boundaries last year; no referral was made.",
                    "A complaint from a parent in 2025 about shouting, which was not upheld.",
                )
            )
        )
    return answers


def _actions(
    rng: random.Random, write: _Writer, scenario: Scenario, slots: dict[str, str]
) -> dict[str, Answer]:
    steps = rng.sample(scenario.actions, k=min(len(scenario.actions), rng.randint(2, 3)))
    steps = sorted(steps, key=scenario.actions.index)
    done = " ".join(step.format_map(slots) for step in steps)
    return {
        "actions_taken": write.text(done),
        "police_informed": write.choice("police_informed", scenario.police),
        "social_care_informed": write.choice(
            "social_care_informed", rng.choice(("yes", "yes", "no"))
        ),
        "ofsted_informed": write.choice("ofsted_informed", "yes" if "Ofsted" in done else "no"),
        "subject_status": write.choice("subject_status", rng.choice(scenario.statuses)),
    }


def _child(
    rng: random.Random,
    write: _Writer,
    scenario: Scenario,
    kid: Person,
    age: int,
    incident_day: date,
    council: str,
) -> dict[str, Answer]:
    birthday = incident_day.replace(year=incident_day.year - age - 1) + timedelta(
        days=rng.randint(1, 364)
    )
    send = scenario.key in ("taxi_escort_shouting", "teaching_assistant_belittling")
    answers = {
        "child_name": write.text(kid.full),
        "child_dob": write.day(birthday),
        "child_age": write.text(str(age)),
        "child_gender": write.choice("child_gender", kid.gender),
        "child_send": write.choice(
            "child_send", "yes" if send else rng.choices(YES_NO_UNKNOWN, (1, 5, 1))[0]
        ),
        "child_in_care": write.choice("child_in_care", "yes" if scenario.in_care else "no"),
        "parents_informed": write.choice(
            "parents_informed", rng.choice(("no", "unknown")) if scenario.in_care else "yes"
        ),
    }
    if scenario.in_care:
        answers["child_home_la"] = write.text(rng.choice((council, pools.town(rng).council(rng))))
    return answers
