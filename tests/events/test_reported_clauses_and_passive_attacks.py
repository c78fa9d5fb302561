"""A speaker's next speech act joined to the clause it reports is the speaker's; "warned X to
stop" is a demand unless a consequence is named; a passive harm done in someone's attack is
that attacker's. Invented sentences about real countries."""
from __future__ import annotations

import pytest

from nlp_helpers import analyze


def _events(text):
    return sorted((e.type, e.source.actor.code, e.target.actor.code) for e in analyze(text, date="2025-05-05").events)


def test_a_warning_after_the_reported_clause_is_the_speakers():
    found = _events("Nepal's foreign ministry said Bhutanese guards had crossed the frontier "
                    "and warned of a firm response.")
    threats = [f for f in found if f[0] == "THREATEN"]
    assert threats and all(s.startswith("NPL") and t.startswith("BTN") for _, s, t in threats)


@pytest.mark.parametrize("text, kind", [
    ("Chile warned Argentina to withdraw its survey ship from the strait.", "REQUEST"),
    ("Chile warned Argentina to withdraw its survey ship or face sanctions.", "THREATEN"),
])
def test_a_warning_to_act_is_a_demand_unless_it_names_a_consequence(text, kind):
    found = _events(text)
    assert [f[0] for f in found if f[1] == "CHL GOV" and f[2] == "ARG GOV"] == [kind]


@pytest.mark.parametrize("text, doer", [
    ("Nine villagers were killed in an air strike by the Malian army near Timbuktu on Friday.", "MLI MIL"),
    ("Three Lebanese fishermen were wounded in an Israeli drone strike near Tyre.", "ISR MIL"),
])
def test_a_passive_harm_in_an_attack_is_the_attackers(text, doer):
    found = _events(text)
    assert [f for f in found if f[0] == "ASSAULT" and f[1] == doer]


def test_a_vehicle_hitting_a_mine_is_no_attack_by_its_crew():
    found = _events("Two Kenyan soldiers died when their truck struck a landmine near Mandera.")
    assert not [f for f in found if f[0] == "ASSAULT" and f[1].startswith("KEN")]


def test_an_attack_noun_with_its_doer_as_subject_of_the_harm():
    found = _events("A drone strike by the Nigerian air force killed 12 people at a market in Zamfara state.")
    assert [f for f in found if f[0] == "ASSAULT" and f[1].startswith("NGA")]


def test_an_accusation_and_its_denial_joined_by_a_semicolon_are_two_acts():
    found = _events("Ghana accused Togolese troops of shelling its border posts on Monday; Lome denied the claim.")
    assert ("ACCUSE", "GHA GOV", "TGO MIL") in found
    assert ("REJECT", "TGO GOV", "GHA GOV") in found


def test_one_states_army_helping_its_police_is_no_aid():
    found = _events("Kenya's president deployed the army to help police in Mombasa.")
    assert not [f for f in found if f[0] == "AID"]


def test_a_denial_after_the_claim_leaves_the_claim_standing():
    found = _events("Mali has long accused Algeria of arming the northern rebels, a charge Algiers denies.")
    assert ("ACCUSE", "MLI GOV", "DZA GOV") in found
    assert ("REJECT", "DZA GOV", "MLI GOV") in found
