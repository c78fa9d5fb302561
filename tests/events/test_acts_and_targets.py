"""Trigger vocabulary and implicit targets added for issue 9 (items 1, 3 and 5): a retort is no
attack, signing is an agreement, a border closed with X coerces X, troops sent to help X aid
X, tariffs cut ease sanctions, held as human shields is a hostage-taking. Invented sentences
about invented countries."""
from __future__ import annotations

import pytest

from fakecast import code, triples


@pytest.mark.parametrize("text, expected", [
    # a figurative headline verb is a verbal retort, the literal one still an attack
    ("Kestria fires back at Marovia over trade.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria hit back at Marovia on Monday.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestrian troops fired back at Marovian soldiers.", [("ASSAULT", "KST MIL", "MRV MIL")]),
])
def test_a_retort_is_no_attack(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("Kestria and Marovia signed a trade deal.", [("AGREE", "KST GOV", "MRV GOV")]),
    ("Kestria signed a joint declaration with Marovia.", [("AGREE", "KST GOV", "MRV GOV")]),
    ("Kestria's parliament ratified the treaty with Marovia.", [("SUPPORT", "KST GOV", "MRV GOV")]),
])
def test_signing_agrees_ratifying_supports(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("Kestria closed its border with Marovia.", [("COERCE", "KST GOV", "MRV")]),
    ("Kestria reduced tariffs on Marovian steel.", [("RETREAT", "KST GOV", "MRV")]),
    ("Kestria announced a suspension of aid to Marovia.", [("SANCTION", "KST GOV", "MRV GOV")]),
    ("Kestria announced a weeklong cease-fire with Marovia.", [("RETREAT", "KST GOV", "MRV")]),
    ("Kestria returned the stolen paintings to Marovia.", [("RETREAT", "KST GOV", "MRV")]),
    ("Kestria launched cyber warfare against Marovia.", [("ASSAULT", "KST MIL", "MRV")]),
])
def test_material_acts_and_their_targets(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


def test_troops_sent_to_help_aid_the_one_helped(nlp):
    assert triples(code(nlp, "Kestria sent troops to help Marovia.")) == [("AID", "KST GOV", "MRV GOV")]


def test_a_rejected_offer_is_no_agreement(nlp):
    events = code(nlp, "Kestria rejected a Marovian offer to host a summit to hammer out a deal with Lundavia.")
    assert "REJECT" in {e.type for e in events} and "AGREE" not in {e.type for e in events}


def test_people_held_as_human_shields_are_hostages(nlp):
    events = code(nlp, "Kestrian troops held Marovian villagers as human shields.")
    assert [(e.type, e.cameo) for e in events] == [("COERCE", "181")]


def test_a_state_lifting_its_emergency_acts_on_its_own_people(nlp):
    events = code(nlp, "Kestria lifted the state of emergency on Monday.")
    assert triples(events) == [("CONCEDE", "KST GOV", "KST CVL")]


def test_a_conditional_response_threatens_whoever_the_condition_names(nlp):
    events = code(nlp, "Varnek said Kestria will respond firmly if Marovia crosses the line.")
    assert triples(events) == [("THREATEN", "KST GOV", "MRV GOV")]


@pytest.mark.parametrize("text, expected", [
    # calling a claim untrue rejects it; calling a plan reckless still criticises it
    ("Kestria called the Marovian claims baseless.", [("REJECT", "KST GOV", "MRV GOV")]),
    ("Kestria described Marovia's accusations as lies.", [("REJECT", "KST GOV", "MRV GOV")]),
    ("Kestria called the Marovian plan reckless.", [("ACCUSE", "KST GOV", "MRV GOV")]),
])
def test_calling_a_claim_untrue_is_a_rejection(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


def test_a_central_bank_s_assets_frozen_is_a_sanction(nlp):
    events = code(nlp, "Kestria has frozen the assets of the Marovian central bank.")
    assert triples(events) == [("SANCTION", "KST GOV", "MRV GOV")]


@pytest.mark.parametrize("text, expected", [
    # organisations, parties and newspapers a state bans are its own people
    ("Kestria outlawed the main opposition party.", [("COERCE", "KST GOV", "KST OPP")]),
    ("Kestria banned two independent newspapers.", [("COERCE", "KST GOV", "KST MED")]),
])
def test_unnamed_people_and_bodies_acted_on(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


def test_aid_to_unnamed_people_with_no_place_has_no_target(nlp):
    assert not code(nlp, "Kestria delivered food aid to 500 families.")


@pytest.mark.parametrize("text, expected", [
    ("Kestrian instructors are training Marovian pilots.", [("COOPERATE", "KST GOV", "MRV GOV")]),
    ("Kestria distributed food aid to Marovia.", [("AID", "KST GOV", "MRV GOV")]),
    ("Kestria freed three Marovian fishermen on Friday.", [("RETREAT", "KST GOV", "MRV")]),
])
def test_training_distributing_and_freeing(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # a time limit set on an act is an ultimatum; "the military in X" is no "giving in"
    ("Kestria gave Marovia one week to withdraw its troops.", [("THREATEN", "KST GOV", "MRV GOV")]),
    ("Kestria gave the Marovian rebels until March 30 to withdraw from the occupied areas.",
     [("THREATEN", "KST GOV", "MRV REB")]),
    ("Kestria gave the army in Marovia one week to cede power.", [("THREATEN", "KST GOV", "MRV GOV")]),
    ("Kestria gave Marovia a loan to build a bridge.", [("AID", "KST GOV", "MRV GOV")]),
    ("Kestria finally gave in to Marovian demands.", [("CONCEDE", "KST GOV", "MRV")]),
])
def test_a_deadline_is_an_ultimatum(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)
