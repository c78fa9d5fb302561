"""What a speaker says that is itself the act: "X must/should ..." is a request."""
from __future__ import annotations

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
            sources = self._statement_source(token)
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if not sources or not subjects or first_person(subjects[0], self.words):
                continue
            targets = self.parties(subjects[0])
            code = lex.codes["100" if modal.lower_ == "must" else "020"]
            evidence = self.evidence(modal)
            when = event_date(token, self.article.date)
            for s, t in ((s, t) for s in sources for t in targets if distinct(s, t, self.words)):
                events.append(Event(type=code.type, mode=code.mode, cameo=code.code, quad_class=code.quad_class,
                                    intensity=code.goldstein, source=s, target=t, mutual=False, date=when,
                                    location=None, negated=False, hypothetical=False, evidence=[evidence]))
        return events

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
