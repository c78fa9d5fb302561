"""'said Rome needed "..."': two words of the writer's before a quoted fragment make a clause
of their own when one is a verb, so the quote is mixed and starts with them."""
from nlp_helpers import analyze, quote_starting


def test_a_short_clause_before_the_quoted_fragment_is_part_of_the_quote():
    a = analyze("Her Portuguese counterpart, Rui Matos, said Lisbon wanted \"real burden sharing, not slogans.\"",
                date="2024-06-10")
    q = quote_starting(a, "Lisbon wanted")
    assert q is not None and q.kind == "mixed" and q.speaker is not None and q.speaker.name.endswith("Matos")


def test_said_that_before_the_quote_leaves_the_quote_direct():
    a = analyze("The governor said that \"every family on the coast must leave tonight.\"", date="2024-06-10")
    q = quote_starting(a, "every family on the coast")
    assert q is not None and q.text.startswith("every family")
