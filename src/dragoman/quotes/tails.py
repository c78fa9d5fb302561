"""What the writer adds after a reported clause, which is no part of what was said: a clause
after a semicolon, a concession, a relative clause, a gloss or a comparison running to the end;
and where a charge ('accused Y of ...') ends."""
from __future__ import annotations

from typing import Callable, Mapping

from spacy.tokens import Token

from ..vocab import word_lists

TAIL_CONJUNCTIONS = word_lists("quote_words.yaml")["tail_conjunctions"]
COMPARISON_AUXILIARIES = word_lists("quote_words.yaml")["comparison_auxiliaries"]



def without_commentary_tail(tokens: list[Token], inside_quote: Callable[[int], bool],
                            vocab: Mapping[str, frozenset[str]]) -> list[Token]:
    """What the writer adds after the reported clause is no part of it: a clause after a
    semicolon, and, set off by a comma and running to the end, a relative clause ('...,
    which forced her to leave') or a concession
    ('..., although it may take days') or the writer's gloss ('..., tacitly admitting defeat')."""
    last = tokens[-1].i if tokens else 0
    for k, t in enumerate(tokens[:-1]):
        if k < 3 or inside_quote(t.idx):
            continue
        if t.text == ";":
            return tokens[:k]
        nxt = tokens[k + 1]
        if t.text != "," or nxt.i != t.i + 1 or inside_quote(nxt.idx):
            continue
        if nxt.lower_ in TAIL_CONJUNCTIONS:
            return tokens[:k]
        if nxt.lower_ in ("which", "who") and any(a.dep_ == "relcl" and a.right_edge.i >= last
                                                  for a in [nxt, *nxt.ancestors]):
            return tokens[:k]
        if _adjunct_tail(nxt, last, vocab) or _closing_apposition(nxt, last):
            return tokens[:k]
    for k, t in enumerate(tokens[:-2]):  # '... a "personal failure," implicitly tying ...'
        if k >= 3 and t.text == "," and t.is_punct and tokens[k + 1].text in ('"', "”") \
                and tokens[k + 2].i == t.i + 2 and _gloss_tail(tokens[k + 2], last, vocab):
            return tokens[:k + 2]
    return tokens

def _gloss_tail(first: Token, last: int, vocab: Mapping[str, frozenset[str]]) -> bool:
    """'implicitly conceding the point' running to the end: the writer's gloss on the report."""
    after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    return after is not None and first.lower_ in vocab["gloss_adverbs"] and after.tag_ == "VBG" \
        and after.right_edge.i >= last

def _adjunct_tail(first: Token, last: int, vocab: Mapping[str, frozenset[str]]) -> bool:
    """After a comma and running to the end: a participle of saying, the speaker's own act
    ('..., citing the cost'; a participle of doing may be what was reported: 'tried to sway
    him, offering advice'), an adverb and participle glossing it ('..., tacitly admitting
    defeat'), or the writer's comparison ('..., as was the case in 2012')."""
    if first.tag_ == "VBG" and first.dep_ == "advcl" and first.right_edge.i >= last and \
            first.lemma_.lower() in vocab["say"] | vocab["adjacent"] | vocab["framing"]:
        return True
    if _gloss_tail(first, last, vocab):
        return True
    after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    return first.lower_ == "as" and after is not None and after.lower_ in COMPARISON_AUXILIARIES


def _closing_apposition(first: Token, last: int) -> bool:
    """'... in partnership with NATO, the alliance that includes most of Europe': the writer's
    gloss on a name, set off by a comma and running to the end of the reported clause."""
    appos = next((t for t in first.doc[first.i: last + 1] if t.dep_ == "appos" and t.left_edge.i == first.i), None)
    if appos is None or any(c.dep_ in ("appos", "conj") and c.pos_ == "PROPN" for c in appos.children):
        return False  # 'the musician A, the player B and the justice C': a list of names
    if appos.right_edge.i < last or appos.head.i >= first.i or appos.pos_ != "NOUN":
        return False
    # '... should be local officers, a force the city has struggled to recruit': an indefinite gloss
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in appos.children)
    return appos.head.pos_ == "PROPN" or appos.head.pos_ == "NOUN" and indefinite


def accusation_end(verb: Token, last: Token) -> Token:
    """'accused Y of bombing the capital, and a market in the east': the parse often hangs
    what follows the charge higher up; it runs on to the end of the sentence, short of a
    new clause (a subject of its own, a conjunction, a participle or relative clause set
    off by a comma, a quote mark)."""
    doc = verb.doc
    end = last
    for t in doc[last.i + 1: verb.sent.end]:
        if t.text in (";", ":", ".", "!", "?", "(", ")") or t.lower_ in ('"', "“", "”", "«", "»"):
            break
        if t.dep_ in ("nsubj", "nsubjpass", "mark", "expl") and t.head.i != last.i or t.pos_ == "SCONJ":
            if t.left_edge.i > last.i:  # the new clause starts at its subject's first word ('..., the agency said')
                kept = [x for x in doc[last.i + 1: t.left_edge.i] if not x.is_punct and not x.is_space]
                return kept[-1] if kept else last
            break
        if t.text == "," and t.i + 1 < len(doc) and (
                doc[t.i + 1].tag_ in ("VBG", "VBN", "WDT", "WP") or doc[t.i + 1].lower_ in ("as", "while", "but")):
            break
        if t.pos_ in ("VERB", "AUX") and not any(a.i == last.i for a in t.ancestors) and t.tag_ != "VBG":
            break
        if not t.is_punct and not t.is_space:
            end = t
    return end
