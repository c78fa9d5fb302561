"""Trigger vocabulary, events written as nouns, and the sector a state acts in (issue 9,
items 1, 3 and 4), on invented sentences about invented countries."""
from __future__ import annotations

import pytest

from fakecast import code, triples


@pytest.mark.parametrize("text, expected", [
    # events written as nouns, their source the possessor, the adjective or the agent
    ("Kestria's sanctions against Marovia hurt its farmers.", [("SANCTION", "KST GOV", "MRV GOV")]),
    ("The Kestrian missile attack on Marovia lasted an hour.", [("ASSAULT", "KST MIL", "MRV")]),
    ("Varnek's visit to Marovia ended on Friday.", [("CONSULT", "KST GOV", "MRV GOV")]),
    ("Kestria's condemnation of Marovia surprised nobody.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria remains in constant touch with Marovia.", [("CONSULT", "KST GOV", "MRV GOV")]),
    ("Kestria handed a note of protest to Marovia.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria put pressure on Marovia to drop the tariffs.", [("REQUEST", "KST GOV", "MRV GOV")]),
])
def test_events_written_as_nouns(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("Kestria invited Marovia to join the customs union.", [("REQUEST", "KST GOV", "MRV GOV")]),
    ("Kestria summoned the Marovian ambassador on Monday.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria branded Marovia a rogue state.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria cut off gas to Marovia in January.", [("COERCE", "KST GOV", "MRV")]),
    ("Kestrian ships blocked two Marovian supply boats near the reef.", [("COERCE", "KST GOV", "MRV")]),
    ("Kestria warned Marovia against any provocation.", [("REQUEST", "KST GOV", "MRV GOV")]),
    ("Kestria boycotted the summit hosted by Marovia.", [("SANCTION", "KST GOV", "MRV GOV")]),
    ("Kestria ordered two Marovian diplomats to leave the country.", [("SANCTION", "KST GOV", "MRV GOV")]),
    ("Kestria vetoed the resolution drafted by Marovia.", [("REJECT", "KST GOV", "MRV GOV")]),
    # (the sanctions responded to are Marovia's on the side that responds)
    ("Kestria will respond to Marovia's sanctions.", [("SANCTION", "MRV GOV", "KST GOV"), ("THREATEN", "KST GOV", "MRV GOV")]),
    ("Kestria sought an arrest warrant for the Marovian defence minister.", [("ACCUSE", "KST GOV", "MRV GOV")]),
])
def test_trigger_vocabulary(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # a text's participle speaks for whoever issued the text
    ("Kestria adopted a resolution calling on Marovia to free the fishermen.", [("REQUEST", "KST GOV", "MRV GOV")]),
    ("Kestria issued a statement urging Marovia to reopen the border.", [("REQUEST", "KST GOV", "MRV GOV")]),
])
def test_a_document_speaks_for_its_issuer(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


def test_a_document_issued_by_nobody_named_speaks_for_nobody(nlp):
    assert not code(nlp, "A statement was posted online urging Marovia to reopen the border.")


def test_striking_targets_is_an_attack_hitting_a_target_is_not(nlp):
    assert triples(code(nlp, "Kestria struck Marovian targets overnight.")) == [("ASSAULT", "KST MIL", "MRV")]
    assert not code(nlp, "Kestria hit its export target for Marovia.")


def test_a_past_response_is_no_threat(nlp):
    assert not [e for e in code(nlp, "Kestria responded to the letter from Marovia.") if e.type == "THREATEN"]


def test_students_boycotting_is_no_sanction(nlp):
    assert not [e for e in code(nlp, "Kestrian students boycotted classes.") if e.type == "SANCTION"]


@pytest.mark.parametrize("text, expected", [
    # a state acting politically is its government, attacking its military; the attacked stays whole
    ("Kestria attacked Marovia.", [("ASSAULT", "KST MIL", "MRV")]),
    ("Kestria criticised Marovia.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    # a body keeps its own sector
    ("The Kestrian police arrested a Marovian journalist.", [("COERCE", "KST COP", "MRV")]),
])
def test_the_sector_a_state_acts_in(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # the doer of a noun named by a participle's agent
    ("Lundavia criticised the embargo imposed by Kestria on Marovia.",
     [("ACCUSE", "LUN GOV", "KST GOV"), ("SANCTION", "KST GOV", "MRV GOV")]),
    # a rejection with no one named answers the side named just before
    ("Marovia accused Kestria of spying. Kestria flatly denied the accusation.",
     [("ACCUSE", "MRV GOV", "KST GOV"), ("REJECT", "KST GOV", "MRV GOV")]),
])
def test_doers_of_nouns_and_the_other_side(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


def test_denying_entry_is_no_rejection(nlp):
    assert not [e for e in code(nlp, "Marovia praised Kestria. Kestria will deny entry to Lundavian ships.")
                if e.type == "REJECT"]


def test_a_charge_denied_in_a_relative_clause_answers_the_accuser(nlp):
    found = triples(code(nlp, "Marovia accused Kestria of spying, a charge Kestria persistently denies."))
    assert ("REJECT", "KST GOV", "MRV GOV") in found


def test_declining_to_do_something_rejects_nobody(nlp):
    found = triples(code(nlp, "Marovia praised Kestria. Kestria declined to provide details."))
    assert not [t for t in found if t[0] == "REJECT"]


def test_released_prisoners_are_the_states_own_people(nlp):
    assert triples(code(nlp, "The Kestrian government released forty prisoners.")) == [("RETREAT", "KST GOV", "KST CVL")]


def test_rebels_demand_of_their_own_government(nlp):
    found = triples(code(nlp, "Kestrian rebels demanded the release of their leader."))
    assert ("REQUEST", "KST REB", "KST GOV") in found


def test_a_committed_state_intends_to_cooperate(nlp):
    found = triples(code(nlp, "Kestria is committed to continue its cooperation with the NAO."))
    assert found == [("AGREE", "KST GOV", "NAO")]


@pytest.mark.parametrize("text, expected", [
    # "warn X against Y" with no consequence is a request, also when the parser hangs "against" on X
    ("Kestria warned Marovia and its allies against any intervention.", [("REQUEST", "KST GOV", "MRV GOV")]),
    # not ruling out force is a threat
    ("Marovia massed troops. Kestria did not rule out the use of force.", [("THREATEN", "KST GOV", "MRV GOV")]),
    # disappointment expressed over another side
    ("Kestria expressed deep disappointment over Marovia.", [("ACCUSE", "KST GOV", "MRV GOV")]),
])
def test_warnings_force_and_disappointment(nlp, text, expected):
    found = triples(code(nlp, text))
    assert all(e in found for e in expected), found


@pytest.mark.parametrize("text, cameo", [
    # denying an accusation is CAMEO's "deny responsibility"; rejecting a claim stays 120
    ("Kestria denied charges by Marovia that it had shelled the village.", "016"),
    ("Kestria rejected accusations by Marovia of arming the rebels.", "016"),
    ("Kestria rejected the claim by Marovia that the talks had failed.", "120"),
])
def test_denying_an_accusation_is_deny_responsibility(nlp, text, cameo):
    events = code(nlp, text)
    assert [(e.type, e.cameo) for e in events] == [("REJECT", cameo)]


@pytest.mark.parametrize("text", [
    "Kestria sent 40 million euros in aid to Marovia.",
    "Kestria has provided $2 billion in humanitarian assistance to Marovia.",
])
def test_a_sum_in_aid_is_aid(nlp, text):
    assert [e.type for e in code(nlp, text)] == ["AID"]


def test_unnamed_gunmen_are_an_armed_group_of_the_place(nlp):
    events = code(nlp, "Gunmen attacked a Marovian army post in Marovia, killing four soldiers.")
    assert ("ASSAULT", "MRV UAF") in {(e.type, e.source.actor.code) for e in events}


@pytest.mark.parametrize("text, expected", [
    ("Kestria launched legal action against Marovia over the dam.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria gave 600 rifles to Marovia.", [("AID", "KST GOV", "MRV GOV")]),
    ("Kestria refuted Marovia's comments on the dam.", [("REJECT", "KST GOV", "MRV GOV")]),
])
def test_lawsuits_arms_and_comments(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


def test_a_sum_given_is_aid(nlp):
    assert triples(code(nlp, "Kestria has provided over €3.5 million to Marovia.")) == [("AID", "KST GOV", "MRV GOV")]
