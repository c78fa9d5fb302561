"""Word features of an article for story clustering: stems with counts, list paragraphs left out."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from ..clean import is_name_list
from ..vocab import load_data
from .settings import SETTINGS, StorySettings

_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’\-](?=[^\W\d_]))*|\d+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    stopwords: frozenset[str]
    suffixes: tuple[str, ...]
    min_stem: int


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = load_data("stories.yaml")
    suffixes = tuple(sorted(data["suffixes"], key=len, reverse=True))
    return Vocabulary(frozenset(data["stopwords"].split()), suffixes, int(data["min_stem"]))


def stem(word: str, vocab: Vocabulary | None = None) -> str:
    v = vocab or vocabulary()
    for suffix in v.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= v.min_stem:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def is_list_paragraph(paragraph: str, settings: StorySettings = SETTINGS) -> bool:
    """A run of capitalised names with hardly a sentence end: a menu, a country picker, a tag cloud."""
    return is_name_list(paragraph, settings.list_min_words, settings.list_capital_share)


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (letters or digits; inner apostrophes and hyphens kept)."""
    return _WORD.findall(text.lower().replace("’", "'"))


def term_counts(text: str, settings: StorySettings = SETTINGS) -> Counter[str]:
    """Stemmed content words of the article and how often each occurs."""
    terms = _terms_of_tokens()
    counts: Counter[str] = Counter()
    for paragraph in text.split("\n\n"):
        if is_list_paragraph(paragraph, settings):
            continue
        for token in _WORD.findall(paragraph):
            term = terms.get(token, _UNSEEN)
            if term is _UNSEEN:
                if len(terms) >= _TOKEN_MEMO_LIMIT:
                    terms.clear()
                term = terms[token] = _term(token)
            if term is not None:
                counts[term] += 1
    return counts


_UNSEEN = object()
_TOKEN_MEMO_LIMIT = 200_000


@lru_cache(maxsize=1)
def _terms_of_tokens() -> dict[str, str | None]:
    """Raw token -> its term (None for a stopword or a short word): news repeats most of its
    vocabulary, so each distinct token is lower-cased, filtered and stemmed once per process."""
    return {}


def _term(token: str) -> str | None:
    vocab = vocabulary()
    word = token.lower().replace("’", "'")
    if len(word) < 3 or word in vocab.stopwords:
        return None
    return stem(word, vocab)


def idf(df: int, n_docs: int, prior: int = SETTINGS.prior_documents) -> float:
    """Inverse document frequency, as if ``prior`` more articles held none of the terms: a store of a
    handful of articles then weighs its words about evenly instead of by noise."""
    return math.log((n_docs + prior + 1) / (df + 0.5))


def weigh(counts: Mapping[str, int], dfs: Mapping[str, int], n_docs: int,
          settings: StorySettings = SETTINGS) -> dict[str, float]:
    """Unit-length vector: (1 + ln tf) * idf ** power, leaving out terms in most articles."""
    cap = settings.max_df_share * max(n_docs, 1)
    vector: dict[str, float] = {}
    weights: dict[int, float] = {}  # idf ** power by df: most terms share a few small dfs
    for term, n in counts.items():
        df = dfs.get(term, 0)
        if n_docs >= 4 and df > cap:
            continue
        weight = weights.get(df)
        if weight is None:
            weight = weights[df] = idf(df, n_docs, settings.prior_documents) ** settings.idf_power
        vector[term] = (1.0 + math.log(n)) * weight
    norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
    return {t: x / norm for t, x in vector.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def top_terms(vector: Mapping[str, float], k: int) -> list[str]:
    """The ``k`` heaviest terms, ties broken by the term so the choice never depends on order."""
    return [t for t, _ in sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:k]]


def trimmed(counts: Mapping[str, int], keep: int) -> dict[str, int]:
    """The ``keep`` most frequent terms (the stored form of an article's vector)."""
    items: Iterable[tuple[str, int]] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:keep]
    return dict(items)
