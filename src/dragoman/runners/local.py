"""The in-process runner: one pipeline, ``nlp.pipe`` batching."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..pipeline import Analyzer
from ..records import Article, Failure


class LocalRunner:
    """One process, ``nlp.pipe`` batching."""

    def __init__(self, model: str | None = None, actors_file: str | Path | None = None, batch_size: int = 16):
        self.analyzer = Analyzer(model=model, actors_file=actors_file, batch_size=batch_size)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Failure]:
        return self.analyzer.analyze(articles)
