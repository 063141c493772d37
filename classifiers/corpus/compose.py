"""Composing descriptions from the hand-written fragments, deterministically from a seed.

Every fragment list is split by position: every fifth fragment (index % 5 == 4; the last one
of a list of three or four) is kept for the held-out split, so a held-out description never
reuses an incident, opening, role or place seen in training. Lists of one or two are shared.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from classifiers.corpus.incidents import INCIDENTS
from classifiers.corpus.sectors import SECTORS, SectorFragments

T = TypeVar("T")

CLOSINGS = (
    "The adult has been suspended pending your advice.",
    "Parents have been informed.",
    "We have not yet spoken to the member of staff.",
    "The child has been seen by a doctor.",
    "Police have been told and are considering whether to investigate.",
    "The adult denies it.",
    "They have been removed from working with children while we take advice.",
    "I would be grateful for a strategy discussion.",
    "Other children may have been affected.",
    "A written account from the child is attached.",
    "The adult says it was a misunderstanding.",
    "We have asked the adult not to contact the child.",
    "I have recorded this on our safeguarding system.",
    "There have been earlier low-level concerns about the same person.",
    "",
)
HELD_OUT = "test"


NAMES = ("Mr K", "Ms D", "Mrs P", "Mr A", "Miss R", "Mr J", "Ms T", "Mrs H", "Mr S", "Ms L")


def held_out_indices(count: int) -> set[int]:
    """Positions of a fragment list kept for the held-out split."""
    if count < 3:
        return set()
    return {index for index in range(count) if index % 5 == 4} or {count - 1}


def pool(items: Sequence[T], split: str) -> list[T]:
    """The fragments a split may use (all of a list of one or two)."""
    held = held_out_indices(len(items))
    if not held:
        return list(items)
    return [item for index, item in enumerate(items) if (index in held) == (split == HELD_OUT)]


def _adult(rng: random.Random, frags: SectorFragments, split: str, style: str) -> tuple[str, str]:
    """First and later mentions of the adult: role and employer, role alone, or a name."""
    if style == "implicit":
        name = rng.choice(pool(NAMES, split))
        return name, name
    role = rng.choice(pool(frags.roles, split))
    article = "an" if role[0] in "aeiouAEIOU" else "a"
    if style == "named":
        return f"{article} {role} {rng.choice(pool(frags.named, split))}", f"the {role}"
    return f"{article} {role}", f"the {role}"


def compose(
    rng: random.Random, sector: str, types: tuple[str, ...], split: str
) -> dict[str, object]:
    """One description of `types` in `sector`: opening, incident, optional closing."""
    frags = SECTORS[sector]
    voice, opening = rng.choice(pool(frags.voices, split))
    style = rng.choice(("named", "role", "implicit"))
    adult, adult_again = _adult(rng, frags, split, style)
    he, his, him = rng.choice((("he", "his", "him"), ("she", "her", "her")))
    he_child, his_child, his_child_obj = rng.choice((("he", "his", "him"), ("she", "her", "her")))
    incident = rng.choice(pool(INCIDENTS[types], split))
    if "{adult}" in incident[:8]:
        first = incident.replace("{adult}", adult[0].upper() + adult[1:], 1)
    else:
        first = incident.replace("{adult}", adult, 1)
    text = first.replace("{adult}", adult_again).format(
        child=rng.choice(pool(frags.children, split)),
        place=rng.choice(pool(frags.places, split)),
        he=he,
        his=his,
        him=him,
        he_child=he_child,
        his_child=his_child,
        his_child_obj=his_child_obj,
    )
    text = text[0].upper() + text[1:]
    parts = [opening, text] if style == "implicit" or rng.random() < 0.6 else [text]
    closing = rng.choice(pool(CLOSINGS, split))
    if closing:
        parts.append(closing)
    return {
        "text": " ".join(parts),
        "allegation_types": list(types),
        "sector": sector,
        "voice": voice,
        "split": split,
        "source": "composed",
    }
