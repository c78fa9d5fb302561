"""Title, date, outlet and dateline from the text itself; None whenever the text does not say."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .clean import (STAMP_NUMBER, STAMP_WORDS, Page, is_furniture, is_header_furniture, looks_like_headline,
                    word_count, words)
from .geo import load_places
from .vocab import load_data

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

FULL_DATES = [
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),  # also 2021-11-18T09:00Z
    re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY} {_MONTH},? {_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.{_YEAR}\b"),
    re.compile(rf"\b(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})/{_YEAR}\b"),
]
YEARLESS_DATES = [
    re.compile(rf"\b{_MONTH} {_DAY}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY} {_MONTH}(?!\w)", re.IGNORECASE),
]
_YEAR_ALONE = re.compile(r"\b(?:19|20)\d{2}\b")

_PLACE = r"(?P<place>[A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,3})"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?"
_DATELINE_DATE = rf"(?:,\s*(?P<when>{_MONTH.replace('?P<month>', '')} \d{{1,2}}|\d{{1,2}} {_MONTH.replace('?P<month>', '')}))?"
_OUTLET = r"(?P<outlet>[A-Za-z][\w.&’' -]{0,30}?)"
DATELINES = [
    # MOSCOW, November 17. /TASS/.   Yerevan /Mediamax/.
    re.compile(rf"^{_PLACE}{_REGION}{_DATELINE_DATE}\.?\s*/{_OUTLET}/\.?\s*[-–—:]?\s*"),
    # WASHINGTON (Reuters) -    KYIV, Ukraine, Nov 3 (AP) —
    re.compile(rf"^{_PLACE}{_REGION}{_DATELINE_DATE}\s*\({_OUTLET}\)\s*[-–—:]+\s*"),
    # BAKU, March 3 —    TBILISI —   (a place in capitals, no outlet)
    re.compile(rf"^(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){{0,2}}){_REGION}{_DATELINE_DATE}\s*[-–—]+\s+"),
    # Kyiv, 14 March 2025 —    Baku, March 3, 2025 -
    re.compile(rf"^{_PLACE}{_REGION},\s*(?P<when>(?:\d{{1,2}} {_MONTH.replace('?P<month>', '')}|"
               rf"{_MONTH.replace('?P<month>', '')} \d{{1,2}})(?:,? (?:19|20)\d{{2}})?)\s*[-–—]+\s+"),
    # YEREVAN, MARCH 3, ARMENPRESS.    Baku, 3 March, AZERTAC.   (agency named after the date)
    re.compile(rf"^{_PLACE},\s*(?P<when>(?i:\d{{1,2}} {_MONTH.replace('?P<month>', '')}|"
               rf"{_MONTH.replace('?P<month>', '')} \d{{1,2}})(?:,? (?:19|20)\d{{2}})?)[,.]\s*"
               rf"(?P<outlet>[A-Z][A-Za-z]*[A-Z][\w.-]*)[.:]\s+"),
    # Baku/31.03.23/Turan    Baku / 31.03.2023 / Turan:
    re.compile(rf"^{_PLACE}\s*/\s*(?P<when>\d{{1,2}}[./]\d{{1,2}}[./](?:\d{{4}}|\d{{2}}))\s*/\s*"
               rf"(?P<outlet>[A-Z][\w.&-]{{1,30}})\s*/?\s*[-–—:.]?\s*"),
    # Sanaa, June 2 (UNI) Yemen's ...   (an agency's initials, no dash after them)
    re.compile(rf"^{_PLACE}{_REGION},\s*(?P<when>{_MONTH.replace('?P<month>', '')} \d{{1,2}}|"
               rf"\d{{1,2}} {_MONTH.replace('?P<month>', '')})\s*\((?P<outlet>[A-Z][A-Z.&-]{{1,11}})\)\s+(?=[A-Z\"“‘])"),
    # (Reuters) -
    re.compile(rf"^\({_OUTLET}\)\s*[-–—:]+\s*"),
]
# "Azatutyun.am. Russian Foreign Minister ..." : a site credit that opens the body.
LEADING_CREDIT = re.compile(r"^(?P<outlet>[A-Z][\w-]*(?:\.[a-z]{2,6}){1,2})\s*[.:|–—-]\s+(?=[A-Z\"“])")


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    dateline: str | None = None


@lru_cache(maxsize=1)
def known_outlets() -> dict[str, str]:
    return {name.lower(): canonical for canonical, names in load_data("outlets.yaml").items()
            for name in [canonical, *(names or [])]}


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    try:
        entries = load_data("actors/countries.yaml") or []
    except FileNotFoundError:
        return frozenset()
    return frozenset(n.lower() for e in entries for n in [e.get("name", ""), *(e.get("names") or [])] if n)


def parse_full_date(text: str) -> tuple[str | None, int]:
    """The first full date in ``text`` as ISO 8601 and where it ends (-1 when none)."""
    for pattern in FULL_DATES:
        for m in pattern.finditer(text):
            iso = _iso(m.group("year"), m.group("month"), m.group("day"))
            if iso:
                return iso, m.end()
    return None, -1


def parse_yearless_date(text: str, year: int) -> str | None:
    for pattern in YEARLESS_DATES:
        m = pattern.search(text)
        if m:
            return _iso(str(year), m.group("month"), m.group("day"))
    return None


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        mon = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
        return date(int(year), mon, int(day)).isoformat()
    except (KeyError, ValueError):
        return None


def strip_site_suffix(title: str) -> str:
    title = re.sub(r"\s*[|–—-]\s*$", "", title)
    title = re.sub(r"\s+\|\s+[^|]{1,40}$", "", title)
    return title.strip()


# ISLAMABAD:   NEW DELHI, March 4:   (South Asian papers) — only a large city, so that "UPDATE:" or
# "BOOM:" (a small town in Belgium) opening a paragraph is no dateline
COLON_DATELINE = re.compile(rf"^(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){{0,2}}){_DATELINE_DATE}\s*:\s+")


def match_dateline(paragraph: str) -> re.Match | None:
    for pattern in DATELINES:
        m = pattern.match(paragraph)
        if m and len(words(paragraph[m.end():])) >= 3:
            return m
    m = COLON_DATELINE.match(paragraph)
    if m and len(words(paragraph[m.end():])) >= 3 and load_places().is_large_city(m.group("place")):
        return m
    return None


def outlet_line(line: str) -> str | None:
    """A header line that names the publisher: "TASS", "TASS, Russia", "Source: Armenpress"."""
    candidate = re.sub(r"^(source|by|from)\s*:?\s+", "", line, flags=re.IGNORECASE).strip()
    if candidate.lower() in known_outlets():
        return known_outlets()[candidate.lower()]
    m = _NAME_AND_COUNTRY.match(candidate)
    if m and m.group("country").lower() in country_names():
        name = m.group("name")
        if name.lower() in known_outlets() or not name.isupper():
            return known_outlets().get(name.lower(), name)
    if is_media_name(candidate):
        return candidate
    return None


_NAME_AND_COUNTRY = re.compile(r"^(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}),\s*(?P<country>[A-Z][\w .'-]+)$")


def dateline_line(line: str) -> str | None:
    """A header line that is only a dateline: "KIGALI, Rwanda" (a place in capitals, its country)."""
    m = _NAME_AND_COUNTRY.match(line)
    if m and m.group("name").isupper() and m.group("name").lower() not in known_outlets() \
            and m.group("country").lower() in country_names():
        return m.group("name")
    return None


@lru_cache(maxsize=1)
def media_words() -> tuple[frozenset[str], frozenset[str]]:
    raw = load_data("outlet_words.yaml")
    return (frozenset(w.lower() for w in raw["last_words"]), frozenset(w.lower() for w in raw["section_words"]))


def is_media_name(line: str) -> bool:
    """A short line naming a publisher by its kind: "ABC News", "The Daily Herald"."""
    ws = line.split()
    last_words, section_words = media_words()
    return (2 <= len(ws) <= 3 and ws[-1].lower() in last_words and ws[0].lower() not in section_words
            and all(w[0].isupper() or w.lower() in ("of", "the", "and", "&") for w in ws))


def extract_metadata(page: Page) -> tuple[Metadata, list[str]]:
    """Metadata from the header lines and the opening of the body.

    Returns the metadata and the body with any dateline or site credit cut from its first
    paragraph, and the title (when found) as the first paragraph.
    """
    meta = Metadata()
    year_hint: int | None = None
    for line in page.header + page.dropped:
        if meta.date is None:
            iso, _ = parse_full_date(line)
            if iso:
                meta.date = iso
                continue
        if year_hint is None and (m := _YEAR_ALONE.search(line)):
            year_hint = int(m.group())
    for line in page.header:
        if meta.outlet is None and (o := outlet_line(line)):
            meta.outlet = o
            continue
        if meta.dateline is None and (place := dateline_line(line)):
            meta.dateline = place
            continue
        if meta.title is None and is_title_line(line):
            meta.title = strip_site_suffix(line)
    return extract_body_metadata(page.body, meta=meta, year_hint=year_hint)


def extract_body_metadata(paragraphs: list[str], meta: Metadata | None = None, year_hint: int | None = None,
                          title_first: bool = True) -> tuple[Metadata, list[str]]:
    """What the body's own first and last paragraphs say: date and byline stamps, a dateline or
    site credit opening it, a publisher's credit closing it. Returns the metadata and the body
    without them; with ``title_first``, the title (when known) is made its first paragraph."""
    meta = meta or Metadata()
    body = _take_stamp_lines(list(paragraphs), meta)
    for i, para in enumerate(body[:3]):
        para = _take_leading_stamp(para, meta)
        m = match_dateline(para)
        credit = LEADING_CREDIT.match(para) if not m else None
        if not m and not credit:
            body[i] = para
            continue
        if m:
            _read_dateline(m, meta, year_hint)
        else:
            if meta.outlet is None:
                meta.outlet = credit.group("outlet")
            m = credit
        body[i] = para[m.end():]
        break
    if body:
        body[-1] = _take_closing_credit(body[-1], meta)
    body = [p for p in body if p]
    if meta.title and title_first:
        key = _title_key(meta.title)
        body = [p for p in body if _title_key(p) != key]
        body.insert(0, meta.title)
    return meta, body


def _read_dateline(m: re.Match, meta: Metadata, year_hint: int | None) -> None:
    groups = m.groupdict()
    meta.dateline = meta.dateline or groups.get("place")
    tag = (groups.get("outlet") or "").strip()
    if tag and meta.outlet is None:
        meta.outlet = _outlet_name(tag)
    when = groups.get("when")
    if when and meta.date is None:
        meta.date = parse_full_date(when)[0] or _short_numeric_date(when)
    if when and meta.date is None:
        year = int(meta_year(meta) or year_hint or 0)
        meta.date = parse_yearless_date(when, year) if year else None


def _outlet_name(tag: str) -> str:
    name = known_outlets().get(tag.lower(), tag)
    if name.isupper() and len(name) > 5:  # "ARMENPRESS" is a name, not an acronym
        name = name.title()
    return name


# "date 2021-06-02", "Published: Sep 6, 2023 14:14", "Updated at 1:53 pm ET on 2021-11-18"
STAMP_LINE = re.compile(
    r"^(?:(?:first |last )?(?:published|updated|posted|modified|date[d]?)(?: (?:at|on))?\b|"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? )?\d{1,2}[ .](?:[a-z]{3,9})\.?,? (?:19|20)\d{2}|"
    r"(?:[a-z]{3,9})\.? \d{1,2},? (?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})",
    re.IGNORECASE)
_STAMP_TAIL = re.compile(
    r"^[\s:,.|-]*(?:(?:at|on)\s+)?(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?"
    r"[\s,.|-]*")


def _take_stamp_lines(body: list[str], meta: Metadata) -> list[str]:
    """Short date and time lines among the first paragraphs: their date is the article's, and
    they leave the text."""
    out = []
    for i, para in enumerate(body):
        if i < 6 and is_stamp_line(para):
            meta.date = meta.date or parse_full_date(para)[0]
            continue
        out.append(para)
    return out


def is_stamp_line(line: str) -> bool:
    """A line that only dates the article: a full date, times and zones, the words around them
    ("Published", "Updated at ... on ...", a weekday) and at most two others (a byline name)."""
    if len(words(line)) > 14 or not STAMP_LINE.match(line) or not parse_full_date(line)[0]:
        return False
    others = [w for w in words(line) if not _is_stamp_word(w)]
    return len(others) <= 2


def _is_stamp_word(word: str) -> bool:
    return (word.lower() in STAMP_WORDS or word.isdigit() or bool(STAMP_NUMBER.match(word))
            or (word.isupper() and len(word) <= 5))


def _take_leading_stamp(para: str, meta: Metadata) -> str:
    """A date stamp glued to the start of a paragraph ("date 2022-12-17 MOSCOW, December 17.")."""
    if not STAMP_LINE.match(para):
        return para
    iso, end = parse_full_date(para[:60])
    if not iso:
        return para
    tail = _STAMP_TAIL.match(para[end:])
    rest = para[end + (tail.end() if tail else 0):]
    if len(words(rest)) < 3 or not re.match(r"[\"“«(\[\w]", rest) or rest[0].islower():
        return para
    meta.date = meta.date or iso
    return _strip_syndication(rest)


# "(MENAFN- Kuwait News Agency (KUNA)) LONDON, ...": a syndicator's credit before the dateline
_SYNDICATION = re.compile(r"^\((?:[^()]|\([^()]*\))+\)\s+(?=[A-Z])")


def _strip_syndication(para: str) -> str:
    m = _SYNDICATION.match(para)
    if m and match_dateline(para[m.end():]):
        return para[m.end():]
    return para


# "... said the minister.Daily Herald": a publisher's name glued to the last sentence
_GLUED_CREDIT = re.compile(r"(?:(?<=[a-z0-9%][.!?])|(?<=[a-z0-9%][.!?][\"”’]))"
                           r"(?P<outlet>[A-Z][\w&’'-]+(?: [A-Z][\w&’'.-]*){0,3})\s*$")
_TRAILING_CREDIT = re.compile(r"^(?:source|via|by|from)\s*:\s*(?P<outlet>.{2,40})$", re.IGNORECASE)


def _take_closing_credit(para: str, meta: Metadata) -> str:
    m = _GLUED_CREDIT.search(para)
    if m and len(words(para[:m.start()])) >= 5:
        if meta.outlet is None:
            meta.outlet = _outlet_name(m.group("outlet"))
        return para[:m.start()]
    m = _TRAILING_CREDIT.match(para)
    if m and meta.outlet is None and (name := known_outlets().get(m.group("outlet").strip(" .").lower())):
        meta.outlet = name
        return ""
    return para


def _short_numeric_date(text: str) -> str | None:
    """"31.03.23" or "31.03.2023" (day first, as the agencies that write it do)."""
    m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})", text.strip())
    if not m:
        return None
    year = m.group(3) if len(m.group(3)) == 4 else "20" + m.group(3)
    return _iso(year, m.group(2), m.group(1))


def meta_year(meta: Metadata) -> int | None:
    return int(meta.date[:4]) if meta.date else None


def is_title_line(line: str) -> bool:
    n = word_count(line)
    if n < 3 or not looks_like_headline(strip_site_suffix(line)) or is_header_furniture(line) or is_furniture(line):
        return False
    if parse_full_date(line)[0] or re.match(r"^(by|photo|updated|published|posted)\b", line, re.IGNORECASE):
        return False
    # a capitalised word, or a script without capitals at all
    return any(w[0].isupper() for w in words(line)) or (
        any(c.isalpha() for c in line) and not any(c.isupper() or c.islower() for c in line))


def _title_key(text: str) -> str:
    return " ".join(words(strip_site_suffix(text))).lower()
