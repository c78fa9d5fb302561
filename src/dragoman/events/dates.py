"""When an event happened: the date phrase of its clause resolved against the article date.

Results are ISO 8601 strings at the precision the text gives: "2021-11-16" for a day,
"2021-11" for "last month", "2022" for "last year" or "in 2022". Without an article date
only phrases that name their own year can be resolved.
"""
from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

LOGGER = logging.getLogger(__name__)

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
MONTHS = {name: i + 1 for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}
MONTHS.update({name[:3]: num for name, num in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "a": 1, "several": 3, "few": 3}
UNIT_DAYS = {"day": 1, "week": 7}
FUTURE_WINDOW_DAYS = 180

# Prepositions that introduce a time, not a duration ("for decades", "over the years").
TIME_PREPS = {"on", "in", "at", "during", "since", "from", "by", "until", "till", "before", "after", "as", "of"}
DURATION_PREPS = {"for", "over", "within", "throughout"}
# Dependency labels of a bare time phrase attached to a verb ("said Monday", "last week").
TIME_DEPS = {"npadvmod", "tmod", "obl:tmod", "advmod"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj", "parataxis"}

_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?(?:,?\s+(\d{4}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AGO = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|several|few)\s+(day|week|month|year)s?\s+ago\b")


def parse_article_date(value: str | None) -> date | None:
    """The article date as a `date`, or None when absent or not ISO."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_date(text: str, article_date: date | None) -> str | None:
    """Resolve a date phrase ("on Monday", "last week", "November 16") to ISO 8601."""
    phrase = " ".join(text.lower().replace("\u2019", "'").split())
    for resolver in (_explicit_day, _relative_word, _weekday, _ago, _month_only, _year_only):
        found = resolver(phrase, article_date)
        if found:
            return found
    return None


def event_date(token: Token, article_date_text: str | None) -> str | None:
    """The date of the event whose trigger is `token`: its clause's date phrase, else the
    article date."""
    article_date = parse_article_date(article_date_text)
    phrase = find_date_phrase(token)
    if phrase is not None:
        resolved = resolve_date(phrase.text, article_date)
        if resolved:
            return resolved
    return article_date.isoformat() if article_date else None


def find_date_phrase(token: Token) -> Span | None:
    """The DATE entity attached to the trigger's clause, or to the clauses above it (a
    reported act takes the date of the report)."""
    node, came_from = token, None
    while True:
        found = _date_child(node, skip=came_from, own=came_from is None)
        if found is not None:
            return found
        if node.head.i == node.i or node.dep_ in ("relcl",):
            return None
        came_from, node = node, node.head


def _date_child(node: Token, skip: Token | None, own: bool) -> Span | None:
    for child in node.children:
        if (skip is not None and child.i == skip.i) or (not own and child.dep_ in CLAUSE_DEPS):
            continue
        span = _date_span(child)
        if span is not None:
            return span
    return None


def _date_span(child: Token) -> Span | None:
    if child.dep_ == "prep":
        if child.lower_ in DURATION_PREPS:
            return None
        if child.lower_ in TIME_PREPS:
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


def _explicit_day(phrase: str, ref: date | None) -> str | None:
    iso = _ISO.search(phrase)
    if iso:
        return _safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
    for match, month_group, day_group in ((_MONTH_DAY.search(phrase), 1, 2), (_DAY_MONTH.search(phrase), 2, 1)):
        if not match or match[month_group] not in MONTHS:
            continue
        month, day = MONTHS[match[month_group]], int(match[day_group])
        if match[3]:
            return _safe_date(int(match[3]), month, day)
        if ref is None:
            return None
        return _nearest_past(ref, month, day)
    return None


def _relative_word(phrase: str, ref: date | None) -> str | None:
    if ref is None:
        return None
    if "day before yesterday" in phrase:
        return (ref - timedelta(days=2)).isoformat()
    if "yesterday" in phrase or "last night" in phrase:
        return (ref - timedelta(days=1)).isoformat()
    if "tomorrow" in phrase:
        return (ref + timedelta(days=1)).isoformat()
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening)|now|currently)\b", phrase):
        return ref.isoformat()
    if "last week" in phrase or "previous week" in phrase:
        return (ref - timedelta(days=7)).isoformat()
    if "this week" in phrase or "earlier this week" in phrase:
        return ref.isoformat()
    if "next week" in phrase:
        return (ref + timedelta(days=7)).isoformat()
    if "last month" in phrase or "previous month" in phrase:
        first = ref.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if "this month" in phrase:
        return f"{ref.year:04d}-{ref.month:02d}"
    if "last year" in phrase or "previous year" in phrase:
        return f"{ref.year - 1:04d}"
    if "this year" in phrase:
        return f"{ref.year:04d}"
    return None


def _weekday(phrase: str, ref: date | None) -> str | None:
    if ref is None:
        return None
    for name, weekday in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", phrase):
            back = (ref.weekday() - weekday) % 7
            if "next" in phrase.split():
                return (ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7)).isoformat()
            if "last" in phrase.split() and back == 0:
                back = 7
            return (ref - timedelta(days=back)).isoformat()
    return None


def _ago(phrase: str, ref: date | None) -> str | None:
    match = _AGO.search(phrase)
    if not match or ref is None:
        return None
    count = int(match[1]) if match[1].isdigit() else NUMBERS[match[1]]
    unit = match[2]
    if unit in UNIT_DAYS:
        return (ref - timedelta(days=count * UNIT_DAYS[unit])).isoformat()
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 - count
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{ref.year - count:04d}"


def _month_only(phrase: str, ref: date | None) -> str | None:
    words = re.findall(r"[a-z]+|\d{4}", phrase)
    months = [MONTHS[w] for w in words if w in MONTHS]
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


def _year_only(phrase: str, ref: date | None) -> str | None:
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
