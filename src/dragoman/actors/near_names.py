"""Names of states and organisations written with one typo ("Ethopia", "Afganistan", "the
Phillippines military"): a proper noun the dictionary does not know is matched against the
dictionary's one-word names and adjectives of at least five letters, when exactly one actor is
one edit away. The index holds every name and every name with one letter deleted, built once
per dictionary, so a lookup is a few dictionary probes, never a scan of the names."""
from __future__ import annotations

from .common import _fold
from .dictionary import _one_edit

MIN_WORD = 6  # shorter words are too often another real name one letter away
MIN_NAME = 5


class NearNames:
    """One-word names (and adjectives) of a dictionary, indexed by their one-deletion variants."""

    def __init__(self, names: dict, adjectives: dict):
        self._names = _index(names)
        self._adjectives = _index(adjectives)
        self._known = {_fold(k) for table in (names, adjectives) for k in table}

    def actor(self, word: str, adjective: bool = False):
        """The one actor whose name (or, for an ``adjective``, whose name or adjective) is one
        typo away from ``word``, else None: "Indiana" is no misspelt "Indian"."""
        folded = _fold(word)
        if len(folded) < MIN_WORD or not folded.isalpha() or folded in self._known:
            return None
        found = {}
        for index in (self._names, self._adjectives) if adjective else (self._names,):
            for variant in _variants(folded):
                for name, actor in index.get(variant, {}).items():
                    if _typo_of(name, folded):
                        found[actor.id] = actor
        return next(iter(found.values())) if len(found) == 1 else None


def _index(table: dict) -> dict[str, dict[str, object]]:
    """Each one-word name of ``table`` under itself and its one-deletion variants."""
    index: dict[str, dict[str, object]] = {}
    for key, actor in table.items():
        word = _fold(key)
        if len(word) >= MIN_NAME and word.isalpha():
            for variant in _variants(word):
                index.setdefault(variant, {}).setdefault(word, actor)
    return index


def _typo_of(name: str, word: str) -> bool:
    """Whether ``word`` is ``name`` with one typo: never in the first letter ("Siberia" is no
    "Liberia"), nor a plural "s" ("the Americas")."""
    return (name != word and name[0] == word[0] and word != name + "s" and _one_edit(name, word))


def _variants(word: str) -> list[str]:
    """The word and each form of it with one letter deleted."""
    return [word] + [word[:i] + word[i + 1:] for i in range(len(word))]


_BY_DICTIONARY: dict[int, tuple[object, NearNames]] = {}


def near_names(dictionary) -> NearNames:
    """The index of ``dictionary`` (an `ActorDictionary`), built on first use."""
    held = _BY_DICTIONARY.get(id(dictionary))
    if held is None or held[0] is not dictionary:
        held = (dictionary, NearNames(dictionary.names, dictionary.adjectives))
        _BY_DICTIONARY[id(dictionary)] = held
    return held[1]
