"""How referrers write things on a form: headings, option wordings, dates, tick boxes."""
# ruff: noqa: RUF001 - en dashes are what referrers type

from __future__ import annotations

import random
from datetime import date

PLACEHOLDER = "Click or tap here to enter text."
TICKED, UNTICKED = "☒", "☐"

SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "referrer": ("Details of person making the referral", "Your details", "Referrer information"),
    "subject": (
        "Details of staff member / volunteer",
        "Details of the adult subject to the allegation",
        "Person the allegation is against",
    ),
    "employer": ("Employer details", "Organisation details", "Employing organisation"),
    "allegation": ("Allegation / concern", "Details of the allegation", "Nature of the concern"),
    "children": ("Children involved", "Details of the child(ren)", "Child / young person details"),
    "history": ("History", "Previous concerns", "Previous allegations / concerns about this adult"),
    "actions": (
        "Actions taken",
        "Immediate actions and agencies informed",
        "What has happened since",
    ),
}

FORM_TITLES = (
    "LADO Referral Form",
    "Referral to the Local Authority Designated Officer (LADO)",
    "LADO Referral",
)

YES_NO: dict[str, tuple[str, ...]] = {
    "yes": ("Yes",),
    "no": ("No",),
    "unknown": ("Not known", "Unknown", "Don't know"),
}

QUALIFIED: dict[tuple[str, str], tuple[str, ...]] = {
    ("police_informed", "no"): ("No – awaiting LADO advice", "No – not at this stage"),
    ("police_informed", "yes"): ("Yes – crime reference awaited",),
    ("social_care_informed", "yes"): (
        "Yes – MASH consulted for advice",
        "Yes – front door informed",
    ),
    ("ofsted_informed", "yes"): ("Yes – notification submitted",),
    ("injury", "yes"): ("Yes – see details above", "Yes – marks seen"),
    ("parents_informed", "unknown"): ("N/A – placing authority informed",),
    ("subject_aware", "no"): ("Not yet", "No – not yet told"),
}

OPTION_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "gender": {"male": ("Male", "M"), "female": ("Female", "F"), "unknown": ("Not known",)},
    "employment_basis": {
        "permanent": ("Permanent", "Permanent, full time", "Paid – permanent contract"),
        "temporary": ("Temporary", "Temporary / casual"),
        "fixed_term": ("Fixed-term contract",),
        "agency": ("Agency staff", "Agency worker"),
        "volunteer": ("Volunteer", "Unpaid volunteer"),
        "student": ("Student on placement",),
        "self_employed": ("Self-employed",),
        "foster_carer": ("Foster carer", "Approved foster carer"),
        "unknown": ("Not known",),
    },
    "allegation_made_by": {
        "child": ("Child", "The child"),
        "parent_carer": ("Parent / carer", "Parent"),
        "colleague": ("Colleague", "Member of staff (colleague)"),
        "other_professional": ("Other professional",),
        "police": ("Police",),
        "member_of_public": ("Member of the public",),
        "self_report": ("Self-report", "The adult themselves (self-referral)"),
    },
    "subject_status": {
        "suspended": ("Suspended", "Suspended on full pay"),
        "redeployed": ("Redeployed", "Redeployed – no contact with children"),
        "working": ("Working as normal", "Still working"),
        "not_working": ("Not working", "Not currently working"),
        "unknown": ("Not known",),
    },
    "referrer_categories": {
        "physical": ("Physical",),
        "sexual": ("Sexual",),
        "emotional": ("Emotional",),
        "neglect": ("Neglect",),
        "conduct": ("Conduct / suitability",),
    },
}
OPTION_WORDS["subject_gender"] = OPTION_WORDS["child_gender"] = OPTION_WORDS["gender"]

TICK_LABELS: dict[str, str] = {"yes": "Yes", "no": "No", "unknown": "Not known"}


def say_choice(rng: random.Random, field_id: str, option: str) -> str:
    """A referrer's wording of one option of a choice field."""
    if (field_id, option) in QUALIFIED and rng.random() < 0.35:
        return rng.choice(QUALIFIED[field_id, option])
    words = OPTION_WORDS.get(field_id, YES_NO)
    return rng.choice(words[option])


def tick_boxes(chosen: list[str], options: tuple[str, ...], words: dict[str, str]) -> str:
    """Options drawn as ☒/☐ characters, as Word forms show them."""
    return "   ".join(
        f"{TICKED if option in chosen else UNTICKED} {words[option]}" for option in options
    )


def date_style(rng: random.Random, *, in_email: bool) -> str:
    """One way of writing dates, used throughout a form."""
    styles = ["numeric", "long"] + (["dotted"] if in_email else [])
    return rng.choice(styles)


def say_date(day: date, style: str) -> str:
    """A date written in the given style."""
    if style == "long":
        return f"{day.day} {day:%B %Y}"
    if style == "dotted":
        return f"{day:%d.%m.%y}"
    return f"{day:%d/%m/%Y}"
