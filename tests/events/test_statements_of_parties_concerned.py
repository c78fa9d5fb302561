""""Relevant parties", "the parties concerned" in a speaker's call: the two countries named last,
not the speaker's own (issue 9, item 4). The text is invented for the test."""
from __future__ import annotations

from dragoman.pipeline import Analyzer


def test_relevant_parties_are_the_two_sides_named_last():
    text = ('Russian missiles struck Kyiv on Monday after the blast on the bridge. "We call on relevant '
            'parties to resolve their differences through dialogue," the Chinese foreign ministry '
            'spokeswoman said.')
    article = Analyzer().analyze_text(text)
    found = {(e.type, e.source.actor.code, e.target.actor.code) for e in article.events}
    assert {("REQUEST", "CHN GOV", "UKR GOV"), ("REQUEST", "CHN GOV", "RUS GOV")} <= found
