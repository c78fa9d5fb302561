"""Where an attribution sits in its sentence: set off by commas, after a clause it does not
report, before a clause the parse hangs on it ('If she wins, Vell said, she would ...')."""
from __future__ import annotations

from spacy.tokens import Token

QUOTE_MARK_TOKENS = {'"', "“", "”", "''", "``", "«", "»", "‘", "’", "'"}


def topic_qualifier(clause: Token) -> bool:
    """'..., when it comes to Y' / 'as far as Y goes': what the reported clause is about, which the
    parse hangs on the verb of saying."""
    words = [t.lower_ for t in clause.subtree][:4]
    return clause.dep_ == "advcl" and (words[:3] == ["when", "it", "comes"] or words[:2] == ["as", "far"])


def _is_participle(clause: Token) -> bool:
    """'Speaking in Ames', 'Asked about the vote': no subject, mark or 'to' of its own."""
    return clause.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("mark", "aux", "nsubj") for c in clause.children)


def said_before_subject(verb: Token, subject: Token) -> bool:
    """'If she wins, Vell said, ...': what the parse hangs on the verb before its subject is the
    start of the statement, unless it is what the speaker did ('Speaking in Ames, Dorr said') or
    holds quoted words (their marks tell the statement's bounds better than the parse)."""
    first, last = verb.left_edge.i, subject.left_edge.i - 1
    if not first < last or verb.doc[last].text != ",":
        return False
    if any(t.text in QUOTE_MARK_TOKENS for t in verb.doc[first:last]):
        return False
    return not any(c.dep_ == "advcl" and c.i < last and _is_participle(c) for c in verb.lefts)


def set_off(verb: Token) -> bool:
    """'X happened, she said' / '"X," she said': the attribution stands apart from the clause it
    reports ('she believes we must continue' is one clause)."""
    first = attribution_first(verb).i
    return first > 0 and (verb.doc[first - 1].is_punct or verb.doc[first - 1].is_space)


def attribution_first(verb: Token) -> Token:
    """The first word of an attribution: its subject's, else the verb itself."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), verb)
    return min(verb, subject.left_edge, key=lambda t: t.i)


def between_commas(verb: Token) -> bool:
    """'Such a move, Lavrov said, would ...' and 'If it passes, Vell said, it would ...' (the
    clause before the subject, which the parse may hang on the verb of saying, is not the attribution's)."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    first = subject.left_edge.i if subject is not None and said_before_subject(verb, subject) else verb.left_edge.i
    last = verb.right_edge.i
    left = first if doc[first].text == "," else first - 1
    right = last if doc[last].text == "," else last + 1
    return 0 <= left < right < len(doc) and doc[left].text == "," and doc[right].text == ","


def left_open(verb: Token, clause) -> bool:
    """'would not say whether ...', 'did not explain why ...': a question the speaker left open
    is nothing said ('did not deny that ...' still says something)."""
    if isinstance(clause, list) or not any(c.dep_ == "neg" for c in verb.children):
        return False
    first = clause.left_edge
    return first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WP$", "WRB")


def fronted_clause(clause, verb: Token, subject: Token) -> list[Token]:
    """'To see the real mill, Ortiz said, one should walk the river' / 'If it passes, Vell
    said, ...': what comes before an attribution set off by commas, which the parse may hang
    on the verb of saying, is the start of the statement."""
    if isinstance(clause, list) or clause.i < verb.i or subject.i > verb.i:
        return []
    doc = verb.doc
    if not said_before_subject(verb, subject) or [t.text for t in doc[verb.i + 1: clause.left_edge.i]] != [","]:
        return []
    return [t for t in doc[verb.left_edge.i: subject.left_edge.i - 1] if not t.is_space]


def name_taken_by_a_phrase(verb: Token) -> Token | None:
    """'During a stop in Ames, Iowa, Rubio told reporters ...' parsed with the name inside the
    phrase before it: a name right before a finite verb of saying with no subject is its subject."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ") or verb.i < 2:
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG") or name.head.i >= name.i:
        return None
    first = name.i
    while first > 0 and verb.doc[first].ent_iob_ == "I":
        first -= 1
    return name if first > 0 and verb.doc[first - 1].text == "," else None
