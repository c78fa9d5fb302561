"""Role phrases ("the spokeswoman", "the Russian deputy foreign minister"): which person or
government a title without a name stands for (mixed into Cast with MentionFinder)."""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from spacy.tokens import Span, Token

from ..records import Actor, Mention
from .common import WORDS, _key
from .coref import _role_family
from .dictionary import Title, sector_actor


# 'the spokesperson' looks back over this many role phrases of someone new ('a State Department spokesperson')
RECENT_NEWCOMERS = 8


class RoleMentions:
    """Role phrases of one article, resolved to the person or the body they stand for."""

    # -- role phrases ("the spokeswoman", "the Russian deputy foreign minister") --------
    def _add_role_mentions(self, taken: set[int]) -> None:
        found = [m for m in self.mentions if m.actor is not None and m.actor.kind == "person"]
        self._found_persons, self._found_person_starts = found, [m.start for m in found]
        self._role_persons: list[Mention] = []
        newcomers: list[tuple[Mention, str]] = []  # role phrases of someone new, and their roles
        self._starts_of_person: dict[str, list[int]] = {}
        for m in found:
            self._starts_of_person.setdefault(m.actor.id, []).append(m.start)
        self._last_role_of_person: dict[str, int] = {}
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
            if span[0].lower_ in WORDS["someone_new"] or any(  # someone new, not a person met before
                    c.dep_ in ("det", "nummod") and c.lower_ in WORDS["someone_new"] for c in t.children):
                actor = sector_actor(country, title.sector or "GOV") if country is not None else None
                self.mentions.append(self._mention(span, "ROLE", actor, "role"))
                newcomers.append((self.mentions[-1], title.role))
                taken.update(range(span.start, span.end))
                continue
            # "the Russian, Armenian and Azerbaijani foreign ministers" are several people
            actor = None if len(countries) > 1 or t.tag_ in ("NNS", "NNPS") else \
                self._role_actor(title, country, span.start_char, self._qualifiers(span, title))
            newcomer = next((m for m, role in reversed(newcomers[-RECENT_NEWCOMERS:]) if role == title.role or (
                role.endswith(" " + title.role) and not _subordinate(role, title.role))), None)
            if newcomer is not None and not self._met_since(actor, newcomer.start, span.start_char):
                actor = newcomer.actor  # 'a State Department spokesperson ... the spokesperson said'
            self.mentions.append(self._mention(span, "ROLE", actor, "role"))
            if actor is not None and actor.kind == "person":
                self._role_persons.append(self.mentions[-1])
                self._last_role_of_person[actor.id] = span.start_char
            taken.update(range(span.start, span.end))

    def _met_since(self, actor: Actor | None, after: int, before: int) -> bool:
        """The person was named, or pointed to by a role phrase, between the two offsets."""
        if actor is None or actor.kind != "person":
            return False
        starts = self._starts_of_person.get(actor.id, [])
        i = bisect_left(starts, before)
        if i and starts[i - 1] > after:
            return True
        last = self._last_role_of_person.get(actor.id)  # role phrases are read in order: all before this one
        return last is not None and after < last < before

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
        if t.dep_ in ("compound", "amod", "appos") and t.head.ent_type_ == "PERSON":
            return True  # 'Jan Novak, deputy permanent representative of ...' describes the name before
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if nxt is not None and nxt.ent_type_ == "PERSON":
            return True
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title and nxt.ent_type_ in ("", "ORG") \
                and nxt.dep_ == "compound" and t.dep_ == "compound" and nxt.head.i == t.head.i:
            return True  # 'Party Chairman Reince Priebus': a name the NER did not type as a person
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

    def _people_met_before(self, before: int) -> Iterable[Actor]:
        """Each person mentioned before ``before`` once: those named by a role phrase read so
        far, latest first, then those named in the text, latest first."""
        seen: set[str] = set()
        named = self._found_persons[:bisect_left(self._found_person_starts, before)]
        for m in [*reversed(self._role_persons), *reversed(named)]:
            if m.start < before and m.actor.id not in seen:
                seen.add(m.actor.id)
                yield m.actor

    def _qualifiers(self, span: Span, title: Title) -> list[str]:
        """The words of a role phrase that narrow the title and that the dictionary does not
        read as a country or a body: 'Senate' and 'minority' in 'the Senate minority leader'."""
        words = set(title.title.split())
        out = []
        for t in span:
            low = t.lower_
            if t.pos_ not in ("NOUN", "PROPN", "ADJ") or low in words or low in WORDS["role_ranks"] or low in self.d.adjectives \
                    or t.i in self._by_token or self.d.lookup(t.text) is not None or not t.is_alpha:
                continue
            out.append(low)
        return out

    def _role_actor(self, title: Title, country: Actor | None, before: int,
                    qualifiers: list[str] = ()) -> Actor | None:
        for actor in self._people_met_before(before):
            if self._compatible(actor, title, country) and all(q in self._role_known(actor) for q in qualifiers):
                return actor
        if qualifiers:  # a narrower office than the dictionary records: unnamed
            return sector_actor(country, title.sector or "GOV") if country is not None else None
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
        if title.role == "official":  # "the official" is someone unnamed, never a person named nearby
            return False
        gender = self._genders.get(actor.id) or actor.gender
        if title.gender and gender and title.gender != gender:
            return False
        role = self._role_known(actor)
        if _subordinate(role, title.role):  # a vice president is not "the president"
            return False
        if title.matches and role:
            return role in title.matches or any(m in role for m in title.matches if " " in m)
        if title.generic:
            return title.role in role or _role_family(title.role) & _role_family(role) != set() \
                or title.role == "diplomat" and actor.sector in ("GOV", None)
        return role == title.role or (title.role in role and "deputy" not in role.replace(title.role, "")) \
            or (title.role == "spokesperson" and "spokes" in role)

    def _role_known(self, actor: Actor) -> str:
        """The person's role as far as the article lets us know it: in an undated article only
        an office they still hold (a former president is not 'the president' of an undated text)."""
        role = (actor.role or "").lower()
        if self.when is None and role:
            person = self.d.people.get(_key(actor.name))
            if person is not None and person.roles and all(end is not None for _, _, end in person.roles) \
                    and not self._titled_as(actor, role):
                return ""
        return role

    def _titled_as(self, actor: Actor, role: str) -> bool:
        """The article itself gives the person the role: 'President Barack Obama'."""
        for m in self._found_persons:
            if m.actor.id == actor.id:
                before = self.text[max(0, m.start - len(role) - 14): m.start].lower().split()
                words = role.split()
                if m.text.lower().startswith(role + " ") or before[-len(words):] == words \
                        and not set(before[-len(words) - 1: -len(words)]) & WORDS["role_below"]:
                    return True
        return False




def _subordinate(role: str, title_role: str) -> bool:
    """'vice president' under 'president', 'deputy foreign minister' under 'foreign minister'."""
    if title_role not in role or role == title_role:
        return False
    return bool(set(role.replace(title_role, " ").split()) & WORDS["role_below"])
