"""Finding and resolving the actor mentions of one article, in reading order."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

from spacy.parts_of_speech import ADJ, PROPN
from spacy.tokens import Span, Token

from ..records import Actor, Mention
from .common import (_fold, WORDS, ACTING_DEPS, ACTING_PREPS, ENTITY_LABELS, FROM_GOVERNMENT, GOVERNMENT_NOUNS,
                     MINISTRY_NOUNS, ORGANISATION_NOUNS, PLACE_NOUNS, _key, _slug, plain_name)
from .dictionary import Person, _one_edit, sector_actor
from .earlier import EarlierMentions
from .roles import RoleMentions


_NAME_POS = {PROPN, ADJ}  # parts of speech a country's name or adjective takes


@dataclass(slots=True)
class _Known:
    """A person met in this article, by full name and surname, with what the text told of them."""

    actor: Actor
    gender: str | None
    names: set[str]



BODY_LOOK_BACK_TOKENS = 400  # 'the ministry' looks this far back for the ministry named in full


class MentionFinder(RoleMentions):
    """Builds the cast's mentions (mixed into Cast)."""

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
        found.extend(self._sector_phrases(taken))
        for m in found:  # "the Foreign Office" in a story filed from Islamabad is Pakistan's
            if m.actor is not None and self.filed_from is not None and m.actor.country != self.filed_from.country \
                    and self.d.shared_names.get(_key(m.text.removeprefix("the ").removeprefix("The "))) is m.actor:
                m.actor = sector_actor(self.filed_from, m.actor.sector or "GOV")
        found = self._definite_organisations(found)
        self._bodies_named_before(found)
        found.extend(self._missed_surnames(taken))
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
        self._by_actor = {}
        for m in self.mentions:
            for i in range(self._tok(m.start), self._tok(m.end - 1) + 1):
                self._by_token[i] = m
            if m.actor is not None:
                self._by_actor.setdefault(m.actor.id, []).append(m)
        self._starts = [m.start for m in self.mentions]
        self._persons = [m for m in self.mentions if self._is_person(m)]
        self._person_starts = [m.start for m in self._persons]

    def _tok(self, char: int) -> int:
        """Index of the token covering character ``char``."""
        return max(0, bisect_right(self._token_starts, char) - 1)

    def _sentence_of(self, token: Token) -> int:
        return self._sentence_at(token.i)

    def _sentence_at(self, i: int) -> int:
        """Index of the sentence of token ``i``."""
        return max(0, bisect_right(self._sent_starts, i) - 1)

    def _mention(self, span: Span, label: str, actor: Actor | None, rule: str) -> Mention:
        start, end = span.start_char, span.end_char
        return Mention(text=self.text[start:end], start=start, end=end, label=label,
                       sentence=self._sentence_at(span.start), actor=actor, rule=rule)

    def _add(self, m: Mention) -> None:
        self.mentions.append(m)

    def _group_spans(self) -> Iterable[Span]:
        """Bloc names the NER does not see as one entity: "the West", "Washington and its allies"."""
        for start, end in self.d.group_matcher().spans(self.text):
            if not self.text[start].isupper():
                continue
            span = self.doc.char_span(start, end, label="NORP", alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            after = self.doc[span.end] if span.end < len(self.doc) else None
            if after is not None and (after.pos_ == "PROPN" or after.is_title and after.pos_ in ("ADJ", "NOUN")):
                continue  # "West Bank", "West Africa", "West African leaders"
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
                        WORDS["travel_verbs"])
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
        return any(key in k.names for k in self._known) or key in self.d.people or bool(self._unresolved.get(key)) or \
            (" " not in key and len(self.d.surnames.get(key, [])) == 1 and text[:1].isupper())

    def _person_mention(self, ent: Span) -> Mention | None:
        start = ent.start
        while start < ent.end - 1 and (ent.doc[start].lower_ in self.d.title_words
                                       or ent.doc[start].lower_ in self.d.adjectives
                                       or ent.doc[start].tag_ in ("POS", "DT")):
            start += 1
        end = ent.end
        while end - 1 > start and ent.doc[end - 1].pos_ in ("VERB", "AUX"):  # a headline's 'Trump Said'
            end -= 1
        span = ent.doc[start:end]
        if span.text.endswith(("'s", "’s")):
            span = ent.doc[start:end - 1] if end - 1 > start else span
        name = plain_name(span.text.replace("’s", "").strip())
        actor = self._resolve_person(name, span)
        if actor is None:
            self._note_unresolved(name)
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
            if self._unresolved.get(key):  # someone this article names in full, not a misspelt name
                return self._resolve_surname(key)
            return self._resolve_surname(key) or self._met_misspelt(key) or self._resolve_misspelt(name)
        misspelt = self._resolve_misspelt(name)
        if misspelt is not None:
            return misspelt
        derived = self._actor_from_title(span, name)
        gender = self.d.gender_of_name(name)
        if derived is not None:
            return self._remember(derived, gender, None, name)
        return None

    def _met_misspelt(self, key: str) -> Actor | None:
        """A lone surname one typo away from the surname of one person met earlier in this
        article ('Grusnko' after 'Sergey Grushko')."""
        folded = _fold(key)
        if len(folded) < 5 or not folded.isalpha():
            return None
        found = {k.actor.id: k.actor for k in self._known
                 if any(" " not in n and len(n) >= 5 and n != key and _one_edit(_fold(n), folded) for n in k.names)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _resolve_misspelt(self, name: str) -> Actor | None:
        """A near-miss spelling of one person the dictionary knows ('Dmitry Peksov'): that
        person, met earlier in the article or the only one in office at its date."""
        near = self.d.near_spellings(name)
        met = [p for p in near if any(k.actor.name == p.name for k in self._known)]
        if len(near) > 1 and self.when:
            near = [p for p in near if p.role_at(self.when)]
        # a lone surname: someone met before, or the one such person in office at the article's date
        chosen = met if len(met) == 1 or (" " not in name and not self.when) else near
        if len(chosen) != 1:
            return None
        p = chosen[0]
        actor = self._remember(p.actor(self.when, self.d.role_sectors), p.gender, p)
        self._remember(actor, p.gender, None, name)  # the article's spelling names them from now on
        return actor

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

    def _note_unresolved(self, name: str) -> None:
        """A full name the dictionary does not know: its short forms name it later on."""
        if " " not in name:
            return
        for short in self._short_forms(name):
            if self._unresolved.setdefault(short, name) != name:
                self._unresolved[short] = None  # two people share it: it names neither

    def _short_forms(self, name: str, person: Person | None = None) -> list[str]:
        """The surname, and the first word of a two-word name: surname-first names ('Lin' for
        'Lin Jian', 'Mao' for 'Mao Ning') are shortened to their first word, and a given name
        alone rarely names anyone in news copy. A dictionary person known to write the family
        name first is shortened to that word alone ('Yoon' for 'Yoon Suk Yeol')."""
        words = name.split()
        if person is not None and person.surname_first:
            return [_key(words[0])]
        forms = [_key(words[-1])]
        first = _key(words[0])
        if len(words) == 2 and words[0][:1].isupper() and len(first) > 1 and not first.endswith("."):
            forms.append(first)
        return forms

    def _remember(self, actor: Actor, gender: str | None, person: Person | None, name: str | None = None) -> Actor:
        names = set()
        for n in ([person.name, *person.variants] if person else [name or actor.name]):
            names.add(_key(n))
            names.update(self._short_forms(n, person) if " " in n else [_key(n)])
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
        org = self._organisation_in(phrase_tokens) if country is None else None
        if country is None and org is None and title is not None:
            # 'the ministry spokesman X': the country of the ministry named before; else "Interior
            # Minister X" in a story about one country
            country = self._country_of_body_before(phrase_tokens) or self._sole_country_of(span)
        if country is None:
            # "Hamas official X", "NATO spokesperson X": the organisation's own people
            if org is None or title is None:
                return None
            return Actor(id=f"person:{_slug(name)}", name=name, code=org.code, country=org.country,
                         sector=org.sector, kind="person", role=title.role, gender=title.gender)
        if title is None:  # 'X, a security analyst based in London': of the country, not its government
            return Actor(id=f"person:{_slug(name)}", name=name, code=country.country, country=country.country,
                         kind="person")
        sector = title.sector or "GOV"
        return Actor(id=f"person:{_slug(name)}", name=name, code=f"{country.country} {sector}",
                     country=country.country, sector=sector, kind="person",
                     role=title.role if title else None, gender=title.gender if title else None)

    def _sole_country_of(self, span: Span) -> Actor | None:
        """The one country the sentence of ``span`` names (by name or adjective), else the one
        the whole text names; None when there are several or none."""
        sentence = span.sent
        for first, last in ((sentence.start, sentence.end), (0, len(self.doc))):
            found = {c.country: c for i, c in self._country_words()
                     if first <= i < last and not (span.start <= i < span.end)}
            if found:
                return next(iter(found.values())) if len(found) == 1 else None
        return None

    def _country_of_body_before(self, tokens: list[Token]) -> Actor | None:
        """The country of the body that 'the ministry' in a title phrase refers back to: the
        last 'Iraq's Foreign Ministry' before it (a bounded look back)."""
        nouns = {t.lower_ for t in tokens if t.pos_ == "NOUN" and t.i > 0 and t.doc[t.i - 1].lower_ == "the"}
        if not nouns:
            return None
        first = min(t.i for t in tokens)
        for i in range(first - 1, max(-1, first - BODY_LOOK_BACK_TOKENS), -1):
            t = self.doc[i]
            if t.lower_ in nouns and self.doc[i - 1].lower_ != "the":
                country = self._country_in([c for c in t.subtree if c.i < t.i])
                if country is not None:
                    return country
        return None

    def _country_words(self) -> list[tuple[int, Actor]]:
        """(token index, country) of every name or adjective of a country in the text, found once
        per article so that looking for the text's sole country stays linear."""
        words = self._country_word_index
        if words is None:
            named = (i for i, pos in enumerate(self.doc.to_array("POS").tolist()) if pos in _NAME_POS)
            words = [(i, c) for i in named for c in [self._country_in([self.doc[i]])] if c is not None]
            self._country_word_index = words
        return words

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
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # 'X is the city's mayor': the role, not its 'of ...'
            role = next((c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
            if role is not None:
                return [t for t in role.subtree if t.i <= role.i]
        return []

    def _country_in(self, tokens: list[Token]) -> Actor | None:
        for t in tokens:
            low = t.lower_
            if low in self.d.adjectives:
                return self.d.adjectives[low]
            actor = self.d.lookup(t.text)
            if actor is None and t.ent_type_ == "GPE" and t.ent_iob_ == "B":  # 'United Arab Emirates'
                actor = self.d.lookup(self._entity_text(t))
            if actor is not None and actor.kind == "country":
                return actor
            if t.ent_type_ in ("GPE",) and _key(t.text) in self.d.metonyms:
                m = self.d.metonyms[_key(t.text)]
                if m.country:
                    return self.d.country_by_code.get(m.country)
        return None

    def _entity_text(self, first: Token) -> str:
        """The text of the named entity that begins at ``first``."""
        end = first.i + 1
        while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
            end += 1
        return self.doc[first.i:end].text

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
        body = self._body_actor(tokens) or self._possessed_body(ent, tokens)
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

    def _possessed_body(self, ent: Span, tokens: list[Token]) -> Actor | None:
        """"Iraq's Foreign Ministry" where the NER typed the country and the ministry apart."""
        i = ent.start - 1
        if i < 1 or self.doc[i].tag_ != "POS" or not tokens:
            return None
        first = i - 1
        while first > 0 and self.doc[first].ent_iob_ == "I":
            first -= 1
        owner = self.d.lookup(self.doc[first:i].text) or self.d.metonyms.get(_key(self.doc[first:i].text))
        if owner is None or owner.kind not in ("country", "body") or not owner.country:
            return None
        owner = self.d.country_by_code.get(owner.country) or owner
        phrase = " ".join(t.lower_ for t in tokens)
        sector = self.d.sectors.get(phrase) or self.d.sectors.get(tokens[-1].lemma_.lower())
        return sector_actor(owner, sector) if sector else None

    def _definite_organisations(self, found: list[Mention]) -> list[Mention]:
        """'the alliance', 'the Russian-led bloc', 'the organization': the organisation last named;
        'the ministry', 'the government': the national body of that kind last named."""
        read = EarlierMentions(found)
        for t in self._tokens_where(ORGANISATION_NOUNS | MINISTRY_NOUNS | GOVERNMENT_NOUNS, self._lemma):
            if t.tag_ not in ("NN", "NNP"):
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
                continue
            span = self.doc[t.left_edge.i: t.i + 1]
            if t.lemma_.lower() in ORGANISATION_NOUNS and self._named_itself(t):
                continue  # 'the Patriotic Union of Kurdistan' is an organisation of its own
            earlier = self._named_before(read, t, span)
            # of the governments named, the one last acting as a subject, not one merely acted upon
            acting = [m for m in earlier if self._is_subject(m)]
            earlier = acting or earlier
            own = ("igo",) if t.lemma_.lower() in ORGANISATION_NOUNS else ("igo", "country", "body")
            if any(m.actor is not None and m.actor.kind in own for m in read.within(span.start_char, span.end_char)):
                continue  # the phrase names its own organisation or country
            actor = earlier[-1].actor if earlier else self._body_filed_from(read, t, span)
            if actor is not None:
                read.replace(self._mention(span, "ORG", actor, "definite"), span.end_char)
        return read.mentions

    def _body_filed_from(self, read: EarlierMentions, head: Token, span: Span) -> Actor | None:
        """'BEIJING - The foreign ministry said': with no such body named before, a national body
        ('the ministry', 'the government', 'the army') is the one of the country the story is filed
        from, unless another country was named before it."""
        if self.filed_from is None or head.lemma_.lower() in ORGANISATION_NOUNS:
            return None
        before = [m for m in read.within(0, span.start_char) if m.actor is not None and m.actor.country]
        if any(m.actor.country != self.filed_from.country for m in before):
            return None
        phrase = _without_determiner(span)
        sector = self.d.sectors.get(phrase) or self.d.sectors.get(head.lemma_.lower()) or "GOV"
        return sector_actor(self.filed_from, sector)

    def _named_before(self, read: EarlierMentions, head: Token, span: Span) -> list[Mention]:
        """The latest few mentions (at most eight) that a phrase such as 'the ministry' may point
        back to: 'the ministry' is a ministry named as such before a capital standing for its
        government, 'the Treasury Department' the one named with all its words."""
        kind, wanted = self._refers_back_to(head, span)
        word = head.lower_
        words_ = tuple(x.lower_ for x in span if x.dep_ != "det")

        def named(m: Mention) -> bool:
            return m.actor is not None and wanted(m.actor)

        def named_so(m: Mention) -> bool:
            return named(m) and (word in m.text.lower() or word in m.actor.name.lower())

        def named_fully(m: Mention) -> bool:
            return named_so(m) and all(w in m.text.lower().split() for w in words_)

        # from the widest question to the narrowest, each asked of the answers of the one before;
        # the narrowest question that has an answer gives it
        questions = [(("named", kind), named), (("named so", kind, word), named_so)]
        if len(words_) > 1:
            questions.append((("named fully", kind, word, words_), named_fully))
        answers, wider = [], None
        for question, test in questions:
            answers.append(read.last(question, test, span.start_char, 8, narrows=wider))
            wider = question
        return next((found for found in reversed(answers) if found), [])

    @staticmethod
    def _bodies_named_before(found: list[Mention]) -> None:
        """'a Treasury Department statement' after 'the U.S. Treasury Department': an unresolved
        name that ends a body's earlier, fuller name is that body."""
        bodies: dict[str, Actor] = {}
        for m in sorted(found, key=lambda m: m.start):
            words_ = [w for w in m.text.lower().split() if w not in ("the", "a", "an")]
            if m.actor is not None and m.actor.kind == "body" and m.label == "ORG":
                for n in range(len(words_) - 1):
                    bodies.setdefault(" ".join(words_[n:]), m.actor)
            elif m.actor is None and m.label == "ORG" and len(words_) > 1 and " ".join(words_) in bodies:
                m.actor, m.rule = bodies[" ".join(words_)], "named before"

    def _named_itself(self, head: Token) -> bool:
        """The head noun is part of a proper name with words of its own ('the Patriotic Union'),
        not a plain 'the union' pointing back."""
        if head.ent_type_ != "ORG" or not head.text[:1].isupper():
            return False
        first, end = head.i, head.i + 1
        while first > 0 and self.doc[first].ent_iob_ == "I":
            first -= 1
        while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
            end += 1
        own = [t for t in self.doc[first:end] if t.i != head.i and t.text[:1].isupper()
               and t.lower_ not in ("the", "this", "that") and t.lower_ not in self.d.adjectives]
        return bool(own)

    def _refers_back_to(self, head: Token, span: Span):
        """What 'the alliance' (an organisation) or 'the ministry' (a national body) points back
        to: a name for that kind of actor, and the test an actor passes to be one."""
        if head.lemma_.lower() in ORGANISATION_NOUNS:
            return "organisation", lambda a: a.kind == "igo"
        phrase = _without_determiner(span)
        if phrase in MINISTRY_NOUNS:  # plain "the ministry": whichever ministry was named last
            return "ministry", lambda a: a.kind == "body" and a.country is not None and a.sector in ("GOV", "MIL")
        sector = self.d.sectors.get(phrase) or "GOV"
        return ("body", sector), lambda a: a.kind == "body" and a.sector == sector and a.country is not None

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
                if child.dep_ == "compound" and child.i in taken and child.i < t.i:
                    owner = self._country_in([child])
                    span = self.doc[child.i + 1: t.i + 1]
                    if owner is not None and child.ent_type_ == "GPE" and not any(i in taken for i in range(span.start, span.end)):
                        # "the U.S. Treasury Department": the body, beside the country's own mention
                        out.append(self._mention(span, "ORG", sector_actor(owner, sector), "country+sector"))
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


def _without_determiner(span: Span) -> str:
    """'the foreign ministry' -> 'foreign ministry', as the dictionary's sector phrases are keyed."""
    return span.text.lower().removeprefix("the ").removeprefix("this ").removeprefix("that ").strip()
