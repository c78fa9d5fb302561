"""Who acts and who is acted on: the source (subject, agent, controller, possessor) and the
target (the pattern's roles, tried in order, then the clause's actors)."""
from __future__ import annotations

from spacy.tokens import Token

from ..records import Party
from .syntax import (FINITE_TAGS, OUT_OF_SCOPE_DEPS, agent_phrases, of_objects, SUBJECT_CLIMB_DEPS, SUBJECT_DEPS, derived_party, distinct, object_of,
                     opened_by, population, purpose, stranded_subject, unique)
from .sectors import home_organs
from .triggers import Match, done_by


class RolesMixin:
    """Source and target finding for `EventCoder`."""

    def sources(self, match: Match) -> list[Party]:
        if match.pattern.pos == "noun":
            return self._noun_sources(match)
        return self._clause_subject(match.verb or match.token) or self._attack_noun_doer(match) \
            or self._implied_agent(match) or self._sent_to_act(match)

    def _attack_noun_doer(self, match: Match) -> list[Party]:
        """"Eleven people were killed in a drone strike by X", "killed in a Kestrian air raid",
        "an air strike by X killed 30": a harm with no actor as its agent is done by whoever
        did the attack it happened in."""
        verb = match.verb or match.token
        if verb.pos_ != "VERB" or self.lexicon.codes[match.pattern.cameo].type not in self.words.attack_types \
                or any(c.dep_ == "agent" for c in verb.children):
            return []
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            nouns = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in self.words.weapon_preps
                     for o in c.children if o.dep_ == "pobj"]
        else:  # "an air strike by X killed 30 people"
            nouns = [c for c in verb.children if c.dep_ == "nsubj"]
        for noun in nouns:
            patterns = self.lexicon.by_lemma.get(("noun", noun.lemma_.lower()), ())
            if not any(self.lexicon.codes[p.cameo].type in self.words.attack_types for p in patterns):
                continue
            by, _ = agent_phrases(noun, ())
            found = [p for phrase in by for p in self._pobj_parties(phrase)]
            found = found or [p for c in noun.subtree if c.i < noun.i and c.dep_ in ("amod", "compound", "poss", "nmod")
                              for p in self.parties(c)]
            if found:
                return found
        return []

    def _sent_to_act(self, match: Match) -> list[Party]:
        """"The offensive brought Eritrean troops back to aid X": when whoever sends names no
        actor, those sent to do the act do it."""
        verb = match.verb or match.token
        if not purpose(verb) or verb.head.i == verb.i:
            return []
        governor = verb.head
        if any(c.dep_ in ("nsubj", "nsubjpass") and self.subject_parties(c) for c in governor.children):
            return []
        return next((found for c in governor.children if c.dep_ == "dobj" for found in [self._np_parties(c)] if found), [])

    def _implied_agent(self, match: Match) -> list[Party]:
        """"Two reporters were arrested in Lagos", "activists detained last week": a legal act
        told in the passive with no agent is done by the state organ it implies (police arrest,
        courts sentence), of the country where it happens, else the article is filed from."""
        verb = match.verb or match.token
        sector = home_organs().passive_agents.get(verb.lemma_.lower())
        if sector is None or verb.pos_ != "VERB" or any(c.dep_ == "agent" for c in verb.children):
            return []
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))  # "activists arrested last week"
        if not passive:
            return []
        people = next((c for c in verb.children if c.dep_ == "nsubjpass"), verb)
        places = [p.actor.country for p in self._location_parties(match) if p.actor.country]
        # "were expelled from North Korea", "extradited from Spain": the state let go of them
        places += [p.actor.country for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                   for p in self._pobj_parties(c) if p.actor.kind in ("country", "place") and p.actor.country]
        country = (places or [None])[0] or self._setting_country(people) or self._dateline_country()
        if not country:
            return []
        return [derived_party(country, sector, self.words, verb.text, verb.idx, verb.idx + len(verb))]

    def _unknown_attacker(self, match: Match) -> list[Party]:
        """"A roadside bomb killed ...", "were killed by an explosive device in X": an
        unidentified armed force of the country where it happened."""
        verb = match.verb or match.token
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [g for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in self.words.weapon_preps
                  for g in c.children if g.dep_ == "pobj"]
        unnamed = self.words.instrument_nouns | self.words.unnamed_armed_nouns
        if not any(d.lemma_.lower() in unnamed or
                   any(c.dep_ == "compound" and c.lemma_.lower() in unnamed for c in d.children)
                   for d in doers):
            return []
        places = self._location_parties(match)
        for head in doers + [c for c in verb.children if c.dep_ == "prep" and c.lower_ in self.words.location_preps]:
            places += self._mentions_in(head, places=True)  # "a bombing near Samarra", "outside the Iraqi city of Basra"
        for place in places:
            country = place.actor.country
            if country:
                return [derived_party(country, "UAF", self.words, place.mention, place.start, place.end)]
        return []

    def _noun_sources(self, match: Match) -> list[Party]:
        noun = match.token
        if match.verb is not None:
            found = self._clause_subject(match.verb)
            if found or not any(c.dep_ == "auxpass" for c in match.verb.children):
                return found
            # "the expulsion of X's envoy by Y was announced": a passive light verb names no one
        for child in noun.children:
            if child.dep_ == "poss":
                return self.parties(child)
        by_phrases, of_doers = agent_phrases(noun, match.pattern.targets)
        from_phrases = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"]
        for prep in by_phrases + from_phrases:  # "by Y" also when the parse hangs it on the noun's object
            found = self._pobj_parties(prep)
            if found:
                return found
        for doer in of_doers:  # "the visit of X to Y"
            found = self.subject_parties(doer)
            if found:
                return found
        agent = done_by(noun)
        if agent is not None:
            found = self._pobj_parties(agent, deep=True)
            if found:
                return found
        if match.pattern.mutual:
            between = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"]
            if between:
                return self._pobj_parties(between[0])
        found = self.parties(noun)
        companion = self._companion_verb(match)
        if not found and companion is not None:
            return self._clause_subject(companion)
        return found

    def _companion_verb(self, match: Match) -> Token | None:
        """"X joined Y for talks", "hosted Y for a meeting": the verb whose object a mutual act
        named by a noun is held with (its subject the source, its object the target)."""
        noun = match.token
        if match.pattern.pos != "noun" or not self._can_be_mutual(match) or noun.dep_ != "pobj":
            return None
        prep = noun.head
        if prep.lower_ not in self.words.companion_preps or prep.head.pos_ != "VERB":
            return None
        verb = prep.head
        return verb if any(c.dep_ == "dobj" for c in verb.children) else None

    def _clause_subject(self, verb: Token) -> list[Party]:
        """The actor doing what `verb` says, climbing to the clause that controls it."""
        node = verb
        for _ in range(8):
            stranded = stranded_subject(node)
            if stranded is not None:
                return self._stranded_parties(stranded, node)
            found = self._own_subject(node)
            if found is not None:
                return found
            if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return self._noun_owner(node.head)
            controller = self._controller(node)
            if controller is not None:
                return controller
            if node.dep_ not in SUBJECT_CLIMB_DEPS or node.head.i == node.i:
                return []
            node = node.head.head if self._speakers_next_words(node) else node.head
        return []

    def _speakers_next_words(self, node: Token) -> bool:
        """"The ministry said X had violated the truce and warned of a response": the parser
        hangs "warned" on the reported clause, but a speech act after it is the speaker's."""
        head = node.head
        return (node.dep_ == "conj" and node.lemma_.lower() in self.words.speaker_followups
                and node.tag_ in FINITE_TAGS and head.dep_ == "ccomp" and head.i < node.i
                and head.head.lemma_.lower() in self.lexicon.statement_verbs
                and not any(c.dep_ in ("aux", "auxpass") for c in node.children))

    def _stranded_parties(self, phrase: Token, verb: Token) -> list[Party]:
        """The actors of a subject the parser misread (see `stranded_subject`): its tree is not
        to be trusted, so each member between "and" and commas outside brackets is read alone."""
        doc, members, current, depth = verb.doc, [], [], 0
        for token in doc[phrase.left_edge.i:verb.i]:
            depth += token.text == "("
            depth -= token.text == ")"
            if depth == 0 and (token.dep_ == "cc" or token.text == ","):
                members.append(current)
                current = []
            elif depth == 0 and token.text != ")":
                current.append(token)
        members.append(current)
        found: list[Party] = []
        for member in (m for m in members if m):
            nouns = [t for t in member if t.pos_ in ("NOUN", "PROPN")]
            if not nouns:
                continue
            head = nouns[-1]
            owners = [p for t in member if t.dep_ == "poss" for p in self.parties(t)]
            named = self._mentions_in_span(member[0].i, member[-1].i + 1)
            parties = self._sector_of_owner(head, owners) if owners and not head.ent_type_ else named[:1]
            found += [p for p in parties if all(p.actor.id != q.actor.id for q in found)]
        return found or self.subject_parties(phrase)

    def _own_subject(self, node: Token) -> list[Party] | None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
        if passive:
            agents = [c for c in node.children if c.dep_ == "agent"]
            return self._pobj_parties(agents[0], deep=True) if agents else ([] if any(c.dep_ == "nsubjpass" for c in node.children) else None)
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl":
                if child.lower_ in self.words.relative_pronouns and node.dep_ == "relcl":
                    return self.subject_parties(node.head)
                return self.subject_parties(child)
        return None

    def _controller(self, node: Token) -> list[Party] | None:
        """Object control: "urged the sides to comply", "rebuked Yerevan for refusing"."""
        if node.dep_ == "xcomp":
            governor = node.head
        elif node.dep_ == "pcomp" and node.head.lower_ in self.words.reason_preps:
            governor = node.head.head
        else:
            return None
        objects = [c for c in governor.children if c.dep_ == "dobj"]
        if not objects or governor.pos_ not in ("VERB",):
            return None
        return self._np_parties(objects[0]) or None

    def _noun_owner(self, noun: Token) -> list[Party]:
        found = self.parties(noun)
        if found:
            return found
        for child in noun.children:
            if child.dep_ == "poss":
                return self.parties(child)
            if child.dep_ == "prep" and child.lower_ in self.words.doer_preps:
                found = self._pobj_parties(child)
                if found:
                    return found
        if noun.dep_ == "dobj" and noun.lemma_.lower() in self.words.document_nouns:
            return self._clause_subject(noun.head)  # "X issued a statement urging ..."
        return []

    def _protesting_people(self, match: Match, sources: list[Party]) -> list[Party]:
        """"Algerian landowners began a hunger strike": a country named by the adjective of
        the people who protest is its population, not its state ("Iran boycotted" stays)."""
        verb = match.verb or match.token
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].ent_type_ == "GPE" or subjects[0].lemma_.lower() in self.words.official_nouns:
            return sources
        return [population(p, self.words) if p.actor.kind == "country" else p for p in sources]

    def targets(self, match: Match, sources: list[Party]) -> list[Party]:
        # troops sent to the border with X; the border with X closed or reopened
        toward = self.lexicon.codes[match.pattern.cameo].type == "MOBILIZE" or bool(match.pattern.objects & self.words.border_nouns)
        return [p for p in self._targets(match, sources) if not self._names_a_border(p, toward)]

    def _names_a_border(self, party: Party, toward: bool = False) -> bool:
        """"camps near the Thai border": the country says where, it is not acted on."""
        if party.start is None:
            return False
        token = self._token_at.get(party.start)
        if token is None:
            return False
        border = self.words.border_nouns
        return token.lemma_.lower() in border or (
            token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in border) or (
            # "the border with Somalia"
            not toward and token.dep_ == "pobj" and token.head.lower_ == "with"
            and token.head.head.lemma_.lower() in border)

    def _targets(self, match: Match, sources: list[Party]) -> list[Party]:
        obj = object_of(match.token) if match.pattern.pos != "noun" else None
        if obj is not None and home_organs().collective(obj):
            return []  # "slammed the international community for failing X": not X
        for spec in match.pattern.targets:
            if spec == "location":
                found = self._location_targets(match, sources)
            else:
                found = [p for p in map(lambda p: self._home_place_people(match, p, sources), self._target_role(match, spec, sources))
                         if all(distinct(s, p, self.words) for s in sources)]
            if found:
                return found
        companion = self._companion_verb(match)  # "joined Y for talks": Y
        if companion is not None:
            found = [p for c in companion.children if c.dep_ == "dobj" for p in self._np_parties(c)
                     if all(distinct(s, p, self.words) for s in sources)]
            if found:
                return found
        if match.pattern.domestic or match.pattern.strict:
            return []
        if len(sources) > 1 and self._can_be_mutual(match):
            return []  # "Palestinians and Israelis failed to reach agreement": each other
        if self.lexicon.codes[match.pattern.cameo].type in self.words.people_types:
            # "cracked down on the opposition, ... the Treasury said": the people it names
            # come before any actor elsewhere in the clause
            found = self._unnamed_people(match, sources)
            if found:
                return found
        found = self._organ_of_the_sentence(match, sources)
        if found:
            return found
        if match.pattern.pos == "noun":
            # "the withdrawal of invasion forces from Panama": actors inside the noun phrase
            for child in match.token.children:
                if child.dep_ in ("prep", "acl", "relcl"):
                    found = [p for p in self._mentions_in(child) if all(distinct(s, p, self.words) for s in sources)
                             and not self._harmed(match, p)]
                    if found:
                        return found[:2]
        return [p for p in self._scope_mentions(match) if all(distinct(s, p, self.words) for s in sources)
                and not self._harmed(match, p)][:2]

    def _home_place_people(self, match: Match, party: Party, sources: list[Party]) -> Party:
        """"Sudanese troops shelled Kadugli": a place of the acting state's own country, attacked
        or coerced, stands for the people living there, not for the state."""
        if self.lexicon.codes[match.pattern.cameo].type not in self.words.population_types:
            return party
        actor = party.actor
        token = self._token_at.get(party.start) if party.start is not None else None
        named_place = actor.kind == "place" or (self._is_place(party) and token is not None
                                                and token.dep_ not in ("amod", "compound", "nmod", "poss"))
        if actor.sector or not actor.country or not named_place:
            return party
        if any(s.actor.country == actor.country and (s.actor.sector in self.words.state_sectors or s.actor.kind == "country")
               for s in sources):
            return population(party, self.words) if actor.kind in ("country", "place") else party
        return party

    def _harmed(self, match: Match, party: Party) -> bool:
        """A criticism's last-resort target that is the victim ("condemned the strike as a breach
        of Iraq's sovereignty"), not the one criticised."""
        return "verbal" in self.lexicon.codes[match.pattern.cameo].quad_class and self._owns_what_is_harmed(party)

    def _unnamed_people(self, match: Match, sources: list[Party]) -> list[Party]:
        """"Police opened fire on protesters", "troops arrested dozens of rebels": people
        named by what they are, of the place where it happened or of the acting state."""
        trigger, verb = match.token, match.verb or match.token
        nouns = []
        if match.pattern.pos != "noun":
            obj = object_of(trigger)
            if obj is not None:
                nouns.append(obj)
        for head in unique(trigger, verb):
            nouns += [g for c in head.children if c.dep_ == "prep" and c.lower_ in self.words.people_preps
                      for g in c.children if g.dep_ == "pobj"]
            nouns += [g for c in head.children if purpose(c) for g in c.children if g.dep_ == "dobj"]
        sector, noun, words = None, None, []
        for noun in nouns:
            for word in (noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for g in c.children if g.dep_ == "pobj")):
                words = [word.lemma_.lower()] + [c.lemma_.lower() for c in word.children if c.dep_ in ("compound", "amod")]
                sector = next((self.words.people_sectors[w] for w in words if w in self.words.people_sectors), None)
                if sector:
                    break
            if sector:
                break
        if sector is None:
            sector = self._person_object(match, nouns, sources)
            noun = nouns[0] if nouns else None
        if sector is None and noun is not None and noun.lemma_.lower() in home_organs().inhabited_places \
                and self.lexicon.codes[match.pattern.cameo].type in self.words.population_types:
            sector = "CVL"  # "torched a village in X": X's people
        if sector is None or noun is None:
            return []
        places = [p.actor.country for p in self._location_parties(match) if p.actor.country] \
            or [c for c in (self._setting_country(noun),) if c]  # "during the bombardment of an enclave near Damascus"
        # with no place named, the people are the acting state's own, except for an
        # attack, which is seldom made on one's own people unless they oppose it
        domestic = any(w in home_organs().domestic_people for w in words)
        homes = [s.actor.country for s in sources if s.actor.country] \
            if domestic or self.lexicon.codes[match.pattern.cameo].type not in self.words.foreign_people_types else []
        country = (places or homes or [None])[0]
        if country is None:
            return []
        return [derived_party(country, sector, self.words, noun.text, noun.idx, noun.idx + len(noun))]

    def _organ_of_the_sentence(self, match: Match, sources: list[Party]) -> list[Party]:
        """"Slapped sanctions on the military leaders and on the country ... Niger": an organ the
        act names without its country, of the only other country its sentence names."""
        trigger, verb = match.token, match.verb or match.token
        nouns = [object_of(trigger)] if match.pattern.pos != "noun" else []
        nouns += [g for head in unique(trigger, verb) for c in head.children
                  if c.dep_ == "prep" and c.lower_ in self.words.people_preps for g in c.children if g.dep_ == "pobj"]
        for noun in (n for n in nouns if n is not None and n.pos_ == "NOUN" and not n.ent_type_):
            modifiers = [c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")]
            sector = next((self.words.people_sectors[w] for w in modifiers if w in self.words.people_sectors), None) \
                or self._head_sector(noun)
            if sector is None or sector == "CVL" or self.parties(noun):
                continue
            country = self._sole_country(noun)
            if country and all(s.actor.country != country for s in sources):
                return [derived_party(country, sector, self.words, noun.text, noun.idx, noun.idx + len(noun))]
        return []

    def _person_object(self, match: Match, nouns: list[Token], sources: list[Party]) -> str | None:
        """"The court sentenced the editor", "police detained him": a state's organ coercing
        a person the text gives no country acts on one of its own people."""
        if self.lexicon.codes[match.pattern.cameo].type not in self.words.population_types or not nouns:
            return None
        if not any(s.actor.country and s.actor.sector in self.words.state_sectors for s in sources):
            return None
        noun = nouns[0]
        organs = home_organs()
        sent = self.sentence(noun)
        person = noun.ent_type_ == "PERSON" or noun.lower_ in organs.person_pronouns or noun.lower_ in organs.people_quantities or any(
            m.label in ("PERSON", "ROLE") and m.start <= noun.idx < m.end for m in self.mentions_between(sent.start_char, noun.idx + 1))
        return "CVL" if person and not self.parties(noun) else None

    def _location_targets(self, match: Match, sources: list[Party]) -> list[Party]:
        """The country where the act happened; the source's own country is its population
        ("the government lifted the curfew in Darfur" acts on Sudan's people)."""
        found = []
        for place in self._location_parties(match):
            country = place.actor.country
            home = [s for s in sources if country and s.actor.country == country]
            if not home:
                if all(distinct(s, place, self.words) for s in sources):
                    found.append(place)
                continue
            if self.lexicon.codes[match.pattern.cameo].type in self.words.population_types and \
                    all(s.actor.sector != "CVL" for s in home):
                # "killed five soldiers near Maiduguri": the organ the object names, else the people
                sector = self._object_sector(match)
                if sector is None or sector == "GOV":  # "lifted the state of emergency in X": its people
                    sector = "CVL"
                found.append(derived_party(country, sector, self.words, place.mention, place.start, place.end))
        return found

    def _object_sector(self, match: Match) -> str | None:
        obj = object_of(match.token) if match.pattern.pos != "noun" else None
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            return None
        return self.words.people_sectors.get(obj.lemma_.lower()) or self._head_sector(obj)

    def _scope_mentions(self, match: Match) -> list[Party]:
        """Last resort: the first actor named in the trigger's own clause, outside its
        subject and outside other clauses ("provide aid to refugees ... in Liberia")."""
        head = match.verb or match.token
        for child in head.children:
            if child.dep_ in OUT_OF_SCOPE_DEPS or child.i == match.token.i:
                continue
            if child.dep_ == "ccomp" and self._is_quoted_content(head, child):
                continue
            found = self._mentions_in(child)
            if found:
                return found
        return []

    def _target_role(self, match: Match, spec: str, sources: list[Party]) -> list[Party]:
        """The parties one target role of a pattern names ("dobj", "prep:to", "location", ...)."""
        role, _, prep = spec.partition(":")
        finder = ROLE_FINDERS.get(role)
        return getattr(self, finder)(match, prep, sources) if finder else []

    def _role_object(self, match: Match, prep: str, sources: list[Party], role: str = "dobj") -> list[Party]:
        trigger = match.token
        obj = object_of(trigger) if match.pattern.pos != "noun" else None
        if obj is not None and obj.dep_ == "pobj" and match.pattern.pos == "verb" and role != "dobj":
            return self._np_parties(obj)
        if obj is not None and obj.dep_ in ("dobj", "nsubjpass"):
            return self._np_parties(obj, deep=True)
        return []

    def _role_object_part(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        """obj_amod, obj_compound, obj_poss: also a prepositional object ("withdraw from X")."""
        return self._role_object(match, prep, sources, role="obj_part")

    def _role_dative(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        trigger, verb = match.token, match.verb or match.token
        return [p for tok in (trigger, verb) for c in tok.children if c.dep_ == "dative" for p in self._np_parties(c)]

    def _role_prep(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        trigger, verb = match.token, match.verb or match.token
        carrier = [trigger.head] if match.pattern.pos == "noun" and trigger.dep_ == "compound" else []
        if match.pattern.pos == "noun":  # "the embargo imposed by X on Y"; "the visit of X to Y" (hung on X)
            carrier += [c for c in trigger.children if c.dep_ == "acl"]
            if prep != "of":
                carrier += of_objects(trigger)
        # "donated and delivered goods to X": conjoined verbs share the last one's phrases
        shared = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"] \
            if match.pattern.pos == "verb" and not any(c.dep_ == "dobj" for c in trigger.children) else []
        # "fired back at X": the preposition hangs on the pattern's particle
        particles = [c for c in trigger.children if c.dep_ in ("advmod", "prt") and c.lower_ in match.pattern.preps]
        for head in unique(trigger, *carrier, verb, *shared, *particles):
            for child in head.children:
                if child.dep_ in ("prep", "prt", "agent", "dative") and child.lower_ == prep:
                    found = self._pobj_parties(child, deep=True)
                    if found:
                        return found
        return []

    def _role_object_prep(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        obj = object_of(match.token)
        if obj is None:
            return []
        preps = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == prep]
        return self._pobj_parties(preps[0], deep=True) if preps else []

    def _role_object_tree(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        obj = object_of(match.token)
        return [p for p in self._mentions_in(obj) if not self._harmed(match, p)] if obj is not None else []

    def _role_object_acl(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        """"prevented the rally staged by students"."""
        obj = object_of(match.token)
        for acl in (c for c in obj.children if c.dep_ == "acl") if obj is not None else ():
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                found = self._pobj_parties(agent, deep=True)
                if found:
                    return found
        return []

    def _role_other_side(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        """"rejected the accusation": whoever made it, named last."""
        return self.other_side(match.token, sources) if sources else []

    def _role_subject_owner(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        """"Marovia's claims are false"."""
        verb = match.verb or match.token
        return [p for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") for p in self._np_parties(s, deep=True)]

    def _role_complement_subject(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        return self._complement_subject(match.token, match.verb or match.token)

    def _role_clause(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        return self._clause_objects(match.token)

    def _role_clause_tree(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        return self._clause_objects(match.token, tree=True)

    def _role_location(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        return self._location_parties(match)

    def _role_purpose(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        return self._purpose_objects(match.verb or match.token)

    def _purpose_objects(self, verb: Token) -> list[Party]:
        """Whom an infinitive of purpose names: "began a hunger strike to protest against X",
        "opened fire to disperse X"."""
        for child in verb.children:
            # ("began a hunger strike to protest against X": the parser may make it a complement)
            if child.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                found = self._objects_of(child, self.words.deep_preps | self.words.purpose_preps)
                if found:
                    return found
        return []

    def _objects_of(self, clause: Token, preps: set[str]) -> list[Party]:
        """Parties a clause acts on: its object, else the object of one of ``preps``."""
        for grand in clause.children:
            if grand.dep_ in ("dobj", "dative"):
                found = self._np_parties(grand, deep=True)
                if found:
                    return found
        for grand in clause.children:
            if grand.dep_ == "prep" and grand.lower_ in preps:
                found = self._pobj_parties(grand, deep=True)
                if found:
                    return found
        return []

    def _complement_subject(self, trigger: Token, verb: Token | None = None) -> list[Party]:
        heads = unique(trigger, verb) if verb is not None else [trigger]
        for child in (c for head in heads for c in head.children):
            # ("a deadline for X to reform": a for-to clause parsed as an adverbial one)
            if (child.dep_ in ("ccomp", "acl") or opened_by(child, ("for",))) and not self._is_quoted_content(trigger, child):
                subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return self.parties(subjects[0])
        return []

    def _role_condition_subject(self, match: Match, prep: str, sources: list[Party]) -> list[Party]:
        """"will respond if Marovia crosses the line": whoever the condition names."""
        return self._condition_subject([match.verb or match.token], self.words.conditional_marks)

    def _condition_subject(self, clauses: list[Token], marks: frozenset[str]) -> list[Party]:
        """The parties of the subject of the first condition (an adverbial clause opened by one
        of ``marks``) set on one of ``clauses``."""
        for clause in clauses:
            for cond in (c for c in clause.children if opened_by(c, marks)):
                subjects = [c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return self.parties(subjects[0])
        return []

    def _clause_objects(self, trigger: Token, tree: bool = False) -> list[Party]:
        """Objects of the complement clause: "threatened to shell Iraqi towns"."""
        for child in trigger.children:
            if child.dep_ not in ("xcomp", "ccomp") or self._is_quoted_content(trigger, child):
                continue
            found = self._objects_of(child, self.words.deep_preps | self.words.clause_object_preps)
            if found:
                return found
            if not tree:
                continue
            # "agreed to provide 70 million dollars of aid for X": any actor in the clause
            # but its own subject
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            skip = {t.i for c in subjects for t in c.subtree}
            found = [p for p in self._mentions_in(child) if p.start is None or
                     not any(self.doc[i].idx <= p.start < self.doc[i].idx + len(self.doc[i]) for i in skip)]
            if found:
                return found
        return []

    def _home_governments(self, match: Match, sources: list[Party]) -> list[Party]:
        """Protests and strikes with no stated target are aimed at the authorities of the
        place, or of the protesters' own country."""
        places = self._location_parties(match) or self._subject_places(match)
        countries = [p.actor.country for p in places if p.actor.country] or [s.actor.country for s in sources if s.actor.country]
        if not countries:
            return []
        country = countries[0]
        return [derived_party(country, "GOV", self.words, places[0].mention if places else "")]


    def _subject_places(self, match: Match) -> list[Party]:
        """"Syrian refugees in Lebanon protested": where the protesters are, named on them."""
        verb = match.verb or match.token
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subjects += [g for c in subjects for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"]  # "hundreds of migrants in Iran"
        return [p for subject in subjects
                for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in ("in", "inside", "across", "throughout")
                for p in self._pobj_parties(prep) if p.actor.kind in ("country", "place") and p.actor.country][:1]


# Target roles of ``data/plover_patterns.yaml`` and the method that finds each.
ROLE_FINDERS = {
    "dobj": "_role_object", "obj_amod": "_role_object_part", "obj_compound": "_role_object_part",
    "obj_poss": "_role_object_part", "dative": "_role_dative", "prep": "_role_prep",
    "obj_prep": "_role_object_prep", "obj_tree": "_role_object_tree", "obj_acl": "_role_object_acl",
    "other_side": "_role_other_side", "subject_owner": "_role_subject_owner",
    "ccomp_subject": "_role_complement_subject", "clause": "_role_clause", "clause_tree": "_role_clause_tree",
    "location": "_role_location", "purpose": "_role_purpose", "condition_subject": "_role_condition_subject",
}
