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

from .actors import ActorDictionary, Cast
from .clean import split_page
from .events import code_events
from .eventpatterns import load_lexicon
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


class Analyzer:
    """Parses prepared articles and runs the extraction stages on them."""

    def __init__(self, model: str | None = None, actors_file: str | Path | None = None, batch_size: int = 16):
        self.nlp = load_nlp(model)
        self.dictionary = ActorDictionary.load(actors_file)
        self.batch_size = batch_size
        load_lexicon()
        # The vocabularies are tens of thousands of long-lived objects: keep the garbage
        # collector from walking them again after every batch of articles.
        gc.collect()
        gc.freeze()

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Failure]:
        """Analyse a stream of prepared articles, yielding each as soon as it is done.

        An article the extraction stages fail on comes back as a ``Failure``; the rest go on.
        """
        stream = ((a.text if a.status == "analysed" else "", a) for a in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=self.batch_size):
            if article.status == "analysed":
                try:
                    self.extract(doc, article)
                except Exception as exc:  # one bad article must not end the batch
                    log.debug("analysis of %s failed", article.source, exc_info=True)
                    yield Failure(article.source, f"analysis failed ({type(exc).__name__}: {exc})")
                    continue
            yield article

    def analyze_text(self, text: str, source: str = "<text>", **meta) -> Article:
        prepared = prepare(RawDocument(source=source, text=text, **meta))
        if isinstance(prepared, Failure):
            raise ValueError(f"{prepared.source}: {prepared.reason}")
        result = next(self.analyze([prepared]))
        if isinstance(result, Failure):
            raise ValueError(f"{result.source}: {result.reason}")
        return result

    def extract(self, doc, article: Article) -> None:
        cast = Cast(doc, article, self.dictionary)
        article.entities = cast.mentions
        article.quotes = extract_quotes(doc, article, cast)
        article.events = code_events(doc, article, cast, article.quotes)


def analyze_documents(analyzer: Analyzer, raws: Iterable[RawDocument | Failure]) -> Iterator[Article | Failure]:
    """Prepare and analyse in one stream (no store): the simple path for library users."""
    def prepared() -> Iterator[Article]:
        for raw in raws:
            yield raw if isinstance(raw, Failure) else prepare(raw)

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
