"""'One diplomat', 'one official' brings in someone the article does not name, not the person
holding a related role named before."""
from nlp_helpers import analyze, quote_starting


def test_one_diplomat_is_not_the_foreign_minister_named_before():
    a = analyze("Hungary's foreign minister, Peter Szijjarto, criticised the plan on Tuesday.\n\n"
                "According to one diplomat, who asked not to be named, seven countries opposed the draft.",
                date="2024-06-10")
    q = quote_starting(a, "seven countries opposed")
    assert q is not None and q.speaker is not None
    assert "Szijjarto" not in q.speaker.name and (q.speaker.actor is None or q.speaker.actor.kind != "person")
