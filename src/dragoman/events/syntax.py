"""Small questions about the dependency parse shared by the coder's modules."""
from __future__ import annotations

from spacy.tokens import Token

from typing import TYPE_CHECKING

from ..records import Actor, Party
from .dates import entity_span

if TYPE_CHECKING:
    from .vocabulary import Match, Words

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
# Climbing from a clause to the clause that lends it a subject.
SUBJECT_CLIMB_DEPS = {"xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "ccomp", "oprd"}
# A trigger below another trigger through these links is part of that act.
ABSORB_DEPS = {"dobj", "pobj", "prep", "xcomp", "ccomp", "pcomp", "acl", "attr", "oprd",
               "dative", "compound", "amod", "appos", "agent", "nsubjpass", "poss"}
OUT_OF_SCOPE_DEPS = {"nsubj", "nsubjpass", "csubj", "expl", "advcl", "conj", "relcl", "cc", "punct", "mark",
                     "parataxis", "aux", "auxpass", "neg", "poss", "npadvmod", "advmod"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
QUOTE_KINDS_WITH_VOICE = {"direct", "mixed"}


def first_person(token: Token, words: Words) -> bool:
    """"we", "our", "I" — but not "US" the country."""
    return token.lower_ in words.first_person and (token.text == "I" or not token.text.isupper())


def lower(token: Token) -> str:
    return token.lower_


def object_of(token: Token) -> Token | None:
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


def object_words(obj: Token) -> set[str]:
    words = {obj.lemma_.lower(), obj.lower_}
    for child in obj.children:
        if child.dep_ == "conj":  # "photographs and other military intelligence"
            words.add(child.lemma_.lower())
        if child.dep_ in ("compound", "amod") or child.tag_ == "$":  # "€3.5 million": money
            words.add(child.lemma_.lower())
        if child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ == "in" and is_amount(obj)):
            # "a shipment of arms", "$2 million in aid": what the amount is of
            words.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    return words


def is_amount(token: Token) -> bool:
    """"$2 million", "60 million euros", "a billion": a sum of money or a count."""
    return token.tag_ == "$" or token.like_num or any(c.dep_ == "nummod" for c in token.children)


def derived_actor(country: str | None, sector: str | None, words: Words, kind: str = "country",
                  base: str | None = None) -> Actor:
    """The one place the coder builds an actor the text implies but does not name: a
    country's civilians, its government, an unidentified armed group, the country itself, a
    non-governmental group of no named country ("a rights group": NGO)."""
    if country is None and sector:
        return Actor(id=sector, name=words.derived_names.get(sector, sector), code=sector, sector=sector, kind="group")
    if sector is None:
        return Actor(id=country, name=country, code=country, country=country, sector=None, kind=kind)
    code = f"{country} {sector}"
    name = f"{base or country} {words.derived_names.get(sector, sector)}"
    return Actor(id=code, name=name, code=code, country=country, sector=sector,
                 kind="body" if sector == "GOV" else "group")


def derived_party(country: str | None, sector: str | None, words: Words, mention: str = "",
                  start: int | None = None, end: int | None = None, base: str | None = None) -> Party:
    return Party(actor=derived_actor(country, sector, words, base=base), mention=mention, start=start, end=end)


def population(party: Party, words: Words) -> Party:
    """People of a place ("students throughout Indonesia"): its country's civilians."""
    actor = party.actor
    if actor.sector or not actor.country or actor.kind not in ("country", "place"):
        return party
    return derived_party(actor.country, "CVL", words, party.mention, party.start, party.end)


def named_place(noun: Token, words: Words) -> Token | None:
    """The name in "the capital Kabul", "the town of Samarra", "the West Bank city of Hebron"."""
    if noun.ent_type_ or noun.lemma_.lower() not in words.place_nouns:
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


def country_of(party: Party, words: Words) -> Party:
    """The country a state body belongs to, as a party at the same mention."""
    return derived_party(party.actor.country, None, words, party.mention, party.start, party.end)


def purpose(node: Token) -> bool:
    """An infinitive of purpose: "staged a strike to demand ...", "opened fire to disperse"."""
    return node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def subject_words(verb: Token) -> set[str]:
    """Lemmas of the clause subject and its modifiers ("NATO peacekeeping troops",
    "the first contingent of peacekeepers")."""
    words: set[str] = set()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            words |= object_words(child)
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    words |= object_words(pobj)
    return words


def has_partner(match: Match, words: Words) -> bool:
    """A joint act: "joint exercises", "drills with X", "French and Egyptian ships held drills"."""
    noun, verb = match.token, match.verb or match.token
    if any(c.lemma_.lower() in words.joint_modifiers
           for c in noun.children if c.dep_ in ("amod", "compound")):
        return True
    for head in unique(noun, verb):
        if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in head.children):
            return True
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(t.dep_ == "cc" for t in child.subtree):
            return True
    return False


def copula_head(adjective: Token) -> Token:
    return adjective.head if adjective.dep_ in ("acomp", "amod") else adjective


def is_light_of(parent: Token, match: Match) -> bool:
    return match.verb is not None and parent.i == match.verb.i


def governor_chain(verb: Token) -> list[Token]:
    """The verb and the words that govern it as a complement, a purpose or a conjunct:
    "ready to continue assisting" -> [assisting, continue, ready, is]."""
    chain, node = [verb], verb
    while (node.dep_ in ("xcomp", "acomp", "pcomp", "prep", "conj") or purpose(node)) and node.head.i != node.i:
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break  # "X must stop, or China will act": a clause of its own
        node = node.head
        chain.append(node)
    return chain


def negated(match: Match, chain: list[Token], words: Words) -> bool:
    for node in chain:
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in words.negators:
                return True
    if match.pattern.pos == "noun":
        return any(c.lower_ == "no" for c in match.token.children if c.dep_ == "det")
    return False


def opened_by(clause: Token, marks) -> bool:
    """Whether ``clause`` is an adverbial clause opened by one of ``marks`` ("if", "until")."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def enclosing_clause(token: Token, marks) -> Token | None:
    """The nearest adverbial clause opened by one of ``marks`` that ``token`` stands in."""
    node = token
    while node.head.i != node.i:
        if opened_by(node, marks):
            return node
        node = node.head
    return None


def in_conditional(token: Token, words: Words) -> bool:
    return enclosing_clause(token, words.conditional_marks) is not None


def distinct(a: Party, b: Party, words: Words) -> bool:
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
        return bool(other) and other not in words.state_sectors
    return True


def unique(*tokens: Token) -> list[Token]:
    seen, out = set(), []
    for token in tokens:
        if token.i not in seen:
            seen.add(token.i)
            out.append(token)
    return out


def entity_text(token: Token) -> str:
    ent = entity_span(token)
    return ent.text if ent is not None else token.text


FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def stranded_subject(verb: Token) -> Token | None:
    """The subject the parser hung on a fronted phrase: in "After talks in Jeddah, Sudan's army
    and the RSF signed a deal" it reads "army" as a member of "Jeddah"'s coordination and leaves
    "signed" without a subject. The noun phrase between the last comma and a finite verb that has
    none is its subject."""
    if verb.tag_ not in FINITE_TAGS:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
    opener = [c for c in verb.children if c.dep_ == "mark" and c.i == verb.sent.start]
    # "After talks in Geneva, Russia and Ukraine signed": "After" read as opening a clause
    # whose subject is "talks"
    if subjects and not (opener and all(s.i > opener[0].i for s in subjects)):
        return None
    if verb.dep_ not in ("ROOT", "ccomp", "conj") or verb.i == verb.sent.start:
        return None
    for token in reversed(verb.doc[verb.sent.start:verb.i]):
        if token.pos_ in ("VERB", "AUX") or token.lower_ in (";", ":"):
            return None
        if token.dep_ in ("conj", "appos") and token.pos_ in ("NOUN", "PROPN") and token.head.i < token.i \
                and token.right_edge.i >= verb.i - 1 and token.left_edge.i > verb.sent.start \
                and verb.doc[token.left_edge.i - 1].text == ",":
            return token
    return None


def of_objects(noun: Token) -> list[Token]:
    """The objects of the "of" phrases on ``noun`` ("the visit of the minister": minister)."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def agent_phrases(noun: Token, targets: tuple[str, ...]) -> tuple[list[Token], list[Token]]:
    """Where an act written as a noun names who does it, in a phrase of its own: the "by"
    phrases ("the blockade of Qatar by X", also when the parse hangs "by X" on Qatar), else,
    for an act whose target a preposition other than "of" marks and is there, the objects of
    its "of" ("the visit of X to Y"; never "the killing of X")."""
    holders = [noun, *of_objects(noun)]
    by = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "by"]
    if by:
        return by, []
    target_preps = {t.split(":", 1)[1] for t in targets if t.startswith("prep:")}
    if "of" in target_preps or not target_preps:
        return [], []
    if any(c.dep_ == "prep" and c.lower_ in target_preps for h in holders for c in h.children):
        return [], holders[1:]
    return [], []
