"""When an event happened: the date phrase of its clause resolved against the article date.

Results are ISO 8601 strings at the precision the text gives: "2021-11-16" for a day,
"2021-11" for "last month", "2022" for "last year" or "in 2022". Without an article date
only phrases that name their own year can be resolved.
"""
from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

from .vocabulary import RelativeDate, Words, load_lexicon

LOGGER = logging.getLogger(__name__)

FUTURE_WINDOW_DAYS = 180

# Dependency labels of a bare time phrase attached to a verb ("said Monday", "last week").
TIME_DEPS = {"npadvmod", "tmod", "obl:tmod", "advmod"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj", "parataxis"}

_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?(?:,?\s+(\d{4}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@lru_cache(maxsize=8)
def _ago_pattern(counts: tuple[str, ...], units: tuple[str, ...]) -> re.Pattern:
    def alternatives(found: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))
    return re.compile(rf"\b(\d+|{alternatives(counts)})\s+({alternatives(units)})s?\s+ago\b")


@lru_cache(maxsize=8)
def _relative_patterns(relatives: tuple[RelativeDate, ...]) -> tuple[tuple[RelativeDate, re.Pattern | None], ...]:
    return tuple((rel, re.compile(rf"\b{re.escape(rel.phrase)}\b") if rel.word else None) for rel in relatives)


def _bundled_words() -> Words:
    return load_lexicon().words


def parse_article_date(value: str | None) -> date | None:
    """The article date as a `date`, or None when absent or not ISO."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_date(text: str, article_date: date | None, words: Words | None = None) -> str | None:
    """Resolve a date phrase ("on Monday", "last week", "November 16") to ISO 8601."""
    words = words or _bundled_words()
    phrase = " ".join(text.lower().replace("\u2019", "'").split())
    for resolver in (_explicit_day, _relative_word, _weekday, _ago, _month_only, _year_only):
        found = resolver(phrase, article_date, words)
        if found:
            return found
    return None


def event_date(token: Token, article_date_text: str | None, words: Words | None = None) -> str | None:
    """The date of the event whose trigger is `token`: its clause's date phrase, else the
    article date."""
    words = words or _bundled_words()
    article_date = parse_article_date(article_date_text)
    phrase = find_date_phrase(token, words)
    if phrase is not None:
        resolved = resolve_date(phrase.text, article_date, words)
        if resolved:
            return resolved
    return article_date.isoformat() if article_date else None


def find_date_phrase(token: Token, words: Words | None = None) -> Span | None:
    """The DATE entity attached to the trigger's clause, or to the clauses above it (a
    reported act takes the date of the report)."""
    words = words or _bundled_words()
    node, came_from = token, None
    while True:
        found = _date_child(node, words, skip=came_from, own=came_from is None)
        if found is not None:
            return found
        if node.head.i == node.i or node.dep_ in ("relcl",):
            return None
        came_from, node = node, node.head


def _date_child(node: Token, words: Words, skip: Token | None, own: bool) -> Span | None:
    for child in node.children:
        if (skip is not None and child.i == skip.i) or (not own and child.dep_ in CLAUSE_DEPS):
            continue
        span = _date_span(child, words)
        if span is not None:
            return span
    return None


def _date_span(child: Token, words: Words) -> Span | None:
    if child.dep_ == "prep":
        if child.lower_ in words.duration_preps:
            return None
        if child.lower_ in words.time_preps:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return _entity_of(objects[0]) if objects else None
        return None
    if child.dep_ in TIME_DEPS:
        return _entity_of(child)
    return None


def _entity_of(token: Token) -> Span | None:
    if token.ent_type_ not in ("DATE", "TIME"):
        return None
    return entity_span(token)


def entity_span(token: Token) -> Span | None:
    """The entity span around a token, from the IOB tags (no pass over Doc.ents)."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _explicit_day(phrase: str, ref: date | None, words: Words) -> str | None:
    iso = _ISO.search(phrase)
    if iso:
        return _safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
    for match, month_group, day_group in ((_MONTH_DAY.search(phrase), 1, 2), (_DAY_MONTH.search(phrase), 2, 1)):
        if not match or match[month_group] not in words.months:
            continue
        month, day = words.months[match[month_group]], int(match[day_group])
        if match[3]:
            return _safe_date(int(match[3]), month, day)
        if ref is None:
            return None
        return _nearest_past(ref, month, day)
    return None


def _relative_word(phrase: str, ref: date | None, words: Words) -> str | None:
    if ref is None:
        return None
    for rel, whole in _relative_patterns(words.relative_dates):
        if (whole.search(phrase) if whole is not None else rel.phrase in phrase):
            return _shifted(ref, rel.unit, rel.offset)
    return None


def _shifted(ref: date, unit: str, offset: int) -> str:
    """The article date moved by ``offset`` days, calendar months or years, at that precision."""
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 + offset
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit == "year":
        return f"{ref.year + offset:04d}"
    return (ref + timedelta(days=offset)).isoformat()


def _weekday(phrase: str, ref: date | None, words: Words) -> str | None:
    if ref is None:
        return None
    for name, weekday in words.weekdays.items():
        if re.search(rf"\b{name}\b", phrase):
            back = (ref.weekday() - weekday) % 7
            if "next" in phrase.split():
                return (ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7)).isoformat()
            if "last" in phrase.split() and back == 0:
                back = 7
            return (ref - timedelta(days=back)).isoformat()
    return None


def _ago(phrase: str, ref: date | None, words: Words) -> str | None:
    match = _ago_pattern(tuple(words.number_words), tuple(words.date_units)).search(phrase)
    if not match or ref is None:
        return None
    count = int(match[1]) if match[1].isdigit() else words.number_words[match[1]]
    unit = match[2]
    if unit in words.unit_days:
        return (ref - timedelta(days=count * words.unit_days[unit])).isoformat()
    return _shifted(ref, words.date_units[unit], -count)


def _month_only(phrase: str, ref: date | None, vocab: Words) -> str | None:
    words = re.findall(r"[a-z]+|\d{4}", phrase)
    months = [vocab.months[w] for w in words if w in vocab.months]
    if not months:
        return None
    month = months[0]
    year = _YEAR.search(phrase)
    if year:
        return f"{int(year[1]):04d}-{month:02d}"
    if ref is None:
        return None
    if "next" in words:
        return f"{ref.year + (month <= ref.month):04d}-{month:02d}"
    return f"{ref.year - (month > ref.month):04d}-{month:02d}"


def _year_only(phrase: str, ref: date | None, words: Words) -> str | None:
    year = _YEAR.search(phrase)
    return f"{int(year[1]):04d}" if year else None


def _nearest_past(ref: date, month: int, day: int) -> str | None:
    """A yearless day: this year's, unless that lies more than ~half a year ahead (news
    mostly reports the past, sometimes announces the coming weeks)."""
    candidate = _safe_date(ref.year, month, day)
    if candidate and (date.fromisoformat(candidate) - ref).days > FUTURE_WINDOW_DAYS:
        return _safe_date(ref.year - 1, month, day)
    return candidate


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
