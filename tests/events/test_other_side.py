"""Hostile acts whose target is the side the story is about, left unnamed in the sentence
(issue 9, items 1 and 3): a demand for an end to an act, an embargo imposed by X, a summit
boycotted, a censure resolution tabled by X. Invented sentences about invented countries."""
from __future__ import annotations

import pytest

from fakecast import code, triples


@pytest.mark.parametrize("text, expected", [
    ("Marovia shelled the border town again. Kestria demanded an end to the shelling.",
     ("REQUEST", "KST GOV", "MRV GOV")),
    ("Kestria has traded with Marovia for decades. The embargo imposed by Lundavia in 1990 still holds.",
     ("SANCTION", "LUN GOV", "MRV GOV")),
    ("Marovia hosts the summit this week. Kestria is boycotting the talks.",
     ("SANCTION", "KST GOV", "MRV GOV")),
    ("Marovia expanded its nuclear programme. The board adopted the censure resolution tabled by Kestria.",
     ("ACCUSE", "KST GOV", "MRV GOV")),
])
def test_the_unnamed_target_is_the_other_side(nlp, text, expected):
    assert expected in triples(code(nlp, text))


def test_a_censure_never_targets_its_own_sponsors(nlp):
    events = code(nlp, "Marovia expanded its programme. The board adopted the censure resolution tabled by Kestria and Lundavia.")
    assert {(s, t) for _, s, t in triples(events) if _ == "ACCUSE"} == {("KST GOV", "MRV GOV"), ("LUN GOV", "MRV GOV")}


def test_demanding_something_else_keeps_its_own_target(nlp):
    events = code(nlp, "Marovia closed the port. Kestrian rebels demanded autonomy.")
    assert triples(events) == [("REQUEST", "KST REB", "KST GOV")]
