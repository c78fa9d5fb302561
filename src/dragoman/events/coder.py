"""The event coder: runs trigger finding, modality, roles and merging over one article."""
from __future__ import annotations

import itertools
from bisect import bisect_left
import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..records import Article, Event, Evidence, Party, Quote
from .dates import event_date
from .merge import merge_events
from .joint import JointGroupMixin
from .modality import DropReason, ModalityMixin
from .parties import PartiesMixin
from .roles import RolesMixin
from .sectors import with_acting_sectors
from .statements import StatementMixin
from .syntax import country_of, distinct, population, purpose
from .triggers import Match, TriggerMixin, done_by
from .vocabulary import Lexicon, load_lexicon

if TYPE_CHECKING:  # the actor layer is a later stage's sibling; only its interface is used
    from ..actors import Cast

LOGGER = logging.getLogger(__name__)


def code_events(doc: Doc, article: Article, cast: "Cast", quotes: list[Quote]) -> list[Event]:
    """PLOVER events of one parsed article, one per (type, source, target), non-hypothetical."""
    return EventCoder(doc, article, cast, quotes).run()


def _text_position(event: Event) -> int:
    """Where the article first reports the event (its earliest trigger)."""
    return min((e.trigger_start for e in event.evidence), default=0)


@dataclass
class EventCoder(TriggerMixin, ModalityMixin, RolesMixin, PartiesMixin, StatementMixin, JointGroupMixin):
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
        # Iterating a Doc builds a Token object per position: build them once per article.
        self._tokens = list(self.doc)
        token_starts = [t.idx for t in self._tokens]
        self._token_at = dict(zip(token_starts, self._tokens))
        # Indexes that keep role finding linear in the article's length.
        self._ent_starts = [ent.start for ent in self._ents]
        self._quote_at_token: dict[int, int] = {}  # token index -> the first quote covering it
        for index, quote in enumerate(self.quotes):
            first = bisect_left(token_starts, quote.start)
            last = bisect_left(token_starts, quote.end)
            for i in range(first, last):
                self._quote_at_token.setdefault(i, index)
        self.words = self.lexicon.words
        self._mention_starts: list[int] | None = None  # the actor layer's mentions, for "the other side"
        self._if_denied: set[int] = set()  # ids of reported acts' accusations that stand only if denied
        self._countries_named: set[str] | None = None  # countries the actor layer found, for city names

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
        failed: dict[int, Match] = {}  # material acts tried that gave no event ("sent troops to help X")
        for match in active:
            if self._absorbed(match, trigger_ids, failed):
                self._drop(match.token, DropReason.ABSORBED)
                continue
            if self._result_of_coded(match, coded):
                self._drop(match.token, DropReason.ABSORBED)
                continue
            found = self.code_match(self._as_purpose_of(match, failed))
            if not found and "material" in self.lexicon.codes[match.pattern.cameo].quad_class:
                failed[match.token.i] = match
            if found:
                coded.add(match.token.i)
                if match.verb is not None and self.lexicon.codes[match.pattern.cameo].type == "ASSAULT":
                    coded.add(match.verb.i)  # "opened fire ..., killing": the light verb carries it
            events.extend(found)
        # a hostile act governed ("swore to fight") makes a cooperative governor no agreement;
        # a threat stands unless the act threatened was coded as the threat itself
        hostile = coded | {m.token.i for m in active if "conflict" in self.lexicon.codes[m.pattern.cameo].quad_class}
        for match in deferred:
            governed = coded if "conflict" in self.lexicon.codes[match.pattern.cameo].quad_class else hostile
            if self._absorbed(match, trigger_ids) or self._governs_coded(match, governed):
                self._drop(match.token, DropReason.ABSORBED)
                continue
            events.extend(self.code_match(match))
        events.extend(self.statement_requests())
        events = self.without_denied_acts(events)
        merged = [with_acting_sectors(e, self.words, self._is_place) for e in merge_events(events)]
        merged.sort(key=_text_position)  # in the order the article tells them
        if self.dropped:
            LOGGER.debug("dropped triggers: %s", Counter(r.name for _, r in self.dropped))
        return merged

    def _is_place(self, party: Party) -> bool:
        """Whether the words naming a party are a place name ("the attack on Kyiv")."""
        token = self._token_at.get(party.start) if party.start is not None else None
        return token is not None and token.ent_type_ in ("GPE", "LOC", "FAC")

    def sentence(self, token: Token):
        return self._sents[self._sent_of_token[token.i]]

    def _drop(self, token: Token, reason: DropReason) -> None:
        self.dropped.append((token.text, reason))

    def code_match(self, match: Match) -> list[Event]:
        reading = self.read_modality(match)
        if reading.reason is not None:
            self._drop(match.token, reading.reason)
            return []
        # what the speaker says is the act: the speaker acts, not the clause's subject (the claim)
        sources = self.clause_speaker(match.verb or match.token) if match.pattern.speaker_source else self.sources(match)
        if not sources and match.pattern.pos == "noun" and done_by(match.token) is not None:
            # "adopted the resolution tabled by X" with an unnamed adopter: X's act
            sources = [p for c in done_by(match.token).children if c.dep_ == "pobj" for p in self.subject_parties(c)]
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
        # "Hungarian and Romanian officials agreed that their countries should cooperate to
        # help refugees": sides that agree together agree with each other, not with the clause
        joint = match.pattern.defer and self._can_be_mutual(match) and \
            len({s.actor.country or s.actor.id for s in sources}) > 1
        targets = [] if joint else self.targets(match, sources)
        if not targets and (reading.negated or self.lexicon.codes[reading.code].type == "THREATEN"):
            targets = self._condition_parties(match)
        if not targets and self.lexicon.codes[match.pattern.cameo].type in self.words.people_types:
            targets = self._unnamed_people(match, sources)
        if not targets and (match.pattern.speaker_source or self._answers_another(match)):
            targets = self.other_side(match.token, sources)
        if not targets and match.pattern.cameo in self.words.home_population_codes:
            # "the government lifted the state of emergency": on its own people
            targets = [population(country_of(s, self.words), self.words) for s in sources
                       if s.actor.country and (s.actor.sector in self.words.state_sectors or s.actor.kind == "country")]
        if not targets and len(sources) == 1:
            targets = self._implicit_target(match, sources)
        pairs = [(s, t) for s, t in self._pairs(match, sources, targets) if not self._one_state(match, s, t)]
        evidence = self.evidence(match.token)
        when = event_date(match.verb or match.token, self.article.date, self.words)
        # "the spokesman said Marovian troops shelled the village": also an accusation
        accusations = [] if reading.negated else self.asserted_accusations(match, sources, targets, evidence, when)
        if not pairs:
            self._drop(match.token, DropReason.NO_TARGET)
            return accusations
        if accusations and reading.code in self.words.accused_only_codes:
            self._drop(match.token, DropReason.ABSORBED)
            return accusations
        code = self.lexicon.codes[reading.code]
        mutual = match.pattern.mutual or (not targets and len(sources) > 1 and self._can_be_mutual(match))
        if mutual and not targets and len(sources) > 1 and self._both_ways(match):
            mutual = False  # one directed event each way
        where = self.location(match)
        events = [
            Event(type=code.type, mode=code.mode, cameo=code.code, quad_class=code.quad_class,
                  intensity=code.goldstein, source=s, target=t, mutual=mutual, date=when,
                  location=where, negated=reading.negated, hypothetical=False, evidence=[evidence])
            for s, t in pairs
        ]
        return events + accusations

    def _pairs(self, match: Match, sources: list[Party], targets: list[Party]) -> list[tuple[Party, Party]]:
        if not targets and len(sources) > 1 and self._reciprocal(match):
            # "the two countries accused each other": each side of the other
            return [(a, b) for a, b in itertools.permutations(sources, 2) if distinct(a, b, self.words)]
        if not targets and len(sources) > 1 and self._can_be_mutual(match):
            # "X and Y exchanged fire": a hostile act done to each other goes both ways
            pairs = itertools.permutations(sources, 2) if self._both_ways(match) else itertools.combinations(sources, 2)
            return [(a, b) for a, b in pairs if distinct(a, b, self.words)]
        if not targets and match.pattern.domestic:
            targets = self._protested(match) or self._home_governments(match, sources)
        if not targets and match.pattern.pos == "verb" and \
                self.lexicon.codes[match.pattern.cameo].type in self.words.home_demand_types:
            # "rebels demanded autonomy": people and groups demand of their own government
            people = [s for s in sources if s.actor.country and not self.is_state(s) and s.actor.kind != "person"]
            if people:
                targets = self._home_governments(match, people)
        return [(s, t) for s in sources for t in targets if distinct(s, t, self.words)]

    def _protested(self, match: Match) -> list[Party]:
        """"marched (a hunger strike) in protest of / against X's decision": whom the
        protest is against, before the protesters' own government."""
        for word in {match.token, match.verb or match.token}:
            for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "in"):
                for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() == "protest"):
                    for against in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in self.words.protest_preps):
                        found = self._pobj_parties(against, deep=True)
                        if found:
                            return found
        return []

    def _as_purpose_of(self, match: Match, failed: dict[int, Match]) -> Match:
        """"Provided two million euros to support Marovian refugees": a material act that
        named no one, done to support someone, is that act toward them."""
        token = match.token
        given = failed.get(token.head.i) if purpose(token) else None
        if given is None or self.lexicon.codes[match.pattern.cameo].type not in self.words.purpose_types:
            return match
        return Match(token, replace(match.pattern, cameo=given.pattern.cameo, negated=None), match.verb)

    def _implicit_target(self, match: Match, sources: list[Party]) -> list[Party]:
        """Whom an act names no one for is done to: yielding, an intent to act ("agreed to
        resign", "is willing to withdraw its troops", "declared a unilateral ceasefire") is
        done toward the place it is done in, else a group's own government, else (for
        concessions and intents only) the state's own people."""
        words, kind = self.words, self.lexicon.codes[match.pattern.cameo].type
        intent = match.pattern.defer and match.token.lemma_.lower() in words.home_intent_governors
        if kind not in words.implicit_target_types and not intent:
            return []
        source = sources[0]
        places = [p for p in self._location_parties(match) if p.actor.country != source.actor.country]
        if intent and not places:  # "agreed to open an office in Kenya": where the act intended is done
            for clause in (c for c in match.token.children if c.dep_ in ("xcomp", "ccomp")):
                places = [p for p in self._location_parties(Match(clause, match.pattern, clause))
                          if p.actor.country != source.actor.country]
                if places:
                    break
        if places:
            return [population(p, words) for p in places]
        if not source.actor.country:
            return []
        if not self.is_state(source):
            # an organised group yields to its government; a population's act is no concession
            return [] if source.actor.sector in words.population_sectors else self._home_governments(match, sources)
        if kind in words.home_yield_types:
            return [population(country_of(source, words), words)]
        return []

    def _condition_parties(self, match: Match) -> list[Party]:
        """Whom a refusal or a threat with no one named is aimed at: the subject of the
        condition it sets ("will not lift the embargo until Marovia frees the prisoners",
        "threatened to shell the bases if the capital did not ...")."""
        verb = match.verb or match.token
        clauses = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        return self._condition_subject(clauses, self.words.condition_marks)

    def _answers_another(self, match: Match) -> bool:
        """A rejection or accusation of something said ("denied the claim"), with no one
        named, answers the other side; declining to do something answers nobody."""
        if match.pattern.pos == "verb" and match.token.dep_ != "relcl" \
                and not any(c.dep_ == "dobj" for c in match.token.children):
            return False  # ("a charge Rwanda denies": the relative clause's object is its head)
        return (self.lexicon.codes[match.pattern.cameo].type in self.words.other_side_types
                and match.pattern.cameo not in self.words.asserted_codes  # a breach: the speaker's accusation
                and not match.pattern.strict and not match.pattern.domestic and not self._reciprocal(match))

    def _one_state(self, match: Match, source: Party, target: Party) -> bool:
        """A state's army accusing its own government is a misread subject, not an event."""
        a, b = source.actor, target.actor
        states = self.words.state_sectors
        return (self.lexicon.codes[match.pattern.cameo].type in self.words.one_state_types and bool(a.country)
                and a.country == b.country and (a.sector in states or a.kind == "country")
                and (b.sector in states or b.kind == "country") and not self._separate_powers(a, b))

    def _separate_powers(self, a, b) -> bool:
        """"Parliament rejected the prime minister's deal", "a judge ordered the ex-president to
        appear": a legislature or court (a body) acting on another power or acted on, or a court or
        judge acting on another power."""
        if a.sector in self.words.checking_sectors and a.sector != b.sector:
            return True
        return any(x.sector in self.words.separate_power_sectors and x.kind != "person" for x in (a, b))

    def _reciprocal(self, match: Match) -> bool:
        verb = match.verb or match.token
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "pobj", "prep")):
            for word in (obj, *obj.children):
                if word.lower_ in self.words.reciprocal_words and any(
                        c.lower_ in self.words.reciprocal_determiners for c in (*word.children, *word.lefts)):
                    return True
        return False

    def _both_ways(self, match: Match) -> bool:
        """A hostile act coordinated subjects do to each other ("X and Y exchanged fire") is
        one act each way; a symmetric one (talks) is one undirected act."""
        return "conflict" in self.lexicon.codes[match.pattern.cameo].quad_class

    def _can_be_mutual(self, match: Match) -> bool:
        """"Armenia and Azerbaijan agreed / met / clashed": each side acts on the other."""
        return match.pattern.mutual or self.lexicon.codes[match.pattern.cameo].type in self.words.mutual_types

    def evidence(self, trigger: Token) -> Evidence:
        sent = self.sentence(trigger)
        quote = self._quote_of(trigger)
        words = [trigger] + [c for c in trigger.children if c.dep_ == "prt"]
        start = min(w.idx for w in words)
        end = max(w.idx + len(w) for w in words)
        return Evidence(sentence=self._sent_of_token[trigger.i], sentence_start=sent.start_char,
                        sentence_end=sent.end_char, text=self._text[sent.start_char:sent.end_char], trigger=self._text[start:end],
                        trigger_start=start, trigger_end=end, quote_index=quote[0] if quote else None)
