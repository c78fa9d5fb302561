"""Governments named after their leader inside a name the entity recogniser took whole ("the
Netanyahu Government"), and national agencies the dictionary knows by name (issue 9, item 4).
Every text is invented."""
from __future__ import annotations

import pytest

from dictionary_coder import triples_coder


@pytest.fixture()
def coded(pipeline_nlp, dictionary):
    return triples_coder(pipeline_nlp, dictionary)


def test_a_government_named_after_its_leader_is_the_leader_s_state(coded):
    found = coded("The Netanyahu Government rejected the latest ceasefire proposal from Egypt.")
    assert any(t == "REJECT" and s == "ISR GOV" and target.startswith("EGY") for t, s, target in found)


def test_a_leader_s_name_before_another_noun_names_no_government(coded):
    found = coded("The Netanyahu Foundation criticised Egypt over the border crossing.")
    assert all(s != "ISR GOV" for _, s, _ in found)


def test_a_national_agency_known_by_name_acts_for_its_state(coded):
    found = coded("The Department for International Development has cut its aid to Malawi after the disputed vote.")
    assert any(s == "GBR GOV" and target.startswith("MWI") for _, s, target in found)


def test_joined_someone_for_talks_is_a_meeting_with_them(coded):
    found = coded("The Peruvian foreign minister joined the Chilean foreign minister for a long meeting in Lima on Monday.")
    assert any(t == "CONSULT" and {s[:3], target[:3]} == {"PER", "CHL"} for t, s, target in found)


def test_a_peacekeeping_mission_is_its_organisation(coded):
    found = coded("AMISOM troops repelled an attack by al-Shabaab fighters on their base near Mogadishu.")
    assert any(s == "AU" or target == "AU" for _, s, target in found)
