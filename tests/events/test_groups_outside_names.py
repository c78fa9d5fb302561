"""Sources the entity recogniser or the dictionaries leave without an actor (issue 9, item 4):
a dictionary name the parser did not tag ("ISIS claimed ..."), and non-governmental groups named
by what they do ("a human rights group", "aid agencies in X", "a Kenyan rights group"). Every
text is invented."""
from __future__ import annotations

import pytest

from dictionary_coder import triples_coder


@pytest.fixture()
def coded(pipeline_nlp, dictionary):
    return triples_coder(pipeline_nlp, dictionary)


def test_an_untagged_dictionary_name_still_acts(coded):
    found = coded("ISIS carried out a coordinated attack on the parliament of Iraq last spring.")
    assert ("ASSAULT", "IMG") in {(t, s) for t, s, _ in found}


def test_a_rights_group_named_by_what_it_does_is_an_ngo(coded):
    found = coded("The government of Chad is failing to protect refugees, a human rights group protested on Monday.")
    assert any(t == "ACCUSE" and s == "NGO" and target.startswith("TCD") for t, s, target in found)


def test_a_national_rights_group_is_its_country_s_ngo(coded):
    found = coded("A Kenyan rights group accused the police of beating street traders.")
    assert ("ACCUSE", "KEN NGO", "KEN COP") in found


def test_aid_agencies_in_a_country_are_its_ngos(coded):
    found = coded("Aid agencies in Sudan urged the army to reopen the roads to Nyala.")
    assert any(t == "REQUEST" and s == "SDN NGO" for t, s, _ in found)


def test_a_group_without_such_a_word_is_no_ngo(coded):
    found = coded("A group of farmers blocked the highway near Nakuru to protest against the new tax.")
    assert all(s != "NGO" and not s.endswith(" NGO") for _, s, _ in found)


def test_an_agentless_passive_arrest_is_the_police_of_the_place(coded):
    found = coded("Four opposition organisers were arrested in Lusaka on Saturday.")
    assert any(t == "COERCE" and s == "ZMB COP" for t, s, _ in found)


def test_an_agentless_passive_sentence_is_the_court_of_the_place(coded):
    found = coded("The blogger was sentenced to six years in prison in Tashkent for insulting the president.")
    assert any(t == "COERCE" and s == "UZB JUD" for t, s, _ in found)


def test_prisoners_released_with_no_agent_are_let_go_by_the_government(coded):
    found = coded("Forty political prisoners were freed in Harare on Thursday after a month of talks.")
    assert any(s == "ZWE GOV" for _, s, _ in found)


def test_people_expelled_from_a_country_are_expelled_by_its_government(coded):
    found = coded("Three foreign reporters were expelled from Eritrea on Monday.")
    assert any(s == "ERI GOV" for _, s, _ in found)


def test_an_agentless_killing_implies_no_state_agent(coded):
    found = coded("Four opposition organisers were killed in Lusaka on Saturday.")
    assert all(s not in ("ZMB COP", "ZMB JUD", "ZMB GOV") for _, s, _ in found)


def test_a_people_of_several_countries_is_of_the_one_the_context_names(coded):
    found = coded("Kurdish rebels ambushed a Turkish army convoy near the border on Sunday.")
    assert any(t == "ASSAULT" and s == "TUR REB" for t, s, _ in found)


def test_a_people_of_several_countries_with_no_context_is_no_actor(coded):
    found = coded("Kurdish rebels ambushed a convoy on Sunday.")
    assert all(not s.endswith("REB") for _, s, _ in found)


def test_regional_collectives_are_their_organisation(coded):
    found = coded("Southeast Asian nations urged Myanmar's generals to free the detained leaders.")
    assert any(t == "REQUEST" and s == "ASEAN" and target.startswith("MMR") for t, s, target in found)
    found = coded("Gulf Arab states condemned the drone strike on the Saudi oil terminal.")
    assert any(t == "ACCUSE" and s == "GCC" for t, s, _ in found)


def test_a_government_s_crackdown_keeps_the_government_as_its_source(coded):
    found = coded("The Sudanese government launched a violent crackdown on protesters in Khartoum.")
    assert any(s == "SDN GOV" for _, s, _ in found)
    found = coded("Ankara's latest air raid on the camp killed eight people in northern Iraq.")
    assert any(t == "ASSAULT" and s == "TUR MIL" for t, s, _ in found)


def test_those_sent_act_when_the_sender_names_no_actor(coded):
    found = coded("The new offensive has drawn Ugandan troops into the fighting to support Somalia's army.")
    assert any(t in ("AID", "SUPPORT") and s.startswith("UGA") and target.startswith("SOM") for t, s, target in found)
