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
