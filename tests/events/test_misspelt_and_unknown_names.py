"""Actors the dictionary does not know as written (issue 9, item 4): a state's name with one
typo ("Ethopia"), and an organisation unknown to the dictionary whose name carries a
country's adjective ("the Nigerian Union of Teachers"). Every text is invented."""
from __future__ import annotations

import pytest

from dictionary_coder import triples_coder
from dragoman.actors.near_names import near_names


@pytest.fixture()
def coded(pipeline_nlp, dictionary):
    return triples_coder(pipeline_nlp, dictionary)


@pytest.mark.parametrize("word, code", [("Ethopia", "ETH"), ("Afganistan", "AFG"), ("Phillippines", "PHL"),
                                        ("Tadjikistan", "TJK")])
def test_one_typo_away_from_one_state(dictionary, word, code):
    assert near_names(dictionary).actor(word).code == code


@pytest.mark.parametrize("word", ["Siberia", "Iberia", "Americas", "Indiana", "Gordon", "Paris", "Ethiopia"])
def test_real_names_and_short_words_are_no_typos(dictionary, word):
    assert near_names(dictionary).actor(word) is None


def test_an_adjective_is_matched_only_where_an_adjective_stands(dictionary):
    assert near_names(dictionary).actor("Indiana") is None
    assert near_names(dictionary).actor("Ukranian", adjective=True).code == "UKR"


def test_a_misspelt_state_acts(coded):
    found = coded("Ethopia has accused Eritrea of moving tanks toward the disputed border town.")
    assert any(t == "ACCUSE" and s.startswith("ETH") and target.startswith("ERI") for t, s, target in found)


def test_a_misspelt_state_is_acted_on(coded):
    found = coded("The Iranian government rejected a new proposal from Afganistan on sharing river water.")
    assert any(t == "REJECT" and s.startswith("IRN") and target.startswith("AFG") for t, s, target in found)


def test_a_misspelt_owner_names_the_state(coded):
    found = coded("Quatar's foreign minister met the Sudanese army chief in Doha on Tuesday.")
    assert any(t == "CONSULT" and {s[:3], target[:3]} == {"QAT", "SDN"} for t, s, target in found)


def test_an_unknown_union_with_a_country_adjective_is_of_that_country(coded):
    found = coded("The Zambian Association of Miners said on Friday that it had called off its strike after "
                  "talks with the Zambian government.")
    assert any(t == "CONCEDE" and s.startswith("ZMB") and target == "ZMB GOV" for t, s, target in found)


def test_a_state_s_former_name_is_the_state(coded):
    found = coded("Zaire accused Uganda of arming rebels along the shared border.")
    assert any(t == "ACCUSE" and s.startswith("COD") and target.startswith("UGA") for t, s, target in found)


def test_a_former_state_adjective_names_the_successor(coded):
    found = coded("Soviet troops shelled villages near the Afghan city of Herat on Tuesday.")
    assert any(t == "ASSAULT" and s == "RUS MIL" and target.startswith("AFG") for t, s, target in found)


def test_a_people_of_several_countries_takes_the_one_the_context_names(coded):
    found = coded("The Mozambique government on Friday accepted demands from Shona rebels for new talks.")
    assert all(not target.startswith("ZWE") for _, _, target in found)
