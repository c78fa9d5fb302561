"""A web page's publication date, and where it was found.

Three witnesses, in order of trust:

- ``metadata``: what the page declares about itself (JSON-LD ``datePublished`` of its article,
  ``article:published_time`` and kindred meta tags, microdata ``datePublished``). A date
  written without a time is the publisher's own calendar day and wins over a timestamp of the
  day before or after (a UTC timestamp near midnight falls on another day than the one the
  publisher printed).
- ``htmldate``: htmldate's extensive search (URL, markup, visible text), when the page declares
  nothing it can read.
- ``text``: a full date written in the article text (a dateline, "Published 5 Sep, 2023").

``page_date`` returns the ISO day and the name of the witness, or ``(None, None)``.
"""
from __future__ import annotations

import json
import logging
import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Iterable, Iterator

from ..vocab import load_data

log = logging.getLogger(__name__)

_TIME = re.compile(r"\d{1,2}:\d{2}")
_ISO_LOOSE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?")
EARLIEST_YEAR = 1995  # the web's news pages; an older "publication date" is a placeholder


@dataclass(frozen=True, slots=True)
class Stamp:
    day: date
    has_time: bool


@lru_cache(maxsize=1)
def _rules() -> dict[str, list[str]]:
    raw = load_data("page_dates.yaml")
    return {
        "meta": [n.lower() for n in raw["meta"]],
        "itemprop": [n.lower() for n in raw["itemprop"]],
        "jsonld": list(raw["jsonld"]),
        "article_types": list(raw["article_types"]),
    }


def parse_stamp(value: str) -> Stamp | None:
    """The calendar day a date string is written in (its own time zone, never converted)."""
    value = (value or "").strip()
    if not value or len(value) > 80 or len(re.findall(r"\d+", value)) < 2:
        return None  # a year alone is no day
    m = _ISO_LOOSE.match(value)
    if m:
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return _plausible(Stamp(day, m.group(4) is not None))
    from dateutil import parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names ("EDT") only lose the zone
            dt = parser.parse(value, default=datetime(1, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if dt.year == 1:
        return None
    return _plausible(Stamp(dt.date(), bool(_TIME.search(value))))


def _plausible(stamp: Stamp) -> Stamp | None:
    return stamp if EARLIEST_YEAR <= stamp.day.year <= date.today().year + 1 else None


def declared_stamps(tree) -> list[Stamp]:
    """The page's own statements of its publication date, the most specific source first."""
    rules = _rules()
    found: list[Stamp] = []
    for value in _jsonld_values(tree, rules):
        if (s := parse_stamp(value)):
            found.append(s)
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if name in rules["meta"] and (s := parse_stamp(el.get("content") or "")):
            found.append(s)
    for el in tree.xpath("//*[@itemprop]"):
        if el.tag == "meta" or (el.get("itemprop") or "").strip().lower() not in rules["itemprop"]:
            continue
        value = el.get("content") or el.get("datetime") or el.text_content()
        if (s := parse_stamp(value) or _parse_words(value)):
            found.append(s)
    return found


def _jsonld_values(tree, rules) -> list[str]:
    articles: list[str] = []
    others: list[str] = []
    for script in tree.xpath('//script[contains(translate(@type, "JSONLD", "jsonld"), "ld+json")]'):
        try:
            data = json.loads(script.text_content() or "")
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data):
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            is_article = any(t in rules["article_types"] for t in types if isinstance(t, str))
            for key in rules["jsonld"]:
                value = obj.get(key)
                if isinstance(value, str):
                    (articles if is_article else others).append(value)
                    break
    return articles or others


def _objects(data, depth: int = 0) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            yield from _objects(data.get(key), depth + 1)
    elif isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)


def _parse_words(value: str) -> Stamp | None:
    """A date written in words in any language ("06 Dicembre 2020")."""
    value = " ".join((value or "").split())
    if not (6 <= len(value) <= 60) or not re.search(r"\b(?:19|20)\d{2}\b", value):
        return None
    import dateparser

    try:
        dt = dateparser.parse(value, settings={"STRICT_PARSING": True, "PREFER_DATES_FROM": "past"})
    except Exception:  # dateparser raises assorted errors on odd strings; then it is no date
        log.debug("dateparser failed on %r", value, exc_info=True)
        return None
    return _plausible(Stamp(dt.date(), bool(_TIME.search(value)))) if dt else None


def choose_declared(stamps: list[Stamp]) -> Stamp | None:
    """The first declared stamp, unless a date written without a time says the day around it."""
    if not stamps:
        return None
    first = stamps[0]
    for s in stamps:
        if not s.has_time and abs((s.day - first.day).days) <= 1:
            return s
    return first


def htmldate_day(tree, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        return find_date(tree, url=url, extensive_search=True, original_date=True,
                         min_date=f"{EARLIEST_YEAR}-01-01")
    except Exception:  # htmldate raises assorted errors on odd markup; the page simply has no date
        log.debug("htmldate failed", exc_info=True)
        return None


def text_day(paragraphs: Iterable[str]) -> str | None:
    from ..metadata import parse_full_date

    for para in list(paragraphs)[:3]:
        iso, _ = parse_full_date(para)
        if iso:
            return iso
    return None


def page_date(tree, url: str | None, paragraphs: Iterable[str] = ()) -> tuple[str | None, str | None]:
    """``(ISO day, witness)`` for a parsed page, witness one of metadata, htmldate, text."""
    declared = choose_declared(declared_stamps(tree)) if tree is not None else None
    if declared:
        return declared.day.isoformat(), "metadata"
    found = htmldate_day(tree, url) if tree is not None else None
    if found:
        return found, "htmldate"
    found = text_day(paragraphs)
    return (found, "text") if found else (None, None)
