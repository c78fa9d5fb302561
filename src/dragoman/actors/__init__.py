"""Actors: the dictionary, and resolving every mention in an article to a canonical actor.

``ActorDictionary`` (dictionary.py, no spaCy) is the vocabulary: countries, organisations,
blocs, people, titles, sector nouns, loaded once. ``Cast`` (cast.py) is one article's cast of
actors: mentions.py walks the parsed text once, resolving names, titles, role phrases and
metonyms in reading order; coref.py answers the questions later stages ask ("who is 'she'
here?", "which actors does this noun phrase name?").
"""
from .cast import Cast
from .common import (ACTING_DEPS, ACTING_PREPS, ENTITY_LABELS, FROM_GOVERNMENT, MINISTRY_NOUNS,
                     ORGANISATION_NOUNS, PAIR_WORDS, PLACE_NOUNS, PRONOUN_GENDER, STATE_PRONOUNS)
from .dictionary import ADJECTIVES, SECTOR_NAMES, ActorDictionary, Person, Title, sector_actor

__all__ = ["ACTING_DEPS", "ACTING_PREPS", "ADJECTIVES", "ENTITY_LABELS", "FROM_GOVERNMENT", "MINISTRY_NOUNS",
           "ORGANISATION_NOUNS", "PAIR_WORDS", "PLACE_NOUNS", "PRONOUN_GENDER", "SECTOR_NAMES",
           "STATE_PRONOUNS", "ActorDictionary", "Cast", "Person", "Title", "sector_actor"]
