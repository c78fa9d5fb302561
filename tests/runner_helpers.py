"""Shared by the runner tests: prepared articles of our own, and a pipeline that dies on a marker."""
from __future__ import annotations

import os
import threading
from typing import Callable, Iterable

from dragoman.pipeline import Analyzer, prepare
from dragoman.read import RawDocument
from dragoman.records import Article

# An article holding this word kills the worker process that analyses it, every time.
KILL_WORD = "Zyxwvutsrq"


def prepared_articles(n: int, *, start: int = 0) -> list[Article]:
    from test_analyze_cli import generated_article

    return [prepare(RawDocument(source=f"gen/{i:03d}.txt", text=generated_article(i))) for i in range(start, start + n)]


def killer_article() -> Article:
    text = (f"Officials meet in Valden\n\nValden, March 3 (Example Wire) — The {KILL_WORD} delegation arrived on"
            " Monday, officials said.\n\n\"We came to talk,\" the head of the delegation told reporters.")
    return prepare(RawDocument(source="gen/killer.txt", text=text))


class KillingAnalyzer(Analyzer):
    """The real pipeline, except that a chunk holding ``KILL_WORD`` ends the process at once."""

    def analyze(self, articles: Iterable[Article]):
        articles = list(articles)
        if any(KILL_WORD in a.text for a in articles):
            os._exit(9)
        return super().analyze(articles)


def drain(iterator: Iterable, *, timeout: float, on_first: Callable[[], None] | None = None) -> list:
    """Every item of ``iterator``, consumed in a thread; fails the test instead of hanging."""
    results: list = []
    errors: list[BaseException] = []

    def consume() -> None:
        try:
            for item in iterator:
                results.append(item)
                if len(results) == 1 and on_first:
                    on_first()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            errors.append(exc)

    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), f"the runner did not finish within {timeout} s (hang)"
    if errors:
        raise errors[0]
    return results
