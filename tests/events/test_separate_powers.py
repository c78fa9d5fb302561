"""One state's legislature or court acting on its executive is an event (a parliament voting
down the prime minister's plan, a court ordering a former president to appear); one state's
army or police "accusing" its own government stays a misread subject. Every text is invented."""
from __future__ import annotations

import pytest

from dictionary_coder import triples_coder


@pytest.fixture()
def coded(pipeline_nlp, dictionary):
    return triples_coder(pipeline_nlp, dictionary)


def test_a_parliament_rejects_its_government_s_plan(coded):
    found = coded("Kenya's parliament on Thursday rejected the Kenyan government's plan to raise fuel taxes.")
    assert ("REJECT", "KEN LEG", "KEN GOV") in found


def test_a_court_rejects_a_request_of_the_government(coded):
    found = coded("A Ghanaian court rejected a request from the Ghanaian government to delay the hearing.")
    assert any(t == "REJECT" and s == "GHA JUD" and target == "GHA GOV" for t, s, target in found)


def test_an_army_and_its_own_government_are_still_one_state(coded):
    found = coded("The Zambian army rejected the Zambian government's budget for new barracks.")
    assert not any(s == "ZMB MIL" and target == "ZMB GOV" for _, s, target in found)
