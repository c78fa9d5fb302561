"""Who acts and who is acted on, with the bundled actor dictionary (issue 9, item 4): members of
a coordination each count, a noun names the organ of a state, and reports of one act by two
organs of one state are one event. Every text here is invented for the test."""
from __future__ import annotations

import pytest

from dictionary_coder import triples_coder


@pytest.fixture()
def coded(nlp, dictionary):
    return triples_coder(nlp, dictionary)


def pairs(found):
    return {frozenset((source, target)) for _, source, target in found}


def test_possessive_subject_and_its_coordinated_member_both_act(coded):
    found = coded("Sudan's army and the Rapid Support Forces signed a ceasefire deal on Monday.")
    assert frozenset(("SDN MIL", "SDN REB")) in pairs(found)


def test_national_adjective_with_a_sector_noun_in_a_coordination(coded):
    found = coded("The Sudanese army and the RSF held talks in Jeddah.")
    assert ("CONSULT", "SDN MIL", "SDN REB") in found or ("CONSULT", "SDN REB", "SDN MIL") in found


@pytest.mark.parametrize("text, expected", [
    # security forces that attack are the military; the posts they hit are the other's military
    ("Afghan security forces attacked Pakistani border posts overnight.", ("ASSAULT", "AFG MIL", "PAK MIL")),
    # a coast guard's ships are the state's armed service
    ("China Coast Guard ships blocked two Philippine supply boats near the shoal.", ("COERCE", "CHN MIL", "PHL")),
])
def test_the_head_noun_names_the_organ(coded, text, expected):
    assert expected in coded(text)


def test_two_organs_of_one_state_doing_one_act_are_one_event(coded):
    text = ("The Chinese coast guard used water cannon to block Manila's supply boats on Tuesday. "
            "China Coast Guard ships fired water cannons on two Philippine supply ships near the reef, officials said.")
    found = [t for t in coded(text) if t[0] == "COERCE"]
    assert len(found) == 1 and found[0][1] == "CHN MIL" and found[0][2].startswith("PHL")


@pytest.mark.parametrize("text, expected", [
    # a city the dictionary does not know is found in the gazetteer; the object names the organ hit
    ("Gunmen killed five soldiers near Maiduguri on Friday.", ("ASSAULT", "NGA UAF", "NGA MIL")),
    ("Gunmen killed five villagers near Maiduguri on Friday.", ("ASSAULT", "NGA UAF", "NGA CVL")),
])
def test_a_city_gives_its_country(coded, text, expected):
    assert expected in coded(text)


@pytest.mark.parametrize("text, expected", [
    # a fronted phrase the parser runs into the subject: each member still acts
    ("After a week of talks in the port of Jeddah, Sudan's army and the paramilitary Rapid Support "
     "Forces (RSF) signed a ceasefire deal, they said.", {"SDN MIL", "SDN REB"}),
    ("After talks in Geneva, Kazakhstan and Kyrgyzstan signed a water-sharing deal.", {"KAZ GOV", "KGZ GOV"}),
])
def test_subject_after_a_fronted_phrase(coded, text, expected):
    assert frozenset(expected) in pairs(coded(text))


@pytest.mark.parametrize("text, expected", [
    # non-state armed groups are REB of the country they fight in, also as a noun's modifier
    ("FDLR fighters attacked a Congolese army base near Goma.", ("ASSAULT", "RWA REB", "COD MIL")),
    ("The Karen National Union seized a Myanmar army outpost on Tuesday.", ("ASSAULT", "MMR REB", "MMR MIL")),
    ("Abu Sayyaf gunmen kidnapped three Indonesian fishermen off Sulu.", ("COERCE", "PHL REB", "IDN")),
    ("The LTTE attacked a Sri Lankan navy vessel.", ("ASSAULT", "LKA REB", "LKA MIL")),
    ("Houthi fighters attacked a US aircraft carrier in the Red Sea.", ("ASSAULT", "YEM REB", "USA MIL")),
])
def test_armed_groups(coded, text, expected):
    assert expected in coded(text)


def test_a_party_named_union_is_no_security_council(coded):
    found = coded("The Patriotic Union of Kurdistan condemned the Turkish airstrike on the camp.")
    assert found and all(source.startswith("IRQ") for _, source, _ in found)


@pytest.mark.parametrize("text, expected", [
    # an organ or group "in" a country is that country's, not its population
    ("The military in Niger warned ECOWAS against an intervention.", ("REQUEST", "NER MIL", "ECOWAS")),
    ("Rebels in eastern Congo attacked a village near Goma.", ("ASSAULT", "COD REB", "COD CVL")),
    # a people named by a demonym, living in another country, is that country's population
    ("The Albanians of southern Serbia are demanding autonomy from Serbian authorities.",
     ("REQUEST", "SRB CVL", "SRB GOV")),
])
def test_who_is_in_a_place(coded, text, expected):
    assert expected in coded(text)


def test_a_countrys_envoy_to_an_organisation_acts_for_the_country(coded):
    found = coded("Lena Dovik, deputy permanent representative of Estonia to the UN, criticized Belarus on Friday.")
    assert ("ACCUSE", "EST GOV", "BLR GOV") in found
