"""What a speaker says that is itself the act: "X must/should ..." is a request; a hostile
act the speaker asserts another side did is also the speaker's accusation; calling a claim
false is a rejection (patterns with ``speaker_source``)."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from ..records import Event, Party
from .dates import event_date
from .syntax import distinct, first_person, in_conditional


class StatementMixin:
    """Statements as acts for `EventCoder`."""

    def statement_requests(self) -> list[Event]:
        """A speaker's "Moscow should ask the UN", "China must drop barriers": a request."""
        lex = self.lexicon
        events = []
        for modal in self._modals:
            token = modal.head
            if self._is_question(token):
                continue
            sources = self._statement_source(token) or self.clause_speaker(token)
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if not subjects and token.dep_ == "conj":  # "X keeps breaking the terms and must withdraw"
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            if not sources or not subjects or first_person(subjects[0], self.words):
                continue
            targets = self.parties(subjects[0])
            code = lex.codes["100" if modal.lower_ in self.words.demand_modals else "020"]
            evidence = self.evidence(modal)
            when = event_date(token, self.article.date, self.words)
            for s, t in ((s, t) for s in sources for t in targets if distinct(s, t, self.words)):
                events.append(Event(type=code.type, mode=code.mode, cameo=code.code, quad_class=code.quad_class,
                                    intensity=code.goldstein, source=s, target=t, mutual=False, date=when,
                                    location=None, negated=False, hypothetical=False, evidence=[evidence]))
        return events

    def asserted_accusations(self, match, doers: list[Party], victims: list[Party], evidence,
                             when: str | None) -> list[Event]:
        """"The spokesman said Marovian troops shelled the village": the shelling, and the
        speaker's accusation of whoever did it, with the same evidence."""
        words = self.words
        code = self.lexicon.codes[match.pattern.cameo]
        if code.type not in words.asserted_types and code.code not in words.asserted_codes:
            return []
        # a side speaking of what was done to it, or of a breach with no victim named; not a
        # third party relaying the news ("the attack killed 20, relief officials said")
        victim_homes = {v.actor.country for v in victims}
        speakers = [s for s in self.clause_speaker(match.verb or match.token)
                    if self.is_state(s) and (s.actor.country in victim_homes if victims else code.code in words.asserted_codes)]
        accusation = self.lexicon.codes[words.assertion_code]
        found = []
        # an act of a listed type only reported ("Hamas fired rockets at X, the military said") is
        # no accusation unless its doer denies it (without_denied_acts keeps it then)
        only_if_denied = code.code not in words.asserted_codes
        for doer in doers:
            for speaker in speakers:
                if not distinct(speaker, doer, words) or \
                        (speaker.actor.country and speaker.actor.country == doer.actor.country):
                    continue
                found.append(Event(type=accusation.type, mode=accusation.mode, cameo=accusation.code,
                                   quad_class=accusation.quad_class, intensity=accusation.goldstein,
                                   source=speaker, target=doer, mutual=False, date=when,
                                   location=None, negated=False, hypothetical=False, evidence=[evidence]))
                if only_if_denied:
                    self._if_denied.add(id(found[-1]))
        return found

    def without_denied_acts(self, events: list[Event]) -> list[Event]:
        """An attack one side asserts and the other denies is an accusation and a
        rejection, not an attack: drop the asserted act when its doer's country rejects
        the accuser's country in the same article. Undenied, the act stands and a report
        of it is no accusation."""
        words = self.words
        rejections = {(e.source.actor.country, e.target.actor.country) for e in events if e.type == "REJECT"}
        denied_accusations = [e for e in events if e.cameo == words.assertion_code and e.evidence
                              and (e.target.actor.country, e.source.actor.country) in rejections]
        denied = {(e.evidence[0].trigger_start, e.target.actor.country) for e in denied_accusations}
        kept = {id(e) for e in denied_accusations}
        return [e for e in events if not (e.type in words.asserted_types and e.evidence and
                                          (e.evidence[0].trigger_start, e.source.actor.country) in denied)
                and (id(e) not in self._if_denied or id(e) in kept)]

    def clause_speaker(self, verb: Token) -> list[Party]:
        """Who says the clause of ``verb``: the subject of the speech verb it is reported
        under ("X said that ..."), or the speaker of the quote it stands in."""
        node = verb
        for _ in range(8):
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in self.lexicon.statement_verbs:
                if in_conditional(node.head, self.words):
                    return []
                found = self._clause_subject(node.head)
                if found:
                    return found
                break  # "the service said": the quote's speaker, as the quote stage resolved it
            if node.head.i == node.i:
                break
            node = node.head
        speaker = self._speaker_at(verb)
        if speaker is not None:
            return [Party(actor=speaker, mention=self._quote_of(verb)[1].speaker.mention)]
        return []

    def other_side(self, token: Token, sources: list[Party]) -> list[Party]:
        """The side a speaker answers: the actor of another country named last before the
        statement ("the accusations are false" answers whoever made them)."""
        homes = {s.actor.country for s in sources}
        mentions = getattr(self.cast, "mentions", None) or []
        if self._mention_starts is None or len(self._mention_starts) != len(mentions):
            self._mention_starts = [m.start for m in mentions]
        before = bisect_left(self._mention_starts, token.idx)
        here = self._sent_of_token[token.i]
        for mention in reversed(mentions[max(0, before - self.words.other_side_window):before]):
            named_at = self._token_at.get(mention.start)
            if named_at is not None and here - self._sent_of_token[named_at.i] > self.words.other_side_sentences:
                break
            actor = mention.actor
            if actor is not None and actor.country and actor.country not in homes and actor.kind != "place":
                if any(a.country in homes for a in self._fellow_objects(mention)):
                    continue  # "sanctions on Russia and Belarus": Belarus is Russia's fellow target
                return [Party(actor=actor, mention=mention.text, start=mention.start, end=mention.end)]
        return []

    def _statement_source(self, verb: Token) -> list[Party]:
        head = verb.head
        if verb.dep_ == "ccomp" and head.lemma_.lower() in self.lexicon.statement_verbs:
            if in_conditional(head, self.words):
                return []
            return self._clause_subject(head)
        if verb.dep_ == "ROOT":
            speaker = self._speaker_at(verb)
            if speaker is not None:
                return [Party(actor=speaker, mention=self._quote_of(verb)[1].speaker.mention)]
        return []
