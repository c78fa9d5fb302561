"""A stand-in actor layer for the event coder's tests: invented countries and people."""
from __future__ import annotations

from dragoman import events as ev
from dragoman.records import Actor, Article, Mention, Party, Quote, Speaker

KST = Actor("KST", "Kestria", "KST", "KST")
MRV = Actor("MRV", "Marovia", "MRV", "MRV")
LUN = Actor("LUN", "Lundavia", "LUN", "LUN")
NAO = Actor("igo:NAO", "Northern Accord Organisation", "NAO", None, "IGO", "igo")
VARNEK = Actor("Q900000101", "Ilsa Varnek", "KST GOV", "KST", "GOV", "person", gender="f")
KALVAS = Actor("Q900000102", "Dorin Kalvas", "MRV GOV", "MRV", "GOV", "person", gender="m")

NAMES = {"Kestria": KST, "Marovia": MRV, "Lundavia": LUN, "NAO": NAO, "Varnek": VARNEK, "Kalvas": KALVAS}
ADJECTIVES = {"Kestrian": KST, "Marovian": MRV, "Lundavian": LUN}
SECTOR_NOUNS = {"troop": "MIL", "soldier": "MIL", "army": "MIL", "post": "MIL", "government": "GOV",
                "ministry": "GOV", "police": "COP", "protester": "CVL", "student": "CVL", "rebel": "REB",
                "refugee": "CVL", "court": "JUD"}
PAIR_WORDS = {"sides", "parties"}


def sector_actor(country: Actor, sector: str) -> Actor:
    code = f"{country.code} {sector}"
    return Actor(code, f"{country.name} {sector}", code, country.country, sector, "body")


class FakeCast:
    """Names, adjective + sector nouns, he/she, coordinations and "both sides"."""

    def __init__(self, doc):
        self.doc = doc

    def parties_of(self, token):
        if token.lower_ in PAIR_WORDS:
            return [Party(a, token.text, token.idx, token.idx + len(token)) for a in self._last_pair(token)]
        out = []
        for head in [token, *[c for c in token.conjuncts if c.i > token.i]]:
            actor = self._actor(head)
            if actor is not None and all(p.actor.id != actor.id for p in out):
                out.append(Party(actor, head.text, head.idx, head.idx + len(head)))
        return out

    @property
    def mentions(self):
        """Every name of the dictionary in the text, in reading order."""
        return [Mention(t.text, t.idx, t.idx + len(t), "NAME", 0, NAMES[t.text], "name")
                for t in self.doc if t.text in NAMES]

    def actor_at(self, start, end):
        return NAMES.get(self.doc.text[start:end])

    def _actor(self, token):
        if token.text in NAMES:
            return NAMES[token.text]
        if token.lower_ in ("he", "she"):
            return self._last_person(token, "m" if token.lower_ == "he" else "f")
        for child in token.children:
            if child.dep_ in ("amod", "compound") and child.text in ADJECTIVES:
                country = ADJECTIVES[child.text]
                sector = SECTOR_NOUNS.get(token.lemma_.lower())
                return sector_actor(country, sector) if sector else country
        return None

    def _last_person(self, token, gender):
        for t in reversed(self.doc[: token.i]):
            actor = NAMES.get(t.text)
            if actor is not None and actor.kind == "person" and actor.gender == gender:
                return actor
        return None

    def _last_pair(self, token):
        for t in reversed(self.doc[: token.i]):
            if t.text in NAMES and NAMES[t.text].kind == "country":
                others = [NAMES[c.text] for c in t.conjuncts if c.text in NAMES]
                if others:
                    return [NAMES[t.text], others[0]] if t.i < min(c.i for c in t.conjuncts) else [others[0], NAMES[t.text]]
        return []


def code(nlp, text, date="2024-03-14", quotes=()):
    doc = nlp(text)
    article = Article(id="t", source="t", text=text, date=date)
    return ev.code_events(doc, article, FakeCast(doc), list(quotes))


def triples(events):
    return sorted((e.type, e.source.actor.code, e.target.actor.code) for e in events)


def direct_quote(text, words, speaker_name, speaker):
    start = text.index(words)
    name_at = text.index(speaker_name, start + len(words))
    return Quote(words, "direct", start, start + len(words), "said", None, None,
                 Speaker(speaker_name, name_at, name_at + len(speaker_name), speaker), 0, 0)


