"""Noun phrases to actors: names, pronouns ("we" in a quote is its speaker), places, subject
phrases ("a group of Moroccan diplomats"), the actors inside a phrase, and where an act happened."""
from __future__ import annotations

import logging
import re
from bisect import bisect_left

from spacy.tokens import Token

from ..actors.near_names import near_names
from ..geo.places import dateline_country, load_places, normalise
from ..geo.regions import region_country
from ..records import Actor, Party, Quote
from .syntax import (PLACE_LABELS, QUOTE_KINDS_WITH_VOICE, derived_actor, derived_party, entity_span, entity_text, first_person,
                     named_place, population, unique)
from .sectors import home_organs
from .triggers import Match, done_by

LOGGER = logging.getLogger(__name__)
OTHER_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "conj"})
OPPOSED_NAME = re.compile(r"\b([A-Za-z]+)[-\u2013]\s?([A-Z][\w.]*)")  # "anti-Syria", "pro-Russian"
NEAR_NAME_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG"})  # not people: "Gordon" is no "Jordan"


class PartiesMixin:
    """Actor lookup for `EventCoder`."""

    def parties(self, token: Token) -> list[Party]:
        """The actors a noun phrase names; "we" in a quote is its speaker."""
        if first_person(token, self.words):
            speaker = self._speaker_at(token)
            if speaker is not None:
                return [Party(actor=speaker, mention=token.text, start=token.idx, end=token.idx + len(token))]
        found = self._joint_group(token)  # "both sides": not the pair in the clause's own subject
        if found:
            return found
        try:
            found = list(self.cast.parties_of(token))
        except Exception:  # a faulty actor layer must not lose the article's other events
            LOGGER.exception("cast.parties_of failed on %r", token.text)
            found = []
        found = [p for p in found if not self._backs_the_head(token, p) and not self._named_as_opposed(p)]
        if found:
            return self._conjoined_nationals(token, self._envoys_country(token, found))
        if token.ent_type_:
            found = self._entity_party(token)
            if found:
                return found
        if token.lower_ in self.words.third_person_nonhuman:
            return self._antecedent(token)
        found = self._conjoined_nationals(token, []) or self._national_group(token) or self._named_group(token) \
            or self._unrecognised_name(token) or self._shared_people(token) \
            or self._civil_society_group(token) or self._parties_concerned(token)
        if found:
            return found
        place = named_place(token, self.words)
        if place is not None:  # "shelled the regional capital Juba"
            return self._entity_party(place)
        return []

    def _backs_the_head(self, head: Token, party: Party) -> bool:
        """"The Saudi-backed government of Yemen": the backer named in a modifier is not the head."""
        token = self._token_at.get(party.start) if party.start is not None else None
        return token is not None and token.i < head.i and home_organs().backer(token)

    def _conjoined_nationals(self, head: Token, found: list[Party]) -> list[Party]:
        """"Sierra Leonean and Liberian refugees", "UK and EU negotiators": every country or
        organisation of coordinated modifiers is a member, also one the actor layer missed, in
        the sector the head noun names."""
        adjectives = self._from_dictionary("adjectives")
        if adjectives is None or head.pos_ not in ("NOUN", "PROPN"):
            return found
        modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i and c.conjuncts]
        if not modifiers:
            return found
        sector = self._group_sector(head)
        extra: list[Party] = []
        for modifier in (m for child in modifiers for m in (child, *child.conjuncts)):
            actor = self._modifier_country(modifier, adjectives) or self._modifier_name(modifier)
            if actor is None or any(p.actor.id == actor.id or (actor.country and p.actor.country == actor.country)
                                    for p in (*found, *extra)):
                continue
            first = modifier.left_edge if modifier.dep_ != "conj" else modifier
            span = (self._text[first.idx:modifier.idx + len(modifier)], first.idx, modifier.idx + len(modifier))
            extra.append(derived_party(actor.country, sector, self.words, *span) if actor.kind == "country" and actor.country
                         else Party(actor, *span))
        return found + extra if len(found) + len(extra) > 1 else found

    def _modifier_name(self, modifier: Token) -> Actor | None:
        """A country or organisation named by a modifier's own words ("UK", "EU")."""
        lookup = self._from_dictionary("lookup")
        if lookup is None or modifier.ent_type_ not in ("GPE", "ORG", "NORP"):
            return None
        ent = entity_span(modifier)
        actor = lookup(ent.text if ent is not None else modifier.text)
        return actor if actor is not None and actor.kind in ("country", "igo") else None

    def _named_as_opposed(self, party: Party) -> bool:
        """"An anti-Syria journalist", "pro-Russian separatists": the country after "anti-" or
        "pro-" is what the people are for or against, not whose they are."""
        if party.start is None or party.end is None or not party.actor.country:
            return False
        for match in OPPOSED_NAME.finditer(self._text, party.start, party.end):
            if match.group(1).lower() not in home_organs().outsider_prefixes:
                continue
            named = self._country_named(match.group(2))
            if named == party.actor.country:
                return True
        return False

    def _country_named(self, word: str) -> str | None:
        """The country a single name or adjective stands for ("Syria", "Russian"), if any."""
        adjectives = self._from_dictionary("adjectives") or {}
        lookup = self._from_dictionary("lookup")
        actor = adjectives.get(word.lower()) or (lookup(word) if lookup is not None else None)
        return actor.country if actor is not None else None

    def _envoys_country(self, token: Token, found: list[Party]) -> list[Party]:
        """"X, deputy permanent representative of the United Arab Emirates to the UN": a
        country's envoy to an organisation acts for the country, not the organisation."""
        if len(found) != 1 or found[0].actor.kind != "person" or found[0].actor.country:
            return found
        for role in (c for c in token.children if c.dep_ == "appos" and c.lemma_.lower() in self.words.envoy_nouns):
            for child in role.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for country in self._pobj_parties(child):
                        if country.actor.kind == "country" and country.actor.country:
                            person = found[0]
                            return [derived_party(country.actor.country, "GOV", self.words, person.mention,
                                                  person.start, person.end)]
        return found

    def _parties_concerned(self, head: Token) -> list[Party]:
        """"We call on relevant parties", "the parties concerned": the last two countries
        named before, other than the speaker's."""
        organs = home_organs()
        if head.lemma_.lower() not in organs.pair_nouns or head.tag_ not in ("NNS", "NNPS"):
            return []
        modifiers = [c for c in head.children if c.dep_ in ("amod", "det", "predet", "acl", "compound")]
        if not any(c.lower_ in organs.pair_modifiers for c in modifiers):
            return []
        speaker = self._speaker_at(head)
        own = speaker.country if speaker is not None else None
        pair: list = []
        for mention in reversed(self.mentions_between(0, head.idx)):
            actor = mention.actor
            if actor is None or actor.kind not in ("country", "body") or not actor.country or actor.country == own:
                continue
            if all(a.country != actor.country for a in pair):
                pair.append(actor)
            if len(pair) == 2:
                return [derived_party(a.country, "GOV", self.words, head.text, head.idx, head.idx + len(head)) for a in pair]
        return []

    def _from_dictionary(self, name: str):
        """``name`` of the actor layer's dictionary (adjectives, lookup, metonyms, sectors);
        None when a stand-in actor layer has no such table."""
        return getattr(getattr(self.cast, "d", None), name, None)

    def _national_group(self, head: Token) -> list[Party]:
        """"Tajik troops", "the Kestrian side" when the actor layer left the adjective
        unresolved: the country, in the sector its head noun names (actor-layer gap)."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return []
        adjectives = self._from_dictionary("adjectives")
        if adjectives is None:
            return []
        for child in head.children:
            if child.dep_ not in ("amod", "compound") or child.i > head.i:
                continue
            country = self._modifier_country(child, adjectives)
            if country is None and self._head_sector(head) == "GOV":
                country = self._leader_country(child)
            if country is not None:
                first = child.left_edge
                mention = Party(country, self._text[first.idx:child.idx + len(child)], first.idx, child.idx + len(child))
                return self._sector_of_owner(head, [mention])
        return []

    def _leader_country(self, modifier: Token) -> Actor | None:
        """"The Obama administration", "the Maduro regime": the country of the one person of the
        dictionary the modifier names (by full name, else by surname)."""
        person, surnames = self._from_dictionary("person"), self._from_dictionary("surnames")
        if modifier.pos_ != "PROPN" or person is None or surnames is None:
            return None
        found = person(self._text[modifier.left_edge.idx:modifier.idx + len(modifier)])
        people = [found] if found is not None else surnames.get(modifier.lower_, [])
        countries = {p.country for p in people if p.country}
        return derived_actor(countries.pop(), None, self.words) if len(countries) == 1 else None

    def _modifier_country(self, modifier: Token, adjectives: dict) -> Actor | None:
        """The country a noun's modifier names: an adjective, also of several words ("South
        African"), or a city or region ("an Istanbul court", "Darfur rebels")."""
        words = self.doc[modifier.left_edge.i:modifier.i + 1]
        for key in dict.fromkeys((words.text.lower(), modifier.lower_)):
            # "the Nigerian Union of Teachers": a demonym is also read inside an unknown name
            if key == modifier.lower_ and not (modifier.ent_type_ in ("NORP", "GPE", "ORG") or modifier.pos_ == "ADJ"):
                continue
            country = adjectives.get(key)
            if country is not None and country.country:
                return country
        ent = entity_span(modifier) if modifier.ent_type_ in PLACE_LABELS | NEAR_NAME_LABELS else None
        place = (self._place_actor(ent) or self._misspelt_name(ent)) if ent is not None and ent.end - 1 == modifier.i else None
        if place is not None and place.country:
            return derived_actor(place.country, None, self.words)
        return None

    def _named_group(self, head: Token) -> list[Party]:
        """"FDLR fighters", "Hamas gunmen": an armed group or organisation named as the
        modifier of a noun, when the actor layer saw no name there (actor-layer gap)."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return []
        lookup = self._from_dictionary("lookup")
        if lookup is None:
            return []
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i and child.pos_ == "PROPN":
                actor = lookup(child.text)
                if actor is not None and actor.kind in ("group", "igo"):
                    return [Party(actor, child.text, child.idx, child.idx + len(child))]
        return []

    def _unrecognised_name(self, head: Token) -> list[Party]:
        """"ISIS carried out the attack", "Isis fighters": a dictionary name of a group or
        organisation the entity recogniser did not tag (actor-layer gap)."""
        lookup = self._from_dictionary("lookup")
        if lookup is None or head.ent_type_:
            return []
        for word in [head] + [c for c in head.children if c.dep_ in ("compound", "nmod") and c.i < head.i]:
            if word.pos_ != "PROPN" or word.ent_type_:
                continue
            first = min((c for c in word.children if c.dep_ == "compound" and c.i < word.i), key=lambda c: c.i, default=word)
            for start in dict.fromkeys((first.i, word.i)):
                text = self._text[self.doc[start].idx:word.idx + len(word)]
                actor = lookup(text) or lookup(text.upper())
                if actor is not None and actor.kind in ("group", "igo"):
                    party = Party(actor, text, self.doc[start].idx, word.idx + len(word))
                    return self._sector_of_owner(head, [party]) if word.i != head.i else [party]
        return []

    def _shared_people(self, head: Token) -> list[Party]:
        """"Kurdish rebels", "Tuareg fighters", "Kurds": a people living in several countries is
        of the one its context names (where the act happens, the sentence's countries, the
        article's, the dateline), in the sector its noun names, else that country's civilians."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return []
        peoples = home_organs().shared_peoples
        words = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i] + [head]
        word = next((w for w in words if w.lower_ in peoples), None)
        if word is None:
            return []
        homes = peoples[word.lower_]
        country = next((c for c in self._context_countries(head) if c in homes), None)
        if country is None:
            return []
        sector = None if word.i == head.i else (self.words.people_sectors.get(head.lemma_.lower()) or self._group_sector(head))
        return [derived_party(country, sector or "CVL", self.words, self._text[word.idx:head.idx + len(head)],
                              word.idx, head.idx + len(head))]

    def _context_countries(self, head: Token):
        """The countries around ``head``, nearest first, each asked for only when the ones
        before it did not answer: where the act happens, the sentence's, the article's, the
        dateline's."""
        yield self._setting_country(head)
        sent = self.sentence(head)
        for start, end in ((sent.start_char, sent.end_char), (0, len(self._text))):
            yield from (m.actor.country for m in self.mentions_between(start, end) if m.actor is not None)
        yield self._dateline_country()

    def _civil_society_group(self, head: Token) -> list[Party]:
        """"A human rights group", "aid agencies in Sudan": a non-governmental group named by
        what it is, of the country it works in, else of no country (NGO)."""
        if head.pos_ != "NOUN" or not self._is_civil_society(head) or any(c.dep_ == "poss" for c in head.children):
            return []  # "Kenya's rights groups": the owner's, found from the possessive
        mention = self._text[head.left_edge.idx:head.idx + len(head)]
        country = next((p.actor.country for c in head.children if c.dep_ == "prep" and c.lower_ in self.words.group_home_preps
                        for p in self._pobj_parties(c) if p.actor.kind in ("country", "place") and p.actor.country), None)
        return [derived_party(country, "NGO", self.words, mention, head.left_edge.idx, head.idx + len(head))]

    @staticmethod
    def _is_civil_society(head: Token) -> bool:
        """Whether a noun names a non-governmental group by what it does ("rights group",
        "aid agencies", "watchdog"); a country modifier ("a Kenyan rights group") makes it that
        country's (see `_head_sector`)."""
        organs = home_organs()
        lemma = head.lemma_.lower()
        if lemma not in organs.ngo_nouns:
            return False
        words = {w.lemma_.lower() for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i
                 for w in c.subtree if w.i < head.i}
        return bool(words & organs.ngo_modifiers) or lemma in organs.ngo_modifiers

    def _entity_party(self, token: Token) -> list[Party]:
        ent = entity_span(token)
        if ent is None:
            return []
        actor = self.cast.actor_at(ent.start_char, ent.end_char) or self._place_actor(ent) or self._misspelt_name(ent)
        return [Party(actor=actor, mention=ent.text, start=ent.start_char, end=ent.end_char)] if actor else []

    def _misspelt_name(self, ent) -> Actor | None:
        """"Ethopia has agreed", "the Phillippines military": a one-word name the dictionary
        and the gazetteer do not know, one typo away from exactly one state or organisation."""
        if len(ent) != 1 or (ent.label_ or ent[0].ent_type_) not in NEAR_NAME_LABELS:
            return None
        dictionary = getattr(self.cast, "d", None)
        if dictionary is None or self._gazetteer_country(ent.text):
            return None
        return near_names(dictionary).actor(ent.text, adjective=ent[0].ent_type_ == "NORP")

    def _place_actor(self, ent) -> Actor | None:
        """The country of a named place the actor layer left without an actor: a capital
        or seat of power ("shelled Beirut", "protesters in Baghdad") stands for its country
        when it is where something happens, not for the government."""
        if (ent.label_ or ent[0].ent_type_) not in PLACE_LABELS:
            return None
        key = ent.text.strip().lower()
        if key.startswith("the "):
            key = key[4:]
        metonyms = self._from_dictionary("metonyms")
        if metonyms is None:
            return None
        seat = metonyms.get(key)
        if seat is not None and seat.kind == "igo":
            return None
        country = seat.country if seat is not None else self._gazetteer_country(ent.text)
        if seat is not None and seat.country not in self._named_countries():
            # "Tripoli ... the north Lebanese port": a capital's namesake in the country the article names
            namesake = self._gazetteer_country(ent.text)
            if namesake is not None and namesake in self._named_countries():
                country = namesake
        if not country:
            return None
        return derived_actor(country, None, self.words, kind="place")

    def _gazetteer_country(self, name: str) -> str | None:
        """The country of a city or region the actor dictionary does not know ("a checkpoint
        in Kunduz", "rebels in North Kivu"); a city name that several countries' cities share counts only when one of them
        is a country the article names."""
        found = load_places().cities.get(normalise(name))
        if not found:
            return region_country(name)
        countries = {place.country for place in found}
        if len(countries) == 1:
            return found[0].country
        named = self._named_countries()
        return next((place.country for place in found if place.country in named), None)

    def _named_countries(self) -> set[str]:
        if self._countries_named is None:
            mentions = getattr(self.cast, "mentions", [])
            self._countries_named = {m.actor.country for m in mentions if m.actor is not None and m.actor.country}
        return self._countries_named

    def _antecedent(self, pronoun: Token) -> list[Party]:
        """"Hungary said it will support ...": a reported clause's "it"/"they" is the
        reporter. Only the clauses above the pronoun are searched."""
        node = pronoun.head
        for _ in range(6):
            if node.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "pcomp", "prep", "relcl") or node.head.i == node.i:
                return []
            node = node.head
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != pronoun.i and child.lower_ not in self.words.third_person_nonhuman:
                    return self.subject_parties(child)
        return []

    def _sector_of_owner(self, head: Token, owners: list[Party]) -> list[Party]:
        """"Kestria's army" is Kestria's military, "Kestria's government" its government."""
        sector = self._head_sector(head)
        if sector is None:
            return owners
        return [derived_party(p.actor.country, sector, self.words, p.mention, p.start, p.end, base=p.actor.name)
                if p.actor.kind == "country" and not p.actor.sector and p.actor.country else p for p in owners]

    def _head_sector(self, head: Token) -> str | None:
        """The sector a noun names: the coder's own list, then the actor dictionary's nouns
        ("border posts", "aircraft carrier"), by the compound phrase or the head's lemma."""
        lemma = head.lemma_.lower()
        sector = self.words.sector_heads.get(lemma)
        if sector is not None:
            return sector
        nouns = self._from_dictionary("sectors")
        if nouns is None:
            return None
        compounds = [c.lower_ for c in head.children if c.dep_ == "compound" and c.i < head.i and not c.ent_type_]
        phrase = " ".join([*compounds, head.lower_])
        return nouns.get(phrase) or nouns.get(lemma) or ("NGO" if self._is_civil_society(head) else None)

    def subject_parties(self, token: Token, depth: int = 0) -> list[Party]:
        """Actors of a subject phrase, looking inside it when its head names none: "a
        group of Moroccan diplomats", "rebels in the Ivory Coast", "Taiwan's minister"."""
        found = self._own_or_owner_parties(token)
        if found:
            return found
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and depth < 3:
                # "tens of thousands of students", "a group of Moroccan diplomats"
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found = self.subject_parties(pobj, depth + 1)
                    if found:
                        return found
        found = self._organ_in_place(token) or self._affiliated_group(token)
        if found:
            return found
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in self.words.subject_place_preps:
                found = self._pobj_parties(child)
                if found:
                    people = child.lower_ != "from" and token.pos_ == "NOUN" and \
                        token.lemma_.lower() not in self.words.official_nouns
                    return [population(p, self.words) if people else p for p in found]
        for child in token.children:
            if child.dep_ == "appos":
                found = self.parties(child)
                if found:
                    return found
        return self._home_organ(token)

    def _home_organ(self, token: Token) -> list[Party]:
        """"Police arrested dozens in Nairobi", "the court sentenced him": a state's home organ
        named without its country is the organ of the country where the act happens, else of
        the country the article is filed from, else of the only country its sentence names."""
        sector = home_organs().sector(token)
        if sector is None or any(c.dep_ in ("nummod", "predet") or c.lower_ in self.words.joint_determiners
                                 for c in token.children):
            return []  # "the two governments", "both courts": several, not one country's
        country = self._setting_country(token) or self._dateline_country() or self._sole_country(token)
        if not country:
            return []
        return [derived_party(country, sector, self.words, token.text, token.idx, token.idx + len(token))]

    def _setting_country(self, token: Token) -> str | None:
        """The country of the first place the clause of ``token`` puts something in ("in Lagos"),
        else the first place the phrase itself names ("the court, which tried him in Ankara")."""
        clause = token.head
        while clause.dep_ in ("prep", "pobj", "agent", "dative") and clause.head.i != clause.i:
            clause = clause.head  # "clashed with police": from the preposition to its verb
        frontier = [c for c in clause.children if c.i != token.i and token not in c.subtree]
        if clause.dep_ in ("advcl", "xcomp", "conj") and clause.head.i != clause.i:  # "torched X in Y, killing Z"
            frontier += [c for c in clause.head.children if c.i != clause.i and c.dep_ == "prep"]
        return self._first_place(frontier, skip=OTHER_CLAUSE_DEPS) or self._first_place(list(token.children))

    def _first_place(self, frontier: list[Token], skip: frozenset[str] = frozenset()) -> str | None:
        while frontier:  # the clause's own words, not those of clauses inside it ("police said ...")
            word = frontier.pop(0)
            if word.dep_ in skip:
                continue
            frontier.extend(word.children)
            owners = [c for c in word.children if c.dep_ == "poss" and c.ent_type_ in PLACE_LABELS]  # "in Niger's Diffa region"
            if word.dep_ != "pobj" or not (word.ent_type_ in PLACE_LABELS or owners) or word.head.lower_ not in self.words.location_preps:
                continue
            for place in (self._entity_party(word) if word.ent_type_ else []) or [p for o in owners for p in self._entity_party(o)]:
                if place.actor.country and place.actor.kind in ("country", "place") and not place.actor.sector:
                    return place.actor.country
        return None

    def _sole_country(self, token: Token) -> str | None:
        """The country of every actor the sentence names, when they all have the same one
        ("Syria's parliament passed the bill hours after security forces fired on protesters")."""
        sent = self.sentence(token)
        countries = {m.actor.country for m in self.mentions_between(sent.start_char, sent.end_char) if m.actor is not None}
        for index in range(bisect_left(self._ent_starts, sent.start), len(self._ents)):
            ent = self._ents[index]  # places the actor layer gave no actor ("Goma")
            if ent.start >= sent.end:
                break
            place = self._place_actor(ent) if self.cast.actor_at(ent.start_char, ent.end_char) is None else None
            if place is not None:
                countries.add(place.country)
        countries.discard(None)  # an organisation's mention says nothing about the organ's country
        return countries.pop() if len(countries) == 1 else None

    def mentions_between(self, start: int, end: int) -> list:
        """The actor layer's mentions starting in [start, end), found by bisection (linear overall)."""
        index = getattr(self, "_mention_index", None)
        if index is None:
            mentions = sorted(getattr(self.cast, "mentions", ()), key=lambda m: m.start)
            index = self._mention_index = ([m.start for m in mentions], mentions)
        starts, mentions = index
        return mentions[bisect_left(starts, start):bisect_left(starts, end)]

    def _dateline_country(self) -> str | None:
        filed_from = getattr(self, "_filed_from", None)
        if filed_from is None:  # once per article; "" when it has no dateline
            filed_from = self._filed_from = dateline_country(getattr(self.article, "dateline", None)) or ""
        return filed_from or None

    def _residents(self, token: Token, found: list[Party]) -> list[Party]:
        """"ethnic Albanians in south Serbia", "the Albanians of southern Serbia", "ethnic Albanian
        guerrillas operating in Macedonia": a people named by a demonym, living in another country,
        is part of that country's population (a group of them, in the group's sector); "ethnic"
        says so also when only the clause names the place ("ethnic Turks demonstrated in Sweden")."""
        if len(found) != 1 or not found[0].actor.country or found[0].actor.sector not in self.words.population_sectors | {"REB", "OPP"}:
            return []
        people = found[0]
        if token.lemma_.lower() in home_organs().displaced_nouns:
            return []  # "Syrian refugees in Turkey", "Turkish refugees who lived in Iraq": still Syrian, Turkish
        adjectives = self._from_dictionary("adjectives") or {}
        for modifier in (c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i):
            # "Bosnian Serbs", "Iraqi Kurds": the people of the country the modifier names
            named = self._modifier_country(modifier, adjectives)
            if named is not None and named.country and named.country != people.actor.country \
                    and not (people.start is not None and modifier.idx <= people.start < modifier.idx + len(modifier)):
                return [derived_party(named.country, people.actor.sector, self.words, people.mention, people.start, people.end)]
        heads = [token] + [c for c in token.children if c.dep_ in ("acl", "relcl")]
        places = [place.actor.country for head in heads for child in head.children
                  if child.dep_ == "prep" and child.lower_ in self.words.resident_place_preps
                  for place in self._pobj_parties(child)
                  if place.actor.kind in ("country", "place") and not place.actor.sector]
        if not places and any(c.lower_ in home_organs().resident_modifiers for c in token.children if c.dep_ == "amod"):
            places = [self._setting_country(token)]
        country = places[0] if places else None
        if not country or country == people.actor.country:
            return []
        return [derived_party(country, people.actor.sector, self.words, people.mention, people.start, people.end)]

    def _organ_in_place(self, token: Token) -> list[Party]:
        """"the military in Niger", "police in Lagos", "rebels in eastern Congo": the organ
        or group the noun names, of the country the place is in (not its population)."""
        if token.pos_ != "NOUN":
            return []
        sector = self._group_sector(token)
        if sector == "GOV" and home_organs().sector(token) is None:  # "officials in Kyiv" may be anyone's
            return []
        if sector is None:
            return []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in self.words.organ_place_preps:
                for place in self._pobj_parties(child):
                    if place.actor.country and place.actor.kind in ("country", "place") and not place.actor.sector:
                        return [derived_party(place.actor.country, sector, self.words, place.mention, place.start, place.end)]
        return []

    def _affiliated_group(self, token: Token) -> list[Party]:
        """"hackers linked to the Iranian government", "militias loyal to Damascus": a group that
        names no actor of its own acts as part of the actor it is tied to, in its own sector
        when the noun has one."""
        if token.pos_ != "NOUN":
            return []
        ties = home_organs().tie_words
        for prep in (p for tie in token.children if tie.dep_ in ("acl", "amod") and tie.lower_ in ties
                     for p in tie.children if p.dep_ == "prep" and p.lower_ in self.words.tie_preps):
            found = self._pobj_parties(prep)[:1]
            sector = self._group_sector(token)
            if found and sector and found[0].actor.country and found[0].actor.kind != "person":
                return [derived_party(found[0].actor.country, sector, self.words, token.text,
                                      token.idx, token.idx + len(token))]
            return found
        return []

    def _group_sector(self, token: Token) -> str | None:
        """The sector a noun names by itself: "troops" MIL, "students" CVL."""
        return self._head_sector(token) or self.words.people_sectors.get(token.lemma_.lower())

    def _own_or_owner_parties(self, token: Token) -> list[Party]:
        """The actors the phrase names itself, else its possessor's ("Taiwan's minister");
        in a coordination each member counts ("Sudan's army and the RSF": both)."""
        found = self.parties(token)
        if found and any(self._within_head(p, token) for p in found):
            return self._residents(token, found) or self._shared_possession(
                token, [self._sector_of_modified(token, p) for p in found])
        for child in token.children:
            if child.dep_ == "poss":
                owners = self.parties(child)
                for member in child.conjuncts:  # "Kenya and Tanzania's services": both owners
                    owners += [p for p in self.parties(member) if all(p.actor.id != o.actor.id for o in owners)]
                if owners:
                    owned = self._sector_of_owner(token, owners)
                    return owned + [p for p in found if all(p.actor.id != o.actor.id for o in owned)]
        return found

    def _shared_possession(self, head: Token, found: list[Party]) -> list[Party]:
        """"Kenya and Tanzania's police chiefs", parsed as "Kenya" and "Tanzania's chiefs": both
        countries' chiefs, each in the sector the possessed noun names."""
        for member in (c for c in head.conjuncts if c.i > head.i and c.pos_ == "NOUN"):
            if not any(c.dep_ == "poss" for c in member.children):
                continue
            owned = [p for p in self._own_or_owner_parties(member) if all(p.actor.id != q.actor.id for q in found)]
            sector = self._head_sector(member)
            if sector:
                found = [derived_party(p.actor.country, sector, self.words, p.mention, p.start, p.end, base=p.actor.name)
                         if p.actor.kind == "country" and not p.actor.sector and p.actor.country else p for p in found]
            found = found + [p for p in owned if all(p.actor.id != q.actor.id for q in found)]
        for owner in (c for c in head.children if c.dep_ == "poss" and c.conjuncts):
            # "Kenya and Tanzania's services" named by the actor layer as one of them
            for member in (owner, *owner.conjuncts):
                found = found + [p for p in self._sector_of_owner(head, self.parties(member))
                                 if all(p.actor.country != q.actor.country for q in found)]
        return found

    @staticmethod
    def _within_head(party: Party, head: Token) -> bool:
        """Whether a party is named in the head's own words, before any coordinated member."""
        if party.start is None:
            return True
        first = head.left_edge.idx
        following = [c for c in head.children if c.dep_ in ("cc", "conj") and c.i > head.i]
        last = following[0].idx if following else head.right_edge.idx + len(head.right_edge)
        return first <= party.start < last

    def _sector_of_modified(self, head: Token, party: Party) -> Party:
        """"Pakistani border posts", "China Coast Guard ships": a bare country named by a
        modifier of a noun that names one of its sectors is that sector."""
        actor = party.actor
        if actor.kind != "country" or actor.sector or not actor.country or party.start is None:
            return party
        token = self._token_at.get(party.start)
        if token is None or token.i == head.i or not (head.left_edge.i <= token.i < head.i):
            return party
        if token.dep_ not in ("amod", "compound", "nmod", "poss") and token.head.i != head.i:
            return party
        return self._sector_of_owner(head, [party])[0]

    def _np_parties(self, token: Token, deep: bool = False) -> list[Party]:
        found = self._own_or_owner_parties(token) or self._organ_in_place(token) or self._home_organ(token)
        if found:
            return found
        if deep:
            agent = done_by(token)  # "condemned the embargo imposed by X": X
            if agent is not None:
                found = self._pobj_parties(agent)
                if found:
                    return found
            # "the violation of Armenia's airspace by X": the doer before what was harmed
            preps = sorted((c for c in token.children if c.dep_ == "prep" and c.lower_ in self.words.deep_preps),
                           key=lambda c: c.lower_ != "by")
            for child in preps:
                found = [p for p in self._pobj_parties(child) if not self._owns_what_is_harmed(p)]
                if found:
                    return found
        return []

    def _owns_what_is_harmed(self, party: Party) -> bool:
        token = self._party_root(party)
        return token is not None and home_organs().victim(token)

    def _party_root(self, party: Party) -> Token | None:
        """The last word of the words naming a party ("States" of "the United States")."""
        token = self._token_at.get(party.start) if party.start is not None else None
        if token is None or party.end is None:
            return token
        while token.i + 1 < len(self.doc) and token.idx + len(token) < party.end:
            token = self.doc[token.i + 1]
        return token

    def _pobj_parties(self, prep: Token, deep: bool = False) -> list[Party]:
        for child in prep.children:
            if child.dep_ in ("pobj", "pcomp"):
                return self._np_parties(child, deep=deep)
        return []

    def _mentions_in(self, token: Token, places: bool = False) -> list[Party]:
        """Actors named anywhere in a phrase: the last resort for "criticized allegations
        that ... Armenia's security"; with `places`, the countries of named places too."""
        return self._mentions_in_span(token.left_edge.i, token.right_edge.i + 1, places)

    def _mentions_in_span(self, lo: int, hi: int, places: bool = False) -> list[Party]:
        found: list[Party] = []
        for index in range(bisect_left(self._ent_starts, lo), len(self._ents)):
            ent = self._ents[index]
            if ent.start >= hi or len(found) == 2:
                break
            if ent.end <= hi:
                actor = self.cast.actor_at(ent.start_char, ent.end_char)
                if actor is None and places:
                    actor = self._place_actor(ent)
                if actor is not None:
                    found.append(Party(actor=actor, mention=ent.text, start=ent.start_char, end=ent.end_char))
        return found[:2]

    def _speaker_at(self, token: Token) -> Actor | None:
        quote = self._quote_of(token)
        if quote is None or quote[1].kind not in QUOTE_KINDS_WITH_VOICE or quote[1].speaker is None:
            return None
        return quote[1].speaker.actor

    def _quote_of(self, token: Token) -> tuple[int, Quote] | None:
        index = self._quote_at_token.get(token.i)
        return (index, self.quotes[index]) if index is not None else None

    def _is_quoted_content(self, trigger: Token, child: Token) -> bool:
        """A cue verb's complement that is a direct quote: the quote's words are the
        speaker's own acts, not the cue's target."""
        inner = self._quote_of(child)
        return inner is not None and inner[1].kind in QUOTE_KINDS_WITH_VOICE and self._quote_of(trigger) != inner

    def location(self, match: Match) -> str | None:
        place = self._location_token(match)
        return entity_text(place) if place is not None else None

    def _location_parties(self, match: Match) -> list[Party]:
        place = self._location_token(match)
        if place is None:
            return []
        ent = entity_span(place)
        actor = (self.cast.actor_at(ent.start_char, ent.end_char) or self._place_actor(ent)) if ent is not None else None
        return [Party(actor=actor, mention=ent.text, start=ent.start_char, end=ent.end_char)] if actor else []

    def _location_token(self, match: Match) -> Token | None:
        """A place in an "in/at/near" phrase of the act's clause, also when the parser hung
        it on an argument ("talks with X in Geneva")."""
        frontier = unique(match.token, match.verb or match.token)
        for _ in range(3):
            following = []
            for head in frontier:
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in self.words.location_preps:
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                place = obj if obj.ent_type_ in PLACE_LABELS else named_place(obj, self.words)
                                if place is not None:
                                    return place
                    if child.dep_ in ("prep", "pobj", "dobj", "agent"):
                        following.append(child)
            frontier = following
        return None
