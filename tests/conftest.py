"""A small fictional corpus (invented countries, people and statements), and the stores it lives in.

Every store fixture comes in two backends: a SQLite file and a PostgreSQL schema. The Postgres half
runs when ``$DRAGOMAN_TEST_PG`` names a server (a ``postgresql://`` URL whose user may create
schemas; ``.ci/run`` starts one) and is skipped otherwise. Each Postgres store is a fresh schema of
that database, dropped afterwards.
"""
from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path

import pytest

from dragoman.records import Actor, Article, Event, Evidence, Mention, Party, Quote, Speaker
from dragoman.store import open_store

PG_ENV = "DRAGOMAN_TEST_PG"
BACKENDS = ("sqlite", "postgres")

ACTORS = {
    "KST": Actor("KST", "Kestria", "KST", "KST"),
    "KST GOV": Actor("KST GOV", "Government of Kestria", "KST GOV", "KST", "GOV", "body"),
    "KST MIL": Actor("KST MIL", "Kestrian armed forces", "KST MIL", "KST", "MIL", "body"),
    "MRV": Actor("MRV", "Marovia", "MRV", "MRV"),
    "NAO": Actor("igo:NAO", "Northern Accord Organisation", "NAO", None, "IGO", "igo"),
    "VARNEK": Actor("Q900000101", "Ilsa Varnek", "KST GOV", "KST", "GOV", "person",
                    "Foreign Minister of Kestria", "Q900000101", "f"),
    "KALVAS": Actor("Q900000102", "Dorin Kalvas", "MRV GOV", "MRV", "GOV", "person",
                    "President of Marovia", "Q900000102", "m"),
    "HALLOR": Actor("Q900000103", "Mette Hallor", "NAO", None, "IGO", "person",
                    "Secretary-General of the Northern Accord Organisation", "Q900000103", "f"),
}

# (date, title, text, mentions, quotes, events)
#   mention: (surface, actor key or None, label, occurrence)
#   quote:   (quoted words, speaker surface, speaker actor key or None, cue)
#   event:   (type, cameo, quad class, intensity, (source key, surface), (target key, surface) or None,
#             trigger, extra flags)
CORPUS = [
    ("2024-01-15", "Kestria welcomes Marovian offer of talks",
     "VALDEN — The Kestrian Foreign Ministry said on Monday that it welcomed an offer of talks from Marovia. "
     "\"We are ready to sit at the table without preconditions,\" Foreign Minister Ilsa Varnek told reporters. "
     "President Dorin Kalvas of Marovia proposed the meeting in a televised address last week.\n\n"
     "Diplomats said the first round could take place in the neutral city of Lenhaven.",
     [("Kestrian Foreign Ministry", "KST GOV", "ORG", 0), ("Marovia", "MRV", "GPE", 0),
      ("Foreign Minister", "VARNEK", "ROLE", 0), ("Ilsa Varnek", "VARNEK", "PERSON", 0),
      ("Dorin Kalvas", "KALVAS", "PERSON", 0), ("Marovia", "MRV", "GPE", 1), ("Lenhaven", None, "GPE", 0)],
     [("We are ready to sit at the table without preconditions", "Ilsa Varnek", "VARNEK", "told")],
     [("CONSULT", "036", "verbal cooperation", 4.0, ("KST GOV", "Kestrian Foreign Ministry"), ("MRV", "Marovia"),
       "welcomed", {}),
      ("CONSULT", "036", "verbal cooperation", 4.0, ("KALVAS", "Dorin Kalvas"), None, "proposed", {})]),
    ("2024-02-20", "Marovia accuses Kestria of border incursion",
     "LORVIK — Marovia accused Kestria on Tuesday of sending troops across their shared border. "
     "\"Kestrian soldiers crossed our border at dawn and seized two villages,\" President Dorin Kalvas said. "
     "The Kestrian Defence Ministry called the claim a provocation.",
     [("Marovia", "MRV", "GPE", 0), ("Kestria", "KST", "GPE", 0), ("Kestrian soldiers", "KST MIL", "NORP", 0),
      ("President", "KALVAS", "ROLE", 0), ("Dorin Kalvas", "KALVAS", "PERSON", 0),
      ("Kestrian Defence Ministry", "KST GOV", "ORG", 0)],
     [("Kestrian soldiers crossed our border at dawn and seized two villages", "Dorin Kalvas", "KALVAS", "said")],
     [("ACCUSE", "112", "verbal conflict", -2.0, ("MRV", "Marovia"), ("KST", "Kestria"), "accused", {}),
      ("ASSAULT", "193", "material conflict", -10.0, ("KST MIL", "Kestrian soldiers"), ("MRV", "our"),
       "seized", {"quote_index": 0})]),
    ("2024-03-05", "Accord & Kestria: <i>calm</i> urged after a website defacement",
     "BRESSA — The Northern Accord Organisation urged Kestria and Marovia to show restraint on Tuesday. "
     "\"Marovia must return to the talks and Kestria must pull back its forces,\" Secretary-General Mette Hallor "
     "said. A Kestrian government website was defaced overnight. "
     "\"For ten minutes the page showed <script>alert('pwned')</script> instead of our statement,\" "
     "a ministry spokesperson said.",
     [("Northern Accord Organisation", "NAO", "ORG", 0), ("Kestria", "KST", "GPE", 0), ("Marovia", "MRV", "GPE", 0),
      ("Marovia", "MRV", "GPE", 1), ("Kestria", "KST", "GPE", 1), ("Secretary-General", "HALLOR", "ROLE", 0),
      ("Mette Hallor", "HALLOR", "PERSON", 0), ("Kestrian government", "KST GOV", "ORG", 0)],
     [("Marovia must return to the talks and Kestria must pull back its forces", "Mette Hallor", "HALLOR", "said"),
      ("For ten minutes the page showed <script>alert('pwned')</script> instead of our statement",
       "a ministry spokesperson", None, "said")],
     [("REQUEST", "020", "verbal cooperation", 3.0, ("NAO", "Northern Accord Organisation"), ("KST", "Kestria"),
       "urged", {}),
      ("REQUEST", "020", "verbal cooperation", 3.0, ("NAO", "Northern Accord Organisation"), ("MRV", "Marovia"),
       "urged", {})]),
    ("2024-04-10", "Kestria freezes assets of Marovian banks",
     "VALDEN — Kestria imposed sanctions on three Marovian banks on Wednesday. "
     "\"These measures will stay until the villages are returned,\" Foreign Minister Ilsa Varnek said. "
     "Marovia condemned the decision as economic warfare.",
     [("Kestria", "KST", "GPE", 0), ("Marovian", "MRV", "NORP", 0), ("Foreign Minister", "VARNEK", "ROLE", 0),
      ("Ilsa Varnek", "VARNEK", "PERSON", 0), ("Marovia", "MRV", "GPE", 0)],
     [("These measures will stay until the villages are returned", "Ilsa Varnek", "VARNEK", "said")],
     [("SANCTION", "163", "material conflict", -8.0, ("KST", "Kestria"), ("MRV", "Marovian"), "imposed", {}),
      ("ACCUSE", "111", "verbal conflict", -2.0, ("MRV", "Marovia"), ("KST GOV", "the decision"), "condemned", {})]),
    ("2024-05-22", "Kestria and Marovia sign ceasefire",
     "LENHAVEN — Kestria and Marovia signed a ceasefire agreement on Wednesday. "
     "\"Today our two peoples chose peace,\" President Dorin Kalvas said after the ceremony. "
     "Marovia sent food and medicine to Kestrian border villages, and Kestria released twelve prisoners.",
     [("Kestria", "KST", "GPE", 0), ("Marovia", "MRV", "GPE", 0), ("President", "KALVAS", "ROLE", 0),
      ("Dorin Kalvas", "KALVAS", "PERSON", 0), ("Marovia", "MRV", "GPE", 1), ("Kestrian", "KST", "NORP", 0),
      ("Kestria", "KST", "GPE", 1)],
     [("Today our two peoples chose peace", "Dorin Kalvas", "KALVAS", "said")],
     [("AGREE", "057", "verbal cooperation", 8.0, ("KST", "Kestria"), ("MRV", "Marovia"), "signed",
       {"mutual": True}),
      ("AID", "073", "material cooperation", 7.4, ("MRV", "Marovia"), ("KST", "Kestrian"), "sent", {}),
      ("RETREAT", "0841", "material cooperation", 1.9, ("KST", "Kestria"), ("MRV", "Marovia"), "released", {})]),
    ("2024-06-03", "Talks stall as Kestria weighs a troop deployment",
     "VALDEN — Kestria may send troops back to the border if talks stall, officials said on Monday. "
     "Marovia did not attack any Kestrian post overnight, the Northern Accord Organisation said. "
     "\"We will not be threatened into concessions,\" Ilsa Varnek said.",
     [("Kestria", "KST", "GPE", 0), ("Marovia", "MRV", "GPE", 0), ("Kestrian", "KST", "NORP", 0),
      ("Northern Accord Organisation", "NAO", "ORG", 0), ("Ilsa Varnek", "VARNEK", "PERSON", 0)],
     [("We will not be threatened into concessions", "Ilsa Varnek", "VARNEK", "said")],
     [("MOBILIZE", "150", "material conflict", -7.2, ("KST", "Kestria"), ("MRV", "the border"), "send",
       {"hypothetical": True}),
      ("ASSAULT", "190", "material conflict", -10.0, ("MRV", "Marovia"), ("KST", "Kestrian"), "attack",
       {"negated": True})]),
]


def find(text: str, needle: str, occurrence: int = 0, after: int = 0) -> tuple[int, int]:
    """Offsets of the nth whole-word occurrence of ``needle`` at or after ``after``."""
    hits = re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text[after:])
    match = list(hits)[occurrence]
    return after + match.start(), after + match.end()


def sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S.*?[.!?][\"”]?(?=\s|$)", text, re.S)]


def sentence_of(text: str, offset: int) -> int:
    return next((i for i, (s, e) in enumerate(sentences(text)) if s <= offset < e), 0)


def make_article(date, title, text, mentions, quotes, events) -> Article:
    article = Article(id=hashlib.sha256(text.encode()).hexdigest()[:16], source=f"fixtures/{date}.txt",
                      text=text, title=title, date=date, outlet="The Fictional Courier",
                      url=f"https://courier.example/{date}")
    for surface, key, label, nth in mentions:
        s, e = find(text, surface, nth)
        article.entities.append(Mention(surface, s, e, label, sentence_of(text, s),
                                        ACTORS[key] if key else None, "title" if label == "ROLE" else "name"))
    for words, speaker, key, cue in quotes:
        s, e = find(text, words)
        sp_s, sp_e = find(text, speaker, after=e)
        cue_s, cue_e = find(text, cue, after=e)
        article.quotes.append(Quote(words, "direct", s, e, cue, cue_s, cue_e,
                                    Speaker(speaker, sp_s, sp_e, ACTORS[key] if key else None),
                                    sentence_of(text, s), text[:s].count("\n\n")))
    for kind, cameo, quad, intensity, source, target, trigger, flags in events:
        t_s, t_e = find(text, trigger)
        n = sentence_of(text, t_s)
        sent_s, sent_e = sentences(text)[n]
        src_s, src_e = find(text, source[1], after=sent_s)
        tgt = None
        if target:
            tgt_s, tgt_e = find(text, target[1], after=sent_s)
            tgt = Party(ACTORS[target[0]], target[1], tgt_s, tgt_e)
        evidence = Evidence(n, sent_s, sent_e, text[sent_s:sent_e], trigger, t_s, t_e, flags.get("quote_index"))
        article.events.append(Event(kind, None, cameo, quad, intensity, Party(ACTORS[source[0]], source[1], src_s, src_e),
                                    tgt, flags.get("mutual", False), date, None, flags.get("negated", False),
                                    flags.get("hypothetical", False), [evidence]))
    return article


def fictional_articles() -> list[Article]:
    return [make_article(*spec) for spec in CORPUS]


def build_store(target: str | Path) -> str:
    store = open_store(target)
    try:
        for article in fictional_articles():
            store.save_article(article)
    finally:
        store.close()
    return str(target)


# -- stores on both backends ---------------------------------------------------------------------
def postgres_server() -> str:
    """The URL of the test server, or skip the test."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server (set {PG_ENV} to a postgresql:// URL to run this test)")
    return url


def with_search_path(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


class PostgresSchemas:
    """Fresh, empty schemas in the test server, each a store URL of its own."""

    def __init__(self):
        self.made: list[str] = []

    def new(self, prefix: str = "t") -> str:
        url = postgres_server()
        psycopg = pytest.importorskip("psycopg")
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        self.made.append(name)
        return with_search_path(url, name)

    def drop(self) -> None:
        if not self.made:
            return
        import psycopg

        with psycopg.connect(os.environ[PG_ENV], autocommit=True) as conn:
            for name in self.made:
                conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        self.made.clear()


def new_target(backend: str, tmp_path: Path, schemas: PostgresSchemas, name: str = "store") -> str:
    """Where a new, empty store of ``backend`` goes: a SQLite path or a Postgres URL."""
    if backend == "postgres":
        return schemas.new(name)
    return str(tmp_path / f"{name}.db")


@pytest.fixture(scope="session")
def pg_session_schemas():
    schemas = PostgresSchemas()
    yield schemas
    schemas.drop()


@pytest.fixture
def pg_schemas():
    schemas = PostgresSchemas()
    yield schemas
    schemas.drop()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def store_target(backend, tmp_path, pg_schemas) -> str:
    """A new, empty store location (SQLite file or Postgres schema URL), once per backend."""
    return new_target(backend, tmp_path, pg_schemas)


@pytest.fixture(scope="session")
def corpus_articles() -> list[Article]:
    return fictional_articles()


@pytest.fixture(scope="session", params=BACKENDS)
def corpus_db(request, tmp_path_factory, pg_session_schemas) -> str:
    """A store of the fictional corpus (a SQLite path or a Postgres URL); tests only read it."""
    return build_store(new_target(request.param, tmp_path_factory.mktemp("corpus"), pg_session_schemas,
                                  "fictional"))


@pytest.fixture
def make_store(backend, tmp_path, pg_schemas):
    """Open new, empty stores of ``backend`` (one per call); they are closed afterwards."""
    opened = []

    def make(name: str = "store"):
        store = open_store(new_target(backend, tmp_path, pg_schemas, f"{name}{len(opened)}"))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
