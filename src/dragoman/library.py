"""The Python API behind ``import dragoman`` (see docs/python.md).

``load`` gives a ``TextAnalyzer`` (one spaCy pipeline with dragoman's stages); ``analyze_paths``
reads files into a store as ``dragoman analyze`` does; ``open_store`` gives the query functions;
``to_dicts`` and ``to_frame`` turn records into plain rows.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import (InputError, PartialWarning, SkippedWarning, StoreError, UsageError, warn)
from .read import RawDocument
from .records import Article, Failure

log = logging.getLogger(__name__)

SKIP_REASONS = {"not_english": "not English", "too_short": "too short to analyse"}


class TextAnalyzer:
    """Analyse texts in this process: ``analyzer("text", date="2024-05-01")`` is an ``Article``."""

    def __init__(self, model: str | None = None, actors: str | Path | None = None, batch_size: int = 16):
        from .pipeline import Analyzer

        self._analyzer = Analyzer(model=model, actors_file=actors, batch_size=batch_size)

    @property
    def nlp(self):
        """The spaCy pipeline the texts are parsed with."""
        return self._analyzer.nlp

    def __call__(self, text: str, *, date: str | None = None, title: str | None = None,
                 source: str = "<text>", url: str | None = None, outlet: str | None = None) -> Article:
        """One article: cleaned, parsed and analysed. Raises ``InputError`` if no text is left."""
        result = next(self.pipe([RawDocument(source=source, text=text, date=date, title=title, url=url,
                                             outlet=outlet)]))
        if isinstance(result, Failure):
            raise InputError(f"{result.source}: {result.reason}", code="D101",
                             hint="pass the article's text (at least a sentence)")
        return result

    def pipe(self, items: Iterable[str | dict | RawDocument | Article]) -> Iterator[Article | Failure]:
        """Analyse a stream in batches, yielding each result in input order.

        Items are texts, dicts with ``text`` (or ``html``) and optional ``date``, ``title``,
        ``url``, ``outlet``, ``source``, ``RawDocument``s or prepared ``Article``s. An item that
        cannot be analysed comes back as a ``Failure`` with its reason; the stream goes on.
        """
        from .pipeline import prepare_safely

        def prepared() -> Iterator[Article | Failure]:
            for n, item in enumerate(items):
                if isinstance(item, Article):
                    yield item
                    continue
                raw = _raw_document(item, n)
                yield raw if isinstance(raw, Failure) else prepare_safely(raw)

        for result in _analyze_in_order(self._analyzer, prepared()):
            _warn_about(result)
            yield result


def _raw_document(item: Any, n: int) -> RawDocument | Failure:
    if isinstance(item, RawDocument):
        return item
    if isinstance(item, str):
        return RawDocument(source=f"<text {n}>", text=item)
    if isinstance(item, dict):
        fields = {k: item.get(k) for k in ("text", "html", "url", "title", "date", "outlet")}
        source = str(item.get("source") or item.get("id") or f"<text {n}>")
        if not (fields["text"] or fields["html"]):
            return Failure(source, "[D101] the record has no text or html")
        return RawDocument(source=source, **fields)
    raise UsageError(f"pipe() takes texts, dicts, RawDocuments or Articles, not {type(item).__name__}",
                     code="D401")


def _analyze_in_order(analyzer, items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    """Failures pass through at their place; articles go to the analyzer in batches."""
    pending: list[Article] = []
    held: list[Article | Failure] = []  # results in input order, waiting for the batch before them
    for item in items:
        if isinstance(item, Failure) and not pending:
            yield item
            continue
        held.append(item)
        if isinstance(item, Article):
            pending.append(item)
        if len(pending) >= analyzer.batch_size:
            yield from _flush(analyzer, pending, held)
            pending, held = [], []
    yield from _flush(analyzer, pending, held)


def _flush(analyzer, pending: list[Article], held: list) -> Iterator[Article | Failure]:
    done = {id(a): a for a in analyzer.analyze(pending)} if pending else {}
    for item in held:
        yield done.get(id(item), item)


def _warn_about(result: Article | Failure) -> None:
    if isinstance(result, Failure):
        log.info("%s: failed: %s", result.source, result.reason)
    elif result.status == "partial":
        warn("D501", f"{result.source}: kept as partial: {result.reason}", PartialWarning, stacklevel=4)
    elif result.status in SKIP_REASONS:
        warn("D502", f"{result.source}: not analysed: {SKIP_REASONS[result.status]} "
                     f"(language {result.language!r})", SkippedWarning, stacklevel=4)


def load(model: str | None = None, actors: str | Path | None = None, *, batch_size: int = 16) -> TextAnalyzer:
    """An analyzer: the spaCy pipeline (``model``, default the bundled English one) and the
    actor dictionary, with your own actor file (YAML) added when given."""
    return TextAnalyzer(model=model, actors=actors, batch_size=batch_size)


# -- files into a store --------------------------------------------------------------------------
@dataclass
class Summary:
    """What ``analyze_paths`` did: counts, and every skipped, partial or failed input with its reason."""

    analysed: int = 0
    stored: int = 0
    skipped: list[Failure] = field(default_factory=list)  # already stored, not English, too short
    partial: list[Failure] = field(default_factory=list)  # kept, but a stage failed on it
    failed: list[Failure] = field(default_factory=list)  # not read or not analysed at all

    @property
    def ok(self) -> bool:
        return not (self.failed or self.partial)

    def to_dict(self) -> dict[str, Any]:
        def rows(items: list[Failure]) -> list[dict[str, str]]:
            return [{"source": f.source, "reason": f.reason} for f in items]

        return {"analysed": self.analysed, "stored": self.stored, "skipped": rows(self.skipped),
                "partial": rows(self.partial), "failed": rows(self.failed)}


def analyze_paths(paths: Iterable[str | Path] | str | Path, store=None, *, analyzer: TextAnalyzer | None = None,
                  model: str | None = None, actors: str | Path | None = None) -> Summary:
    """Read files and folders (recursively; .txt, .html, .pdf, .jsonl), analyse every article
    and save it to ``store`` (a Store, a path or a URL; None stores nothing)."""
    from .pipeline import prepare_safely
    from .read import iter_documents

    if isinstance(paths, (str, Path)):
        paths = [paths]
    analyzer = analyzer or load(model=model, actors=actors)
    own_store = store is not None and not hasattr(store, "save_article")
    target = open_store(store) if own_store else store
    summary = Summary()

    def to_analyse() -> Iterator[Article]:
        for raw in iter_documents([str(p) for p in paths]):
            item = raw if isinstance(raw, Failure) else prepare_safely(raw)
            if isinstance(item, Failure):
                (summary.skipped if item.skipped else summary.failed).append(item)
            elif target is not None and target.is_stored(item):
                summary.skipped.append(Failure(item.source, "already stored"))
            else:
                yield item

    try:
        for article in analyzer._analyzer.analyze(to_analyse()):
            _count(article, summary)
            if target is not None and not isinstance(article, Failure):
                if target.save_article(article):
                    summary.stored += 1
                else:
                    summary.skipped.append(Failure(article.source, "already stored"))
    finally:
        if own_store:
            target.close()
    log.info("%d analysed, %d stored, %d skipped, %d partial, %d failed", summary.analysed, summary.stored,
             len(summary.skipped), len(summary.partial), len(summary.failed))
    return summary


def _count(article: Article | Failure, summary: Summary) -> None:
    if isinstance(article, Failure):
        summary.failed.append(article)
    elif article.status == "analysed":
        summary.analysed += 1
    elif article.status == "partial":
        summary.partial.append(Failure(article.source, article.reason or "a stage failed"))
    else:
        summary.skipped.append(Failure(article.source, SKIP_REASONS.get(article.status, article.status)))


# -- the store and rows --------------------------------------------------------------------------
def open_store(url: str | Path | None = None, *, readonly: bool = False):
    """The store at ``url`` (SQLite file or ``postgresql://`` URL; default ``$DRAGOMAN_DB`` or
    ./dragoman.db): ``quotes()``, ``events()``, ``dyad()``, ``actors()``, ``actor()``, ``stories()``..."""
    import sqlite3

    from .store import default_db, is_url
    from .store import open_store as open_any

    target = str(url) if url is not None else default_db()
    if readonly and not is_url(target) and not Path(target).exists():
        raise StoreError(f"no store at {target}", code="D301", hint="analyse some articles into it first")
    try:
        return open_any(target, readonly=readonly)
    except (sqlite3.Error, ConnectionError, ImportError, OSError) as exc:
        raise StoreError(f"cannot open the store at {target}: {exc}", code="D302",
                         hint="check the path or URL, and for Postgres pip install 'dragoman[postgres]'") from exc


def to_dicts(records: Any) -> list[dict[str, Any]]:
    """Plain dicts of records (``Article``, ``Quote``, ``Event``, ``Mention``...), of store rows,
    or of one record; an ``Article`` alone gives one row."""
    if records is None:
        return []
    if hasattr(records, "to_dict") or isinstance(records, dict):
        records = [records]
    return [r.to_dict() if hasattr(r, "to_dict") else dict(r) for r in records]


def to_frame(records: Any, *, sep: str = "."):
    """A pandas DataFrame of records or rows; nested fields become columns like ``speaker.name``."""
    try:
        import pandas
    except ImportError as exc:
        raise UsageError("to_frame needs pandas", code="D402", hint="pip install pandas") from exc
    return pandas.json_normalize(to_dicts(records), sep=sep)


__all__ = ["TextAnalyzer", "Summary", "load", "analyze_paths", "open_store", "to_dicts", "to_frame"]
