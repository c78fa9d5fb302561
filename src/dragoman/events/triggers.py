"""Finding triggers: tokens whose lemma starts a pattern of ``data/plover_patterns.yaml`` and
whose context fits it; and which of them belong to another act ("urged X to withdraw")."""
from __future__ import annotations

from typing import Iterable

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Token

from .syntax import (ABSORB_DEPS, agent_phrases, copula_head, has_partner, is_light_of, lower, object_of, object_words,
                     purpose, subject_words)
from .vocabulary import Match, Pattern

class TriggerMixin:
    """Trigger finding for `EventCoder`."""

    def find_matches(self) -> list[Match]:
        """Every token whose lemma starts a pattern and whose context fits it."""
        found = []
        by_lemma = self.lexicon.by_lemma
        self._modals = []
        for i in self._trigger_positions():
            token = self._tokens[i]
            if token.lower_ in self.lexicon.obligation and token.dep_ == "aux":
                self._modals.append(token)
            if token.lower_ not in self.lexicon.lemmas and token.lemma_.lower() not in self.lexicon.lemmas:
                continue
            for pos in pos_groups(token):
                candidates = by_lemma.get((pos, token.lemma_.lower())) or by_lemma.get((pos, token.lower_))
                if not candidates:
                    continue
                match = self._first_fit(token, candidates)
                if match is not None:
                    found.append(match)
                    break
        return found

    def _trigger_positions(self) -> list[int]:
        """Positions of the tokens that may start a pattern or be an obligation auxiliary,
        screened on the string ids of their forms and lemmas (one decision per distinct pair)
        so that most of the article never becomes Token objects."""
        lemmas, obligation, strings = self.lexicon.lemmas, self.lexicon.obligation, self.doc.vocab.strings
        decided: dict[tuple[int, int], bool] = {}
        positions = []
        for i, (lower_id, lemma_id) in enumerate(self.doc.to_array([LOWER, LEMMA]).tolist()):
            keep = decided.get((lower_id, lemma_id))
            if keep is None:
                lower = strings[lower_id]
                keep = lower in obligation or lower in lemmas or strings[lemma_id].lower() in lemmas
                decided[lower_id, lemma_id] = keep
            if keep:
                positions.append(i)
        return positions

    def _first_fit(self, token: Token, candidates: Iterable[Pattern]) -> Match | None:
        for pattern in candidates:
            if pattern.pos == "noun":
                verb = self._noun_anchor(token, pattern)
                if verb is False or not self._noun_fits(token, pattern):
                    continue
                match = Match(token, pattern, verb or None)
            elif self._verb_fits(token, pattern):
                match = Match(token, pattern, token if pattern.pos == "verb" else copula_head(token))
            else:
                continue
            if pattern.subject and not subject_words(match.verb or token) & pattern.subject:
                continue
            if pattern.partner and not has_partner(match, self.words):
                continue
            if pattern.state_source and not self._state_acts(match):
                continue
            return match
        return None

    def _state_acts(self, match: Match) -> bool:
        """Whether the act's source is a state, an organisation of states or one of their
        officials ("Kestria boycotted the summit", not "students boycotted classes")."""
        return any(self.is_state(p) for p in self.sources(match))

    def is_state(self, party) -> bool:
        actor = party.actor
        return actor.kind in ("country", "igo") or (actor.sector in self.words.state_sectors)

    @staticmethod
    def _complement_fits(token: Token, words: frozenset[str]) -> bool:
        """"called the plan reckless", "views the move as unfriendly", "called it a provocation"."""
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"]
        preps += [g for c in token.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep" and g.lower_ == "as"]
        for prep in preps:
            if any(g.lemma_.lower() in words for g in prep.subtree):
                return True
        for child in token.children:
            if child.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and child.lemma_.lower() in words:
                return True
            if child.dep_ == "advmod" and child.lemma_.lower() in words and any(g.lower_ == "as" for g in child.children):
                return True  # "described the move as unfriendly" parsed as an adverb
            if child.dep_ in ("ccomp", "oprd") and any(g.dep_ in ("attr", "acomp") and g.lemma_.lower() in words
                                                       for g in child.children):
                return True
        return False

    def _verb_fits(self, token: Token, pattern: Pattern) -> bool:
        doc = token.doc
        if pattern.pos == "verb" and token.dep_ == "amod":
            return False  # a participle describing a noun ("their disputed border") is no act
        if pattern.complement and not self._complement_fits(token, pattern.complement):
            return False
        if pattern.deadline and not self._sets_deadline(token):
            return False
        if pattern.requires_clause and (purpose(token) or not any(c.dep_ == "ccomp" for c in token.children)):
            return False  # ("resigned to allow elections to take place": why he resigned, no act of its own)
        if pattern.to_clause and not any(infinitive(c) and c.lemma_.lower() not in self.words.purpose_infinitives
                                         and (not pattern.clause_verbs or c.lemma_.lower() in pattern.clause_verbs)
                                         for c in token.children):
            return False
        if pattern.no_consequence and any(infinitive(c) and any(
                v.lemma_.lower() in self.words.consequence_verbs and (v.dep_ == "conj" or doc[v.i - 1].dep_ == "cc")
                for v in c.subtree) for c in token.children):
            return False  # "warned X to leave or face arrest": a threat
        if pattern.defer and pattern.pos == "adj" and not any(c.dep_ == "xcomp" for c in token.children):
            return False
        if pattern.preps and not any(lower(c) in pattern.preps for c in token.children
                                     if c.dep_ in ("prt", "prep", "advmod", "agent") and not temporal(c)):
            # "warned the bloc and its allies against ...": the parser may hang it on the object
            if not pattern.prep_on_object or not any(
                    lower(g) in pattern.preps for c in token.children if c.dep_ == "dobj"
                    for g in c.subtree if g.dep_ == "prep"):
                return False
        if pattern.prep_objects and not any(
                lower(c) in pattern.preps and any(g.dep_ == "pobj" and g.lemma_.lower() in pattern.prep_objects
                                                  for g in c.children)
                for c in token.children if c.dep_ == "prep"):
            return False  # "joined X for talks", not "joined X for the offensive"
        obj = object_of(token)
        if pattern.object_kind == "none" and obj is not None and obj.dep_ == "dobj":
            return False
        if pattern.object_kind == "some" and (obj is None or obj.dep_ not in ("dobj", "nsubjpass")):
            return False
        if pattern.objects or pattern.not_objects:
            words = object_words(obj) if obj is not None else set()
            if pattern.objects and not words & pattern.objects:
                return False
            if words & pattern.not_objects:
                return False
        if pattern.object_kind == "actor" and (obj is None or not self._np_parties(obj, deep=True)
                                               or (obj.dep_ == "pobj" and not pattern.preps)):
            return False  # "called Marovia", not "called for the release of ..."
        if pattern.object_kind == "actor" and not pattern.to_clause and any(c.dep_ == "oprd" for c in token.children):
            return False  # "called Kalvas a coward" names him, it is no call
        return True

    def _sets_deadline(self, token: Token) -> bool:
        """"gave X one week to withdraw", "gave X until Friday to leave": a time limit on an act."""
        words = self.words.deadline_words
        limited = any(c.dep_ in ("npadvmod", "dobj", "prep") and c.lemma_.lower() in words for c in token.children)
        act = any(c.dep_ in ("xcomp", "advcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                  for c in token.children)
        return limited and act

    def _noun_anchor(self, noun: Token, pattern: Pattern) -> Token | None | bool:
        """The light verb that makes the noun an act; None for a noun that acts by itself;
        False when the noun is no act here."""
        node = noun
        if node.dep_ == "compound" and node.head.lemma_.lower() in self.words.carrier_nouns:
            node = node.head  # "launched a mediation effort"
        while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in ("NOUN", "PROPN"):
            node = node.head
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in self.words.measure_nouns:
            node = node.head.head  # "launched ten days of exercises"
        head = node.head
        if any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children):
            return False  # "called off the strike" undoes the act
        if node.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.lemma_.lower() in pattern.light:
            return head
        if node.dep_ == "pobj" and head.head.lemma_.lower() in pattern.light:
            return head.head
        if pattern.in_prep and node.dep_ == "pobj" and head.lower_ in ("in", "on") and head.head.pos_ in ("VERB", "AUX"):
            return head.head
        if pattern.own and any(c.dep_ in ("poss", "amod") or c.lower_ == "between" for c in noun.children):
            return None
        if pattern.own and done_by(noun) is not None:
            return None  # "the embargo imposed by the US", "the resolution tabled by Britain"
        if pattern.own and any(agent_phrases(noun, pattern.targets)):
            return None  # "the blockade of Qatar by X", "the visit of X to Y"
        if pattern.own and pattern.mutual and noun.dep_ == "nsubj":
            return None
        return False

    def _noun_fits(self, noun: Token, pattern: Pattern) -> bool:
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
        modifiers |= {g.lemma_.lower() for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"}  # "a note of protest"
        if pattern.compound and not modifiers & pattern.compound:
            return False
        if pattern.modifiers and not modifiers & pattern.modifiers:
            return False
        return True

    def _absorbed(self, match: Match, trigger_ids: set[int], failed: frozenset[int] | set[int] = frozenset()) -> bool:
        node = match.token
        described = match.pattern.pos == "noun"  # an act named by a noun or a participle on one
        while node.head.i != node.i and (node.dep_ in ABSORB_DEPS or node.dep_ == "conj" or purpose(node)):
            described = described or (node.dep_ == "acl" and node.tag_ in ("VBG", "VBN"))
            parent = node.head
            if purpose(node) and parent.i in failed:
                # "sent troops to help X": the sending named no target, the help does (unless
                # an act above both holds them: "rejected an offer to send troops to help X")
                node = parent
                continue
            if node.dep_ == "conj":
                # "condemned and rejected": coordinate acts; "to unite and mobilize": the
                # coordination shares its governor's fate.
                if parent.i in trigger_ids:
                    return False
                node = parent
                continue
            if node.dep_ == "ccomp" and self._is_quoted_content(parent, node):
                return False
            if node.dep_ == "ccomp" and node.i < parent.i and self._denial_after(node, parent):
                return False  # "X accused Y of Z; Y denied it", "..., a charge Y denies": two acts
            if node.dep_ == "prep" and node.lower_ in self.words.sequence_preps and match.pattern.pos == "noun":
                return False  # "freed them after a meeting between X and Y": an act of its own
            if parent.i in trigger_ids and parent.i != match.token.i and not is_light_of(parent, match):
                # "condemned the attack on X", "criticized a resolution calling on X to": it happened
                return not (described and parent.lemma_.lower() in self.words.factive_governors)
            node = parent
        return False

    def _denial_after(self, clause: Token, verb: Token) -> bool:
        """Whether ``verb``, after the clause the parser hung on it, is a clause of its own: set
        off by a semicolon, or a denial of the claim before it."""
        if any(t.tag_ == ":" for t in clause.doc[clause.right_edge.i + 1:verb.i]):
            return True
        patterns = self.lexicon.by_lemma.get(("verb", verb.lemma_.lower()), ())
        return any(self.lexicon.codes[p.cameo].type in self.words.denial_types for p in patterns)

    def _result_of_coded(self, match: Match, coded: set[int]) -> bool:
        """"Shelled the town, killing 20 people": the participle tells the toll of the
        attack already coded, not a second attack."""
        token = match.token
        return (token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.i in coded
                and self.lexicon.codes[match.pattern.cameo].type == "ASSAULT")

    def _governs_coded(self, match: Match, coded: set[int]) -> bool:
        """Whether an act coded already (or a hostile one: "swore to fight") sits in the
        governor's complement clause."""
        for child in match.token.children:
            if child.dep_ in ("xcomp", "ccomp") and any(t.i in coded for t in child.subtree):
                return True
        return False


def done_by(noun: Token) -> Token | None:
    """The agent phrase of a participle on the noun: "imposed by the US" -> "by"."""
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            return agent
    return None


def infinitive(clause: Token) -> bool:
    """"(called X) to lift the blockade": a complement clause in the infinitive."""
    return clause.dep_ in ("xcomp", "oprd", "ccomp") and clause.pos_ in ("VERB", "AUX") \
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in clause.children)


def temporal(prep: Token) -> bool:
    """"on Tuesday", "on 3 May": a preposition of time is no particle of the verb ("called on")."""
    return prep.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def pos_groups(token: Token) -> tuple[str, ...]:
    if token.pos_ == "VERB":
        return ("verb",)
    if token.pos_ == "NOUN":
        # spaCy sometimes tags a verb in a coordination as a plural noun ("and calls on").
        if token.dep_ in ("conj", "ROOT", "ccomp") and not any(c.dep_ == "det" for c in token.children) \
                and token.tag_ in ("NNS", "VBZ"):
            return ("noun", "verb")
        return ("noun",)
    if token.pos_ == "ADJ":
        return ("adj",)
    if token.pos_ == "PROPN" and token.dep_ not in ("compound", "poss"):
        return ("noun",)
    return ()
