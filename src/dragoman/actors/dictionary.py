"""The actor dictionary: countries, organisations, blocs, people, titles, sector nouns.

Loaded once from data/ (no spaCy needed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..records import Actor
from ..vocab import load_data, load_user_file
from .common import FEMALE_SURNAME, WORDS, _date, _fold, _key, _slug, PhraseMatcher, plain_name


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
    surname_first: bool = False  # 'Lin Jian' is 'Lin' for short, never 'Jian'

    @property
    def surname(self) -> str:
        words = self.name.split()
        return words[0] if self.surname_first else words[-1]

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
    shared_names: dict[str, Actor] = field(default_factory=dict)  # names of a body other countries use too
    outlets: dict[str, str] = field(default_factory=dict)
    first_names: dict[str, str] = field(default_factory=dict)
    country_by_code: dict[str, Actor] = field(default_factory=dict)
    _groups: PhraseMatcher | None = None
    _title_cache: dict[str, Title | None] = field(default_factory=dict)
    _bodies: list[tuple[str, Actor]] | None = None
    _sector_heads: set[str] | None = None
    _by_role: dict[str, list[Person]] | None = None
    _by_deletion: tuple[dict[str, list[str]], dict[str, list[Person]]] | None = None
    _lookups: dict[str, Actor | None] = field(default_factory=dict)
    _near_names: object | None = None  # near_names.NearNames, built when first needed

    @classmethod
    def load(cls, user_file: str | Path | None = None) -> "ActorDictionary":
        if user_file is None:
            return _bundled_dictionary()
        d = cls()
        d._fill(_bundled_sources(), user=load_user_file(user_file) or {})
        d._build_indexes()
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
        for sector, nouns in sources["sectors"].items():
            for n in nouns or []:
                self.sectors[str(n).lower()] = sector
        for t in sources["titles"] + list(user.get("titles") or []):
            self._add_title(t)
        self.titles.sort(key=lambda t: -len(t.title))
        self.role_sectors = {t.role: t.sector for t in self.titles if t.sector and t.sector != "IGO"}
        for canonical, names in sources["outlets"].items():
            for n in [canonical, *(names or [])]:
                self.outlets[str(n).lower()] = canonical
        for gender, names in sources["first_names"].items():
            for n in names or []:
                self.first_names[str(n).lower()] = gender

    def _build_indexes(self) -> None:
        """The indexes the lookups build when first needed, built with the dictionary so the
        first article analysed does not pay for them."""
        self.group_matcher()
        self._by_deletion = self._surnames_by_deletion()

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
        for n in g.get("shared_names") or []:  # "Foreign Office": also another country's own body
            self._add_name(n, actor)
            self.shared_names[_key(n)] = actor

    def _add_person(self, p: dict) -> None:
        roles = [(str(r.get("role", "")).lower(), _date(r.get("start")), _date(r.get("end")))
                 for r in p.get("roles") or [] if isinstance(r, dict)]
        # the name people know: 'Teodoro Locsin' for 'Teodoro Locsin Jr.' (kept as a variant)
        person = Person(name=plain_name(p["name"]), variants=[p["name"], *(p.get("variants") or [])],
                        gender=p.get("gender"),
                        country=p.get("country"), sector=p.get("sector") or "GOV", wikidata=p.get("wikidata"),
                        roles=roles, igo=p.get("igo"), surname_first=bool(p.get("surname_first")))
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
            self.title_heads.add(_title_head(title.title, self.sector_heads()))

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

    def group_matcher(self) -> PhraseMatcher:
        """Names of blocs, groups and bodies, found in a text as whole words in any case."""
        if self._groups is None:
            self._groups = PhraseMatcher(p for p, a in self.names.items() if a.kind in ("group", "body"))
        return self._groups

    def group_pattern(self) -> re.Pattern:
        return self.group_matcher().pattern

    def lookup(self, text: str) -> Actor | None:
        """A state, organisation or bloc by one of its names (not people, not capitals)."""
        if text in self._lookups:
            return self._lookups[text]
        stripped = re.sub(r"^(the|The)\s+", "", text.strip()).replace("’", "'")
        stripped = re.sub(r"'s$", "", stripped)
        found = self.caps[stripped] if stripped in self.caps else self.names.get(_key(text))
        if len(self._lookups) < 50_000:
            self._lookups[text] = found
        return found

    def person(self, name: str) -> Person | None:
        return self.people.get(_key(name))

    def near_spellings(self, name: str) -> list[Person]:
        """People whose surname is one typo away from the last word of ``name`` ('Peksov',
        'Grusnko', 'Shmyal'), and whose first name, when one is given, is the same name ('Dmitri',
        'D.', 'Alex' for 'Dmitry', 'Alexander'): 'Ruth Calder' is someone else than 'Rafael Caldera'."""
        words = name.split()
        last = _fold(_key(words[-1]))
        if len(last) < 5 or not last.isalpha():
            return []
        if self._by_deletion is None:
            self._by_deletion = self._surnames_by_deletion()
        by_deletion, people = self._by_deletion
        found: dict[int, Person] = {}
        for variant in _deletions(last):
            for surname in by_deletion.get(variant, ()):
                if surname != last and surname[:1] == last[:1] and _one_edit(surname, last):
                    for person in people[surname]:
                        if len(words) == 1 or _same_shape(words, person):
                            found[id(person)] = person
        return list(found.values())

    def _surnames_by_deletion(self) -> tuple[dict[str, list[str]], dict[str, list[Person]]]:
        """Every surname (folded) under itself and each form of it with one letter left out
        (two words one typo apart, a letter changed, added, dropped or two swapped, share such
        a form, so a near spelling is looked for among a handful of names); and the people of
        each surname."""
        people: dict[str, list[Person]] = {}
        for key, bucket in self.surnames.items():
            people.setdefault(_fold(key), []).extend(bucket)
        for person in {id(p): p for p in self.people.values()}.values():
            people.setdefault(_fold(_key(person.surname)), []).append(person)
        return deletion_index(people), people

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
            people = {id(p): p for p in self.people.values()}
            for person in people.values():
                for r in dict.fromkeys(r for r, _, _ in person.roles):
                    self._by_role.setdefault(r, []).append(person)
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
    d._build_indexes()
    return d





def _title_head(title: str, bodies: set[str] | frozenset[str] = frozenset()) -> str:
    """The noun a title is named by: 'spokesperson' in 'ministry of defence spokesperson',
    'head' in 'head of government', 'minister' in 'minister of foreign affairs', 'general' in
    'general of the army' (a title ending in a body, one of ``bodies``, is named by its first part:
    the body itself names no person, so "Russia's army said" stays the army)."""
    words = title.split()
    for link in (" of ", " for ", " to "):
        if link in title and (words[-1] in WORDS["title_of_tails"] or words[-1] in bodies):
            return title.split(link)[0].split()[-1]
    return words[-1]




def _deletions(word: str) -> set[str]:
    """The word itself and every form of it with one letter left out."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


def deletion_index(words) -> dict[str, list[str]]:
    """Each of ``words`` under itself and each form of it with one letter left out: two words one
    typo apart (a letter changed, added, dropped or two swapped) share such a form, so the near
    spellings of a word are looked for among a handful of words, never all of them."""
    index: dict[str, list[str]] = {}
    for word in words:
        for variant in _deletions(word):
            index.setdefault(variant, []).append(word)
    return index


def same_first_name(given: str, known: str) -> bool:
    """Whether a first name as written can be the known one: the same, an initial or short form
    of it ('D.', 'Alex'), or one typo away ('Dmitri')."""
    a, b = _fold(given.rstrip(".")), _fold(known.rstrip("."))
    if not a or not b:
        return False
    return a == b or b.startswith(a) or a.startswith(b) or (min(len(a), len(b)) >= 4 and _one_edit(a, b))


def _one_edit(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours turns ``a`` into ``b``."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


def _same_shape(words: list[str], person: Person) -> bool:
    """A misspelt full name is one of the person's names with the same first name and as many
    words: 'Maria Espinoza' is someone else than 'Maria Fernanda Espinosa'."""
    given = words[0]
    for form in (person.name, *person.variants):
        parts = form.split()
        # an initial in the dictionary's form ('A. K. Antony', 'Ma. Theresa') does not confirm a full first name
        if len(parts) == len(words) and same_first_name(given, parts[0]) \
                and (_initial(given) or not _initial(parts[0])):
            return True
    return False


def _initial(word: str) -> bool:
    return len(word.rstrip(".")) <= 2
