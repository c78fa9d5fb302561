"""Pronouns (issue 10, phenomenon 5): 'it' is an organisation of the right kind, not one named
inside the quote before it."""
from nlp_helpers import analyze, quote_starting


def test_it_is_not_the_body_named_inside_the_previous_quote():
    a = analyze('The Norwegian foreign ministry said: "We reject the claims made by NATO about the exercise."\n'
                "It added that the fishing fleet would not be moved from the area.", date="2024-05-14")
    q = quote_starting(a, "the fishing fleet would not")
    assert q is not None and q.speaker is not None and q.speaker.actor is not None
    assert q.speaker.actor.code.startswith("NOR")
