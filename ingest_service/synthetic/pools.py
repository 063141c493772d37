"""Invented names, places and contact details for synthetic referrals (all fictional)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

Gender = Literal["male", "female"]
GENDERS: tuple[Gender, ...] = ("male", "female")

MALE_FIRST = (
    "Aaron",
    "Adeel",
    "Alfie",
    "Ben",
    "Callum",
    "Connor",
    "Darren",
    "Dominic",
    "Elliot",
    "Faisal",
    "Gareth",
    "Harvey",
    "Idris",
    "Jamal",
    "Jordan",
    "Kieran",
    "Leon",
    "Marcus",
    "Nathan",
    "Oliver",
    "Piotr",
    "Rhys",
    "Samir",
    "Toby",
    "Tyler",
    "Wes",
    "Zac",
)
FEMALE_FIRST = (
    "Abbie",
    "Amira",
    "Bethan",
    "Chloe",
    "Danielle",
    "Ellie",
    "Esme",
    "Freya",
    "Gemma",
    "Hollie",
    "Imani",
    "Jess",
    "Kayla",
    "Lauren",
    "Maisie",
    "Nadia",
    "Olivia",
    "Priya",
    "Rosie",
    "Sadia",
    "Tanya",
    "Una",
    "Victoria",
    "Yasmin",
    "Zara",
)
BOY_FIRST = (
    "Alfie",
    "Archie",
    "Ayaan",
    "Bobby",
    "Charlie",
    "Ethan",
    "Finley",
    "Harvey",
    "Jayden",
    "Kacper",
    "Leo",
    "Mason",
    "Noah",
    "Oscar",
    "Reuben",
    "Theo",
    "Zain",
)
GIRL_FIRST = (
    "Amber",
    "Aisha",
    "Ava",
    "Darcy",
    "Ellie",
    "Evie",
    "Holly",
    "Isla",
    "Lacey",
    "Lily",
    "Maisie",
    "Mia",
    "Nevaeh",
    "Poppy",
    "Ruby",
    "Sienna",
    "Zofia",
)
SURNAMES = (
    "Ashdown",
    "Bannerman",
    "Birtwistle",
    "Caddick",
    "Chaudhry",
    "Dunmore",
    "Ellery",
    "Fairclough",
    "Garside",
    "Hallworth",
    "Iqbal",
    "Jagger",
    "Kowalczyk",
    "Lomax",
    "Mensah",
    "Nuttall",
    "Okafor",
    "Pemberton",
    "Quayle",
    "Rushworth",
    "Sowerby",
    "Thackray",
    "Uddin",
    "Varley",
    "Whitlock",
    "Yardley",
)
TOWNS = (
    ("Wrenfield", "WR"),
    ("Hollowmere", "HM"),
    ("Castlebury", "CY"),
    ("Thornleigh", "TL"),
    ("Ravensby", "RV"),
    ("Kingsholt", "KH"),
    ("Aldermoor", "AM"),
    ("Brackenford", "BF"),
)
STREETS = (
    "Mill Lane",
    "Church Street",
    "Coldwell Road",
    "Victoria Terrace",
    "Orchard Close",
    "Foundry Street",
    "Beech Avenue",
    "Quarry Hill",
    "Canal Walk",
    "Station Road",
)
COUNCIL_KINDS = (
    "Borough Council",
    "County Council",
    "City Council",
    "Metropolitan Borough Council",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Person:
    """An invented adult or child."""

    first: str
    last: str
    gender: Gender

    @property
    def full(self) -> str:
        """First name and surname."""
        return f"{self.first} {self.last}"

    @property
    def formal(self) -> str:
        """Title and surname, as a referrer refers to a colleague."""
        return f"{'Mr' if self.gender == 'male' else 'Ms'} {self.last}"


@dataclass(frozen=True)
class Town:
    """A fictional town with its invented postcode area."""

    name: str
    area: str

    def postcode(self, rng: random.Random) -> str:
        """A postcode-shaped string in this town's invented area."""
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        unit = f"{rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
        return f"{self.area}{rng.randint(1, 9)} {unit}"

    def address(self, rng: random.Random) -> str:
        """A house address in this town."""
        return f"{rng.randint(2, 98)} {rng.choice(STREETS)}, {self.name}, {self.postcode(rng)}"

    def council(self, rng: random.Random) -> str:
        """The town's (fictional) council."""
        return f"{self.name} {rng.choice(COUNCIL_KINDS)}"


def person(
    rng: random.Random,
    gender: Gender | None = None,
    avoid: frozenset[str] = frozenset(),
    surname: str | None = None,
    child: bool = False,
) -> Person:
    """An invented adult or child, of the given gender or either, with this surname or one
    not in `avoid`."""
    chosen = rng.choice(GENDERS) if gender is None else gender
    if child:
        first = rng.choice(BOY_FIRST if chosen == "male" else GIRL_FIRST)
    else:
        first = rng.choice(MALE_FIRST if chosen == "male" else FEMALE_FIRST)
    last = surname or rng.choice([name for name in SURNAMES if name not in avoid])
    return Person(first, last, chosen)


def town(rng: random.Random) -> Town:
    """A fictional town."""
    name, area = rng.choice(TOWNS)
    return Town(name, area)


def phone(rng: random.Random) -> str:
    """A number in Ofcom's drama range (01632 960000-960999)."""
    return f"01632 960{rng.randint(0, 999):03d}"


def email(rng: random.Random, who: Person, school: bool) -> str:
    """A work email address on a reserved example domain."""
    domain = "example.sch.uk" if school else "example.org"
    local = rng.choice((f"{who.first}.{who.last}", f"{who.first[0]}.{who.last}"))
    return f"{local.lower()}@{domain}"
