"""Codebook verb phrases and their CAMEO family (issue 9, items 3 and 5): demands are CAMEO 10,
calls for sanctions censure their target, refusals said with "cannot", and a time phrase is
no particle of the verb. Invented sentences about invented countries."""
from __future__ import annotations

import pytest

from fakecast import code, triples


@pytest.mark.parametrize("text", [
    "Kestria reiterated its demand that Marovia withdraw its troops.",
    "Kestria issued a demand to Marovia to pull back its guns.",
])
def test_a_demand_is_cameo_demand_not_an_appeal(nlp, text):
    assert [(e.type, e.cameo, e.target.actor.code) for e in code(nlp, text)] == [("REQUEST", "100", "MRV GOV")]


@pytest.mark.parametrize("text", [
    "Kestria called for sanctions against Marovia over the dam.",
    "Varnek urged sanctions on Marovia after the shelling.",
])
def test_calling_for_sanctions_against_x_censures_x(nlp, text):
    assert triples(code(nlp, text)) == [("ACCUSE", "KST GOV", "MRV GOV")]


@pytest.mark.parametrize("text, expected", [
    ("Kestria says it will not accept any more Marovian refugees.", [("REJECT", "KST GOV", "MRV CVL")]),
    ("Kestria said it cannot accept refugees from Marovia.", [("REJECT", "KST GOV", "MRV GOV")]),
    ("Kestria can not support Marovia.", [("REJECT", "KST GOV", "MRV GOV")]),
])
def test_refusals(nlp, text, expected):
    assert triples(code(nlp, text)) == expected


@pytest.mark.parametrize("text", [
    "Marovia may attack Kestria.",
    "Kestria might not support Marovia.",  # a possibility, not a refusal
    "Varnek called Kalvas a coward on Tuesday.",  # naming someone is no call, and "on Tuesday" no "call on"
    "Varnek called Kalvas a true friend.",
])
def test_no_act(nlp, text):
    assert [e.type for e in code(nlp, text) if e.type in ("REQUEST", "CONSULT", "ASSAULT", "REJECT")] == []


def test_preparing_to_attack_is_not_yet_an_attack_but_a_show_of_force(nlp):
    # PLOVER files preparation for military action under MOBILIZE; being ready to is a threat
    prepared = code(nlp, "The Kestrian army prepared to attack Marovian positions.")
    assert [(e.type, e.cameo) for e in prepared] == [("MOBILIZE", "150")]
    ready = {e.type for e in code(nlp, "The Kestrian army is ready to attack Marovian positions.")}
    assert ready == {"THREATEN"}


def test_calling_someone_to_act_is_a_request_not_a_phone_call(nlp):
    text = "Varnek called Marovia to lift its blockade on Lundavia."
    assert triples(code(nlp, text)) == [("REQUEST", "KST GOV", "MRV GOV")]


def test_a_criticized_resolution_calling_on_x_still_called_on_x(nlp):
    text = "Marovia has criticized a resolution by the NAO calling on Marovia to step up its cooperation."
    assert triples(code(nlp, text)) == [("ACCUSE", "MRV GOV", "NAO"), ("REQUEST", "NAO", "MRV GOV")]


def test_an_act_urged_by_a_resolution_stays_unreal(nlp):
    # the participle is factual only under a factive verb; a request absorbs what it asks for
    text = "The NAO adopted a resolution calling on Marovia to attack Kestria."
    assert "ASSAULT" not in {e.type for e in code(nlp, text)}


@pytest.mark.parametrize("text, expected", [
    ("Forty Marovian refugees have refused food for a week in protest of the Kestrian government's plan to "
     "deport them.", [("PROTEST", "MRV CVL", "KST GOV")]),
    ("Marovian students marched in protest of the Kestrian government's decision.", [("PROTEST", "MRV CVL", "KST GOV")]),
    # with no one named, a protest is against the protesters' own government
    ("Marovian students marched in protest against tuition fees.", [("PROTEST", "MRV CVL", "MRV GOV")]),
])
def test_a_protest_is_against_whom_it_names(nlp, text, expected):
    assert triples(code(nlp, text)) == expected


def test_joining_war_games_with_a_partner_is_military_cooperation(nlp):
    text = "Kestria and Marovia are participating in the war game near the border."
    assert triples(code(nlp, text)) == [("COOPERATE", "KST GOV", "MRV GOV")]


@pytest.mark.parametrize("text", [
    "Kestria insisted that the maneuvers near Marovia were routine.",  # an assertion, no demand of Marovia
    "Kestria demanded that its partners refuse to recognize Marovia.",  # the demand is of the partners
])
def test_a_demand_is_of_the_clause_subject_only(nlp, text):
    assert [t for t in triples(code(nlp, text)) if t[0] == "REQUEST"] == []


def test_a_demand_that_x_act_is_of_x(nlp):
    assert triples(code(nlp, "Kestria demanded that Marovia withdraw its troops.")) == [("REQUEST", "KST GOV", "MRV GOV")]


@pytest.mark.parametrize("text, expected", [
    # PLOVER files CAMEO 192 (occupy territory) under COERCE, and a verdict (116) under ACCUSE
    ("Marovian rebels seized three Kestrian towns.", [("COERCE", "192", "MRV REB", "KST")]),
    ("A Kestrian court convicted 45 Marovian rebels of treason.", [("ACCUSE", "116", "KST JUD", "MRV REB")]),
    ("A Kestrian court found Kalvas guilty of espionage.", [("ACCUSE", "116", "KST JUD", "MRV GOV")]),
])
def test_seizing_territory_coerces_and_a_verdict_accuses(nlp, text, expected):
    assert [(e.type, e.cameo, e.source.actor.code, e.target.actor.code) for e in code(nlp, text)] == expected


def test_an_infinitive_of_the_callers_purpose_keeps_the_call(nlp):
    # "called X to apologize" is the caller apologizing on the phone, not a request to X
    events = code(nlp, "On Monday Varnek called Marovia to apologize for the incident.")
    assert "REQUEST" not in {e.type for e in events}


@pytest.mark.parametrize("text", [
    "Kestria vowed not to return the islands to Marovia.",
    "Kestria said it would not return the seized paintings to Marovia.",
])
def test_vowing_not_to_give_back_declines_to_yield(nlp, text):
    assert [(e.type, e.cameo, e.target.actor.code) for e in code(nlp, text)] == [("REJECT", "124", "MRV GOV")]
