"""Word forms and constants shared by the dictionary and the cast."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from ..vocab import word_lists


ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
WORDS = word_lists("actor_words.yaml")  # the closed word lists, each described in the file
PRONOUN_GENDER: dict[str, str] = WORDS["pronoun_gender"]
STATE_PRONOUNS = WORDS["state_pronouns"]
FROM_GOVERNMENT = WORDS["from_government"]
PLACE_NOUNS = WORDS["place_nouns"]
MINISTRY_NOUNS = WORDS["ministry_nouns"]
GOVERNMENT_NOUNS = WORDS["government_nouns"]
ORGANISATION_NOUNS = WORDS["organisation_nouns"]
PAIR_WORDS = WORDS["pair_words"]
# Grammatical roles in which a capital or seat of power acts for its government: as the one
# who acts, or the one acted on ("rebuked Yerevan", "talks with Moscow"); not where it is a
# place ("a summit in Yerevan", "flights from Baku").
ACTING_DEPS = {"nsubj", "nsubjpass", "agent", "poss", "csubj", "dobj", "dative"}
ACTING_PREPS = {"with", "against", "between", "by", "on", "to"}
FEMALE_SURNAME = re.compile(r"(ova|eva|yova|ina|aya|skaya|ska|ovna|evna)$")
MALE_SURNAME = re.compile(r"(ov|ev|yev|in|sky|skiy|enko|uk|yan|ian|dze|shvili)$")


def _fold(word: str) -> str:
    """Without diacritics: 'Güler' -> 'guler', 'Kılıç' -> 'kilic'."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("ı", "i").replace("ł", "l"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    text = text.strip().replace("’", "'")
    text = re.sub(r"'s$|'$", "", text)
    text = re.sub(r"^(the|The)\s+", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:").lower()


def phrase_pattern(phrases) -> re.Pattern:
    """A case-insensitive pattern matching any of ``phrases`` as whole words, the longest one
    where several start at the same place. The phrases share one trie of alternatives (the
    first characters once, not once per phrase): a flat alternation of hundreds of names tries
    every one of them at every character of the text."""
    return re.compile(r"\b(?:" + _alternatives(_trie(phrases)) + r")\b", re.IGNORECASE)


# letters re.IGNORECASE takes for another letter that str.lower() leaves apart
_CASE_TWINS = str.maketrans({"ı": "i", "ſ": "s"})


class PhraseMatcher:
    """Where any of ``phrases`` occurs in a text as whole words, in any case: what
    ``phrase_pattern`` finds, found in the lower-cased text by a case-sensitive pattern (two to
    three times faster) whenever lower-casing keeps every character in its place."""

    def __init__(self, phrases):
        phrases = list(phrases)
        self.pattern = phrase_pattern(phrases)
        self._lower = re.compile(r"\b(?:" + _alternatives(_trie(p.lower().translate(_CASE_TWINS) for p in phrases))
                                 + r")\b")

    def spans(self, text: str) -> list[tuple[int, int]]:
        lowered = text.lower()
        if len(lowered) != len(text):  # 'İ' lower-cases to two characters: offsets would shift
            return [m.span() for m in self.pattern.finditer(text)]
        return [m.span() for m in self._lower.finditer(lowered.translate(_CASE_TWINS))]


def _trie(phrases) -> dict:
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[None] = {}  # a phrase ends here
    return trie


def _alternatives(node: dict) -> str:
    """The regex of what may follow a trie node: each longer continuation before ending here,
    so the engine takes the longest phrase and backs off to shorter ones."""
    longer = [re.escape(ch) + _alternatives(child) for ch, child in node.items() if ch is not None]
    if None in node:
        return "(?:" + "|".join(longer) + "|)" if longer else ""
    if not longer:
        return "(?!)"  # no phrases: matches nothing
    return longer[0] if len(longer) == 1 else "(?:" + "|".join(longer) + ")"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None




@lru_cache(maxsize=None)
def name_words(key: str) -> frozenset[str]:
    """One word list of names.yaml ('suffixes', 'honorifics', 'counting_nouns', ...), lower-cased."""
    from ..vocab import load_data
    return frozenset(str(s).lower() for s in (load_data("names.yaml") or {}).get(key) or ())


@lru_cache(maxsize=1)
def named_roles() -> dict[str, str]:
    """Role nouns whose holder named anywhere in the article is the one an unnamed mention means."""
    from ..vocab import load_data
    roles = (load_data("names.yaml") or {}).get("named_roles") or {}
    return {str(k).lower(): str(v) for k, v in roles.items() if v}


def plain_name(name: str) -> str:
    """A person's name without a generational suffix or an honorific before it:
    'Teodoro Locsin Jr.' -> 'Teodoro Locsin', 'Senator Jane Doe' -> 'Jane Doe'."""
    parts = name.replace(",", " ").split()
    before = len(parts)
    while len(parts) > 2 and parts[-1].lower() in name_words("suffixes"):
        parts.pop()
    while len(parts) > 2 and parts[0].lower() in name_words("title_qualifiers") and parts[1].lower() in name_words("honorifics"):
        parts.pop(0)  # 'State Del. Jane Roe', 'Navy Capt. John Roe'
    while len(parts) > 1 and parts[0].lower() in name_words("honorifics"):
        parts.pop(0)
    return " ".join(parts) if len(parts) != before else name
