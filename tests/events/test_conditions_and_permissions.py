"""Refusals and threats aimed at whoever their condition names, permissions as concessions,
deadlines set for someone, preparations for attack, a protest's purpose naming its target
(issue 9, item 3). Invented sentences about invented countries."""
from __future__ import annotations

import pytest

from fakecast import code, triples


@pytest.mark.parametrize("text, expected", [
    # a refusal with no one named is aimed at whoever the condition names
    ("Kestria said it will not lift the embargo until Marovia frees the fishermen.",
     [("REJECT", "KST GOV", "MRV GOV")]),
    ("Varnek said Kestria would not reopen the crossing unless Marovia withdraws its guns.",
     [("REJECT", "KST GOV", "MRV GOV")]),
])
def test_a_refusal_is_aimed_at_the_subject_of_its_condition(nlp, text, expected):
    assert triples(code(nlp, text)) == expected


def test_a_hostile_act_held_out_on_a_condition_is_a_threat(nlp):
    events = code(nlp, "The NAO may suspend its mediation in Marovia if the talks collapse again.")
    assert [(e.type, e.source.actor.code, e.target.actor.code) for e in events] == [("THREATEN", "NAO", "MRV GOV")]
    # with no condition, a possible act is no event
    assert code(nlp, "The NAO may suspend its mediation in Marovia.") == []


def test_allowing_someone_to_act_is_a_concession(nlp):
    events = code(nlp, "The Kestrian court allowed Kalvas to stand in the election.")
    assert [(e.type, e.cameo, e.source.actor.code, e.target.actor.code) for e in events] == \
        [("CONCEDE", "080", "KST JUD", "MRV GOV")]
    # not allowing someone to act is no refusal of anyone in particular
    assert code(nlp, "Kestria did not allow Kalvas to visit the site.") == []


@pytest.mark.parametrize("text", [
    "Kestria set a ten-day deadline for Marovia to withdraw its troops.",
    "Kestria gave Marovia a deadline.",
])
def test_a_deadline_set_for_someone_is_an_ultimatum(nlp, text):
    assert [(e.type, e.cameo, e.target.actor.code) for e in code(nlp, text)] == [("THREATEN", "139", "MRV GOV")]


def test_a_reminder_that_x_must_act_is_a_request(nlp):
    events = code(nlp, "Varnek issued a stern reminder to Marovia that it must respect the truce.")
    assert triples(events) == [("REQUEST", "KST GOV", "MRV GOV")]


def test_a_hunger_strike_to_protest_against_a_decision_targets_its_maker(nlp):
    text = "Marovian students began a hunger strike on Monday to protest against Kestria's decision to close the border."
    assert [(e.type, e.target.actor.code) for e in code(nlp, text)] == [("PROTEST", "KST GOV")]


def test_refusing_an_act_on_someone_refuses_it_to_them_not_to_a_bystander(nlp):
    text = "Despite appeals by the NAO, Kestria is refusing to lift the curfew on Marovian refugees."
    assert [(e.type, e.target.actor.code) for e in code(nlp, text)] == [("REJECT", "MRV CVL")]


def test_a_court_judges_its_own_government_but_an_army_does_not_accuse_it(nlp):
    assert triples(code(nlp, "The Kestrian court charged Varnek with fraud.")) == [("ACCUSE", "KST JUD", "KST GOV")]
    assert code(nlp, "The Kestrian army accused the Kestrian government of treason.") == []


@pytest.mark.parametrize("verb", ["gathered", "converged", "assembled"])
def test_gathering_for_a_rally_is_a_protest(nlp, verb):
    events = code(nlp, f"Marovian students {verb} for a rally against Kestria.")
    assert triples(events) == [("PROTEST", "MRV CVL", "KST GOV")]


def test_an_intent_with_no_one_named_is_toward_the_place_where_it_is_to_be_done(nlp):
    events = code(nlp, "The NAO agreed to open a liaison office in Marovia.")
    assert triples(events) == [("AGREE", "NAO", "MRV GOV")]


def test_joining_someone_for_talks_is_a_meeting_joining_for_a_fight_is_not(nlp):
    assert triples(code(nlp, "Varnek joined Kalvas for talks in the capital.")) == [("CONSULT", "KST GOV", "MRV GOV")]
    assert [e.type for e in code(nlp, "Kestria joined Marovia for the offensive.") if e.type == "CONSULT"] == []


def test_a_hyphenated_cease_fire_agreed_is_an_agreement_and_a_disputed_border_no_dispute(nlp):
    events = code(nlp, "Kestria and Marovia agreed to a cease-fire to end months of fighting along their disputed border.")
    assert [(e.type, e.cameo) for e in events] == [("AGREE", "037")]


def test_pressing_people_to_act_is_a_request_of_them_not_their_act(nlp):
    events = code(nlp, "Kestrian police pressured Marovian students to call off their strike.")
    assert triples(events) == [("REQUEST", "KST COP", "MRV CVL")]


def test_a_call_on_unnamed_people_is_made_of_the_callers_own_people(nlp):
    assert triples(code(nlp, "The Kestrian ministry urged residents to stay indoors.")) == [("REQUEST", "KST GOV", "KST CVL")]


@pytest.mark.parametrize("text, expected", [
    ("The Kestrian government ordered a Marovian newspaper to suspend publication.", ("COERCE", "172")),
    ("Kestria ordered Marovia to withdraw its troops.", ("REQUEST", "100")),
])
def test_an_order_to_shut_down_coerces_an_order_to_act_demands(nlp, text, expected):
    assert [(e.type, e.cameo) for e in code(nlp, text)] == [expected]


def test_sides_agreeing_together_agree_with_each_other_not_with_those_they_mean_to_help(nlp):
    text = "Kestria and Marovia agreed that their countries should cooperate to help Lundavian refugees return home."
    assert triples(code(nlp, text)) == [("AGREE", "KST GOV", "MRV GOV")]


def test_an_act_done_to_allow_something_is_no_concession_of_its_own(nlp):
    events = code(nlp, "Kestria withdrew its troops from the border to allow Marovian convoys to pass.")
    assert "CONCEDE" not in {e.type for e in events}
