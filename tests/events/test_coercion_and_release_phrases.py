"""Codebook phrases of coercion, attack and release (issue 9, item 3): forcing a plane down,
suspending a newspaper, a car bomb set off near a base, the release announced as a noun.
Invented sentences about invented countries."""
from __future__ import annotations

from fakecast import code, triples


def test_forcing_a_plane_to_land_coerces_its_country(nlp):
    events = code(nlp, "Kestrian jets forced a Marovian cargo plane to land in the north.")
    assert [(e.type, e.cameo, e.target.actor.code) for e in events] == [("COERCE", "191", "MRV")]


def test_forcing_rebels_out_of_a_town_is_no_plane_forced_down(nlp):
    assert [e.cameo for e in code(nlp, "Kestrian troops forced Marovian rebels to leave the town.")
            if e.cameo == "191"] == []


def test_suspending_a_newspapers_publication_is_an_administrative_sanction(nlp):
    events = code(nlp, "The Kestrian government suspended publication of a Marovian newspaper.")
    assert [(e.type, e.cameo) for e in events] == [("COERCE", "172")]


def test_a_vehicle_bomb_detonated_near_a_base_attacks_the_base(nlp):
    events = code(nlp, "A Marovian rebel detonated an explosives-laden vehicle near a Kestrian army post.")
    assert triples(events) == [("ASSAULT", "MRV REB", "KST MIL")]


def test_a_release_announced_as_a_noun_releases_the_people_named(nlp):
    events = code(nlp, "Kestria announced the release of two Marovian students.")
    assert [(e.type, e.cameo, e.target.actor.code) for e in events] == [("RETREAT", "0841", "MRV CVL")]
