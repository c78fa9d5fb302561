"""A member suspended from an organisation is sanctioned; an act named in a phrase that dates
another ("after talks with X") is coded too. Invented sentences about real actors."""
from __future__ import annotations

import pytest

from nlp_helpers import analyze


def _events(text):
    return sorted((e.type, e.source.actor.code, e.target.actor.code) for e in analyze(text, date="2025-05-05").events)


@pytest.mark.parametrize("text, expected", [
    ("The African Union suspended Guinea from the union on Friday.", ("SANCTION", "AU", "GIN GOV")),
    ("The Arab League expelled Libya from the organisation.", ("SANCTION", "ARL", "LBY GOV")),
])
def test_suspension_from_an_organisation(text, expected):
    found = _events(text)
    assert [f for f in found if f[0] == "SANCTION" and f[2] == expected[2]]


def test_a_club_suspending_players_is_no_sanction():
    assert not [f for f in _events("The club suspended two players from the squad.") if f[0] == "SANCTION"]


def test_a_meeting_that_dates_another_act_is_coded():
    found = _events("Cuba freed three Canadian tourists on Monday after a meeting between "
                    "Cuban officials and a Canadian envoy.")
    assert [f for f in found if f[0] == "CONSULT" and {f[1][:3], f[2][:3]} == {"CUB", "CAN"}]
