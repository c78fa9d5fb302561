"""Role and body speakers (issue 10, phenomenon 1): an unnamed spokesperson is the one the
article names, before or after; no one when the article names no one or several."""
from nlp_helpers import analyze, quote_starting


def speaker_name(article, words):
    q = quote_starting(article, words)
    assert q is not None, [x.text for x in article.quotes]
    return q.speaker.name if q.speaker else None


def test_the_spokesman_is_the_spokesman_named_before():
    a = analyze("Rebel military spokesman Haddad Qasimi said on Sunday that his forces had shelled the "
                "airport.\n\nThe fighters had fired four rockets at the runway overnight, the spokesman "
                "said.", date="2024-05-14")
    assert speaker_name(a, "The fighters had fired") == "Haddad Qasimi"


def test_the_spokeswoman_is_the_spokeswoman_named_after():
    a = analyze("Freedonia's foreign ministry spokeswoman said on Monday that her country was worried by "
                "the fighting.\n\n"
                '"The situation is alarming," Freedonian Foreign Ministry Spokesperson Lena Varga told a '
                "regular briefing.", date="2024-05-14")
    assert speaker_name(a, "her country was worried") == "Lena Varga"


def test_two_spokespeople_named_leave_the_role_unresolved():
    a = analyze("Army spokesman Tomas Relk and police spokesman Ivo Brand visited the site.\n\n"
                "The bridge would stay closed for a week, the spokesman said.", date="2024-05-14")
    assert speaker_name(a, "The bridge would stay closed") not in ("Tomas Relk", "Ivo Brand")


def test_he_continues_the_unnamed_spokesman_who_just_spoke():
    a = analyze("Freedonian Ambassador Piotr Halvorsen was summoned on Monday.\n\n"
                'A Foreign Office spokesman said: "The harassment of our diplomats has gone on for a year."\n\n'
                'He continued: "We are taking reciprocal action against two of their diplomats."',
                date="2024-05-14")
    q = quote_starting(a, "We are taking reciprocal action")
    assert q is not None and "spokesman" in q.speaker.name


def test_a_participle_after_an_embedded_clause_belongs_to_the_main_subject():
    a = analyze("Union spokeswoman Carla Brenning declined to say when the strike would end, telling reporters: "
                "\u201cWe will announce the next steps when the members have voted.\u201d", date="2024-05-14")
    assert quote_starting(a, "We will announce the next steps").speaker.name == "Carla Brenning"


def test_the_government_is_the_government_named_before():
    a = analyze("The Malawian government said on Monday that the new dam would open in the spring.\n\n"
                "The government warned that \u201cthe water level is still rising along the southern "
                "valley.\u201d", date="2024-05-14")
    q = quote_starting(a, "the water level is still rising")
    assert q is not None and q.speaker is not None
    assert q.speaker.actor is not None and q.speaker.actor.code == "MWI GOV"


def test_the_ministry_is_the_ministry_named_not_a_capital_named_after_it():
    a = analyze("The Malawian Foreign Ministry summoned the envoy on Monday to protest Lusaka's decision "
                "to close the border crossing.\n\n"
                "The ministry said the minister had handed the envoy a letter of protest.", date="2024-05-14")
    q = quote_starting(a, "the minister had handed")
    assert q is not None and q.speaker is not None
    assert q.speaker.actor is not None and q.speaker.actor.country == "MWI"
