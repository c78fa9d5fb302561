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


@pytest.mark.parametrize("text, expected", [
    # a crackdown with no one named falls on the state's own people; one on its opposition, on that;
    # the government named as such does it (only a capital or country standing for the state
    # attacks through its military)
    ("The Kestrian government cracked down on dissent.", [("ASSAULT", "KST GOV", "KST CVL")]),
    ("The Kestrian government cracked down on the opposition.", [("ASSAULT", "KST GOV", "KST OPP")]),
    # a breach the victim's side asserts is its accusation only
    ("Varnek said Marovia violated Kestrian airspace.", [("ACCUSE", "KST GOV", "MRV GOV")]),
])
def test_implicit_targets_of_repression_and_breaches(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    # the place of a summit is no party to the declaration adopted there
    "Leaders of the NAO adopted a declaration at their summit in Kestria.",
    # what an allegation's clause mentions in passing is not whom it accuses
    "Kestria alleged that the vote was meant to please voters who trade with Marovia.",
])
def test_no_target_from_a_passing_mention(nlp, text):
    assert code(nlp, text) == []


def test_a_third_party_relaying_an_attack_accuses_no_one(nlp):
    events = code(nlp, "Lundavia said Kestrian troops captured the hill after five days of fighting.")
    assert "ACCUSE" not in {e.type for e in events}
