"""Event coder tests on invented sentences, with a small stand-in for the actor layer."""
from __future__ import annotations

import csv

import pytest

from dragoman import events as ev
from dragoman.records import Actor, Article
from fakecast import VARNEK, FakeCast, code, direct_quote, triples


@pytest.fixture(scope="module")
def nlp():
    from dragoman.nlp import load_base_nlp

    return load_base_nlp()


@pytest.mark.parametrize("text, expected", [
    ("Kestria accused Marovia of shelling border villages.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria blamed Marovia for the collapse of the truce.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Varnek sharply criticized Marovia on Tuesday.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria urged Marovia and Lundavia to show restraint.",
     [("REQUEST", "KST GOV", "LUN GOV"), ("REQUEST", "KST GOV", "MRV GOV")]),
    ("The NAO called on Kestria to release the detained sailors.", [("REQUEST", "NAO", "KST GOV")]),
    ("Kestria rejected the proposal made by Marovia.", [("REJECT", "KST GOV", "MRV GOV")]),
    ("Kestria threatened to impose sanctions on Marovia.", [("THREATEN", "KST GOV", "MRV GOV")]),
    ("Kestria imposed sanctions on Marovia.", [("SANCTION", "KST GOV", "MRV GOV")]),
    ("Kestria lifted its sanctions on Marovia.", [("RETREAT", "KST GOV", "MRV")]),
    ("Kestria expelled two Marovian diplomats.", [("SANCTION", "KST GOV", "MRV GOV")]),
    ("Kestrian troops attacked Marovian posts near the border.", [("ASSAULT", "KST MIL", "MRV MIL")]),
    ("Marovian posts were shelled by Kestrian troops overnight.", [("ASSAULT", "KST MIL", "MRV MIL")]),
    ("Kestrian troops launched an offensive against Marovia.", [("ASSAULT", "KST MIL", "MRV")]),
    ("Kestria praised Lundavia for its mediation.", [("SUPPORT", "KST GOV", "LUN GOV")]),
    ("Varnek met with Kalvas.", [("CONSULT", "KST GOV", "MRV GOV")]),
    ("Kestria and Marovia signed an agreement on water sharing.", [("AGREE", "KST GOV", "MRV GOV")]),
    ("Kestria deployed troops to the border with Marovia.", [("MOBILIZE", "KST MIL", "MRV")]),
    ("Kestria arrested three Marovian journalists.", [("COERCE", "KST GOV", "MRV")]),
    ("Kestria withdrew its troops from Marovia.", [("RETREAT", "KST GOV", "MRV")]),
    ("Kestria is ready to continue assisting Marovia.", [("AID", "KST GOV", "MRV GOV")]),
    ("Kestria said it will withdraw its ambassador from Marovia.", [("THREATEN", "KST GOV", "MRV GOV")]),
    ("Kestria said it is prepared to send aid to Marovia.", [("AGREE", "KST GOV", "MRV GOV")]),
    ("Varnek said Marovia must withdraw its forces.", [("REQUEST", "KST GOV", "MRV GOV")]),
    ("Kestria laughed off the statement by Marovia.", [("REJECT", "KST GOV", "MRV GOV")]),
])
def test_who_did_what_to_whom(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "Kestria did not rule out talks with Marovia.",
    "If Marovia attacks, Kestria could strike back at Marovia.",
    "Marovia may attack Kestria.",
    "Will Kestria attack Marovia?",
    "Kestria hopes to cooperate with Marovia.",
    "Kestria did not attack Marovia.",
    "A planned meeting between Kestria and Marovia was postponed.",
])
def test_what_did_not_happen_is_no_event(nlp, text):
    assert code(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # a governor's complement is coded as an intention; the governor only when it is not
    ("Kestria agreed to send aid to Marovia.", [("AGREE", "KST GOV", "MRV GOV")]),
    ("Kestria is ready to hold talks with Marovia.", [("AGREE", "KST GOV", "MRV GOV")]),
    ("Kestria vowed to attack Marovia.", [("THREATEN", "KST GOV", "MRV GOV")]),
    ("Kestria is willing to send engineers to help defend Marovia.", [("AGREE", "KST GOV", "MRV GOV")]),
    ("Kestria and Marovia failed to reach an agreement.", [("REJECT", "KST GOV", "MRV GOV")]),
    # joint exercises are cooperation, exercises near someone a show of force
    ("Kestria and Marovia held joint exercises.", [("COOPERATE", "KST GOV", "MRV GOV")]),
    ("Kestria held military exercises near Marovia.", [("MOBILIZE", "KST MIL", "MRV")]),
    # a government acting in its own country acts on its people
    ("The Kestrian government lifted the curfew in Kestria.", [("CONCEDE", "KST GOV", "KST CVL")]),
    ("Kestrian students called off their strike.", [("CONCEDE", "KST CVL", "KST GOV")]),
    ("Kestrian troops demolished Marovian homes.", [("COERCE", "KST MIL", "MRV")]),
    ("Kestrian troops captured a village in Marovia.", [("COERCE", "KST MIL", "MRV")]),  # PLOVER: occupying territory (192) coerces
    ("Kestria complained to the NAO about Marovian shelling.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria launched an investigation into Marovia.", [("ACCUSE", "KST GOV", "MRV GOV")]),
    ("Kestria handed over medicine to Marovia.", [("AID", "KST GOV", "MRV GOV")]),
    ("Kestria donated and delivered blankets to Marovia.", [("AID", "KST GOV", "MRV GOV")]),
    ("A roadside bomb killed two Marovian soldiers in Kestria.", [("ASSAULT", "KST UAF", "MRV MIL")]),
])
def test_governors_joint_acts_and_own_country(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


def test_did_not_back_is_a_negated_rejection(nlp):
    (event,) = code(nlp, "Kestria did not back the plan drafted by Marovia.")
    assert (event.type, event.negated, event.cameo) == ("REJECT", True, "120")
    assert event.target.actor.code == "MRV GOV"  # a state acting politically is its government


def test_acts_inside_an_accusation_are_not_coded(nlp):
    found = code(nlp, "Kestria accused Marovia of attacking Lundavia.")
    assert triples(found) == [("ACCUSE", "KST GOV", "MRV GOV")]


def test_we_in_a_quote_is_the_speaker_and_both_sides_the_last_pair(nlp):
    text = ('Fighting flared between Marovia and Lundavia. '
            '"We call on both sides to show restraint," Varnek said.')
    quote = direct_quote(text, "We call on both sides to show restraint,", "Varnek", VARNEK)
    found = code(nlp, text, quotes=[quote])
    requests = [e for e in found if e.type == "REQUEST"]
    assert triples(requests) == [("REQUEST", "KST GOV", "LUN GOV"), ("REQUEST", "KST GOV", "MRV GOV")]
    assert {e.evidence[0].quote_index for e in requests} == {0}


def test_mutual_talks_have_place_date_and_evidence(nlp):
    text = "Varnek held talks with Kalvas in Geneva on Monday."
    (event,) = code(nlp, text, date="2024-03-14")
    assert event.type == "CONSULT" and event.mutual
    assert event.location == "Geneva"
    assert event.date == "2024-03-11"
    evidence = event.evidence[0]
    assert text[evidence.trigger_start:evidence.trigger_end] == evidence.trigger == "talks"
    assert (evidence.sentence, evidence.text) == (0, text)


def test_event_has_no_date_without_article_date(nlp):
    (event,) = code(nlp, "Kestria accused Marovia on Monday of sabotage.", date=None)
    assert event.date is None


def test_same_event_reported_twice_is_one_event_with_two_evidences(nlp):
    text = "Kestria accused Marovia of sabotage. Later, Kestria again accused Marovia of lying."
    (event,) = code(nlp, text)
    assert [e.sentence for e in event.evidence] == [0, 1]


def test_mutual_events_merge_across_directions(nlp):
    text = "Varnek met Kalvas on Monday. Kalvas and Varnek met again on Tuesday."
    found = code(nlp, text)
    assert len(found) == 1 and len(found[0].evidence) == 2


def test_event_fields_come_from_the_cameo_table(nlp):
    (event,) = code(nlp, "Kestria accused Marovia of sabotage.")
    assert (event.cameo, event.quad_class, event.intensity, event.hypothetical) == (
        "112", "verbal conflict", -2.0, False)


# ---------------------------------------------------------------- the data files
PLOVER_QUAD = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "PROTEST": "material conflict",
    "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}


# Quad class by CAMEO root code (09 "investigate" is coded as an accusation here, and 016
# "deny responsibility" as a rejection of the accuser: a denial is no cooperation on a dyad chart).
CAMEO_QUAD = {"01": "verbal conflict", **{f"{i:02d}": "verbal cooperation" for i in range(2, 6)},
              **{f"{i:02d}": "material cooperation" for i in range(6, 9)},
              **{f"{i:02d}": "verbal conflict" for i in range(10, 14)},
              **{f"{i:02d}": "material conflict" for i in range(14, 21)}}


def test_cameo_table_is_consistent():
    with (ev.DATA / "cameo.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert list(rows[0]) == ["code", "plover_type", "mode", "quad_class", "goldstein", "label"]
    assert len({r["code"] for r in rows}) == len(rows)
    for row in rows:
        assert row["plover_type"] in PLOVER_QUAD, row
        assert row["quad_class"] == CAMEO_QUAD.get(row["code"][:2], row["quad_class"]), row
        assert -10.0 <= float(row["goldstein"]) <= 10.0


def test_every_type_has_patterns_and_every_pattern_a_known_code():
    lexicon = ev.load_lexicon()
    types = {lexicon.codes[p.cameo].type for found in lexicon.by_lemma.values() for p in found}
    assert types == set(PLOVER_QUAD)


def test_a_bare_on_in_a_user_pattern_is_reported(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("patterns:\n  - {lemma: [lean], prep: [on], cameo: '020'}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="D502"):
        ev.load_lexicon(user)


def test_a_user_pattern_adds_a_trigger(nlp, tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("patterns:\n  - {lemma: [snub], cameo: '120', target: [dobj]}\n", encoding="utf-8")
    lexicon = ev.load_lexicon(user)
    doc = nlp("Kestria snubbed Marovia.")
    article = Article(id="t", source="t", text=doc.text, date=None)
    found = ev.EventCoder(doc, article, FakeCast(doc), [], lexicon).run()
    assert triples(found) == [("REJECT", "KST GOV", "MRV GOV")]


# ---------------------------------------------------------------------- places, unnamed people
class _Dictionary:
    metonyms = {"dravo": Actor("MRV GOV", "Marovian government", "MRV GOV", "MRV", "GOV", "body")}


class PlaceCast(FakeCast):
    """The stand-in actor layer with a dictionary of seats of power (capital -> government)."""

    d = _Dictionary()


def code_with_places(nlp, text):
    doc = nlp(text)
    article = Article(id="t", source="t", text=text, date="2024-03-14")
    return ev.code_events(doc, article, PlaceCast(doc), [])


def test_a_named_place_stands_for_its_country(nlp):
    found = triples(code_with_places(nlp, "Kestrian troops shelled the town of Dravo."))
    assert found == [("ASSAULT", "KST MIL", "MRV")]


@pytest.mark.parametrize("text, expected", [
    # people named by what they are: the acting state's own
    ("Kestrian police arrested dozens of protesters on Monday.", [("COERCE", "KST COP", "KST CVL")]),
    # lifting emergency rule with no place named: on the state's own people
    ("The Kestrian government lifted the state of emergency on Sunday.", [("CONCEDE", "KST GOV", "KST CVL")]),
    # protesters named by their country's adjective are its people, not its state
    ("Kestrian landowners began a hunger strike outside parliament.", [("PROTEST", "KST CVL", "KST GOV")]),
    # the toll of an attack is not a second attack
    ("Kestrian troops attacked Marovia, killing ten civilians.", [("ASSAULT", "KST MIL", "MRV")]),
    # workers downing tools
    ("Kestrian miners stopped work on Monday.", [("PROTEST", "KST CVL", "KST GOV")]),
])
def test_unnamed_people_and_home_targets(nlp, text, expected):
    assert triples(code(nlp, text)) == sorted(expected)


def test_a_border_says_where_not_whom(nlp):
    found = triples(code(nlp, "Kestrian troops captured a rebel stronghold near the Marovian border."))
    assert ("ASSAULT", "KST MIL", "MRV") not in found
