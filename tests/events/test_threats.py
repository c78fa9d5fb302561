"""A threat is coded from the act threatened (issue 9, item 3): the act's target is the threat's
target, a curfew threatened falls on the state's own people, and a threat whose act names no one
threatens whoever its condition names. Invented sentences about invented countries."""
from __future__ import annotations

import pytest

from fakecast import code


def coded(nlp, text):
    return sorted((e.type, e.cameo, e.source.actor.code, e.target.actor.code) for e in code(nlp, text))


@pytest.mark.parametrize("text, expected", [
    ("Kestria threatened to ban Marovian students from its universities.", [("THREATEN", "132", "KST GOV", "MRV CVL")]),
    ("Kestria threatened to impose a curfew on Monday.", [("THREATEN", "132", "KST GOV", "KST CVL")]),
    ("Kestria threatened to cut diplomatic ties with Marovia.", [("THREATEN", "1313", "KST GOV", "MRV GOV")]),
])
def test_the_act_threatened_is_the_threat(nlp, text, expected):
    assert coded(nlp, text) == expected


def test_a_threat_whose_act_names_no_one_threatens_the_condition(nlp):
    events = coded(nlp, "Kestria threatened to stop the negotiations if Marovia deploys new missiles.")
    assert [(t, s, g) for t, _, s, g in events] == [("THREATEN", "KST GOV", "MRV GOV")]


@pytest.mark.parametrize("text, expected", [
    ("Kestrian troops have hit Marovian army positions.", ("ASSAULT", "190", "KST MIL", "MRV")),
    ("Kestrian troops destroyed Marovian positions.", ("ASSAULT", "190", "KST MIL", "MRV")),
    ("Kestria will hit Marovia hard if the shelling goes on.", ("THREATEN", "138", "KST GOV", "MRV GOV")),
    ("Kestria prohibited all aid to Marovian rebels.", ("SANCTION", "162", "KST GOV", "MRV REB")),
])
def test_hitting_destroying_and_banning(nlp, text, expected):
    assert expected in coded(nlp, text)
