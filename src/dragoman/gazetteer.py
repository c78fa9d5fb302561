"""An EntityRuler in front of spaCy's NER: the dictionary's names are typed before the
statistical model guesses (it calls CSTO a person, Syunik a nationality, "Lachin corridor"
a man named Lachin)."""
from __future__ import annotations

from spacy.language import Language

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


def add_gazetteer(nlp: Language) -> None:
    if "dragoman_gazetteer" in nlp.pipe_names:
        return
    ruler = nlp.add_pipe("entity_ruler", name="dragoman_gazetteer", before="ner",
                         config={"overwrite_ents": True, "validate": False})
    ruler.add_patterns(gazetteer_patterns())
