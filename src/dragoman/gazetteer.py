"""A gazetteer in front of spaCy's NER: the dictionary's names are typed before the
statistical model guesses (it calls CSTO a person, Syunik a nationality, "Lachin corridor"
a man named Lachin). The NER keeps entities already set on the doc and fills in the rest.

spaCy's EntityRuler runs every earlier pipeline component over each of its phrase patterns
when they are added (seconds for our thousands of names); this component only tokenizes them.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .vocab import load_data

# Country names that are also common given names; the model's own guess is better for them.
PERSONAL_NAMES = {"Georgia", "Chad", "Jordan", "Israel", "Niger"}


def gazetteer_patterns() -> list[dict]:
    patterns: list[dict] = []

    def add(label: str, names) -> None:
        for n in names or []:
            n = str(n).strip()
            if n and n not in PERSONAL_NAMES:
                patterns.append({"label": label, "pattern": n})

    for c in load_data("actors/countries.yaml") or []:
        add("GPE", [c["name"], *(c.get("names") or [])])
        add("GPE", [m for m in c.get("metonyms") or [] if not m.lower().startswith("the ")])
    for g in load_data("actors/igos.yaml") or []:
        add("ORG", [g["name"], *(g.get("names") or [])])
    for p in load_data("actors/people.yaml") or []:
        add("PERSON", [v for v in [p["name"], *(p.get("variants") or [])] if " " in str(v)])
    for label, names in (load_data("places.yaml") or {}).items():
        add(label, names)
    return patterns


class Gazetteer:
    def __init__(self, nlp: Language, patterns: list[dict]):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[Doc]] = {}
        for pattern in patterns:
            by_label.setdefault(pattern["label"], []).append(nlp.make_doc(pattern["pattern"]))
        for label, docs in by_label.items():
            self.matcher.add(label, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=label) for label, start, end in self.matcher(doc)]
        if spans:
            doc.set_ents(filter_spans(list(doc.ents) + spans), default="unmodified")
        return doc


@Language.factory("dragoman_gazetteer")
def make_gazetteer(nlp, name):  # no annotations: spaCy validates factory signatures at run time
    return Gazetteer(nlp, gazetteer_patterns())


def add_gazetteer(nlp: Language) -> None:
    if "dragoman_gazetteer" not in nlp.pipe_names:
        nlp.add_pipe("dragoman_gazetteer", before="ner")
