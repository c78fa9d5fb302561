"""Whether the act happened: questions, conditionals, possibility, obligation, wishes,
negation (a denial code when the pattern has one), and future acts as intentions."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .syntax import enclosing_clause, governor_chain, in_conditional, negated, opened_by
from .vocabulary import NO_DENIAL

if TYPE_CHECKING:
    from .vocabulary import Match

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
    NOT_FUTURE = "only a threat when still to come"


@dataclass(slots=True)
class Reading:
    """What the clause says about whether the act happened."""

    code: str | None
    negated: bool = False
    reason: DropReason | None = None
    future: bool = False


class ModalityMixin:
    """Modality reading for `EventCoder`."""

    def read_modality(self, match: Match) -> Reading:
        lex, pattern = self.lexicon, match.pattern
        code = pattern.cameo
        if self._is_question(match.token):
            return Reading(None, reason=DropReason.QUESTION)
        if in_conditional(match.token, self.words) or self._in_pending_condition(match.token):
            return Reading(None, reason=DropReason.CONDITIONAL)
        if pattern.pos == "noun" and any(c.lemma_.lower() in lex.unreal for c in match.token.children if c.dep_ == "amod"):
            return Reading(None, reason=DropReason.UNREAL)
        chain = governor_chain(match.verb or match.token)
        lemmas = [n.lemma_.lower() for n in chain[1:]]
        auxes = auxiliaries(chain)
        is_negated = negated(match, chain, self.words) or any(w in lex.fail for w in lemmas)
        if auxes & lex.possible and not (is_negated and auxes & lex.ability):
            # "may attack" is no attack; "cannot accept" refuses; "may halt its mediation if
            # ..." is a threat: a hostile act held out on a condition
            threat = self._conditional_threat(match, code)
            if threat and not is_negated:
                return Reading(threat, future=True)
            return Reading(None, reason=DropReason.POSSIBLE)
        if auxes & lex.obligation:
            return Reading(None, reason=DropReason.OBLIGATION)
        if any(w in lex.wish for w in lemmas):
            return Reading(None, reason=DropReason.WISH)
        if is_negated:
            denial = pattern.negated or lex.negated_codes.get(lex.codes[code].type)
            if not denial or denial == NO_DENIAL:
                return Reading(None, reason=DropReason.NEGATED)
            return Reading(denial, negated=True)
        prepared = lex.preparation_codes.get(lex.codes[code].type)
        if prepared and any(w in lex.preparation for w in lemmas):
            return Reading(prepared, future=True)  # "the army prepared to resume shelling"
        future = bool(auxes & lex.future) or any(w in lex.intent for w in lemmas)
        if future and not any(w in lex.aspect for w in lemmas):
            code = self._intent_code(code)
        elif pattern.future:
            return Reading(None, reason=DropReason.NOT_FUTURE)
        return Reading(code, future=future)

    def _in_pending_condition(self, token: Token) -> bool:
        """"will not lift the embargo until Marovia frees the prisoners": the release is a
        condition still to be met, not a fact (unlike "fought until the rebels withdrew")."""
        clause = enclosing_clause(token, self.words.condition_marks)
        return clause is not None and any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in self.lexicon.future)
                                          for c in clause.head.children)

    def _conditional_threat(self, match: Match, code: str) -> str | None:
        """The threat code of a hostile material act whose clause sets a condition."""
        kind = self.lexicon.codes[code]
        if "material conflict" not in kind.quad_class:
            return None
        verb = match.verb or match.token
        if not any(opened_by(c, self.words.conditional_marks) for c in verb.children):
            return None
        return self.lexicon.intent_codes.get(kind.type)

    def _intent_code(self, code: str) -> str:
        kind = self.lexicon.codes[code].type
        if kind in self.words.verbal_types:
            return code
        return self.lexicon.intent_codes.get(kind) or code

    def _is_question(self, token: Token) -> bool:
        sent = self.sentence(token)
        return self._text[sent.start_char:sent.end_char].rstrip(" \"'\u201d\u2019)").endswith("?")


def auxiliaries(chain: list[Token]) -> set[str]:
    """The forms of the auxiliaries along the chain, and the lemmas of the active ones."""
    auxes = set()
    for node in chain:
        for child in node.children:
            dep = child.dep_
            if dep == "aux":
                auxes.add(child.lower_)
                auxes.add(child.lemma_.lower())
            elif dep == "auxpass":
                auxes.add(child.lower_)
    return auxes
