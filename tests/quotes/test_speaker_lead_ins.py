"""Speakers named before the quote, in a lead-in of their own (issue 10, items 1 and 4), on
invented text."""
from nlp_helpers import analyze, quote_starting

RALLY = ("Town hall in Marlow County\n\n"
         "The moderators spent the evening asking the two candidates about their old feuds rather "
         "than about their plans for the county's roads.\n\n"
         "Councilwoman Dana Whitlock grew impatient with the format. Whitlock answered them:\n\n"
         '"These questions tell the people watching at home that nobody here cares about the bridge."\n\n'
         "Retired teacher Owen Prestley echoed:\n\n"
         '"She speaks her mind, and I think that is exactly what this county needs right now."\n')


def speaker_name(article, words):
    q = quote_starting(article, words)
    assert q is not None, [x.text for x in article.quotes]
    return q.speaker.name if q.speaker is not None else None


def test_a_paragraph_ending_in_a_colon_names_the_speaker_of_the_next_one():
    a = analyze(RALLY, date="2016-05-01")
    assert speaker_name(a, "These questions tell the people") == "Dana Whitlock"
    assert speaker_name(a, "She speaks her mind") == "Owen Prestley"
