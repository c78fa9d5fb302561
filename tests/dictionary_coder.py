"""Event coding with the bundled actor dictionary (fakecast.py is the stand-in actor layer)."""
from __future__ import annotations

from dragoman import events as ev
from dragoman.actors import Cast
from dragoman.records import Article


def triples_coder(nlp, dictionary):
    """``run(text, dateline=None)``: the sorted (type, source code, target code) of the events the
    coder finds with the bundled actor dictionary."""
    def run(text: str, dateline: str | None = None) -> list[tuple[str, str, str]]:
        doc = nlp(text)
        article = Article(id="t", source="t", text=text, date="2025-05-06", dateline=dateline)
        events = ev.code_events(doc, article, Cast(doc, article, dictionary), [])
        return sorted((e.type, e.source.actor.code, e.target.actor.code) for e in events)
    return run
