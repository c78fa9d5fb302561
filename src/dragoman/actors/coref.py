"""Questions later stages ask of a cast: who is 'she', 'it', 'the sides' here."""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Span, Token

from ..records import Actor, Mention, Party
from .common import ORGANISATION_NOUNS, PAIR_WORDS, PRONOUN_GENDER, STATE_PRONOUNS, WORDS, _fold, _key, named_roles, plain_name
from .dictionary import ADJECTIVES, _one_edit, sector_actor


_QUOTED = re.compile(r'“[^”\n]*”|"[^"\n]*"')


class Coreference:
    """Resolution of pronouns, phrases and names against the built mentions (mixed into Cast)."""

    def actor_at(self, start: int, end: int) -> Actor | None:
        i = bisect_left(self._starts, start)
        for m in self.mentions[max(0, i - 1): i + 2]:
            if m.start <= start and end <= m.end:
                return m.actor
        return None

    def person_name(self, written: str) -> str:
        """The full name of a person the dictionary does not know, as the article first gives
        it: 'Lin' after 'Lin Jian', 'Locsin' after 'Teodoro Locsin Jr.'."""
        name = plain_name(written.replace("’s", "").removesuffix("'s").strip())
        if " " in name:
            return name
        key = _key(name)
        if self._unresolved.get(key):
            return self._unresolved[key]
        folded = _fold(key)
        if len(folded) >= 5 and key not in self._unresolved:  # 'Kalvenek' after 'Boris Kalvanek'
            near = {full for short, full in self._unresolved.items()
                    if full and len(short) >= 5 and _one_edit(_fold(short), folded)}
            if len(near) == 1:
                return near.pop()
        return name

    def body_name(self, actor: Actor, written: str, before: int) -> str:
        """A body named as the article knows it: 'the ministry' is the ministry named earlier in
        full ('Iraqi Foreign Ministry'); a name without its country takes the adjective the
        article uses ('U.S. Treasury Department'). A state keeps its name ('Iran said')."""
        words = [w for w in written.split() if w.lower() not in ("the", "a", "an", "this", "that")]
        if actor.kind in ("igo", "group"):
            return self._organisation_name(actor, " ".join(words) or written)
        if actor.kind != "body" or not words or not actor.country:
            return " ".join(words) or written
        head = words[-1].lower()
        for m in reversed(self._by_actor.get(actor.id, [])[:8]):
            fuller = [w for w in m.text.split() if w.lower() != "the"]
            if m.start < before and len(fuller) > len(words) and fuller[-1].lower() == head and m.label != "ROLE":
                words = fuller
                break
        if not any(self._names_country(w) for w in words):
            words = [self._adjective_used(actor.country), *words]
        return " ".join(words)

    def role_holder(self, head: Token, phrase: Span, country: str | None = None) -> Mention | None:
        """The one person the article names in the role an unnamed phrase gives ('the
        spokesman' ... 'military spokesman Yahya Saree'), before or after it; None when the
        article names no one, or several people, in that role."""
        role = named_roles().get(head.lower_)
        if role is None or head.tag_ in ("NNS", "NNPS"):
            return None
        title = self.d.title_of(phrase.text)
        gender = title.gender if title else None
        countries = self._countries_of([t for t in phrase if t.i != head.i]) | ({country} if country else set())
        for owner in (t for t in phrase if t.dep_ == "poss" and t.i != head.i):
            found = [m.actor for m in self.mentions_between(owner.idx, owner.idx + len(owner))
                     if m.actor is not None and m.actor.kind == "person"]
            if found:  # "Merz's spokesman" speaks for Merz: someone of his country
                if not found[0].country:
                    return None
                countries.add(found[0].country)
        found: dict[str, Mention] = {}
        for m in self._persons:
            roles, theirs = self._titled(m)
            if m.actor is not None and m.actor.country:
                theirs = theirs | {m.actor.country}
            # a phrase that names whose spokesperson it is takes only someone known to speak for them
            if role not in roles or (countries and not countries & theirs):
                continue
            if gender and self._gender(m) not in (gender, None):
                continue
            key = m.actor.id if m.actor is not None else _key(self.person_name(m.text))
            found.setdefault(key, m)
        return next(iter(found.values())) if len(found) == 1 else None

    def _titled(self, m: Mention) -> tuple[set[str], set[str]]:
        """The role groups and countries the words around a person's name give them."""
        cache = self.__dict__.setdefault("_titled_cache", {})
        if m.start not in cache:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            tokens = (self._title_tokens_before(span) + self._appositive_tokens(span)) if span is not None else []
            roles = {named_roles()[t.lower_] for t in tokens if t.lower_ in named_roles()}
            cache[m.start] = (roles, self._countries_of(tokens))
        return cache[m.start]

    def _countries_of(self, tokens: list[Token]) -> set[str]:
        out = set()
        for t in tokens:
            low = t.lower_.removesuffix("'s").removesuffix("’s")
            actor = self.d.adjectives.get(low) or self.d.lookup(t.text)
            if actor is not None and (actor.country or actor.kind in ("igo", "group")):
                out.add(actor.country or actor.id)
        return out

    def _organisation_name(self, actor: Actor, written: str) -> str:
        """'the bloc', 'the 15-nation Economic Community': an international organisation by the
        shortest of its own names this article uses ('ECOWAS'), a party or movement by its full
        name ('the Patriotic Union' after 'Patriotic Union of Kurdistan (PUK)'); a name of its own
        stays as written."""
        mentions = self._by_actor.get(actor.id, ())
        if actor.kind == "group" and any(_without_the(m.text) == actor.name for m in mentions):
            return actor.name  # a party or movement by the full name the article gives it, not its acronym
        found = self.d.lookup(written)
        if found is not None and found.id == actor.id:
            return written
        words = written.split()
        capitalised = [w for w in words if w[:1].isupper()]
        itself = words and words[-1].lower() in ORGANISATION_NOUNS | WORDS["body_nouns"]
        partial = capitalised and all(w in actor.name.split() for w in capitalised)
        if not (itself or partial):
            return written  # 'E.U. leaders', a person speaking for it: as written
        names = [m.text for m in self._by_actor.get(actor.id, ())
                 if (own := self.d.lookup(m.text)) is not None and own.id == actor.id]
        names = [" ".join(w for w in n.split() if w.lower() != "the") for n in names]
        return min(names, key=len) if names else written

    def _names_country(self, word: str) -> bool:
        low = word.lower().removesuffix("'s").removesuffix("’s")
        if low in self.d.adjectives or low in self.d.demonyms:
            return True
        found = self.d.lookup(word) or self.d.metonyms.get(_key(word))
        return found is not None and found.kind in ("country", "body")

    def _adjective_used(self, country: str) -> str:
        """The adjective this article gives the country most often ('U.S.' rather than 'American')."""
        counts: dict[str, int] = {}
        for m in self._by_actor.get(country, []) + self._by_actor.get(f"{country} GOV", []):
            first = m.text.split()[0] if m.text.split() else ""
            if first.lower() in self.d.adjectives and self.d.adjectives[first.lower()].country == country:
                counts[first] = counts.get(first, 0) + 1
        if counts:
            return max(counts, key=counts.get)  # the first of a tie
        return ADJECTIVES.get(country) or country

    @staticmethod
    def own_name(written: str) -> str:
        """A name as written, without the article before it ('the Patriotic Union' -> 'Patriotic Union')."""
        words = written.split()
        return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in ("the", "a", "an") else written

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end)."""
        return self.mentions[bisect_left(self._starts, start): bisect_left(self._starts, end)]

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
        forms = [m.text for m in self._by_actor.get(actor.id, ()) if m.label == "PERSON"]
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
        skipped_quote = False
        for m in reversed(self.mentions):
            if m.start >= token.idx or m.actor is None or m.actor.kind == "person":
                continue
            if self._quoted(m.start) and not self._quoted(token.idx):
                skipped_quote = True  # and look one sentence further back, past the quote
                continue
            if here - m.sentence > (2 if skipped_quote else 1):
                break  # a body named inside someone's quote is not who 'it' is outside it
            if self._is_subject(m) or m.start >= token.left_edge.idx:  # 'the State Department statement'
                self._antecedents()[token.idx] = m
                return Party(m.actor, token.text, token.idx, token.idx + len(token))
            nearest = nearest or m
        if nearest is None:
            return None
        self._antecedents()[token.idx] = nearest
        return Party(nearest.actor, token.text, token.idx, token.idx + len(token))

    def _antecedents(self) -> dict[int, Mention]:
        return self.__dict__.setdefault("_state_antecedents", {})

    def antecedent_name(self, at: int) -> str | None:
        """The name of what 'it', 'they' or 'the statement' at offset ``at`` was resolved to, as
        the article named it ('Iranian Foreign Ministry', 'U.S. officials'); None when unresolved."""
        m = self._antecedents().get(at)
        if m is None or m.actor is None or m.actor.kind == "person":
            return None
        return self.body_name(m.actor, m.text, m.start)

    def _quoted(self, offset: int) -> bool:
        """Inside a quotation (curly or straight double marks within one paragraph)."""
        spans = self.__dict__.get("_quote_spans")
        if spans is None:
            spans = [(m.start(), m.end()) for m in _QUOTED.finditer(self.text)]
            self._quote_spans, self._quote_span_starts = spans, [a for a, _ in spans]
        i = bisect_left(self._quote_span_starts, offset + 1) - 1
        return i >= 0 and spans[i][0] < offset < spans[i][1]

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
        candidates = self._persons[:bisect_left(self._person_starts, token.idx)][::-1]
        if not self._quoted(token.idx):  # '"Only you, Marta, can ...," he said': not the one addressed
            candidates = [m for m in candidates if m.sentence != here or not self._quoted(m.start)]
        # the latest subject nearby whose gender does not contradict the pronoun
        for m in candidates:
            if here - m.sentence > 2:
                break
            if self._is_subject(m) and self._gender(m) in (gender, None):
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



def _role_family(role: str) -> set[str]:
    return {name for name, keys in WORDS["role_families"].items() if any(k in role for k in keys)}


def _without_the(name: str) -> str:
    return " ".join(w for w in name.split() if w.lower() != "the")
