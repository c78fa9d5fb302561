"""Bloc names ("the West") found by pattern, and the capitalised words that only start with one."""
from nlp_helpers import analyze


def actor_codes(article):
    return {m.text: (m.actor.code if m.actor else None) for m in article.entities}


def test_the_west_as_a_bloc_is_an_actor():
    a = analyze("Kavran accused the West on Tuesday of prolonging the dispute over the Varna pipeline.",
                date="2024-05-02")
    assert actor_codes(a).get("the West") == "WST"


def test_west_african_and_west_bank_are_not_the_west():
    a = analyze("West African leaders met in Abuja on Monday to discuss the coup in Niger, while talks on "
                "the West Bank continued in Cairo.", date="2024-05-02")
    assert "WST" not in {m.actor.code for m in a.entities if m.actor}
