"""Filling a referral's reporting columns from its answers and classification.

Reports and the dashboard group by these columns in SQL; every value is an id of
config/case_reporting.yaml or of the taxonomy, never free text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from ingest_service.cases.reporting_config import CaseReporting, Districts, KeywordCategories
from ingest_service.store.models import Referral, ReferralAllegationType

CHILDREN = "children"
_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*[0-9][A-Z]{2}\b")
_NOT_NAME = re.compile(r"[^a-z\s'-]+")


def refresh_reporting_fields(referral: Referral, config: CaseReporting) -> None:
    """Recompute every reporting column of the referral from its fields and classification."""
    fields = referral.fields or {}
    classification = referral.classification or {}
    referral.sector = classification.get("sector") or _text(fields.get("employer_type")) or None
    set_allegation_types(referral, classification.get("allegation_types") or [])
    referral.role_category = categorise(fields.get("subject_role"), config.role_categories)
    referral.district = district_of(fields.get("employer_address"), config.districts)
    source_text = " ".join(
        _text(fields.get(key)) for key in ("referrer_organisation", "referrer_role")
    )
    referral.referral_source = categorise(source_text, config.referral_sources)
    children = [c for c in fields.get(CHILDREN) or [] if isinstance(c, Mapping)]
    referral.any_child_send = any_child(children, "child_send")
    referral.any_child_in_care = any_child(children, "child_in_care")
    referral.subject_key = subject_key(fields.get("subject_name"), fields.get("subject_dob"))


def set_allegation_types(referral: Referral, allegation_types: Iterable[str]) -> None:
    """Make the referral's type rows exactly these types, keeping rows that stay."""
    wanted = set(allegation_types)
    kept = [row for row in referral.allegation_type_rows if row.allegation_type in wanted]
    have = {row.allegation_type for row in kept}
    added = [ReferralAllegationType(allegation_type=t) for t in sorted(wanted - have)]
    referral.allegation_type_rows = kept + added


def words(value: object) -> str:
    """Lower-case text with typographic apostrophes straightened and spaces collapsed."""
    return " ".join(_text(value).lower().replace("\u2019", "'").split())


def has_phrase(text: str, phrase: str) -> bool:
    """Whether the phrase appears in the (lower-case) text as whole words."""
    pattern = rf"(?<![a-z0-9]){re.escape(phrase.lower())}(?![a-z0-9])"
    return re.search(pattern, text) is not None


def categorise(value: object, categories: KeywordCategories) -> str | None:
    """The first category with a keyword in the answer; the fallback if none; None if blank."""
    text = words(value)
    if not text:
        return None
    for entry in categories.entries:
        if any(has_phrase(text, keyword) for keyword in entry.keywords):
            return entry.id
    return categories.fallback


def district_of(address: object, districts: Districts) -> str | None:
    """The district of an address by postcode, else by town; the fallback if neither matches."""
    text = words(address)
    if not text:
        return None
    postcode = _POSTCODE.search(text.upper())
    if postcode:
        outward = postcode.group(1)
        for entry in districts.entries:
            if any(_outward_matches(outward, prefix) for prefix in entry.postcode_prefixes):
                return entry.id
    for entry in districts.entries:
        if any(has_phrase(text, town) for town in entry.towns):
            return entry.id
    return districts.fallback


def _outward_matches(outward: str, prefix: str) -> bool:
    """ZZ1 matches ZZ1 only (not ZZ10); a letters-only prefix (ZZ) matches its whole area."""
    prefix = prefix.upper().replace(" ", "")
    if prefix.isalpha():
        area = re.match(r"[A-Z]+", outward)
        return area is not None and area.group(0) == prefix
    return outward == prefix


def any_child(children: list[Mapping[str, Any]], key: str) -> bool | None:
    """True if any child is "yes", False if every child is "no", None when not known."""
    answers = [_text(child.get(key)).lower() for child in children]
    if "yes" in answers:
        return True
    if answers and all(answer == "no" for answer in answers):
        return False
    return None


def normalised_name(name: object) -> str:
    """A name without accents, case, punctuation or word order ("Smith, Jo" = "jo smith")."""
    plain = unicodedata.normalize("NFKD", _text(name)).encode("ascii", "ignore").decode()
    tokens = _NOT_NAME.sub(" ", plain.lower()).replace("-", " ").replace("'", "").split()
    return " ".join(sorted(tokens))


def subject_key(name: object, date_of_birth: object) -> str | None:
    """A hex SHA-256 of the normalised name and date of birth, linking repeat referrals."""
    normal = normalised_name(name)
    if not normal:
        return None
    return hashlib.sha256(f"{normal}|{_text(date_of_birth).strip()}".encode()).hexdigest()


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return " ".join(str(item) for item in value)
    return "" if value is None else str(value)
