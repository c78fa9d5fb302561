"""World coverage of the actor dictionary, on invented sentences (none of these statements happened).

Each case names someone or something added for world coverage and checks that the mention resolves
to the right actor and code, by full name, by surname after the full name, or by a role at a date.
"""
import pytest

from nlp_helpers import actor_code_of, actor_name_of, analyze

from dragoman.actors import ActorDictionary


@pytest.fixture(scope="module")
def dictionary():
    return ActorDictionary.load()


@pytest.mark.parametrize("name, code", [
    ("Karim Khan", "ICC"),
    ("Fatou Bensouda", "ICC"),
    ("Joan Donoghue", "ICJ"),
    ("Ngozi Okonjo-Iweala", "WTO"),
    ("Kristalina Georgieva", "IMF"),
    ("Omar Alieu Touray", "ECOWAS"),
    ("Moussa Faki Mahamat", "AU"),
    ("Philippe Lazzarini", "UNRWA"),
    ("Maroš Šefčovič", "EU"),
    ("Haitham al-Ghais", "OPEC"),
])
def test_officials_of_organisations_act_for_them(dictionary, name, code):
    person = dictionary.person(name)
    assert person is not None, name
    assert person.actor(None).code == code


def test_court_president_is_not_a_head_of_state(dictionary):
    # an IGO role never makes its holder "the president" of their country
    assert all(p.igo is None for p in dictionary.holders("president", "JPN", None))
    holders = dictionary.holders("court president", None, _date("2022-05-01"))
    assert {p.name for p in holders} == {"Joan Donoghue", "Piotr Hofmanski"}


def _date(text):
    from datetime import date
    return date.fromisoformat(text)


def test_prosecutor_by_name_then_surname():
    a = analyze("International Criminal Court prosecutor Karim Khan told reporters in The Hague that the "
                "warrants were sealed. Khan declined to name the suspects.", date="2023-03-20")
    assert actor_code_of(a, "Karim Khan") == "ICC"
    assert actor_name_of(a, "Khan") == "Karim Khan"


def test_transliteration_with_diacritics():
    a = analyze("Ahmet Üzümcü said inspectors would return to the site next week.", date="2016-04-12")
    assert actor_name_of(a, "Ahmet Üzümcü") == "Ahmet Uzumcu"
    assert actor_code_of(a, "Ahmet Üzümcü") == "OPCW"
