"""Names of states and organisations written with one typo ("Ethopia", "Afganistan", "the
Phillippines military"): a proper noun the dictionary does not know is matched against the
dictionary's one-word names and adjectives of at least five letters, when exactly one actor is
one edit away. The index (``dictionary.deletion_index``) is built once per dictionary, so a lookup
is a few dictionary probes, never a scan of the names."""
from __future__ import annotations

from .common import _fold
from .dictionary import _deletions, _one_edit, deletion_index

MIN_WORD = 6  # shorter words are too often another real name one letter away
MIN_NAME = 5


class NearNames:
    """One-word names (and adjectives) of a dictionary, indexed by their one-deletion variants."""

    def __init__(self, names: dict, adjectives: dict):
        self._names = _WordIndex(names)
        self._adjectives = _WordIndex(adjectives)
        self._known = {_fold(k) for table in (names, adjectives) for k in table}

    def actor(self, word: str, adjective: bool = False):
        """The one actor whose name (or, for an ``adjective``, whose name or adjective) is one
        typo away from ``word``, else None: "Indiana" is no misspelt "Indian"."""
        folded = _fold(word)
        if len(folded) < MIN_WORD or not folded.isalpha() or folded in self._known:
            return None
        found = {}
        for index in (self._names, self._adjectives) if adjective else (self._names,):
            for actor in index.near(folded):
                found[actor.id] = actor
        return next(iter(found.values())) if len(found) == 1 else None


class _WordIndex:
    """The one-word names of a table (folded) with their actors, and their deletion index."""

    def __init__(self, table: dict):
        self._actors: dict[str, object] = {}
        for key, actor in table.items():
            word = _fold(key)
            if len(word) >= MIN_NAME and word.isalpha():
                self._actors.setdefault(word, actor)
        self._index = deletion_index(self._actors)

    def near(self, word: str) -> list:
        """The actors of the names ``word`` is a typo of."""
        names = {name for variant in _deletions(word) for name in self._index.get(variant, ())}
        return [self._actors[name] for name in names if _typo_of(name, word)]


def _typo_of(name: str, word: str) -> bool:
    """Whether ``word`` is ``name`` with one typo: never in the first letter ("Siberia" is no
    "Liberia"), nor a plural "s" ("the Americas")."""
    return (name != word and name[0] == word[0] and word != name + "s" and _one_edit(name, word))


def near_names(dictionary) -> NearNames:
    """The index of ``dictionary`` (an `ActorDictionary`), built on first use and kept with it."""
    if dictionary._near_names is None:
        dictionary._near_names = NearNames(dictionary.names, dictionary.adjectives)
    return dictionary._near_names
