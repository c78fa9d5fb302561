"""One article's cast: every actor mention, resolved in reading order."""
from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc

from ..geo.places import dateline_country
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
        self.filed_from = _filed_from(article, dictionary)
        self.mentions: list[Mention] = []
        self._by_token: dict[int, Mention] = {}
        self._known: list[_Known] = []
        self._unresolved: dict[str, str | None] = {}  # short form -> full name not in the dictionary
        self._genders: dict[str, str | None] = {}
        self._pairs: list[tuple[int, Actor, Actor]] = []  # (char offset, a, b) of coordinated states
        self._country_word_index: list[tuple[int, Actor]] | None = None  # built when first needed
        # paragraph breaks are sentences of their own in the parse; they do not count as sentences
        self._sent_starts = _sentence_starts(doc)
        # one pass for the word forms every rule filters on, so rules touch only candidate tokens
        self._lower = _strings(doc, "LOWER")
        self._lemma = [lemma.lower() for lemma in _strings(doc, "LEMMA")]
        self._token_starts = doc.to_array("IDX").tolist()
        self._build()



def _strings(doc: Doc, attr: str) -> list[str]:
    """The string of ``attr`` of every token."""
    strings = doc.vocab.strings
    return [strings[x] for x in doc.to_array(attr).tolist()]  # a list of ints: numpy scalars are slow keys


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence that is not only whitespace, as ``doc.sents`` gives
    them, read from two arrays rather than by making a Span and Tokens of every sentence."""
    if not len(doc):
        return []
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [s.start for s in doc.sents if not all(t.is_space for t in s)]
    marks = doc.to_array([SENT_START, IS_SPACE])
    starts = numpy.flatnonzero(marks[:, 0] == 1)
    if not len(starts) or starts[0] != 0:
        starts = numpy.concatenate([[0], starts])
    words_before = numpy.concatenate([[0], numpy.cumsum(marks[:, 1] == 0)])  # non-space tokens before i
    ends = numpy.append(starts[1:], len(doc))
    return starts[words_before[ends] > words_before[starts]].tolist()


def _filed_from(article: Article, dictionary: ActorDictionary) -> Actor | None:
    """The country of the article's dateline ("ISLAMABAD" -> Pakistan), when it has one."""
    code = dateline_country(article.dateline)
    return dictionary.country_by_code.get(code) if code else None
