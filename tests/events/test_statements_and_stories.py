"""Statements that are the act, actors of joint and denied acts, and two whole invented
stories (issue 9: items 2, 4 and 5; the border clash and the water-cannon briefing)."""
from __future__ import annotations

from pathlib import Path

import pytest

from fakecast import VARNEK, code, direct_quote, triples

HERE = Path(__file__).parent


@pytest.mark.parametrize("text, expected", [
    # an attack a side reports, undenied, is the attack: a report blames no one
    ("Varnek said Marovian troops shelled Kestria overnight.", [("ASSAULT", "MRV MIL", "KST")]),
    # a breach with no victim named is still the speaker's accusation
    ("Varnek said that Marovia keeps violating the ceasefire.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    # calling a claim false rejects whoever made it
    ("Varnek said the claims by Marovia were false.", [("REJECT", "KST GOV", "MRV GOV")]),
    # word sense: calling a plan reckless is no phone call
    ("Kestria called the Marovian plan reckless.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria described the Marovian move as unfriendly.", [("ACCUSE", "KST GOV", "MRV GOV")]),
])
def test_statements_that_are_the_act(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


def test_false_in_a_quote_answers_the_side_named_before(nlp):
    text = 'Marovia accused Kestria of spying. "The accusations are entirely false," Varnek said.'
    quote = direct_quote(text, "The accusations are entirely false,", "Varnek", VARNEK)
    found = triples(code(nlp, text, quotes=[quote]))
    assert ("REJECT", "KST GOV", "MRV GOV") in found


def test_a_third_party_relaying_news_accuses_nobody(nlp):
    found = triples(code(nlp, "Marovian troops shelled Lundavia on Sunday, Varnek said."))
    assert not [t for t in found if t[0] == "ACCUSE"]


def test_an_attack_the_other_side_denies_is_no_attack(nlp):
    text = ("Varnek said Marovian troops shelled Kestria overnight. "
            "Kalvas rejected the accusation by Kestria as false.")
    found = triples(code(nlp, text))
    assert ("ACCUSE", "KST GOV", "MRV MIL") in found
    assert ("REJECT", "MRV GOV", "KST GOV") in found
    assert not [t for t in found if t[0] == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "Marovian rebels fired rockets at Kestrian villages, the Kestrian army said.",
    "Marovian drones struck a Kestrian power station overnight, Kestrian officials said on Friday.",
])
def test_a_side_reporting_an_attack_on_it_accuses_nobody(nlp, text):
    found = triples(code(nlp, text))
    assert [t[0] for t in found] == ["ASSAULT"]


def test_one_state_does_not_accuse_itself(nlp):
    found = triples(code(nlp, "Kestrian troops criticised the Kestrian government."))
    assert found == []


# ---------------------------------------------------------------------- whole stories
@pytest.fixture(scope="module")
def analyze():
    from nlp_helpers import analyze as run

    return run


def _events(article):
    return [(e.type, e.source.actor.code, e.target.actor.code) for e in article.events]


def test_the_border_clash_is_a_conflict(analyze):
    article = analyze((HERE / "border_clash.txt").read_text(encoding="utf-8"), date="2025-03-03")
    found = _events(article)
    roots = {(t, s.split()[0], g.split()[0]) for t, s, g in found}
    assert ("ACCUSE", "KGZ", "TJK") in roots
    assert ("REJECT", "TJK", "KGZ") in roots
    assert ("THREATEN", "KGZ", "TJK") in roots
    assert not [f for f in found if f[0] == "ASSAULT"]  # asserted by one side, denied by the other
    assert all(s.split()[0] != g.split()[0] for _, s, g in found)  # no state acts on itself
    assert all("cooperation" not in e.quad_class for e in article.events)


def test_the_water_cannon_briefing(analyze):
    article = analyze((HERE / "water_cannon_briefing.txt").read_text(encoding="utf-8"), date="2025-06-18")
    found = _events(article)
    roots = {(t, s.split()[0], g.split()[0]) for t, s, g in found}
    assert ("COERCE", "CHN", "PHL") in roots  # water cannon is coercion, not an armed attack
    assert ("THREATEN", "CHN", "PHL") in roots  # "must stop ..., or China will take countermeasures"
    assert ("REJECT", "PHL", "CHN") in roots  # the Philippine ministry, not the USA
    assert not [f for f in found if f[0] == "ASSAULT"]
    assert not [f for f in found if f[1].startswith("USA")]
