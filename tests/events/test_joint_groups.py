"""Counted joint nouns ("both sides", "both countries", "the three governments") stand for the
actors named together last, never for the clause's own subject. Invented sentences."""
from __future__ import annotations

import pytest

from nlp_helpers import analyze


def _events(text):
    return sorted((e.type, e.source.actor.code, e.target.actor.code) for e in analyze(text, date="2025-05-05").events)


def test_the_three_governments_are_each_a_source():
    found = _events("Norway, Chile and Kenya criticised Peru on Monday. "
                    "The three governments urged Lima to release the detained reporters.")
    assert {("REQUEST", f"{c} GOV", "PER GOV") for c in ("NOR", "CHL", "KEN")} <= set(found)


def test_both_countries_after_coordinated_adjectives_are_the_two_states():
    found = _events("Ecuadorian and Colombian troops clashed near the border on Sunday. "
                    "The African Union urged both countries to exercise restraint.")
    assert ("REQUEST", "AU", "ECU GOV") in found
    assert ("REQUEST", "AU", "COL GOV") in found


@pytest.mark.parametrize("verb", ["urged", "called on"])
def test_both_sides_is_not_the_subject(verb):
    found = _events("Somalia's army shelled positions held by al-Shabaab fighters. "
                    f"Ghana and Senegal {verb} both sides to return to talks.")
    requests = [f for f in found if f[0] == "REQUEST"]
    assert requests and all(t.startswith("SOM") for _, _, t in requests)
    assert all(s.split()[0] in ("GHA", "SEN") for _, s, _ in requests)


def test_fire_exchanged_is_an_attack_each_way():
    found = _events("Bolivian and Paraguayan border troops exchanged fire near the river crossing on Sunday.")
    assert ("ASSAULT", "BOL MIL", "PRY MIL") in found
    assert ("ASSAULT", "PRY MIL", "BOL MIL") in found
    assert not [f for f in found if f[2].endswith("CVL")]  # the place is no victim


def test_fire_traded_with_a_named_side_is_aimed_at_it():
    found = _events("Thai soldiers traded fire with Cambodian troops near the disputed temple.")
    assert ("ASSAULT", "THA MIL", "KHM MIL") in found


def test_a_fellow_target_is_not_the_other_side():
    found = _events("Canada imposed new sanctions on Nicaragua and Cuba on Monday. "
                    "Managua dismissed the measures as illegal.")
    assert not [f for f in found if f[0] == "REJECT" and f[2].startswith("CUB")]


def test_the_two_neighbours_are_countries_not_the_organisations_named_last():
    found = _events("Kenya expelled Uganda's envoy on Monday. The Arab League and the African Union "
                    "called for calm. Tanzania has been mediating between the two neighbours.")
    consults = {t.split()[0] for k, s, t in found if k == "CONSULT" and s.startswith("TZA")}
    assert consults == {"KEN", "UGA"}


def test_a_pair_in_a_complement_clause_is_not_its_subject():
    found = _events("Kenya expelled Uganda's envoy on Monday. Tanzania offered to host a summit between the two leaders.")
    agreed = {t.split()[0] for k, s, t in found if k == "AGREE" and s.startswith("TZA")}
    assert agreed == {"KEN", "UGA"}
