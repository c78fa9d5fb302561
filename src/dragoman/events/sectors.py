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
    event.source = _in_power(event.source, event.date, words)
    event.target = _in_power(event.target, event.date, words)
    event.source = _acting(event.source, event.type, "source", words, is_place)
    if event.type not in words.acting_sectors["keep_target"]:
        event.target = _acting(event.target, event.type, "target", words)
    elif event.target.actor.country and event.target.actor.sector == "GOV" and is_place(event.target):
        # "the attack on Kyiv" hits the country, not the government the capital stands for
        target = event.target
        event.target = derived_party(target.actor.country, None, words, target.mention, target.start, target.end)
    return event


def _in_power(party: Party, date: str | None, words: Words) -> Party:
    """A group that took power ("governs" in ``data/actors/groups.yaml``) acts as its country's
    government in events dated from then on: the Taliban after August 2021 are AFG GOV."""
    ruling = ruling_groups().get(party.actor.id)
    if ruling is None or not date or not party.actor.country or str(date)[:10] < ruling[0]:
        return party
    return derived_party(party.actor.country, ruling[1], words, party.mention, party.start, party.end, base=party.actor.name)


@lru_cache(maxsize=1)
def ruling_groups() -> dict[str, tuple[str, str]]:
    """Group id -> (ISO date it took power, the sector it acts in from then on)."""
    found = {}
    for group in load_data("actors/groups.yaml") or ():
        governs = group.get("governs") if isinstance(group, dict) else None
        if governs and group.get("id"):
            found[str(group["id"])] = (str(governs["since"]), str(governs.get("sector") or "GOV"))
    return found


def _acting(party: Party, kind: str, role: str, words: Words, is_place: Callable[[Party], bool] | None = None) -> Party:
    actor = party.actor
    if role == "source" and actor.sector == "GOV" and actor.kind in ("country", "body") and actor.country \
            and words.acting_sectors["source"].get(kind) == "MIL" and (is_place is None or is_place(party)):
        # "Ankara's raid": the capital stands for the state, whose military attacks; "the
        # government's crackdown" names the government itself, which keeps its sector
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
    backer_words: frozenset[str]
    victim_nouns: frozenset[str]
    inhabited_places: frozenset[str]
    pair_modifiers: frozenset[str]
    pair_nouns: frozenset[str]
    tie_words: frozenset[str]
    resident_modifiers: frozenset[str]
    outsider_prefixes: frozenset[str]
    ngo_nouns: frozenset[str]
    ngo_modifiers: frozenset[str]
    passive_agents: dict[str, str]
    shared_peoples: dict[str, tuple[str, ...]]
    displaced_nouns: frozenset[str]
    member_nouns: frozenset[str] = frozenset()

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
        return self.nouns.get(phrase) or self.nouns.get(lemma) or self._member_sector(lemma, modifiers)

    def _member_sector(self, lemma: str, modifiers: list[Token]) -> str | None:
        """"a rebel commander", "rebel fighters", "opposition leaders": members named by the organ
        they belong to are in its sector (not "government troops": the army acts abroad too)."""
        if lemma not in self.member_nouns:
            return None
        sectors = [self.nouns.get(c.lemma_.lower()) for c in modifiers if c.dep_ in ("amod", "compound")]
        return next((s for s in sectors if s and s != "GOV"), None)

    def backer(self, token: Token) -> bool:
        """Whether ``token`` names who stands behind the phrase's head: "Russia" in "Russia-backed"."""
        doc = token.doc
        i = token.i
        return i + 2 < len(doc) and doc[i + 1].text in ("-", "–") and doc[i + 2].lower_ in self.backer_words

    def victim(self, token: Token) -> bool:
        """Whether ``token`` owns what an act harms: "Iraq" in "Iraq's sovereignty", "the airspace of Iraq"."""
        if token.dep_ == "poss":
            return token.head.lemma_.lower() in self.victim_nouns
        return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in self.victim_nouns

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
                      collectives=frozenset(str(w).lower() for w in data.get("collectives") or ()),
                      backer_words=frozenset(str(w).lower() for w in data.get("backer_words") or ()),
                      victim_nouns=frozenset(str(w).lower() for w in data.get("victim_nouns") or ()),
                      inhabited_places=frozenset(str(w).lower() for w in data.get("inhabited_places") or ()),
                      pair_modifiers=frozenset(str(w).lower() for w in data.get("pair_modifiers") or ()),
                      pair_nouns=frozenset(str(w).lower() for w in data.get("pair_nouns") or ()),
                      tie_words=frozenset(str(w).lower() for w in data.get("tie_words") or ()),
                      resident_modifiers=frozenset(str(w).lower() for w in data.get("resident_modifiers") or ()),
                      outsider_prefixes=frozenset(str(w).lower() for w in data.get("outsider_prefixes") or ()),
                      ngo_nouns=frozenset(str(w).lower() for w in data.get("ngo_nouns") or ()),
                      ngo_modifiers=frozenset(str(w).lower() for w in data.get("ngo_modifiers") or ()),
                      passive_agents={str(k).lower(): str(v) for k, v in (data.get("passive_agents") or {}).items()},
                      shared_peoples={str(k).lower(): tuple(str(c) for c in v) for k, v in (data.get("shared_peoples") or {}).items()},
                      displaced_nouns=frozenset(str(w).lower() for w in data.get("displaced_nouns") or ()),
                      member_nouns=frozenset(str(w).lower() for w in data.get("member_nouns") or ()))
