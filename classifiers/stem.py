"""A small suffix-stripping stemmer, so token patterns can match inflections without a lemmatizer.

`spacy.blank("en")` has no lemma tables, so rules write `STEM: grab` and the classifier compares
`stem(pattern word)` with `stem(token)`: "grab", "grabs", "grabbed" and "grabbing" all become
"grab". Stems are match keys, not words: "abuse" and "abused" both become "abus".
"""

from __future__ import annotations

from functools import lru_cache

_IRREGULAR = {
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
    "being": "be",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "sent": "send",
    "told": "tell",
    "held": "hold",
    "threw": "throw",
    "thrown": "throw",
    "struck": "strike",
    "caught": "catch",
    "left": "leave",
    "made": "make",
    "swore": "swear",
    "sworn": "swear",
    "bought": "buy",
    "brought": "bring",
    "drove": "drive",
    "driven": "drive",
    "fed": "feed",
    "beaten": "beat",
    "shook": "shake",
    "shaken": "shake",
    "bitten": "bite",
    "fell": "fall",
    "slept": "sleep",
    "met": "meet",
    "kept": "keep",
    "forgot": "forget",
    "forgotten": "forget",
    "wrote": "write",
    "written": "write",
    "said": "say",
    "saw": "see",
    "seen": "see",
    "children": "child",
    "men": "man",
    "women": "woman",
    "people": "person",
    "withheld": "withhold",
}
_KEEP_DOUBLE = frozenset("lsfz")
_MIN_STEM = 3


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The match key of one lower- or mixed-case word (see the module docstring)."""
    word = word.lower().replace("\u2019", "'")
    word = _IRREGULAR.get(word, word)
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > _MIN_STEM:
            word = word[:-1]
    if word.endswith("e") and len(word) > _MIN_STEM:
        word = word[:-1]
    if len(word) > _MIN_STEM and word[-1] == word[-2] and word[-1] not in _KEEP_DOUBLE:
        word = word[:-1]
    return word
