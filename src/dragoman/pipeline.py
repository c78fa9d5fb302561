"""The analysis pipeline: read -> clean -> parse -> actors -> quotes -> events.

``prepare`` does the cheap, per-document part (decoding, cleaning, metadata, language) so a
caller can skip articles already stored before paying for the parse; ``Analyzer.analyze``
parses prepared articles in batches with ``nlp.pipe`` and runs the extraction stages.
"""
from __future__ import annotations

import gc
import hashlib
import logging
from pathlib import Path
from typing import Iterable, Iterator

from spacy.tokens import Doc

from .actors import ActorDictionary, Cast
from .clean import is_wall_page, split_page
from .events import code_events
from .errors import InputError
from .events import load_lexicon
from .geo import load_places, locate_events
from .language import detect_language
from .ingest.html import extract_page
from .metadata import Metadata, extract_body_metadata, extract_metadata, parse_full_date
from .nlp import load_nlp
from .quotes import extract_quotes
from .read import RawDocument
from .records import Article, Failure

log = logging.getLogger(__name__)

MIN_WORDS = 5
MAX_CHARS = 1_000_000  # spaCy's own limit for one text (about 150,000 words)
PARAGRAPH_BREAK = "\n\n"


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def prepare(raw: RawDocument) -> Article | Failure:
    """Clean one document and find its metadata; no parsing yet.

    A web page's text is what trafilatura found, with only known furniture removed (any
    language keeps its text); plain text goes through the header and furniture rules.
    """
    meta, page_date_source = Metadata(), None
    if raw.html is not None:
        page = extract_page(raw.html, raw.url)
        if page is None:
            return Failure(raw.source, "no article text found in the HTML")
        # the page's text as it stands: its title is metadata, and a headline in it stays
        found, paragraphs = extract_body_metadata(page.paragraphs, title_first=False)
        meta = Metadata(title=page.title, date=page.date, outlet=page.outlet)
        page_date_source = page.date_source
    else:
        found, paragraphs = extract_metadata(split_page(raw.text or ""))
    if not paragraphs:
        return Failure(raw.source, "no article text left after cleaning")
    clean = PARAGRAPH_BREAK.join(paragraphs)
    if len(clean) > MAX_CHARS:
        return Failure(raw.source, f"too long to analyse as one article ({len(clean):,} characters; "
                                   f"the limit is {MAX_CHARS:,})")
    offsets, pos = [], 0
    for p in paragraphs:
        offsets.append((pos, pos + len(p)))
        pos += len(p) + len(PARAGRAPH_BREAK)
    language = detect_language(clean)
    date, date_source = normalise_date(raw.date), "given"
    if not date:
        date, date_source = (meta.date, page_date_source) if meta.date else (found.date, "text")
    article = Article(
        id=content_id(clean),
        source=raw.source,
        url=raw.url,
        text=clean,
        title=raw.title or meta.title or found.title,
        date=date,
        date_source=date_source if date else None,
        outlet=raw.outlet or meta.outlet or found.outlet,
        dateline=found.dateline,
        language=language,
        paragraphs=offsets,
    )
    if language != "en":
        article.status = "not_english"
    elif len(clean.split()) < MIN_WORDS:
        article.status = "too_short"
    elif is_wall_page(clean):
        article.status = "no_article"
    return article


def normalise_date(value: str | None) -> str | None:
    if not value:
        return None
    iso, _ = parse_full_date(value)
    return iso


def extract_html(html: str) -> tuple[str, Metadata] | None:
    """The article text of a page (paragraphs one per line) and its metadata."""
    page = extract_page(html)
    if page is None:
        return None
    text = "\n".join(page.paragraphs)
    meta = Metadata(title=page.title, date=page.date, outlet=page.outlet)
    return text, meta


# spaCy's memory grows with the text it parses at once (about 3.5 GB for one article of a million
# characters), so a batch holds at most BATCH_CHARS characters as well as ``batch_size`` articles,
# and an article longer than PIECE_CHARS is parsed alone, in pieces cut at paragraph breaks, which
# are then joined into one Doc with the article's exact text (sentences never cross a paragraph).
BATCH_CHARS = 100_000
PIECE_CHARS = 50_000


class Analyzer:
    """Parses prepared articles and runs the extraction stages on them."""

    def __init__(self, model: str | None = None, actors_file: str | Path | None = None, batch_size: int = 16,
                 batch_chars: int = BATCH_CHARS):
        self.nlp = load_nlp(model)
        self.dictionary = ActorDictionary.load(actors_file)
        self.batch_size = batch_size
        self.batch_chars = batch_chars
        load_lexicon()
        load_places()
        # The vocabularies are tens of thousands of long-lived objects: keep the garbage
        # collector from walking them again after every batch of articles.
        gc.collect()
        gc.freeze()

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Failure]:
        """Analyse a stream of prepared articles, yielding each as soon as it is done.

        No article is lost to a failing stage: one the parser or an extraction stage fails on
        comes back with what the stages before it found, ``status`` "partial" and the reason.
        """
        for batch in self.batches(articles):
            yield from self._analyze_batch(batch)

    def batches(self, articles: Iterable[Article]) -> Iterator[list[Article]]:
        """Consecutive batches of at most ``batch_size`` articles and ``batch_chars`` characters
        of text to parse (an article longer than that is a batch of its own)."""
        batch: list[Article] = []
        chars = 0
        for article in articles:
            size = len(article.text) if article.status == "analysed" else 0
            alone = size > PIECE_CHARS
            if batch and (alone or len(batch) >= self.batch_size or chars + size > self.batch_chars):
                yield batch
                batch, chars = [], 0
            batch.append(article)
            chars += size
            if alone:
                yield batch
                batch, chars = [], 0
        if batch:
            yield batch

    def parse(self, texts: list[str]) -> Iterator:
        """The Docs of ``texts``, in order; a long text (alone in its batch) is parsed in pieces."""
        if len(texts) == 1 and len(texts[0]) > PIECE_CHARS:
            return iter([self.parse_in_pieces(texts[0])])
        return self.nlp.pipe(texts, batch_size=len(texts))

    def parse_in_pieces(self, text: str):
        pieces = list(split_for_parsing(text, PIECE_CHARS))
        doc = Doc.from_docs(list(self.nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False,
                            exclude=["tensor", "user_data"])
        if doc.text != text:  # never expected: the pieces are consecutive slices of the text
            raise ValueError("the pieces of a long text did not join up to the text")
        return doc

    def _analyze_batch(self, batch: list[Article]) -> Iterator[Article]:
        texts = [a.text if a.status == "analysed" else "" for a in batch]
        done = 0
        try:
            for doc in self.parse(texts):
                yield self._finish(doc, batch[done])
                done += 1
        except Exception:  # noqa: BLE001 - the parser failed somewhere in the batch: one by one
            log.debug("parsing a batch failed; parsing its articles one by one", exc_info=True)
            for i in range(done, len(batch)):
                try:
                    doc = next(self.parse([texts[i]]))
                except Exception as exc:  # noqa: BLE001
                    batch[i].entities, batch[i].quotes, batch[i].events = [], [], []
                    mark_partial(batch[i], "parse", exc)
                    yield batch[i]
                    continue
                yield self._finish(doc, batch[i])

    def _finish(self, doc, article: Article) -> Article:
        if article.status == "analysed":
            self.extract(doc, article)
        return article

    def analyze_text(self, text: str, source: str = "<text>", **meta) -> Article:
        prepared = prepare(RawDocument(source=source, text=text, **meta))
        if isinstance(prepared, Failure):
            raise InputError(f"{prepared.source}: {prepared.reason}", code="D101")
        result = next(self.analyze([prepared]))
        if isinstance(result, Failure):
            raise InputError(f"{result.source}: {result.reason}", code="D102")
        return result

    def extract(self, doc, article: Article) -> None:
        """Run the stages in order; a failing stage leaves the article with what the others found."""
        try:
            cast = Cast(doc, article, self.dictionary)
            article.entities = cast.mentions
        except Exception as exc:  # noqa: BLE001 - one bad article must not end the batch
            article.entities, article.quotes, article.events = [], [], []
            return mark_partial(article, "actors", exc)  # quotes and events need the actors
        try:
            article.quotes = extract_quotes(doc, article, cast)
        except Exception as exc:  # noqa: BLE001
            article.quotes = []
            mark_partial(article, "quotes", exc)
        try:
            article.events = code_events(doc, article, cast, article.quotes)
        except Exception as exc:  # noqa: BLE001
            article.events = []
            mark_partial(article, "events", exc)
        try:
            locate_events(article)
        except Exception as exc:  # noqa: BLE001
            mark_partial(article, "places", exc)


def split_for_parsing(text: str, size: int) -> Iterator[str]:
    """Consecutive slices of ``text`` of at most ``size`` characters that join up to it."""
    start = 0
    while len(text) - start > size:
        cut = _piece_end(text[start:start + size])
        yield text[start:start + cut]
        start += cut
    if start < len(text):
        yield text[start:]


def _piece_end(window: str) -> int:
    """Where a piece ends in ``window``: after its last paragraph break, else after its last full
    stop and space, else after its last whitespace, else (one unbroken run) at its end."""
    for mark in (PARAGRAPH_BREAK, ". ", " ", "\n"):
        at = window.rfind(mark)
        if at > 0:
            return at + len(mark)
    return len(window)


def mark_partial(article: Article, stage: str, exc: BaseException) -> None:
    """Keep the article (its text and what the other stages found) and say what went wrong."""
    log.debug("the %s stage failed on %s", stage, article.source, exc_info=exc)
    reason = f"{stage} stage failed ({type(exc).__name__}: {str(exc)[:200]})"
    article.status = "partial"
    article.reason = f"{article.reason}; {reason}" if article.reason else reason


def prepare_safely(raw: RawDocument) -> Article | Failure:
    """``prepare``, except that a plain-text article whose cleaning fails is still kept: its text
    as read, status "partial" and the reason (it is not analysed)."""
    try:
        return prepare(raw)
    except Exception as exc:  # noqa: BLE001 - one bad article must not end the batch
        log.debug("preparing %s failed", raw.source, exc_info=True)
        reason = f"clean stage failed ({type(exc).__name__}: {str(exc)[:200]})"
        text = (raw.text or "").strip()
        if not text or len(text) > MAX_CHARS:
            return Failure(raw.source, reason)
        return Article(id=content_id(text), source=raw.source, url=raw.url, text=text, title=raw.title,
                       date=None, outlet=raw.outlet, language="und", status="partial",
                       paragraphs=[(0, len(text))], reason=reason)


def analyze_documents(analyzer: Analyzer, raws: Iterable[RawDocument | Failure]) -> Iterator[Article | Failure]:
    """Prepare and analyse in one stream (no store): the simple path for library users."""
    def prepared() -> Iterator[Article]:
        for raw in raws:
            yield raw if isinstance(raw, Failure) else prepare_safely(raw)

    pending = []
    for item in prepared():
        if isinstance(item, Failure):
            yield item
        else:
            pending.append(item)
            if len(pending) >= analyzer.batch_size:
                yield from analyzer.analyze(pending)
                pending = []
    yield from analyzer.analyze(pending)
