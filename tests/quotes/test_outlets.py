"""Outlets and framing phrases are not speakers of what they relay (issue 10, phenomenon 3)."""
from nlp_helpers import analyze, quote_starting


def speaker_name(article, words):
    q = quote_starting(article, words)
    assert q is not None, [x.text for x in article.quotes]
    return q.speaker.name if q.speaker else None


def test_according_to_an_outlet_the_minister_told():
    a = analyze("Interior Minister Dara Velikova told the families that the search would go on through the "
                "winter, according to the Morning Ledger daily.", date="2024-05-14")
    assert speaker_name(a, "the search would go on") == "Dara Velikova"


def test_according_to_the_readout_the_president_accused():
    a = analyze("According to the readout, President Anton Breska accused the neighbouring state of "
                "arming the militias in the north.", date="2024-05-14")
    assert speaker_name(a, "arming the militias") == "Anton Breska"


def test_an_outlet_that_is_the_sole_source_speaks():
    a = analyze("Three ferries were cancelled on Monday because of the storm, according to the Morning Ledger.",
                date="2024-05-14")
    assert speaker_name(a, "Three ferries were cancelled") == "Morning Ledger"


def test_according_to_a_person_the_apposition_only_says_who_they_are():
    a = analyze("Ad sales rose sharply last year, according to Bo Wiese, an analyst at Pivot Research Group.",
                date="2024-10-02")
    assert speaker_name(a, "Ad sales rose") == "Bo Wiese"
