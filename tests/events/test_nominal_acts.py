"""Acts written as nouns that name who acts in a phrase of their own (issue 9, item 1), on
invented text: "the blockade of X by Y", "the visit of X to Y", and a passive light verb."""
from nlp_helpers import analyze


def coded(text):
    article = analyze(text, date="2024-05-01")
    return {(e.type, e.source.actor.code.split()[0], e.target.actor.code.split()[0]) for e in article.events}


def test_the_blockade_of_x_by_y_is_y_acting_on_x():
    assert ("COERCE", "SAU", "QAT") in coded("The blockade of Qatar by Saudi Arabia lasted three years.")


def test_by_hung_on_the_object_of_the_noun_still_names_who_acts():
    # the parse attaches "by Poland" to "ambassador"; a passive light verb names no one
    assert ("SANCTION", "POL", "RUS") in coded(
        "The expulsion of Russia's ambassador by Poland was announced on Friday.")


def test_the_visit_of_x_to_y_is_x_visiting_y():
    assert ("CONSULT", "IND", "RUS") in coded(
        "The visit of the Indian prime minister to Russia was criticised in Kyiv.")


def test_an_of_phrase_is_not_the_doer_when_it_is_the_one_acted_on():
    # "of" is the target of a killing, and students visiting a museum involve no two actors
    events = coded("The killing of three Malian soldiers near the border was condemned by the African Union. "
                   "A visit of students to the museum in Bamako was cancelled.")
    assert not any(source == "MLI" for _, source, _ in events)
    assert not any(kind == "CONSULT" for kind, _, _ in events)


def test_a_states_support_for_another_is_support_and_public_support_is_none():
    assert ("SUPPORT", "FRA", "MAR") in coded("France's support for Morocco's autonomy plan angered Algeria.")
    assert ("SUPPORT", "RUS", "SYR") in coded("Russian backing for the Syrian government has not wavered.")
    assert not any(kind == "SUPPORT" for kind, _, _ in coded("Public support for the reform fell in March."))
