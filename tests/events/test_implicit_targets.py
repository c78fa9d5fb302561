"""Acts whose other party is left unnamed (issue 9, items 3 and 5): a broken ceasefire is an
armed act against the other party to it, a rebel group yielding yields to its own government;
a state's intent with no addressee stays no event. Invented sentences about invented countries."""
from __future__ import annotations

import pytest

from fakecast import code, triples


@pytest.mark.parametrize("text, expected", [
    ("Marovia and Kestria signed a truce in May. On Sunday Kestrian troops violated the ceasefire again.",
     ("ASSAULT", "196", "KST MIL", "MRV")),
    ("Kestrian troops violated Marovia's ceasefire near the river.", ("ASSAULT", "196", "KST MIL", "MRV")),
])
def test_breaking_a_ceasefire_is_an_armed_act_on_the_other_party(nlp, text, expected):
    events = [(e.type, e.cameo, e.source.actor.code, e.target.actor.code) for e in code(nlp, text)]
    assert expected in events


def test_breaking_other_rules_is_still_defiance(nlp):
    events = code(nlp, "Kestria violated Marovian airspace on Friday.")
    assert [(e.type, e.cameo) for e in events] == [("REJECT", "128")]


@pytest.mark.parametrize("text", [
    "Kestrian rebels declared a unilateral ceasefire on Sunday.",
    "Kestrian rebels said they will lay down their arms next month.",
])
def test_a_group_yields_to_its_own_government(nlp, text):
    assert [(s, t) for _, s, t in triples(code(nlp, text))] == [("KST REB", "KST GOV")]


@pytest.mark.parametrize("text", [
    "Kestria agreed to set up a new transport agency.",
    "Kestria is ready to contribute to the reconstruction effort.",
])
def test_a_state_intent_with_no_addressee_is_no_event(nlp, text):
    assert code(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # money given to support someone is aid to them, not praise
    ("Kestria provided ten million euros to support Marovian refugees.", [("AID", "KST GOV", "MRV CVL")]),
    # taking in refugees grants them refuge
    ("Kestria accepted 2,000 Marovian refugees last year.", [("AID", "KST GOV", "MRV CVL")]),
    # approving an extradition hands the person over
    ("A Kestrian court approved the extradition of Dorin Kalvas.", [("COOPERATE", "KST JUD", "MRV GOV")]),
])
def test_material_cooperation_named_by_its_purpose_or_object(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


def test_a_decision_taken_is_the_act_not_an_intent(nlp):
    events = code(nlp, "Kestria decided to lift the sanctions on Marovia.")
    assert [(e.type, e.cameo) for e in events] == [("RETREAT", "085")]


@pytest.mark.parametrize("text, expected", [
    ("Kestria has provided Marovia with fuel and medicine since May.", [("AID", "KST GOV", "MRV GOV")]),
    ("Kestria returned the seized fishing boats to Marovia.", [("RETREAT", "KST GOV", "MRV")]),
    ("Kestria allowed aid convoys into Marovia on Friday.", [("RETREAT", "KST GOV", "MRV")]),
])
def test_giving_and_giving_back(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "The Kestrian envoy returned to Marovia on Monday.",      # a journey back, not a thing returned
    "Kestrian troops returned fire.",
    "Kestria pledged its full support to Marovia.",            # political support, not aid
])
def test_no_material_cooperation(nlp, text):
    assert "AID" not in {e.type for e in code(nlp, text)} and "RETREAT" not in {e.type for e in code(nlp, text)}
