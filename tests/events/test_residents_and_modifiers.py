"""Who a people named by a country word is (issue 9, item 4): "ethnic X" living in another
country are that country's population; "anti-X" and "pro-X" name what people oppose or back, not
whose they are; coordinated national modifiers keep every member. Every text is invented."""
from __future__ import annotations

import pytest

from dictionary_coder import triples_coder


@pytest.fixture()
def coded(pipeline_nlp, dictionary):
    return triples_coder(pipeline_nlp, dictionary)


def test_ethnic_people_who_act_where_they_live_are_its_population(coded):
    found = coded("About two hundred ethnic Hungarians rallied on Sunday in Romania against the new language law.")
    assert [(t, s[:3]) for t, s, _ in found] == [("PROTEST", "ROU")]


def test_ethnic_people_acted_on_where_they_live_are_its_population(coded):
    found = coded("Georgian police beat four ethnic Armenians during a raid in southern Georgia on Friday.")
    assert found and all(target.startswith("GEO") for _, _, target in found)


def test_a_demonym_without_ethnic_keeps_its_own_country(coded):
    found = coded("Hundreds of Armenians protested outside the Georgian embassy in Yerevan.")
    assert all(not source.startswith("GEO") for _, source, _ in found)


def test_an_anti_prefix_names_what_a_person_opposes(coded):
    found = coded("An anti-Syria columnist was killed by a car bomb in northern Beirut on Monday.")
    assert found and all(not target.startswith("SYR") for _, _, target in found)


def test_coordinated_national_modifiers_keep_every_member(coded):
    found = coded("Guards in Guinea beat dozens of Sierra Leonean and Liberian refugees at the camp.")
    targets = {target[:3] for _, _, target in found}
    assert {"SLE", "LBR"} <= targets


def test_coordinated_name_modifiers_are_each_a_side(coded):
    found = coded("Kenya and Tanzania's intelligence services agreed to share information.")
    assert {(t, s[:3], target[:3]) for t, s, target in found} & {("AGREE", "KEN", "TZA"), ("AGREE", "TZA", "KEN")}


def test_a_possessed_noun_shared_by_coordinated_countries(coded):
    found = coded("Kenya and Tanzania's police chiefs met in Arusha on Tuesday.")
    assert {(t, s[:3], target[:3]) for t, s, target in found} & {("CONSULT", "KEN", "TZA"), ("CONSULT", "TZA", "KEN")}


def test_a_country_and_an_organisation_named_as_modifiers(coded):
    found = coded("UK and EU negotiators agreed a new fisheries deal on Thursday.")
    assert {(s[:3], target[:3]) for _, s, target in found} & {("GBR", "EU"), ("EU", "GBR")}


def test_a_town_of_the_acting_state_is_its_people(coded):
    found = coded("Sudanese troops shelled Kadugli on Monday, residents said.")
    assert ("ASSAULT", "SDN MIL", "SDN CVL") in found


def test_a_national_modifier_is_no_place(coded):
    found = coded("The Ugandan president barred three Ugandan opposition figures from standing in March.")
    assert ("COERCE", "UGA GOV", "UGA OPP") in found


def test_a_people_named_with_a_country_adjective_is_that_country_s(coded):
    found = coded("Bosnian Serbs demanded that the army leave Srebrenica.")
    assert found and all(source.startswith("BIH") for _, source, _ in found)


def test_refugees_keep_their_country_wherever_they_live(coded):
    found = coded("Kestrel officials said Turkey will allow 5,000 Syrian refugees who have lived in Lebanon to settle in Hatay.")
    assert all(not target.startswith("LBN") for _, _, target in found)


def test_a_regional_adjective_names_its_country(coded):
    found = coded("The Catalan government condemned the arrest of its envoy by French police in Perpignan.")
    assert any(t == "ACCUSE" and s == "ESP GOV" for t, s, _ in found)


def test_protesters_abroad_protest_to_the_government_where_they_are(coded):
    found = coded("Syrian refugees in Lebanon protested against the new residency rules.")
    assert ("PROTEST", "SYR CVL", "LBN GOV") in found


def test_a_capital_s_namesake_in_the_country_the_article_names(coded):
    found = coded("Syrian troops shelled rival militias in Tripoli overnight, hitting the north Lebanese port's harbour.")
    assert found and all(not target.startswith("LBY") for _, _, target in found)
