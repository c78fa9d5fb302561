"""dragoman's stages as spaCy components: ``dragoman_actors``, ``dragoman_quotes``, ``dragoman_events``.

Any English pipeline with a parser and NER can take them::

    nlp = spacy.load("en_core_web_md")
    nlp.add_pipe("dragoman_quotes")     # adds dragoman_actors (and the gazetteer) first
    doc = nlp("...")
    doc._.quotes, doc._.events, doc._.actors, doc.ents[0]._.actor

The stage functions below (``find_actors``, ``find_quotes``, ``find_events``) call the stages
``pipeline.Analyzer.extract`` calls, in the same order, so a doc gets the facts ``dragoman
analyze`` finds on the same cleaned text (a test checks it). A doc's
article record (``doc._.article``) is built from its text, paragraphs split at blank lines; set
``doc._.date`` (ISO date) on a doc made with ``nlp.make_doc`` to resolve office holders and
relative dates as of that day.
"""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import ModelError
from .records import Actor, Article, Event, Quote

log = logging.getLogger(__name__)

PARAGRAPH_BREAK = "\n\n"


# -- the stages ----------------------------------------------------------------------------------
def find_actors(doc: Doc, article: Article, dictionary):
    """The actor mentions of the article (``article.entities``); returns the cast the later stages use."""
    from .actors import Cast

    cast = Cast(doc, article, dictionary)
    article.entities = cast.mentions
    log.debug("%s: %d actor mentions", article.source, len(article.entities))
    return cast


def find_quotes(doc: Doc, article: Article, cast) -> list[Quote]:
    from .quotes import extract_quotes

    article.quotes = extract_quotes(doc, article, cast)
    log.debug("%s: %d quotes", article.source, len(article.quotes))
    return article.quotes


def find_events(doc: Doc, article: Article, cast) -> list[Event]:
    from .events import code_events
    from .geo import locate_events

    article.events = code_events(doc, article, cast, article.quotes)
    locate_events(article)  # where each event happened, as the pipeline does after the events stage
    log.debug("%s: %d events", article.source, len(article.events))
    return article.events


# -- doc and span attributes ---------------------------------------------------------------------
def _span_actor(span: Span) -> Actor | None:
    """The actor of the mention with exactly this span's characters, if any."""
    for mention in span.doc._.actors or ():
        if mention.start == span.start_char and mention.end == span.end_char:
            return mention.actor
    return None


def register_extensions() -> None:
    """``doc._.article/actors/quotes/events/date`` and ``span._.actor`` (idempotent)."""
    for name in ("article", "actors", "quotes", "events", "date", "dragoman_cast"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", getter=_span_actor)


register_extensions()


def article_of(doc: Doc) -> Article:
    """The article record the components fill: set on the doc already, or made from its text."""
    if doc._.article is None:
        from .pipeline import content_id

        text = doc.text
        paragraphs, pos = [], 0
        for part in text.split(PARAGRAPH_BREAK):
            paragraphs.append((pos, pos + len(part)))
            pos += len(part) + len(PARAGRAPH_BREAK)
        doc._.article = Article(id=content_id(text), source="<doc>", text=text, date=doc._.date,
                                paragraphs=paragraphs)
    return doc._.article


# -- the components ------------------------------------------------------------------------------
class ActorsComponent:
    def __init__(self, nlp: Language, name: str, actors_file: str | None = None):
        from .actors import ActorDictionary

        self.name = name
        self.dictionary = ActorDictionary.load(actors_file)

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        doc._.dragoman_cast = find_actors(doc, article, self.dictionary)
        doc._.actors = article.entities
        return doc


class QuotesComponent:
    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, article_of(doc), _cast(doc, self.name))
        return doc


class EventsComponent:
    def __init__(self, name: str):
        from .events import load_lexicon

        self.name = name
        load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        if doc._.quotes is None:
            article.quotes = []
        doc._.events = find_events(doc, article, _cast(doc, self.name))
        return doc


def _cast(doc: Doc, name: str):
    if doc._.dragoman_cast is None:
        raise ModelError(f"{name} needs dragoman_actors earlier in the pipeline",
                         code="D202", hint='add it with nlp.add_pipe("dragoman_actors") before ' + name)
    return doc._.dragoman_cast


def _require(nlp: Language, component: str, **where) -> None:
    if component not in nlp.component_names:
        nlp.add_pipe(component, **where)


@Language.factory(
    "dragoman_actors",
    default_config={"actors_file": None, "gazetteer": True},
    requires=["doc.ents", "doc.sents", "token.dep", "token.tag"],
    assigns=["doc._.article", "doc._.actors", "span._.actor"],
)
def make_actors(nlp, name, actors_file, gazetteer):
    # no annotations: spaCy checks a factory's annotated arguments against its config
    missing = [c for c in ("parser", "ner") if c not in nlp.component_names]
    if missing:
        raise ModelError(f"dragoman_actors needs a pipeline with a parser and NER (missing: {', '.join(missing)})",
                         code="D202", hint="load an English pipeline such as en_core_web_md first")
    if "paragraph_breaks" not in nlp.component_names:
        from .nlp import paragraph_breaks  # noqa: F401  (registers the component)

        nlp.add_pipe("paragraph_breaks", before="parser")
    if gazetteer:
        from .gazetteer import add_gazetteer

        add_gazetteer(nlp)
    return ActorsComponent(nlp, name, actors_file)


@Language.factory(
    "dragoman_quotes",
    requires=["doc._.actors", "token.dep"],
    assigns=["doc._.quotes"],
)
def make_quotes(nlp, name):
    _require(nlp, "dragoman_actors")
    return QuotesComponent(name)


@Language.factory(
    "dragoman_events",
    requires=["doc._.actors", "doc._.quotes", "token.dep"],
    assigns=["doc._.events"],
)
def make_events(nlp, name):
    _require(nlp, "dragoman_quotes")
    return EventsComponent(name)


def add_components(nlp: Language, actors_file: str | None = None) -> Language:
    """Add all three components (and what they need) to ``nlp``."""
    _require(nlp, "dragoman_actors", config={"actors_file": str(actors_file) if actors_file else None})
    _require(nlp, "dragoman_quotes")
    _require(nlp, "dragoman_events")
    return nlp
