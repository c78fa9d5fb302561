"""One article's cast: every actor mention, resolved in reading order."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor, Article, Mention
from .common import _date
from .coref import Coreference
from .dictionary import ActorDictionary
from .mentions import MentionFinder, _Known


class Cast(MentionFinder, Coreference):
    """Every actor mention of one article, resolved in reading order."""

    def __init__(self, doc: Doc, article: Article, dictionary: ActorDictionary):
        self.doc = doc
        self.text = article.text
        self.d = dictionary
        self.when = _date(article.date)
        self.mentions: list[Mention] = []
        self._by_token: dict[int, Mention] = {}
        self._known: list[_Known] = []
        self._unresolved: dict[str, str | None] = {}  # short form -> full name not in the dictionary
        self._genders: dict[str, str | None] = {}
        self._pairs: list[tuple[int, Actor, Actor]] = []  # (char offset, a, b) of coordinated states
        self._country_word_index: list[tuple[int, Actor]] | None = None  # built when first needed
        # paragraph breaks are sentences of their own in the parse; they do not count as sentences
        self._sent_starts = [s.start for s in doc.sents if not all(t.is_space for t in s)]
        strings = doc.vocab.strings
        # one pass for the word forms every rule filters on, so rules touch only candidate tokens
        self._lower = [strings[x] for x in doc.to_array("LOWER")]
        self._lemma = [strings[x].lower() for x in doc.to_array("LEMMA")]
        self._token_starts = [t.idx for t in doc]
        self._build()

