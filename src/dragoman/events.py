"""PLOVER event coding: who did what to whom, from trigger patterns over the dependency parse.

Triggers are data (``data/plover_patterns.yaml``, CAMEO codes in ``data/cameo.tsv``). For
each trigger word the coder finds the source (the subject, the agent of a passive, the
speaker of a quote for "we"), the target (the pattern's roles), decides whether the act
happened (negation, modality, conditionals, questions), and dates and places it. Acts
inside another act's complement ("urged X to withdraw", "accused X of attacking") belong
to that act and are not coded twice.
"""
from __future__ import annotations

import enum
import itertools
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from spacy.tokens import Doc, Token

from .eventdates import entity_span, event_date
from .eventpatterns import DATA, CameoCode, Lexicon, Pattern, load_cameo, load_lexicon  # noqa: F401 (public API)
from .records import Actor, Article, Event, Evidence, Party, Quote

if TYPE_CHECKING:  # the actor layer is a later stage's sibling; only its interface is used
    from .actors import Cast

LOGGER = logging.getLogger(__name__)

FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my", "ourselves", "myself"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom", "whose"}
THIRD_PERSON_NONHUMAN = {"it", "its", "they", "them", "their"}
SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
# Climbing from a clause to the clause that lends it a subject.
SUBJECT_CLIMB_DEPS = {"xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "ccomp", "oprd"}
# A trigger below another trigger through these links is part of that act.
ABSORB_DEPS = {"dobj", "pobj", "prep", "xcomp", "ccomp", "pcomp", "acl", "attr", "oprd",
               "dative", "compound", "amod", "appos", "agent", "nsubjpass", "poss"}
OUT_OF_SCOPE_DEPS = {"nsubj", "nsubjpass", "csubj", "expl", "advcl", "conj", "relcl", "cc", "punct", "mark",
                     "parataxis", "aux", "auxpass", "neg", "poss", "npadvmod", "advmod"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Nouns that carry an act named by their compound: "a mediation effort", "a rescue mission".
CARRIER_NOUNS = {"effort", "mission", "bid", "initiative", "attempt", "drive", "campaign", "process"}
DEEP_PREPS = {"of", "against", "on", "from", "by", "to", "with", "for", "between", "into"}
LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "across", "along"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Sectors that are the state itself: a country acting on them acts on itself.
STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "PRE", "IGO"}
# Nouns that count or measure acts: "three days of talks", "a series of attacks".
MEASURE_NOUNS = {"day", "week", "month", "hour", "series", "round", "wave", "spate", "string", "number",
                 "couple", "flurry", "barrage", "volley", "hail"}
# Heads of subject phrases that are the state, not its people ("authorities in X").
OFFICIAL_NOUNS = {"authority", "official", "government", "leader", "minister", "police", "policeman", "force",
                  "troop", "army", "soldier", "military", "officer", "diplomat", "administration", "court"}
# Subjects that are the weapon, not the attacker: "a roadside bomb killed ...".
INSTRUMENT_NOUNS = {"bomb", "bombing", "explosion", "blast", "device", "mine", "minefield", "attack", "rocket",
                    "shell", "grenade", "explosive", "ied", "missile", "mortar", "landmine", "car"}
# Unnamed people an act is done to ("police arrested dozens of protesters"), by sector:
# with no country named they are the acting state's own people.
PEOPLE_SECTORS = {"protester": "CVL", "demonstrator": "CVL", "civilian": "CVL", "villager": "CVL", "resident": "CVL",
                  "people": "CVL", "person": "CVL", "inhabitant": "CVL", "refugee": "REF", "worker": "LAB",
                  "student": "EDU", "journalist": "JRN", "reporter": "JRN", "rebel": "REB", "guerrilla": "REB",
                  "militant": "REB", "insurgent": "REB", "separatist": "REB", "militia": "REB", "fighter": "REB",
                  "opponent": "OPP", "dissident": "OPP", "activist": "OPP", "opposition": "OPP", "prisoner": "CVL",
                  "detainee": "CVL", "rioter": "CVL", "mourner": "CVL", "worshipper": "CVL", "farmer": "AGR"}
# Curfews, emergency rule, crackdowns and their lifting: with no place named, the state
# does them to its own people.
HOME_POPULATION_CODES = {"081", "1723", "1724", "175"}
PLACE_NOUNS = {"city", "town", "village", "capital", "province", "region", "district", "enclave", "port",
               "camp", "state", "suburb", "neighbourhood", "neighborhood", "area", "settlement"}
BORDER_NOUNS = {"border", "frontier", "boundary", "borderland"}
PEOPLE_TYPES = {"ASSAULT", "COERCE", "ACCUSE"}
# Acts whose place in the actor's own country makes its population the target.
POPULATION_TYPES = {"COERCE", "CONCEDE", "ASSAULT"}
SYMMETRIC_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
MUTUAL_TYPES = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}
VERBAL_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE"}
QUOTE_KINDS_WITH_VOICE = {"direct", "mixed"}


class DropReason(str, enum.Enum):
    """Why a trigger produced no event (kept in `EventCoder.dropped` and the debug log)."""

    ABSORBED = "part of another act"
    QUESTION = "question"
    CONDITIONAL = "conditional"
    POSSIBLE = "possibility, not fact"
    OBLIGATION = "obligation, not fact"
    WISH = "wish or proposal"
    NEGATED = "negated"
    UNREAL = "planned or proposed"
    NO_SOURCE = "no source actor"
    NO_TARGET = "no target actor"


@dataclass(slots=True)
class Match:
    """A trigger word and the pattern it fits; `verb` is the clause verb that carries it
    (the trigger itself, or the light verb of a noun)."""

    token: Token
    pattern: Pattern
    verb: Token | None


@dataclass(slots=True)
class Reading:
    """What the clause says about whether the act happened."""

    code: str | None
    negated: bool = False
    reason: DropReason | None = None


def code_events(doc: Doc, article: Article, cast: "Cast", quotes: list[Quote]) -> list[Event]:
    """PLOVER events of one parsed article, one per (type, source, target), non-hypothetical."""
    return EventCoder(doc, article, cast, quotes).run()


@dataclass
class EventCoder:
    doc: Doc
    article: Article
    cast: "Cast"
    quotes: list[Quote]
    lexicon: Lexicon = field(default_factory=load_lexicon)
    dropped: list[tuple[str, DropReason]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Token.sent and Doc.ents rebuild spans on every call: index them once per article.
        self._sents = list(self.doc.sents)
        self._sent_of_token = [0] * len(self.doc)
        for index, sent in enumerate(self._sents):
            self._sent_of_token[sent.start:sent.end] = [index] * (sent.end - sent.start)
        self._ents = list(self.doc.ents)
        self._text = self.article.text  # the text the doc was parsed from; Doc.text rebuilds it
        self._modals: list[Token] = []  # "must"/"should" auxiliaries, found with the triggers
        self._voiced = [(i, q) for i, q in enumerate(self.quotes)]
        self._token_at = {t.idx: t for t in self.doc}

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Event]:
        matches = self.find_matches()
        # A noun's light verb stands for the act too: "reiterated its demand that Israel ease".
        # A deferring governor ("agreed to", "ready to") absorbs nothing: the act it
        # governs is coded (as an intention), and the governor only when that act is not.
        deferred = [m for m in matches if m.pattern.defer]
        active = [m for m in matches if not m.pattern.defer]
        trigger_ids = {m.token.i for m in active} | {m.verb.i for m in active
                                                     if m.pattern.pos == "noun" and m.verb is not None}
        events: list[Event] = []
        coded: set[int] = set()
        for match in active:
            if self._absorbed(match, trigger_ids):
                self._drop(match.token, DropReason.ABSORBED)
                continue
            if self._result_of_coded(match, coded):
                self._drop(match.token, DropReason.ABSORBED)
                continue
            found = self.code_match(match)
            if found:
                coded.add(match.token.i)
                if match.verb is not None and self.lexicon.codes[match.pattern.cameo].type == "ASSAULT":
                    coded.add(match.verb.i)  # "opened fire ..., killing": the light verb carries it
            events.extend(found)
        coded |= {m.token.i for m in active if "conflict" in self.lexicon.codes[m.pattern.cameo].quad_class}
        for match in deferred:
            if self._absorbed(match, trigger_ids) or self._governs_coded(match, coded):
                self._drop(match.token, DropReason.ABSORBED)
                continue
            events.extend(self.code_match(match))
        events.extend(self.statement_requests())
        merged = merge_events(events)
        if self.dropped:
            LOGGER.debug("dropped triggers: %s", Counter(r.name for _, r in self.dropped))
        return merged

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

    def sentence(self, token: Token):
        return self._sents[self._sent_of_token[token.i]]

    def _is_question(self, token: Token) -> bool:
        sent = self.sentence(token)
        return self._text[sent.start_char:sent.end_char].rstrip(" \"'\u201d\u2019)").endswith("?")

    def _drop(self, token: Token, reason: DropReason) -> None:
        self.dropped.append((token.text, reason))

    # ------------------------------------------------------------------ triggers
    def find_matches(self) -> list[Match]:
        """Every token whose lemma starts a pattern and whose context fits it."""
        found = []
        by_lemma, lemmas, obligation = self.lexicon.by_lemma, self.lexicon.lemmas, self.lexicon.obligation
        self._modals = []
        for token in self.doc:
            lower = token.lower_
            if lower in obligation and token.dep_ == "aux":
                self._modals.append(token)
            if lower not in lemmas and token.lemma_.lower() not in lemmas:
                continue
            for pos in _pos_groups(token):
                candidates = by_lemma.get((pos, token.lemma_.lower())) or by_lemma.get((pos, token.lower_))
                if not candidates:
                    continue
                match = self._first_fit(token, candidates)
                if match is not None:
                    found.append(match)
                    break
        return found

    def _first_fit(self, token: Token, candidates: Iterable[Pattern]) -> Match | None:
        for pattern in candidates:
            if pattern.pos == "noun":
                verb = self._noun_anchor(token, pattern)
                if verb is False or not self._noun_fits(token, pattern):
                    continue
                match = Match(token, pattern, verb or None)
            elif self._verb_fits(token, pattern):
                match = Match(token, pattern, token if pattern.pos == "verb" else _copula_head(token))
            else:
                continue
            if pattern.subject and not _subject_words(match.verb or token) & pattern.subject:
                continue
            if pattern.partner and not _has_partner(match):
                continue
            return match
        return None

    def _verb_fits(self, token: Token, pattern: Pattern) -> bool:
        if pattern.requires_clause and not any(c.dep_ == "ccomp" for c in token.children):
            return False
        if pattern.defer and pattern.pos == "adj" and not any(c.dep_ == "xcomp" for c in token.children):
            return False
        if pattern.preps and not any(_lower(c) in pattern.preps for c in token.children
                                     if c.dep_ in ("prt", "prep", "advmod", "agent")):
            return False
        obj = _object_of(token)
        if pattern.object_kind == "none" and obj is not None and obj.dep_ == "dobj":
            return False
        if pattern.objects or pattern.not_objects:
            words = _object_words(obj) if obj is not None else set()
            if pattern.objects and not words & pattern.objects:
                return False
            if words & pattern.not_objects:
                return False
        if pattern.object_kind == "actor" and (obj is None or not self._np_parties(obj, deep=True)):
            return False
        return True

    def _noun_anchor(self, noun: Token, pattern: Pattern) -> Token | None | bool:
        """The light verb that makes the noun an act; None for a noun that acts by itself;
        False when the noun is no act here."""
        node = noun
        if node.dep_ == "compound" and node.head.lemma_.lower() in CARRIER_NOUNS:
            node = node.head  # "launched a mediation effort"
        while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in ("NOUN", "PROPN"):
            node = node.head
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in MEASURE_NOUNS:
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
        if pattern.own and pattern.mutual and noun.dep_ == "nsubj":
            return None
        return False

    def _noun_fits(self, noun: Token, pattern: Pattern) -> bool:
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
        if pattern.compound and not modifiers & pattern.compound:
            return False
        if pattern.modifiers and not modifiers & pattern.modifiers:
            return False
        return True

    def _absorbed(self, match: Match, trigger_ids: set[int]) -> bool:
        node = match.token
        while node.head.i != node.i and (node.dep_ in ABSORB_DEPS or node.dep_ == "conj" or _purpose(node)):
            parent = node.head
            if node.dep_ == "conj":
                # "condemned and rejected": coordinate acts; "to unite and mobilize": the
                # coordination shares its governor's fate.
                if parent.i in trigger_ids:
                    return False
                node = parent
                continue
            if node.dep_ == "ccomp" and self._is_quoted_content(parent, node):
                return False
            if parent.i in trigger_ids and parent.i != match.token.i and not _is_light_of(parent, match):
                return True
            node = parent
        return False

    # ------------------------------------------------------------------ one trigger
    def code_match(self, match: Match) -> list[Event]:
        reading = self.read_modality(match)
        if reading.reason is not None:
            self._drop(match.token, reading.reason)
            return []
        sources = self.sources(match)
        if not sources and match.pattern.passive_source:
            # "the guerrillas have been demobilized": the passive subject does it
            verb = match.verb or match.token
            sources = [p for c in verb.children if c.dep_ == "nsubjpass" for p in self.subject_parties(c)]
        if not sources and self.lexicon.codes[match.pattern.cameo].type == "ASSAULT":
            sources = self._unknown_attacker(match)
        if match.pattern.source_kind:
            sources = [p for p in sources if p.actor.kind == match.pattern.source_kind]
        if not sources:
            self._drop(match.token, DropReason.NO_SOURCE)
            return []
        if match.pattern.domestic:
            sources = self._protesting_people(match, sources)
        targets = self.targets(match, sources)
        if not targets and self.lexicon.codes[match.pattern.cameo].type in PEOPLE_TYPES:
            targets = self._unnamed_people(match, sources)
        if not targets and match.pattern.cameo in HOME_POPULATION_CODES:
            # "the government lifted the state of emergency": on its own people
            targets = [_population(_country_of(s)) for s in sources
                       if s.actor.country and s.actor.sector in STATE_SECTORS]
        pairs = self._pairs(match, sources, targets)
        if not pairs:
            self._drop(match.token, DropReason.NO_TARGET)
            return []
        code = self.lexicon.codes[reading.code]
        mutual = match.pattern.mutual or (not targets and len(sources) > 1 and self._can_be_mutual(match))
        evidence = self.evidence(match.token)
        when = event_date(match.verb or match.token, self.article.date)
        where = self.location(match)
        return [
            Event(type=code.type, mode=code.mode, cameo=code.code, quad_class=code.quad_class,
                  intensity=code.goldstein, source=s, target=t, mutual=mutual, date=when,
                  location=where, negated=reading.negated, hypothetical=False, evidence=[evidence])
            for s, t in pairs
        ]

    def _pairs(self, match: Match, sources: list[Party], targets: list[Party]) -> list[tuple[Party, Party]]:
        if not targets and len(sources) > 1 and self._can_be_mutual(match):
            return [(a, b) for a, b in itertools.combinations(sources, 2) if _distinct(a, b)]
        if not targets and match.pattern.domestic:
            targets = self._home_governments(match, sources)
        return [(s, t) for s in sources for t in targets if _distinct(s, t)]

    def _can_be_mutual(self, match: Match) -> bool:
        """"Armenia and Azerbaijan agreed / met / clashed": each side acts on the other."""
        return match.pattern.mutual or self.lexicon.codes[match.pattern.cameo].type in MUTUAL_TYPES

    # ------------------------------------------------------------------ modality
    def read_modality(self, match: Match) -> Reading:
        lex, pattern = self.lexicon, match.pattern
        code = pattern.cameo
        if self._is_question(match.token):
            return Reading(None, reason=DropReason.QUESTION)
        if _in_conditional(match.token):
            return Reading(None, reason=DropReason.CONDITIONAL)
        if pattern.pos == "noun" and any(c.lemma_.lower() in lex.unreal for c in match.token.children if c.dep_ == "amod"):
            return Reading(None, reason=DropReason.UNREAL)
        chain = _governor_chain(match.verb or match.token)
        lemmas = [n.lemma_.lower() for n in chain[1:]]
        auxes = {a.lower_ for n in chain for a in n.children if a.dep_ in ("aux", "auxpass")}
        auxes |= {a.lemma_.lower() for n in chain for a in n.children if a.dep_ == "aux"}
        if auxes & lex.possible:
            return Reading(None, reason=DropReason.POSSIBLE)
        if auxes & lex.obligation:
            return Reading(None, reason=DropReason.OBLIGATION)
        if any(w in lex.wish for w in lemmas):
            return Reading(None, reason=DropReason.WISH)
        negated = _negated(match, chain) or any(w in lex.fail for w in lemmas)
        if negated:
            denial = pattern.negated or lex.negated_codes.get(lex.codes[code].type)
            if not denial:
                return Reading(None, reason=DropReason.NEGATED)
            return Reading(denial, negated=True)
        future = bool(auxes & lex.future) or any(w in lex.intent for w in lemmas)
        if future and not any(w in lex.aspect for w in lemmas):
            code = self._intent_code(code)
        return Reading(code)

    def _intent_code(self, code: str) -> str:
        kind = self.lexicon.codes[code].type
        if kind in VERBAL_TYPES:
            return code
        return self.lexicon.intent_codes.get(kind) or code

    # ------------------------------------------------------------------ sources
    def sources(self, match: Match) -> list[Party]:
        if match.pattern.pos == "noun":
            return self._noun_sources(match)
        return self._clause_subject(match.verb or match.token)

    def _unknown_attacker(self, match: Match) -> list[Party]:
        """"A roadside bomb killed ...", "were killed by an explosive device in X": an
        unidentified armed force of the country where it happened."""
        verb = match.verb or match.token
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [g for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in")
                  for g in c.children if g.dep_ == "pobj"]
        if not any(d.lemma_.lower() in INSTRUMENT_NOUNS or
                   any(c.dep_ == "compound" and c.lemma_.lower() in INSTRUMENT_NOUNS for c in d.children)
                   for d in doers):
            return []
        places = self._location_parties(match)
        for head in doers + [c for c in verb.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS]:
            places += self._mentions_in(head, places=True)  # "a bombing near Samarra", "outside the Iraqi city of Basra"
        for place in places:
            country = place.actor.country
            if country:
                actor = Actor(id=f"{country} UAF", name=f"{country} armed group", code=f"{country} UAF",
                              country=country, sector="UAF", kind="group")
                return [Party(actor=actor, mention=place.mention, start=place.start, end=place.end)]
        return []

    def _noun_sources(self, match: Match) -> list[Party]:
        noun = match.token
        if match.verb is not None:
            return self._clause_subject(match.verb)
        for child in noun.children:
            if child.dep_ == "poss":
                return self.parties(child)
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                found = self._pobj_parties(child)
                if found:
                    return found
        if match.pattern.mutual:
            between = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"]
            if between:
                return self._pobj_parties(between[0])
        return self.parties(noun)

    def _clause_subject(self, verb: Token) -> list[Party]:
        """The actor doing what `verb` says, climbing to the clause that controls it."""
        node = verb
        for _ in range(8):
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
            node = node.head
        return []

    def _own_subject(self, node: Token) -> list[Party] | None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
        if passive:
            agents = [c for c in node.children if c.dep_ == "agent"]
            return self._pobj_parties(agents[0], deep=True) if agents else ([] if any(c.dep_ == "nsubjpass" for c in node.children) else None)
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl":
                if child.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                    return self.subject_parties(node.head)
                return self.subject_parties(child)
        return None

    def _controller(self, node: Token) -> list[Party] | None:
        """Object control: "urged the sides to comply", "rebuked Yerevan for refusing"."""
        if node.dep_ == "xcomp":
            governor = node.head
        elif node.dep_ == "pcomp" and node.head.lower_ in ("for", "of"):
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
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                found = self._pobj_parties(child)
                if found:
                    return found
        return []

    # ------------------------------------------------------------------ targets
    def targets(self, match: Match, sources: list[Party]) -> list[Party]:
        return [p for p in self._targets(match, sources) if not self._names_a_border(p)]

    def _names_a_border(self, party: Party) -> bool:
        """"camps near the Thai border": the country says where, it is not acted on."""
        if party.start is None:
            return False
        token = self._token_at.get(party.start)
        if token is None:
            return False
        return token.lemma_.lower() in BORDER_NOUNS or (
            token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in BORDER_NOUNS)

    def _targets(self, match: Match, sources: list[Party]) -> list[Party]:
        for spec in match.pattern.targets:
            if spec == "location":
                found = self._location_targets(match, sources)
            else:
                found = [p for p in self._target_role(match, spec) if all(_distinct(s, p) for s in sources)]
            if found:
                return found
        if match.pattern.domestic or match.pattern.strict:
            return []
        if len(sources) > 1 and self._can_be_mutual(match):
            return []  # "Palestinians and Israelis failed to reach agreement": each other
        if match.pattern.pos == "noun":
            # "the withdrawal of invasion forces from Panama": actors inside the noun phrase
            for child in match.token.children:
                if child.dep_ in ("prep", "acl", "relcl"):
                    found = [p for p in self._mentions_in(child) if all(_distinct(s, p) for s in sources)]
                    if found:
                        return found[:2]
        return [p for p in self._scope_mentions(match) if all(_distinct(s, p) for s in sources)][:2]

    def _protesting_people(self, match: Match, sources: list[Party]) -> list[Party]:
        """"Algerian landowners began a hunger strike": a country named by the adjective of
        the people who protest is its population, not its state ("Iran boycotted" stays)."""
        verb = match.verb or match.token
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].ent_type_ == "GPE" or subjects[0].lemma_.lower() in OFFICIAL_NOUNS:
            return sources
        return [_population(p) if p.actor.kind == "country" else p for p in sources]

    def _unnamed_people(self, match: Match, sources: list[Party]) -> list[Party]:
        """"Police opened fire on protesters", "troops arrested dozens of rebels": people
        named by what they are, of the place where it happened or of the acting state."""
        trigger, verb = match.token, match.verb or match.token
        nouns = []
        if match.pattern.pos != "noun":
            obj = _object_of(trigger)
            if obj is not None:
                nouns.append(obj)
        for head in _unique(trigger, verb):
            nouns += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
                      for g in c.children if g.dep_ == "pobj"]
            nouns += [g for c in head.children if _purpose(c) for g in c.children if g.dep_ == "dobj"]
        sector = None
        for noun in nouns:
            for word in (noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for g in c.children if g.dep_ == "pobj")):
                words = [word.lemma_.lower()] + [c.lemma_.lower() for c in word.children if c.dep_ in ("compound", "amod")]
                sector = next((PEOPLE_SECTORS[w] for w in words if w in PEOPLE_SECTORS), None)
                if sector:
                    break
            if sector:
                break
        if sector is None:
            return []
        places = [p.actor.country for p in self._location_parties(match) if p.actor.country]
        homes = [s.actor.country for s in sources if s.actor.country]
        country = (places or homes or [None])[0]
        if country is None:
            return []
        actor = Actor(id=f"{country} {sector}", name=f"{country} {sector}", code=f"{country} {sector}",
                      country=country, sector=sector, kind="group")
        return [Party(actor=actor, mention=noun.text, start=noun.idx, end=noun.idx + len(noun))]

    def _location_targets(self, match: Match, sources: list[Party]) -> list[Party]:
        """The country where the act happened; the source's own country is its population
        ("the government lifted the curfew in Darfur" acts on Sudan's people)."""
        found = []
        for place in self._location_parties(match):
            country = place.actor.country
            home = [s for s in sources if country and s.actor.country == country]
            if not home:
                if all(_distinct(s, place) for s in sources):
                    found.append(place)
                continue
            if self.lexicon.codes[match.pattern.cameo].type in POPULATION_TYPES and \
                    all(s.actor.sector != "CVL" for s in home):
                people = Actor(id=f"{country} CVL", name=f"{country} civilians", code=f"{country} CVL",
                               country=country, sector="CVL", kind="group")
                found.append(Party(actor=people, mention=place.mention, start=place.start, end=place.end))
        return found

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

    def _target_role(self, match: Match, spec: str) -> list[Party]:
        trigger, verb = match.token, match.verb or match.token
        role, _, prep = spec.partition(":")
        if role == "dobj" or role in ("obj_amod", "obj_compound", "obj_poss"):
            obj = _object_of(trigger) if match.pattern.pos != "noun" else None
            if obj is not None and obj.dep_ == "pobj" and match.pattern.pos == "verb" and role != "dobj":
                return self._np_parties(obj)
            if obj is not None and obj.dep_ in ("dobj", "nsubjpass"):
                return self._np_parties(obj, deep=True)
            return []
        if role == "dative":
            return [p for tok in (trigger, verb) for c in tok.children if c.dep_ == "dative" for p in self._np_parties(c)]
        if role == "prep":
            carrier = [trigger.head] if match.pattern.pos == "noun" and trigger.dep_ == "compound" else []
            # "donated and delivered goods to X": conjoined verbs share the last one's phrases
            shared = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"] \
                if match.pattern.pos == "verb" and not any(c.dep_ == "dobj" for c in trigger.children) else []
            for head in _unique(trigger, *carrier, verb, *shared):
                for child in head.children:
                    if child.dep_ in ("prep", "prt", "agent", "dative") and child.lower_ == prep:
                        found = self._pobj_parties(child, deep=True)
                        if found:
                            return found
            return []
        if role == "obj_prep":
            obj = _object_of(trigger)
            if obj is None:
                return []
            preps = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == prep]
            return self._pobj_parties(preps[0], deep=True) if preps else []
        if role == "obj_tree":
            obj = _object_of(trigger)
            return self._mentions_in(obj) if obj is not None else []
        if role == "obj_acl":  # "prevented the rally staged by students"
            obj = _object_of(trigger)
            for acl in (c for c in obj.children if c.dep_ == "acl") if obj is not None else ():
                for agent in (c for c in acl.children if c.dep_ == "agent"):
                    found = self._pobj_parties(agent, deep=True)
                    if found:
                        return found
            return []
        if role == "ccomp_subject":
            return self._complement_subject(trigger, verb)
        if role in ("clause", "clause_tree"):
            return self._clause_objects(trigger, tree=role == "clause_tree")
        if role == "location":
            return self._location_parties(match)
        if role == "purpose":
            return self._purpose_objects(verb)
        return []

    def _purpose_objects(self, verb: Token) -> list[Party]:
        """Whom an infinitive of purpose names: "began a hunger strike to protest against X",
        "opened fire to disperse X"."""
        for child in verb.children:
            if child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                found = self._objects_of(child, DEEP_PREPS | {"at", "over"})
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
        heads = _unique(trigger, verb) if verb is not None else [trigger]
        for child in (c for head in heads for c in head.children):
            if child.dep_ in ("ccomp", "acl") and not self._is_quoted_content(trigger, child):
                subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return self.parties(subjects[0])
        return []

    def _clause_objects(self, trigger: Token, tree: bool = False) -> list[Party]:
        """Objects of the complement clause: "threatened to shell Iraqi towns"."""
        for child in trigger.children:
            if child.dep_ not in ("xcomp", "ccomp") or self._is_quoted_content(trigger, child):
                continue
            found = self._objects_of(child, DEEP_PREPS | {"into", "in"})
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

    def _mentions_in(self, token: Token, places: bool = False) -> list[Party]:
        """Actors named anywhere in a phrase: the last resort for "criticized allegations
        that ... Armenia's security"; with `places`, the countries of named places too."""
        lo, hi = token.left_edge.i, token.right_edge.i + 1
        found = []
        for ent in self._ents:
            if lo <= ent.start and ent.end <= hi:
                actor = self.cast.actor_at(ent.start_char, ent.end_char)
                if actor is None and places:
                    actor = self._place_actor(ent)
                if actor is not None:
                    found.append(Party(actor=actor, mention=ent.text, start=ent.start_char, end=ent.end_char))
        return found[:2]

    def _home_governments(self, match: Match, sources: list[Party]) -> list[Party]:
        """Protests and strikes with no stated target are aimed at the authorities of the
        place, or of the protesters' own country."""
        places = self._location_parties(match)
        countries = [p.actor.country for p in places if p.actor.country] or [s.actor.country for s in sources if s.actor.country]
        if not countries:
            return []
        country = countries[0]
        actor = Actor(id=f"{country} GOV", name=f"{country} government", code=f"{country} GOV",
                      country=country, sector="GOV", kind="body")
        return [Party(actor=actor, mention=places[0].mention if places else "")]

    # ------------------------------------------------------------------ parties
    def parties(self, token: Token) -> list[Party]:
        """The actors a noun phrase names; "we" in a quote is its speaker."""
        if _first_person(token):
            speaker = self._speaker_at(token)
            if speaker is not None:
                return [Party(actor=speaker, mention=token.text, start=token.idx, end=token.idx + len(token))]
        try:
            found = list(self.cast.parties_of(token))
        except Exception:  # a faulty actor layer must not lose the article's other events
            LOGGER.exception("cast.parties_of failed on %r", token.text)
            found = []
        if found:
            return found
        if token.ent_type_:
            found = self._entity_party(token)
            if found:
                return found
        if token.lower_ in THIRD_PERSON_NONHUMAN:
            return self._antecedent(token)
        place = _named_place(token)
        if place is not None:  # "shelled the regional capital Juba"
            return self._entity_party(place)
        return []

    def _entity_party(self, token: Token) -> list[Party]:
        ent = _entity_span(token)
        if ent is None:
            return []
        actor = self.cast.actor_at(ent.start_char, ent.end_char) or self._place_actor(ent)
        return [Party(actor=actor, mention=ent.text, start=ent.start_char, end=ent.end_char)] if actor else []

    def _place_actor(self, ent) -> Actor | None:
        """The country of a named place the actor layer left without an actor: a capital
        or seat of power ("shelled Beirut", "protesters in Baghdad") stands for its country
        when it is where something happens, not for the government."""
        if (ent.label_ or ent[0].ent_type_) not in PLACE_LABELS:
            return None
        key = ent.text.strip().lower()
        if key.startswith("the "):
            key = key[4:]
        try:
            seat = self.cast.d.metonyms.get(key)
        except AttributeError:  # a stand-in actor layer without a dictionary
            return None
        country = seat.country if seat is not None else None
        if not country or (seat is not None and seat.kind == "igo"):
            return None
        return Actor(id=country, name=country, code=country, country=country, sector=None, kind="place")

    def _antecedent(self, pronoun: Token) -> list[Party]:
        """"Hungary said it will support ...": a reported clause's "it"/"they" is the
        reporter. Only the clauses above the pronoun are searched."""
        node = pronoun.head
        for _ in range(6):
            if node.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "pcomp", "prep", "relcl") or node.head.i == node.i:
                return []
            node = node.head
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != pronoun.i and child.lower_ not in THIRD_PERSON_NONHUMAN:
                    return self.subject_parties(child)
        return []

    def subject_parties(self, token: Token, depth: int = 0) -> list[Party]:
        """Actors of a subject phrase, looking inside it when its head names none: "a
        group of Moroccan diplomats", "rebels in the Ivory Coast", "Taiwan's minister"."""
        found = self.parties(token)
        if found:
            return found
        for child in token.children:
            if child.dep_ == "poss":
                found = self.parties(child)
                if found:
                    return found
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and depth < 3:
                # "tens of thousands of students", "a group of Moroccan diplomats"
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found = self.subject_parties(pobj, depth + 1)
                    if found:
                        return found
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "throughout", "across"):
                found = self._pobj_parties(child)
                if found:
                    people = child.lower_ != "from" and token.pos_ == "NOUN" and \
                        token.lemma_.lower() not in OFFICIAL_NOUNS
                    return [_population(p) if people else p for p in found]
        for child in token.children:
            if child.dep_ == "appos":
                found = self.parties(child)
                if found:
                    return found
        return []

    def _np_parties(self, token: Token, deep: bool = False) -> list[Party]:
        found = self.parties(token)
        if found:
            return found
        for child in token.children:
            if child.dep_ == "poss":
                found = self.parties(child)
                if found:
                    return found
        if deep:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in DEEP_PREPS:
                    found = self._pobj_parties(child)
                    if found:
                        return found
        return []

    def _pobj_parties(self, prep: Token, deep: bool = False) -> list[Party]:
        for child in prep.children:
            if child.dep_ in ("pobj", "pcomp"):
                return self._np_parties(child, deep=deep)
        return []

    def _speaker_at(self, token: Token) -> Actor | None:
        quote = self._quote_of(token)
        if quote is None or quote[1].kind not in QUOTE_KINDS_WITH_VOICE or quote[1].speaker is None:
            return None
        return quote[1].speaker.actor

    def _quote_of(self, token: Token) -> tuple[int, Quote] | None:
        for index, quote in self._voiced:
            if quote.start <= token.idx < quote.end:
                return index, quote
        return None

    def _is_quoted_content(self, trigger: Token, child: Token) -> bool:
        """A cue verb's complement that is a direct quote: the quote's words are the
        speaker's own acts, not the cue's target."""
        inner = self._quote_of(child)
        return inner is not None and inner[1].kind in QUOTE_KINDS_WITH_VOICE and self._quote_of(trigger) != inner

    # ------------------------------------------------------------------ where, when, evidence
    def location(self, match: Match) -> str | None:
        place = self._location_token(match)
        return _entity_text(place) if place is not None else None

    def _location_parties(self, match: Match) -> list[Party]:
        place = self._location_token(match)
        if place is None:
            return []
        ent = _entity_span(place)
        actor = (self.cast.actor_at(ent.start_char, ent.end_char) or self._place_actor(ent)) if ent is not None else None
        return [Party(actor=actor, mention=ent.text, start=ent.start_char, end=ent.end_char)] if actor else []

    def _location_token(self, match: Match) -> Token | None:
        """A place in an "in/at/near" phrase of the act's clause, also when the parser hung
        it on an argument ("talks with X in Geneva")."""
        frontier = _unique(match.token, match.verb or match.token)
        for _ in range(3):
            following = []
            for head in frontier:
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                place = obj if obj.ent_type_ in PLACE_LABELS else _named_place(obj)
                                if place is not None:
                                    return place
                    if child.dep_ in ("prep", "pobj", "dobj", "agent"):
                        following.append(child)
            frontier = following
        return None

    def evidence(self, trigger: Token) -> Evidence:
        sent = self.sentence(trigger)
        quote = self._quote_of(trigger)
        words = [trigger] + [c for c in trigger.children if c.dep_ == "prt"]
        start = min(w.idx for w in words)
        end = max(w.idx + len(w) for w in words)
        return Evidence(sentence=self._sent_of_token[trigger.i], sentence_start=sent.start_char,
                        sentence_end=sent.end_char, text=self._text[sent.start_char:sent.end_char], trigger=self._text[start:end],
                        trigger_start=start, trigger_end=end, quote_index=quote[0] if quote else None)

    # ------------------------------------------------------------------ "X must/should ..."
    def statement_requests(self) -> list[Event]:
        """A speaker's "Moscow should ask the UN", "China must drop barriers": a request."""
        lex = self.lexicon
        events = []
        for modal in self._modals:
            token = modal.head
            if self._is_question(token):
                continue
            sources = self._statement_source(token)
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if not sources or not subjects or _first_person(subjects[0]):
                continue
            targets = self.parties(subjects[0])
            code = lex.codes["100" if modal.lower_ == "must" else "020"]
            evidence = self.evidence(modal)
            when = event_date(token, self.article.date)
            for s, t in ((s, t) for s in sources for t in targets if _distinct(s, t)):
                events.append(Event(type=code.type, mode=code.mode, cameo=code.code, quad_class=code.quad_class,
                                    intensity=code.goldstein, source=s, target=t, mutual=False, date=when,
                                    location=None, negated=False, hypothetical=False, evidence=[evidence]))
        return events

    def _statement_source(self, verb: Token) -> list[Party]:
        head = verb.head
        if verb.dep_ == "ccomp" and head.lemma_.lower() in self.lexicon.statement_verbs:
            if _in_conditional(head):
                return []
            return self._clause_subject(head)
        if verb.dep_ == "ROOT":
            speaker = self._speaker_at(verb)
            if speaker is not None:
                return [Party(actor=speaker, mention=self._quote_of(verb)[1].speaker.mention)]
        return []


# ---------------------------------------------------------------------- merging
def merge_events(events: list[Event]) -> list[Event]:
    """One event per (type, source, target) with every piece of evidence that reports it.

    Sides are compared by country (or organisation) and merged when their sectors do not
    conflict, so "Russia urged..." and the spokeswoman's "We call on..." are one request,
    kept with the more specific actor; mutual acts match in either direction."""
    kept: list[Event] = []
    buckets: dict[tuple, list[Event]] = {}
    for event in events:
        key = _event_key(event)
        same = next((other for other in buckets.get(key, []) if _compatible(other, event)), None)
        if same is None:
            buckets.setdefault(key, []).append(event)
            kept.append(event)
        else:
            _absorb(same, event)
    return kept


def _event_key(event: Event) -> tuple:
    source, target = _root(event.source), _root(event.target)
    if _unordered(event):
        source, target = sorted((source, target))
    return event.type, source, target


def _unordered(event: Event) -> bool:
    return event.mutual or event.type in SYMMETRIC_TYPES


def _root(party: Party | None) -> str:
    if party is None:
        return ""
    return party.actor.country or party.actor.code.split()[0]


def _aligned(kept: Event, new: Event) -> list[tuple[Party | None, Party | None]]:
    if _unordered(kept) and _root(kept.source) != _root(new.source):
        return [(kept.source, new.target), (kept.target, new.source)]
    return [(kept.source, new.source), (kept.target, new.target)]


def _compatible(kept: Event, new: Event) -> bool:
    for a, b in _aligned(kept, new):
        if a is None or b is None:
            continue
        sa, sb = a.actor.sector, b.actor.sector
        if sa and sb and sa != sb:
            return False
    return True


def _absorb(kept: Event, new: Event) -> None:
    for evidence in new.evidence:
        if all(evidence.trigger_start != e.trigger_start for e in kept.evidence):
            kept.evidence.append(evidence)
    (ks, ns), (kt, nt) = _aligned(kept, new)
    if ks is not None and ns is not None and not ks.actor.sector and ns.actor.sector:
        kept.source = ns if ks is kept.source else kept.source
    if kt is not None and nt is not None and not kt.actor.sector and nt.actor.sector:
        kept.target = nt if kt is kept.target else kept.target
    kept.mutual = kept.mutual or new.mutual


# ---------------------------------------------------------------------- parse helpers
def _first_person(token: Token) -> bool:
    """"we", "our", "I" — but not "US" the country."""
    return token.lower_ in FIRST_PERSON and (token.text == "I" or not token.text.isupper())


def _pos_groups(token: Token) -> tuple[str, ...]:
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


def _lower(token: Token) -> str:
    return token.lower_


def _object_of(token: Token) -> Token | None:
    """The direct object; for a passive its subject; else the object of its first
    preposition or particle ("withdraw from the treaty", "laughed off the statement")."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    for child in token.children:
        if child.dep_ in ("prep", "prt"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _object_words(obj: Token) -> set[str]:
    words = {obj.lemma_.lower(), obj.lower_}
    for child in obj.children:
        if child.dep_ == "conj":  # "photographs and other military intelligence"
            words.add(child.lemma_.lower())
        if child.dep_ in ("compound", "amod"):
            words.add(child.lemma_.lower())
        if child.dep_ == "prep" and child.lower_ == "of":
            words.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    return words


def _population(party: Party) -> Party:
    """People of a place ("students throughout Indonesia"): its country's civilians."""
    actor = party.actor
    if actor.sector or not actor.country or actor.kind not in ("country", "place"):
        return party
    people = Actor(id=f"{actor.country} CVL", name=f"{actor.country} civilians", code=f"{actor.country} CVL",
                   country=actor.country, sector="CVL", kind="group")
    return Party(actor=people, mention=party.mention, start=party.start, end=party.end)


def _named_place(noun: Token) -> Token | None:
    """The name in "the capital Kabul", "the town of Samarra", "the West Bank city of Hebron"."""
    if noun.ent_type_ or noun.lemma_.lower() not in PLACE_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ in ("appos", "compound") and child.ent_type_ in PLACE_LABELS:
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.ent_type_ in PLACE_LABELS:
                    return grand
    return None


def _country_of(party: Party) -> Party:
    """The country a state body belongs to, as a party at the same mention."""
    country = party.actor.country
    actor = Actor(id=country, name=country, code=country, country=country, sector=None, kind="country")
    return Party(actor=actor, mention=party.mention, start=party.start, end=party.end)


def _purpose(node: Token) -> bool:
    """An infinitive of purpose: "staged a strike to demand ...", "opened fire to disperse"."""
    return node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _subject_words(verb: Token) -> set[str]:
    """Lemmas of the clause subject and its modifiers ("NATO peacekeeping troops",
    "the first contingent of peacekeepers")."""
    words: set[str] = set()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            words |= _object_words(child)
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    words |= _object_words(pobj)
    return words


def _has_partner(match: Match) -> bool:
    """A joint act: "joint exercises", "drills with X", "French and Egyptian ships held drills"."""
    noun, verb = match.token, match.verb or match.token
    if any(c.lemma_.lower() in ("joint", "bilateral", "trilateral", "multilateral", "combined")
           for c in noun.children if c.dep_ in ("amod", "compound")):
        return True
    for head in _unique(noun, verb):
        if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in head.children):
            return True
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(t.dep_ == "cc" for t in child.subtree):
            return True
    return False


def _copula_head(adjective: Token) -> Token:
    return adjective.head if adjective.dep_ in ("acomp", "amod") else adjective


def _is_light_of(parent: Token, match: Match) -> bool:
    return match.verb is not None and parent.i == match.verb.i


def _governor_chain(verb: Token) -> list[Token]:
    """The verb and the words that govern it as a complement, a purpose or a conjunct:
    "ready to continue assisting" -> [assisting, continue, ready, is]."""
    chain, node = [verb], verb
    while (node.dep_ in ("xcomp", "acomp", "pcomp", "prep", "conj") or _purpose(node)) and node.head.i != node.i:
        node = node.head
        chain.append(node)
    return chain


def _negated(match: Match, chain: list[Token]) -> bool:
    for node in chain:
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "no"):
                return True
    if match.pattern.pos == "noun":
        return any(c.lower_ == "no" for c in match.token.children if c.dep_ == "det")
    return False


def _in_conditional(token: Token) -> bool:
    node = token
    while True:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head


def _distinct(a: Party, b: Party) -> bool:
    """Two different sides: not the same actor, nor one country and its own unnamed part."""
    x, y = a.actor, b.actor
    if x.id == y.id or x.code == y.code:
        return False
    if x.country and x.country == y.country:
        if x.sector and y.sector:
            return x.sector != y.sector
        # a country and a group of its people ("Turkey will allow Kurdish refugees"), but
        # not a country and its own state ("Russia ... Russian troops")
        other = x.sector or y.sector
        return bool(other) and other not in STATE_SECTORS
    return True


def _unique(*tokens: Token) -> list[Token]:
    seen, out = set(), []
    for token in tokens:
        if token.i not in seen:
            seen.add(token.i)
            out.append(token)
    return out


_entity_span = entity_span


def _entity_text(token: Token) -> str:
    ent = _entity_span(token)
    return ent.text if ent is not None else token.text
