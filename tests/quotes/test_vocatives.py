"""A name addressed inside a quote is not who 'he' or 'she' of its attribution is."""
from nlp_helpers import analyze, quote_starting


def test_the_one_addressed_in_the_quote_is_not_the_speaker():
    a = analyze("Mayor Tobias Renner opened the new bridge on Saturday.\n\n"
                "\"Only you, Marta, could have finished this before the rains,\" he told the chief engineer "
                "at the ceremony.", date="2024-06-10")
    q = quote_starting(a, "Only you, Marta")
    assert q is not None and q.speaker is not None and q.speaker.name == "Tobias Renner"
