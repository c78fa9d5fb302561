"""Which part of a state acts: a country named as a whole is its government when it acts
politically and its military when it attacks (``acting_sectors`` in ``data/event_words.yaml``).
People, bodies, organisations and groups keep the sector the actor layer gave them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from spacy.tokens import Token

from ..records import Event, Party
from ..vocab import load_data
from .syntax import derived_party
from .vocabulary import Words


def with_acting_sectors(event: Event, words: Words, is_place: Callable[[Party], bool]) -> Event:
    event.source = _acting(event.source, event.type, "source", words)
    if event.type not in words.acting_sectors["keep_target"]:
        event.target = _acting(event.target, event.type, "target", words)
    elif event.target.actor.country and event.target.actor.sector == "GOV" and is_place(event.target):
        # "the attack on Kyiv" hits the country, not the government the capital stands for
        target = event.target
        event.target = derived_party(target.actor.country, None, words, target.mention, target.start, target.end)
    return event


def _acting(party: Party, kind: str, role: str, words: Words) -> Party:
    actor = party.actor
    if role == "source" and actor.sector == "GOV" and actor.kind in ("country", "body") and actor.country \
            and words.acting_sectors["source"].get(kind) == "MIL":
        # "Ankara's raid": the capital stands for the state, whose military attacks
        return derived_party(actor.country, "MIL", words, party.mention, party.start, party.end)
    if actor.kind != "country" or actor.sector or not actor.country:
        return party
    table = words.acting_sectors[role]
    sector = table.get(kind, table.get("default"))
    if not sector:
        return party
    return derived_party(actor.country, sector, words, party.mention, party.start, party.end, base=actor.name)


@dataclass(frozen=True)
class HomeOrgans:
    """``data/implied_actors.yaml``: organs a state acts through at home, by the noun naming them;
    people and collectives named by what they are."""
    nouns: dict[str, str]
    foreign_modifiers: frozenset[str]
    person_pronouns: frozenset[str]
    people_quantities: frozenset[str]
    domestic_people: frozenset[str]
    collectives: frozenset[str]

    def sector(self, head: Token) -> str | None:
        """The sector a noun phrase's head names when it is a home organ ("the court", "riot
        police"), None when it is not or a modifier makes it someone else's ("the European court")."""
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ not in ("", "ORG"):
            return None
        modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < head.i]
        if any(c.lower_ in self.foreign_modifiers or c.dep_ == "poss" or c.ent_type_ for c in modifiers):
            return None
        lemma = head.lemma_.lower()
        phrase = " ".join([*(c.lower_ for c in modifiers if c.dep_ == "compound"), lemma])
        return self.nouns.get(phrase) or self.nouns.get(lemma)

    def collective(self, head: Token) -> bool:
        """Whether a noun phrase names a collective no actor stands for ("the international community")."""
        modifiers = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i]
        return " ".join([*modifiers, head.lower_]) in self.collectives or (not modifiers and head.lower_ in self.collectives)


@lru_cache(maxsize=1)
def home_organs() -> HomeOrgans:
    data = load_data("implied_actors.yaml") or {}
    return HomeOrgans(nouns={str(k).lower(): str(v) for k, v in (data.get("nouns") or {}).items()},
                      foreign_modifiers=frozenset(str(w).lower() for w in data.get("foreign_modifiers") or ()),
                      person_pronouns=frozenset(str(w).lower() for w in data.get("person_pronouns") or ()),
                      people_quantities=frozenset(str(w).lower() for w in data.get("people_quantities") or ()),
                      domestic_people=frozenset(str(w).lower() for w in data.get("domestic_people") or ()),
                      collectives=frozenset(str(w).lower() for w in data.get("collectives") or ()))
