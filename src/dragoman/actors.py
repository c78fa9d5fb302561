"""Actors: the dictionary, and resolving every mention in an article to a canonical actor.

``ActorDictionary`` is the vocabulary (countries, organisations, blocs, people, titles,
sector nouns), loaded once. ``Cast`` is one article's cast of actors: it walks the parsed
text once, resolving names, titles, role phrases and metonyms in reading order, and then
answers questions later stages ask ("who is 'she' here?", "which actors does this noun
phrase name?").
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from .records import Actor, Article, Mention, Party
from .vocab import load_data, load_user_file

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}
# Grammatical roles in which a capital or seat of power acts for its government: as the one
# who acts, or the one acted on ("rebuked Yerevan", "talks with Moscow"); not where it is a
# place ("a summit in Yerevan", "flights from Baku").
ACTING_DEPS = {"nsubj", "nsubjpass", "agent", "poss", "csubj", "dobj", "dative"}
ACTING_PREPS = {"with", "against", "between", "by", "on", "to"}
# "statements from Yerevan", "pressure from Moscow": what comes from a capital comes from its government
FROM_GOVERNMENT = {"statement", "signal", "message", "proposal", "demand", "call", "response", "reaction",
                   "claim", "criticism", "pressure", "threat", "warning", "offer", "request", "note", "order",
                   "instruction", "word", "position", "objection", "protest", "complaint", "support", "aid"}
PLACE_NOUNS = {"visit", "trip", "flight", "flights", "journey", "arrival", "road", "way", "route", "return",
               "train", "highway", "embassy", "envoy", "ambassador"}
MINISTRY_NOUNS = {"ministry", "department"}
ORGANISATION_NOUNS = {"alliance", "bloc", "organisation", "organization", "union", "grouping", "pact"}
STATE_PRONOUNS = {"it", "its", "they", "their", "them"}
PAIR_WORDS = {"sides", "parties", "side", "each", "neighbours", "neighbors", "rivals", "adversaries", "foes"}
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


@dataclass(slots=True)
class Person:
    name: str
    variants: list[str]
    gender: str | None
    country: str | None
    sector: str
    wikidata: str | None
    roles: list[tuple[str, date | None, date | None]]
    igo: str | None = None  # officials of an organisation act for it, not for their country

    def role_at(self, when: date | None) -> str | None:
        if not self.roles:
            return None
        if when is None:
            current = [r for r in self.roles if r[2] is None]
            return (current or self.roles)[-1][0]
        for role, start, end in self.roles:
            if (start is None or start <= when) and (end is None or when <= end):
                return role
        return None

    def holds(self, role: str, when: date | None) -> bool:
        for r, start, end in self.roles:
            if r != role:
                continue
            if when is None:
                if end is None:
                    return True
            elif (start is None or start <= when) and (end is None or when <= end):
                return True
        return False

    def actor(self, when: date | None = None, role_sectors: dict[str, str] | None = None) -> Actor:
        """The person as an actor at ``when``: a president is GOV even if now in opposition."""
        role = self.role_at(when)
        sector = (role_sectors or {}).get(role or "", self.sector) if when is not None else self.sector
        code = self.igo or (f"{self.country} {sector}" if self.country else sector)
        return Actor(id=self.wikidata or f"person:{_slug(self.name)}", name=self.name, code=code,
                     country=self.country, sector=sector, kind="person", role=role,
                     wikidata=self.wikidata, gender=self.gender)


@dataclass(slots=True)
class Title:
    title: str
    role: str
    sector: str | None
    gender: str | None
    generic: bool
    matches: frozenset[str] = frozenset()  # role keys a generic noun may refer to


@dataclass
class ActorDictionary:
    names: dict[str, Actor] = field(default_factory=dict)  # lower-cased names of states, IGOs, blocs
    caps: dict[str, Actor] = field(default_factory=dict)  # all-caps short forms, matched exactly
    adjectives: dict[str, Actor] = field(default_factory=dict)
    demonyms: dict[str, Actor] = field(default_factory=dict)
    metonyms: dict[str, Actor] = field(default_factory=dict)  # capital -> the government it stands for
    people: dict[str, Person] = field(default_factory=dict)  # lower-cased variant -> person
    surnames: dict[str, list[Person]] = field(default_factory=dict)
    titles: list[Title] = field(default_factory=list)  # longest first
    title_words: set[str] = field(default_factory=set)  # every word of every title, for stripping
    title_heads: set[str] = field(default_factory=set)  # role nouns: "minister", "spokeswoman", ...
    role_sectors: dict[str, str] = field(default_factory=dict)  # role key -> sector of its holders
    sectors: dict[str, str] = field(default_factory=dict)
    outlets: dict[str, str] = field(default_factory=dict)
    first_names: dict[str, str] = field(default_factory=dict)
    country_by_code: dict[str, Actor] = field(default_factory=dict)
    _group_re: re.Pattern | None = None
    _title_cache: dict[str, Title | None] = field(default_factory=dict)
    _bodies: list[tuple[str, Actor]] | None = None
    _sector_heads: set[str] | None = None
    _by_role: dict[str, list[Person]] | None = None

    @classmethod
    def load(cls, user_file: str | Path | None = None) -> "ActorDictionary":
        if user_file is None:
            return _bundled_dictionary()
        d = cls()
        d._fill(_bundled_sources(), user=load_user_file(user_file) or {})
        return d

    # -- building -------------------------------------------------------------------
    def _fill(self, sources: dict, user: dict | list | None = None) -> None:
        user = user or {}
        if isinstance(user, list):  # a bare list of people
            user = {"people": user}
        countries = _merge(sources["countries"], user.get("countries"), "code")
        igos = _merge(sources["igos"], user.get("igos"), "code")
        groups = _merge(sources["groups"], user.get("groups"), "code")
        people = _merge(sources["people"], user.get("people"), "name")
        for c in countries:
            self._add_country(c)
        for g in igos:
            self._add_org(g, kind="igo", sector="IGO")
        for g in groups:
            self._add_org(g, kind=g.get("kind") or "group", sector=None)
        for p in people:
            self._add_person(p)
        for t in sources["titles"] + list(user.get("titles") or []):
            self._add_title(t)
        self.titles.sort(key=lambda t: -len(t.title))
        self.role_sectors = {t.role: t.sector for t in self.titles if t.sector and t.sector != "IGO"}
        for sector, nouns in sources["sectors"].items():
            for n in nouns or []:
                self.sectors[str(n).lower()] = sector
        for canonical, names in sources["outlets"].items():
            for n in [canonical, *(names or [])]:
                self.outlets[str(n).lower()] = canonical
        for gender, names in sources["first_names"].items():
            for n in names or []:
                self.first_names[str(n).lower()] = gender

    def _add_name(self, name: str, actor: Actor) -> None:
        name = str(name).strip()
        if not name:
            return
        if name.isupper() and len(name) <= 6 or re.fullmatch(r"[A-Z.]+", name):
            self.caps[name] = actor
            return
        self.names.setdefault(_key(name), actor)

    def _add_country(self, c: dict) -> None:
        code = c["code"]
        sector = c.get("sector")
        if sector:  # a partially recognised entity inside `code`
            actor = Actor(id=c.get("id") or f"PRE:{code}", name=c["name"], code=f"{code} {sector}",
                          country=code, sector=sector, kind="country", wikidata=c.get("wikidata"))
        else:
            actor = Actor(id=code, name=c["name"], code=code, country=code, kind="country",
                          wikidata=c.get("wikidata"))
            self.country_by_code[code] = actor
        for n in [c["name"], *(c.get("names") or [])]:
            self._add_name(n, actor)
        for adj in c.get("adjectives") or []:
            self.adjectives.setdefault(str(adj).lower(), actor)
        if c.get("adjectives") and not sector:
            ADJECTIVES.setdefault(code, str(c["adjectives"][0]))
        for dem in c.get("demonyms") or []:
            self.demonyms.setdefault(str(dem).lower(), actor)
        gov = sector_actor(actor, "GOV") if not sector else actor
        for m in c.get("metonyms") or []:
            self.metonyms.setdefault(_key(m), gov)

    def _add_org(self, g: dict, kind: str, sector: str | None) -> None:
        actor = Actor(id=g.get("id") or (f"igo:{g['code']}" if kind == "igo" else g["code"]), name=g["name"],
                      code=g["code"], country=g.get("country"), sector=g.get("sector") or sector, kind=kind,
                      wikidata=g.get("wikidata"))
        for n in [g["name"], *(g.get("names") or [])]:
            self._add_name(n, actor)
        for m in g.get("metonyms") or []:
            self.metonyms.setdefault(_key(m), actor)

    def _add_person(self, p: dict) -> None:
        roles = [(str(r.get("role", "")).lower(), _date(r.get("start")), _date(r.get("end")))
                 for r in p.get("roles") or [] if isinstance(r, dict)]
        person = Person(name=p["name"], variants=list(p.get("variants") or []), gender=p.get("gender"),
                        country=p.get("country"), sector=p.get("sector") or "GOV", wikidata=p.get("wikidata"),
                        roles=roles, igo=p.get("igo"))
        for v in {p["name"], *person.variants}:
            v = str(v).strip()
            if " " in v:
                self.people[_key(v)] = person
            else:
                # a surname alone names the person only where the dictionary lists it as a variant
                # (it does so when the surname is distinctive); otherwise only after the full name
                bucket = self.surnames.setdefault(_key(v), [])
                if all(other is not person for other in bucket):
                    bucket.append(person)

    def _add_title(self, t: dict) -> None:
        names = [t["title"], *(t.get("aliases") or [])]
        for n in names:
            title = Title(title=str(n).lower(), role=str(t.get("role") or t["title"]).lower(),
                          sector=t.get("sector"), gender=t.get("gender"), generic=bool(t.get("generic")),
                          matches=frozenset(str(m).lower() for m in t.get("matches") or []))
            self.titles.append(title)
            self.title_words.update(title.title.split())
            self.title_heads.add(_title_head(title.title))

    # -- lookups --------------------------------------------------------------------
    def sector_heads(self) -> set[str]:
        """Last words of the sector nouns: 'ministry' for 'foreign ministry'."""
        if self._sector_heads is None:
            self._sector_heads = {phrase.split()[-1] for phrase in self.sectors}
        return self._sector_heads

    def bodies(self) -> list[tuple[str, Actor]]:
        """Names of national bodies that carry their country ("State Department" -> USA)."""
        if self._bodies is None:
            self._bodies = [(p, a) for p, a in self.names.items() if a.kind == "body" and a.country]
        return self._bodies

    def group_pattern(self) -> re.Pattern:
        if self._group_re is None:
            phrases = sorted((p for p, a in self.names.items() if a.kind in ("group", "body")), key=len,
                             reverse=True)
            self._group_re = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b",
                                        re.IGNORECASE)
        return self._group_re

    def lookup(self, text: str) -> Actor | None:
        """A state, organisation or bloc by one of its names (not people, not capitals)."""
        stripped = re.sub(r"^(the|The)\s+", "", text.strip()).replace("’", "'")
        stripped = re.sub(r"'s$", "", stripped)
        if stripped in self.caps:
            return self.caps[stripped]
        return self.names.get(_key(text))

    def person(self, name: str) -> Person | None:
        return self.people.get(_key(name))

    def title_of(self, phrase: str) -> Title | None:
        low = " " + re.sub(r"\s*-\s*", " ", phrase.lower().replace("’", "'")) + " "
        if low in self._title_cache:
            return self._title_cache[low]
        found = next((t for t in self.titles if f" {t.title} " in low), None)
        if len(self._title_cache) < 50_000:
            self._title_cache[low] = found
        return found

    def holders(self, role: str, country: str | None, when: date | None) -> list[Person]:
        if self._by_role is None:
            self._by_role = {}
            for person in {id(p): p for p in self.people.values()}.values():
                for r, _, _ in person.roles:
                    self._by_role.setdefault(r, [])
                    if person not in self._by_role[r]:
                        self._by_role[r].append(person)
        return [p for p in self._by_role.get(role, []) if (not country or p.country == country) and p.holds(role, when)]

    def gender_of_name(self, name: str) -> str | None:
        parts = name.split()
        if parts and parts[0].lower() in self.first_names:
            return self.first_names[parts[0].lower()]
        if len(parts) >= 2:
            last = parts[-1].lower()
            if FEMALE_SURNAME.search(last) and not last.endswith(("in", "ian")):
                return "f"
        return None


SECTOR_NAMES = {"GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary",
                "OPP": "opposition", "MED": "media", "CVL": "civilians", "REB": "rebels", "BUS": "business",
                "COP": "police"}


ADJECTIVES: dict[str, str] = {}  # ISO code -> the adjective names of sector actors are made with


def sector_actor(country: Actor, sector: str) -> Actor:
    """'Armenian troops' -> ARM MIL, named "Armenian military"."""
    if country.kind != "country" or not country.country:
        return country
    base = country.country
    name = f"{ADJECTIVES.get(base, country.name)} {SECTOR_NAMES.get(sector, sector)}"
    return Actor(id=f"{base} {sector}", name=name, code=f"{base} {sector}", country=base, sector=sector,
                 kind="body")


def _merge(base: list, extra: list | None, key: str) -> list:
    if not extra:
        return list(base)
    by_key = {str(e.get(key)): e for e in base}
    for e in extra:
        by_key[str(e.get(key))] = {**by_key.get(str(e.get(key)), {}), **e}
    return list(by_key.values())


def _bundled_sources() -> dict:
    return {
        "countries": load_data("actors/countries.yaml") or [],
        "igos": load_data("actors/igos.yaml") or [],
        "groups": load_data("actors/groups.yaml") or [],
        "people": load_data("actors/people.yaml") or [],
        "titles": load_data("titles.yaml") or [],
        "sectors": load_data("sectors.yaml") or {},
        "outlets": load_data("outlets.yaml") or {},
        "first_names": load_data("first_names.yaml") or {},
    }


@lru_cache(maxsize=1)
def _bundled_dictionary() -> ActorDictionary:
    d = ActorDictionary()
    d._fill(_bundled_sources())
    return d


# =====================================================================================
# One article's cast
# =====================================================================================


@dataclass(slots=True)
class _Known:
    """A person met in this article, by full name and surname, with what the text told of them."""

    actor: Actor
    gender: str | None
    names: set[str]


class Cast:
    """Every actor mention of one article, resolved in reading order."""

    def __init__(self, doc: Doc, article: Article, dictionary: ActorDictionary):
        self.doc = doc
        self.text = article.text
        self.d = dictionary
        self.when = _date(article.date)
        self.mentions: list[Mention] = []
        self._by_token: dict[int, Mention] = {}
        self._known: list[_Known] = []
        self._genders: dict[str, str | None] = {}
        self._pairs: list[tuple[int, Actor, Actor]] = []  # (char offset, a, b) of coordinated states
        # paragraph breaks are sentences of their own in the parse; they do not count as sentences
        self._sent_starts = [s.start for s in doc.sents if not all(t.is_space for t in s)]
        strings = doc.vocab.strings
        # one pass for the word forms every rule filters on, so rules touch only candidate tokens
        self._lower = [strings[x] for x in doc.to_array("LOWER")]
        self._lemma = [strings[x].lower() for x in doc.to_array("LEMMA")]
        self._token_starts = [t.idx for t in doc]
        self._build()

    # -- building -------------------------------------------------------------------
    def _build(self) -> None:
        taken: set[int] = set()
        found: list[Mention] = []
        for span in self._group_spans():
            found.append(self._mention(span, span.label_, self.d.lookup(span.text), "group"))
            taken.update(range(span.start, span.end))
        for ent in self.doc.ents:
            if ent.label_ not in ENTITY_LABELS or any(i in taken for i in range(ent.start, ent.end)):
                continue
            m = self._resolve_entity(ent)
            if m is not None:
                found.append(m)
                taken.update(range(self._tok(m.start), self._tok(m.end - 1) + 1))
        found = self._definite_organisations(found)
        found.extend(self._missed_surnames(taken))
        found.extend(self._sector_phrases(taken))
        found.sort(key=lambda m: m.start)
        for m in found:
            self._add(m)
        self._add_role_mentions(taken)
        self.mentions.sort(key=lambda m: m.start)
        self._index()
        self._find_pairs()

    def _tokens_where(self, words: set[str] | frozenset[str], *forms: list[str]) -> list[Token]:
        hits: set[int] = set()
        for form in forms:
            hits.update(i for i, w in enumerate(form) if w in words)
        return [self.doc[i] for i in sorted(hits)]

    def _index(self) -> None:
        self._by_token.clear()
        for m in self.mentions:
            for i in range(self._tok(m.start), self._tok(m.end - 1) + 1):
                self._by_token[i] = m
        self._starts = [m.start for m in self.mentions]

    def _tok(self, char: int) -> int:
        """Index of the token covering character ``char``."""
        return max(0, bisect_right(self._token_starts, char) - 1)

    def _sentence_of(self, token: Token) -> int:
        return max(0, bisect_right(self._sent_starts, token.i) - 1)

    def _mention(self, span: Span, label: str, actor: Actor | None, rule: str) -> Mention:
        return Mention(text=span.text, start=span.start_char, end=span.end_char, label=label,
                       sentence=self._sentence_of(span[0]), actor=actor, rule=rule)

    def _add(self, m: Mention) -> None:
        self.mentions.append(m)

    def _group_spans(self) -> Iterable[Span]:
        """Bloc names the NER does not see as one entity: "the West", "Washington and its allies"."""
        for m in self.d.group_pattern().finditer(self.text):
            if not m.group()[0].isupper():
                continue
            span = self.doc.char_span(m.start(), m.end(), label="NORP", alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            after = self.doc[span.end] if span.end < len(self.doc) else None
            if after is not None and after.pos_ == "PROPN":  # "West Bank", "West Africa"
                continue
            if span.start > 0 and self.doc[span.start - 1].lower_ == "the":
                span = self.doc[span.start - 1: span.end]
                span.label_ = "NORP"
            yield span

    # -- entities -------------------------------------------------------------------
    def _resolve_entity(self, ent: Span) -> Mention | None:
        text = ent.text
        place = self.d.metonyms.get(_key(text))
        known = self.d.lookup(text)
        if known is not None and ent.label_ != "PERSON" or (known is not None and known.kind == "country"):
            return self._state_or_org(ent, known)
        if place is not None:
            acting = self._acts(ent)
            return self._mention(ent, "GPE" if place.kind != "igo" else "ORG", place if acting else None,
                                 "metonym" if acting else "place")
        if ent.label_ == "PERSON" or self._is_known_person(text):
            return self._person_mention(ent)
        if ent.label_ == "NORP":
            return self._adjective_mention(ent)
        if ent.label_ == "ORG":
            return self._org_mention(ent)
        return self._mention(ent, ent.label_, None, "place")

    def _state_or_org(self, ent: Span, actor: Actor) -> Mention:
        return self._mention(ent, ent.label_ if ent.label_ != "PERSON" else "GPE", actor, "name")

    def _acts(self, span: Span) -> bool:
        root = span.root
        if root.dep_ in ACTING_DEPS:
            return True
        if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.lemma_.lower() in FROM_GOVERNMENT:
            return True
        if root.dep_ == "pobj" and root.head.lower_ in ACTING_PREPS:
            governor = root.head.head
            # "a visit to Moscow" is a trip to a place; "an appeal to Moscow" is to a government
            return not (governor.lemma_.lower() in PLACE_NOUNS or governor.lemma_.lower() in
                        ("go", "travel", "fly", "arrive", "come", "move", "return", "drive", "relocate"))
        # "Moscow and Yerevan agreed": a conjunct of an acting subject acts too
        head = root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
            if head.dep_ in ACTING_DEPS:
                return True
        return root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.tag_ == "VBN"

    def _is_known_person(self, text: str) -> bool:
        """The NER sometimes types a surname as a nationality or an organisation."""
        key = _key(text)
        if key in self.d.adjectives or key in self.d.demonyms:
            return False
        return any(key in k.names for k in self._known) or key in self.d.people or \
            (" " not in key and len(self.d.surnames.get(key, [])) == 1 and text[:1].isupper())

    def _person_mention(self, ent: Span) -> Mention | None:
        start = ent.start
        while start < ent.end - 1 and (ent.doc[start].lower_ in self.d.title_words
                                       or ent.doc[start].lower_ in self.d.adjectives
                                       or ent.doc[start].tag_ in ("POS", "DT")):
            start += 1
        span = ent.doc[start:ent.end]
        if span.text.endswith(("'s", "’s")):
            span = ent.doc[start:ent.end - 1] if ent.end - 1 > start else span
        name = span.text.replace("’s", "").strip()
        actor = self._resolve_person(name, span)
        if actor is None:
            return self._mention(span, "PERSON", None, "unresolved")
        return self._mention(span, "PERSON", actor, "person")

    def _resolve_person(self, name: str, span: Span) -> Actor | None:
        key = _key(name)
        for k in reversed(self._known):  # earlier in this article
            if key in k.names:
                return k.actor
        person = self.d.person(name)
        if person is not None:
            return self._remember(person.actor(self.when, self.d.role_sectors), person.gender, person)
        if " " not in key:
            return self._resolve_surname(key)
        derived = self._actor_from_title(span, name)
        gender = self.d.gender_of_name(name)
        if derived is not None:
            return self._remember(derived, gender, None, name)
        return None

    def _resolve_surname(self, key: str) -> Actor | None:
        candidates = self.d.surnames.get(key, [])
        if len(candidates) == 1:
            p = candidates[0]
            return self._remember(p.actor(self.when, self.d.role_sectors), p.gender, p)
        if len(candidates) > 1 and self.when:
            in_office = [p for p in candidates if p.role_at(self.when)]
            if len(in_office) == 1:
                p = in_office[0]
                return self._remember(p.actor(self.when, self.d.role_sectors), p.gender, p)
        return None

    def _remember(self, actor: Actor, gender: str | None, person: Person | None, name: str | None = None) -> Actor:
        names = set()
        for n in ([person.name, *person.variants] if person else [name or actor.name]):
            names.add(_key(n))
            names.add(_key(n.split()[-1]))
        for k in self._known:
            if k.actor.id == actor.id:
                k.names |= names
                return k.actor
        self._known.append(_Known(actor, gender, names))
        self._genders[actor.id] = gender
        return actor

    def _actor_from_title(self, span: Span, name: str) -> Actor | None:
        """'Russian Deputy Foreign Minister X', "Azerbaijan's presidential advisor X", 'X, Armenia's envoy'."""
        phrase_tokens = self._title_tokens_before(span) or self._appositive_tokens(span)
        if not phrase_tokens:
            return None
        phrase = " ".join(t.text for t in phrase_tokens)
        title = self.d.title_of(phrase)
        country = self._country_in(phrase_tokens)
        if country is None:
            # "Hamas official X", "NATO spokesperson X": the organisation's own people
            org = self._organisation_in(phrase_tokens)
            if org is None or title is None:
                return None
            return Actor(id=f"person:{_slug(name)}", name=name, code=org.code, country=org.country,
                         sector=org.sector, kind="person", role=title.role, gender=title.gender)
        sector = (title.sector if title else None) or "GOV"
        return Actor(id=f"person:{_slug(name)}", name=name, code=f"{country.country} {sector}",
                     country=country.country, sector=sector, kind="person",
                     role=title.role if title else None, gender=title.gender if title else None)

    def _organisation_in(self, tokens: list[Token]) -> Actor | None:
        for size in (3, 2, 1):
            for i in range(len(tokens) - size + 1):
                actor = self.d.lookup(" ".join(t.text for t in tokens[i:i + size]))
                if actor is not None and actor.kind in ("igo", "group"):
                    return actor
        return None

    def _title_tokens_before(self, span: Span) -> list[Token]:
        toks: list[Token] = []
        i = span.start - 1
        doc = span.doc
        while i >= max(0, span.start - 8):
            t = doc[i]
            low = t.lower_
            if low in self.d.title_words or low in self.d.adjectives or t.tag_ == "POS" or \
                    self.d.lookup(t.text) is not None or low in ("'s", "’s", "of", "for", "and") or \
                    (t.pos_ in ("ADJ", "NOUN", "PROPN") and t.dep_ in ("compound", "amod", "poss")):
                toks.insert(0, t)
                i -= 1
                continue
            break
        while toks and toks[0].lower_ in ("of", "for", "and"):
            toks.pop(0)
        return toks

    def _appositive_tokens(self, span: Span) -> list[Token]:
        root = span.root
        for child in root.children:
            if child.dep_ == "appos":
                return list(child.subtree)
        if root.dep_ == "appos":
            return list(root.head.subtree)[: max(0, span.start - root.head.left_edge.i)]
        return []

    def _country_in(self, tokens: list[Token]) -> Actor | None:
        for t in tokens:
            low = t.lower_
            if low in self.d.adjectives:
                return self.d.adjectives[low]
            actor = self.d.lookup(t.text)
            if actor is not None and actor.kind == "country":
                return actor
            if t.ent_type_ in ("GPE",) and _key(t.text) in self.d.metonyms:
                m = self.d.metonyms[_key(t.text)]
                if m.country:
                    return self.d.country_by_code.get(m.country)
        return None

    def _adjective_mention(self, ent: Span) -> Mention | None:
        low = _key(ent.text)
        country = self.d.adjectives.get(low) or self.d.demonyms.get(low) or self.d.lookup(ent.text)
        if country is None:
            return self._mention(ent, "NORP", None, "unresolved")
        if low in self.d.demonyms and low not in self.d.adjectives:
            return self._mention(ent, "NORP", sector_actor(country, "CVL"), "demonym")
        phrase = self._sector_phrase(ent)
        if phrase is not None:
            span, sector = phrase
            return self._mention(span, "ORG", sector_actor(country, sector), "adjective+sector")
        return self._mention(ent, "NORP", country, "adjective")

    def _sector_phrase(self, ent: Span) -> tuple[Span, str] | None:
        """'Armenian troops', 'the Azerbaijani Defense Ministry': the adjective's noun names a sector."""
        head = ent.root.head
        if ent.root.dep_ not in ("amod", "compound", "nmod") or head.i < ent.end:
            return None
        if head.tag_ in ("NN", "NNP") and head.lower_ in self.d.title_heads:
            return None  # "the Russian diplomat" is a person: a role phrase
        words_ = [t.lower_ for t in ent.doc[ent.end: head.i + 1]]
        for n in range(len(words_)):
            phrase = " ".join(words_[n:])
            sector = self.d.sectors.get(phrase) or (self.d.sectors.get(head.lemma_.lower()) if n == len(words_) - 1 else None)
            if sector:
                start = ent.start
                if start > 0 and ent.doc[start - 1].lower_ == "the":
                    start -= 1
                return ent.doc[start: head.i + 1], sector
        return None

    def _org_mention(self, ent: Span) -> Mention | None:
        tokens = [t for t in ent if t.lower_ != "the"]
        # the longest known name inside a badly cut span ("the OSCE Minsk Group co")
        for size in range(len(tokens), 0, -1):
            for i in range(0, len(tokens) - size + 1):
                sub = tokens[i:i + size]
                actor = self.d.lookup(" ".join(t.text for t in sub))
                if actor is not None and actor.kind != "country":
                    return self._mention(ent.doc[sub[0].i: sub[-1].i + 1], "ORG", actor, "name")
        body = self._body_actor(tokens)
        if body is not None:
            return self._mention(ent, "ORG", body, "body")
        outlet = self.d.outlets.get(_key(ent.text))
        if outlet:
            return self._mention(ent, "ORG", Actor(id=f"outlet:{_slug(outlet)}", name=outlet, code="MED",
                                                   sector="MED", kind="body"), "outlet")
        return self._mention(ent, "ORG", None, "unresolved")

    def _body_actor(self, tokens: list[Token]) -> Actor | None:
        if len(tokens) < 2:
            return None
        country = self._country_in(tokens[:2])
        if country is None:
            return None
        rest = " ".join(t.lower_ for t in tokens[1:] if t.tag_ != "POS")
        sector = self.d.sectors.get(rest) or self.d.sectors.get(tokens[-1].lemma_.lower())
        return sector_actor(country, sector) if sector else None

    def _definite_organisations(self, found: list[Mention]) -> list[Mention]:
        """'the alliance', 'the Russian-led bloc', 'the organization': the organisation last named."""
        out = sorted(found, key=lambda m: m.start)
        for t in self._tokens_where(ORGANISATION_NOUNS | MINISTRY_NOUNS, self._lemma):
            if t.tag_ not in ("NN", "NNP"):
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
                continue
            span = self.doc[t.left_edge.i: t.i + 1]
            wanted = self._refers_back_to(t, span)
            earlier = [m for m in out if m.end <= span.start_char and m.actor is not None and wanted(m.actor)]
            own = ("igo",) if t.lemma_.lower() in ORGANISATION_NOUNS else ("igo", "country", "body")
            if not earlier or any(m.start >= span.start_char and m.end <= span.end_char and m.actor is not None
                                  and m.actor.kind in own for m in out):
                continue  # the phrase names its own organisation or country
            out = [m for m in out if not (span.start_char <= m.start < span.end_char)]
            out.append(self._mention(span, "ORG", earlier[-1].actor, "definite"))
            out.sort(key=lambda m: m.start)
        return out

    def _refers_back_to(self, head: Token, span: Span):
        """What 'the alliance' (an organisation) or 'the ministry' (a national body) points back to."""
        if head.lemma_.lower() in ORGANISATION_NOUNS:
            return lambda a: a.kind == "igo"
        phrase = span.text.lower().removeprefix("the ").removeprefix("this ").removeprefix("that ").strip()
        if phrase in MINISTRY_NOUNS:  # plain "the ministry": whichever ministry was named last
            return lambda a: a.kind == "body" and a.country is not None and a.sector in ("GOV", "MIL")
        sector = self.d.sectors.get(phrase) or "GOV"
        return lambda a: a.kind == "body" and a.sector == sector and a.country is not None

    def _missed_surnames(self, taken: set[int]) -> list[Mention]:
        """A surname of someone already met that the NER did not mark this time."""
        out = []
        known = set().union(*(k.names for k in self._known)) if self._known else set()
        for t in self._tokens_where(known, self._lower):
            if t.i in taken or t.tag_ != "NNP" or not t.text[:1].isupper():
                continue
            key = _key(t.text)
            for k in self._known:
                if key in k.names and k.actor.kind == "person":
                    out.append(self._mention(self.doc[t.i:t.i + 1], "PERSON", k.actor, "surname"))
                    taken.add(t.i)
                    break
        return out

    def _sector_phrases(self, taken: set[int]) -> list[Mention]:
        """'the Armenian government' where the NER typed nothing, and 'Russia's Defense Ministry'."""
        out = []
        heads = self.d.sector_heads()
        for t in self._tokens_where(heads, self._lower, self._lemma):
            if t.i in taken or t.pos_ not in ("NOUN", "PROPN"):
                continue
            compounds = [c for c in t.lefts if c.dep_ == "compound" and c.i == t.i - 1]
            phrase = " ".join([c.lower_ for c in compounds] + [t.lower_])
            sector = self.d.sectors.get(phrase) or self.d.sectors.get(t.lemma_.lower()) or self.d.sectors.get(t.lower_)
            if not sector or (t.tag_ in ("NN", "NNP") and t.lower_ in self.d.title_heads):
                continue  # "the Russian diplomat" is a person: a role phrase, read below
            for child in t.children:
                if child.dep_ == "poss" and (owner := self.d.lookup(child.text)) is not None \
                        and owner.kind == "country" and child.right_edge.i + 1 <= t.i:
                    # "Azerbaijan's foreign ministry": the body, not the country
                    span = self.doc[child.right_edge.i + 1: t.i + 1]
                    if span[0].tag_ == "POS":
                        span = self.doc[span.start + 1: span.end]
                    if len(span) and not any(i in taken for i in range(span.start, span.end)):
                        out.append(self._mention(span, "ORG", sector_actor(owner, sector), "possessor+sector"))
                        taken.update(range(span.start, span.end))
                    break
                if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in taken:
                    continue  # the adjective was already read as part of an entity
                if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in self.d.adjectives:
                    country = self.d.adjectives[child.lower_]
                    start = child.i - 1 if child.i > 0 and self.doc[child.i - 1].lower_ == "the" else child.i
                    span = self.doc[start: t.i + 1]
                    out.append(self._mention(span, "ORG", sector_actor(country, sector), "adjective+sector"))
                    taken.update(range(span.start, span.end))
                    break
        return out

    # -- role phrases ("the spokeswoman", "the Russian deputy foreign minister") --------
    def _add_role_mentions(self, taken: set[int]) -> None:
        for t in self._tokens_where(self.d.title_heads, self._lower):
            if t.i in taken or t.pos_ not in ("NOUN", "PROPN"):
                continue
            if t.ent_type_ == "PERSON" or self._names_a_person(t):
                continue
            span = self._role_span(t)
            title = self.d.title_of(span.text)
            if title is None or title.title.split()[-1] != t.lower_ and not title.title.endswith(t.lower_):
                continue
            countries = {self.d.adjectives[x.lower_].id for x in span if x.lower_ in self.d.adjectives}
            country = self._country_in(list(span)) or self._body_country(span)
            if span[0].lower_ in ("a", "an", "another", "one"):  # someone new, not a person met before
                actor = sector_actor(country, title.sector or "GOV") if country is not None else None
                self.mentions.append(self._mention(span, "ROLE", actor, "role"))
                taken.update(range(span.start, span.end))
                continue
            # "the Russian, Armenian and Azerbaijani foreign ministers" are several people
            actor = None if len(countries) > 1 or t.tag_ in ("NNS", "NNPS") else \
                self._role_actor(title, country, span.start_char)
            self.mentions.append(self._mention(span, "ROLE", actor, "role"))
            taken.update(range(span.start, span.end))

    def _body_country(self, span: Span) -> Actor | None:
        """'a State Department spokesperson': the country of a named body inside the phrase."""
        for t in span:
            m = self._by_token.get(t.i)
            if m is not None and m.actor is not None and m.actor.kind == "body" and m.actor.country:
                return self.d.country_by_code.get(m.actor.country)
        low = span.text.lower()
        for phrase, actor in self.d.bodies():
            if phrase in low:
                return self.d.country_by_code.get(actor.country)
        return None

    def _names_a_person(self, t: Token) -> bool:
        """A title directly before or in apposition to a name: 'Spokeswoman Maria Zakharova'."""
        if t.dep_ in ("compound", "amod") and t.head.ent_type_ == "PERSON":
            return True
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if nxt is not None and nxt.ent_type_ == "PERSON":
            return True
        if nxt is not None and nxt.text == "," and t.i + 2 < len(t.doc) and t.doc[t.i + 2].ent_type_ == "PERSON" \
                and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children):
            return True
        return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children)

    def _role_span(self, t: Token) -> Span:
        start = t.i
        for child in sorted(t.lefts, key=lambda c: c.i):
            if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "case") or child.lower_ == "top":
                start = min(start, child.left_edge.i)
                break
        return self.doc[start: t.i + 1]

    def _role_actor(self, title: Title, country: Actor | None, before: int) -> Actor | None:
        for m in reversed(self.mentions):
            if m.start >= before or m.actor is None or m.actor.kind != "person":
                continue
            if self._compatible(m.actor, title, country):
                return m.actor
        if country is not None:
            holders = self.d.holders(title.role, country.country, self.when)
            if len(holders) == 1:
                p = holders[0]
                return self._remember(p.actor(self.when, self.d.role_sectors), p.gender, p)
            # "Taiwan's vice foreign minister", unnamed: at least the government they speak for
            return sector_actor(country, title.sector or "GOV")
        return None

    def _compatible(self, actor: Actor, title: Title, country: Actor | None) -> bool:
        if country is not None and actor.country != country.country:
            return False
        gender = self._genders.get(actor.id) or actor.gender
        if title.gender and gender and title.gender != gender:
            return False
        role = (actor.role or "").lower()
        if title.matches and role:
            return role in title.matches or any(m in role for m in title.matches if " " in m)
        if title.generic:
            return title.role in role or _role_family(title.role) & _role_family(role) != set() \
                or title.role in ("official", "leader", "diplomat") and actor.sector in ("GOV", None)
        return role == title.role or (title.role in role and "deputy" not in role.replace(title.role, "")) \
            or (title.role == "spokesperson" and "spokes" in role)

    def _find_pairs(self) -> None:
        for m in self.mentions:
            if m.actor is None or m.actor.kind not in ("country", "body"):
                continue
            tok = self.doc[self._tok(m.start)]
            root = self._mention_root(m, tok)
            for conj in root.conjuncts:
                other = self._by_token.get(conj.i)
                if other is not None and other.actor is not None and other.actor.country != m.actor.country \
                        and other.start > m.start:
                    self._pairs.append((m.start, m.actor, other.actor))

    def _mention_root(self, m: Mention, tok: Token) -> Token:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None else tok

    # -- questions later stages ask --------------------------------------------------------
    def actor_at(self, start: int, end: int) -> Actor | None:
        i = bisect_left(self._starts, start)
        for m in self.mentions[max(0, i - 1): i + 2]:
            if m.start <= start and end <= m.end:
                return m.actor
        return None

    def mention_of(self, token: Token) -> Mention | None:
        return self._by_token.get(token.i)

    def resolve_token(self, token: Token) -> Party | None:
        """The actor a single word points at: a pronoun, a word inside a mention, a phrase head."""
        low = token.lower_
        if low in PRONOUN_GENDER:
            return self.resolve_pronoun(token)
        if low in STATE_PRONOUNS:
            return self.resolve_state_pronoun(token)
        m = self._by_token.get(token.i)
        if m is not None and m.actor is not None:
            return Party(m.actor, m.text, m.start, m.end)
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod") and (cm := self._by_token.get(child.i)) and cm.actor:
                return Party(cm.actor, cm.text, cm.start, cm.end)
        return None

    def name_as_written(self, actor: Actor) -> str | None:
        """The actor's name as this article spells it ('Yaşar Güler' for the dictionary's
        'Yasar Guler'); None when the article uses the dictionary's spelling or another
        transliteration."""
        canonical = actor.name.split()
        forms = [m.text for m in self.mentions if m.actor is not None and m.actor.id == actor.id
                 and m.label == "PERSON"]
        if not forms or not canonical:
            return None
        written = max(forms, key=len).split()
        if written[-1] != canonical[-1] and _fold(written[-1]) == _fold(canonical[-1]):
            if len(written) == len(canonical) and all(_fold(a) == _fold(b) for a, b in zip(written, canonical)):
                return " ".join(written)
            return " ".join(canonical[:-1] + written[-1:])
        return None

    def resolve_state_pronoun(self, token: Token) -> Party | None:
        """'it', 'they', 'its': the state, body or organisation last acting nearby."""
        here = self._sentence_of(token)
        nearest = None
        for m in reversed(self.mentions):
            if m.start >= token.idx or m.actor is None or m.actor.kind == "person":
                continue
            if here - m.sentence > 1:
                break
            if self._is_subject(m):
                return Party(m.actor, token.text, token.idx, token.idx + len(token))
            nearest = nearest or m.actor
        if nearest is None:
            return None
        return Party(nearest, token.text, token.idx, token.idx + len(token))

    def resolve_pronoun(self, token: Token) -> Party | None:
        m = self.antecedent(token)
        if m is None or m.actor is None:
            return None
        return Party(m.actor, token.text, token.idx, token.idx + len(token))

    def antecedent(self, token: Token) -> Mention | None:
        """The person 'he' or 'she' points back to, named or not in the dictionary.

        A subject of this or the two sentences before wins (a gender match first, then an
        unknown gender); beyond that, the nearest person of the right gender.
        """
        gender = PRONOUN_GENDER.get(token.lower_)
        here = self._sentence_of(token)
        candidates = [m for m in reversed(self.mentions) if m.start < token.idx and self._is_person(m)]
        # the latest subject nearby whose gender does not contradict the pronoun
        for m in candidates:
            if here - m.sentence <= 2 and self._is_subject(m) and self._gender(m) in (gender, None):
                return m
        for wanted in (gender, None):
            for m in candidates:
                if self._gender(m) == wanted:
                    return m
        return None

    @staticmethod
    def _is_person(m: Mention) -> bool:
        return (m.actor is not None and m.actor.kind == "person") or (m.actor is None and m.label == "PERSON")

    def _gender(self, m: Mention) -> str | None:
        if m.actor is not None:
            return self._genders.get(m.actor.id) or m.actor.gender
        return self.d.gender_of_name(m.text)

    def _is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        while root.dep_ in ("appos", "compound", "conj") and root.head.i != root.i:
            root = root.head
        if root.dep_ == "pobj" and root.head.i == root.sent.start and root.head.lower_ in ("for", "to"):
            return True  # the topic of "For Kowalczyk, the lesson is simple."
        return root.dep_ in ("nsubj", "nsubjpass")

    def last_pair(self, before: int) -> tuple[Actor, Actor] | None:
        pair = None
        for start, a, b in self._pairs:
            if start < before:
                pair = (a, b)
        return pair

    def parties_of(self, token: Token) -> list[Party]:
        """Actors named by the noun phrase headed by ``token``, coordinations included."""
        heads = [token, *[c for c in token.conjuncts if c.i > token.i]]
        out: list[Party] = []
        for head in heads:
            if head.lower_ in PAIR_WORDS or (head.lower_ == "other" and head.head.lower_ == "each"):
                pair = self.last_pair(head.idx)
                if pair:
                    out.extend(Party(a, head.text, head.idx, head.idx + len(head)) for a in pair)
                continue
            several = self._coordinated_adjectives(head)
            if several:
                out.extend(p for p in several if all(p.actor.id != q.actor.id for q in out))
                continue
            party = self.resolve_token(head)
            if party is None and head.pos_ in ("NOUN", "PROPN"):
                party = self._party_in_phrase(head)
            if party is not None and all(p.actor.id != party.actor.id for p in out):
                out.append(party)
        return out

    def _coordinated_adjectives(self, head: Token) -> list[Party]:
        """'Hungarian and Romanian officials', 'his Azerbaijani and Armenian counterparts'."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return []
        adjectives = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod")
                      and c.lower_ in self.d.adjectives]
        for adj in list(adjectives):
            adjectives.extend(c for c in adj.conjuncts if c.lower_ in self.d.adjectives and c not in adjectives)
        if len(adjectives) < 2:
            return []
        sector = self.d.sectors.get(head.lemma_.lower()) or ("GOV" if head.lower_ in self.d.title_heads
                                                             or head.lemma_.lower() in self.d.title_heads else None)
        parties = []
        for adj in sorted(adjectives, key=lambda t: t.i):
            country = self.d.adjectives[adj.lower_]
            actor = sector_actor(country, sector) if sector else country
            parties.append(Party(actor, adj.text, adj.idx, adj.idx + len(adj)))
        return parties

    def _party_in_phrase(self, head: Token) -> Party | None:
        for t in head.subtree:
            if t.dep_ in ("relcl", "acl", "prep") and t.head == head:
                continue
            if t.i > head.i:
                break
            m = self._by_token.get(t.i)
            if m is not None and m.actor is not None and t.dep_ != "poss":
                return Party(m.actor, m.text, m.start, m.end)
        return None


_OF_TAILS = {"government", "state", "affairs", "defence", "defense", "staff", "mission", "delegation",
             "parliament", "council", "commission", "office", "ministry", "department", "party", "committee"}


def _title_head(title: str) -> str:
    """The noun a title is named by: 'spokesperson' in 'ministry of defence spokesperson',
    'head' in 'head of government', 'minister' in 'minister of foreign affairs'."""
    words = title.split()
    for link in (" of ", " for ", " to "):
        if link in title and words[-1] in _OF_TAILS:
            return title.split(link)[0].split()[-1]
    return words[-1]


def _role_family(role: str) -> set[str]:
    families = {
        "diplomacy": ("foreign", "diplomat", "ambassador", "envoy", "spokes", "representative"),
        "executive": ("president", "prime minister", "premier", "chancellor", "leader"),
        "defence": ("defence", "defense", "military", "general"),
    }
    return {name for name, keys in families.items() if any(k in role for k in keys)}
