"""Cleaning plain text: paragraphs, the header block, and site furniture.

The rules are data (``data/boilerplate.yaml``); the code only knows the shape of a page:
a header of short lines (title, date, outlet, menus) before the body, furniture lines and
link blocks inside and after it. Every sentence of the article itself is kept.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .vocab import load_data

# sentence ends of the scripts news is written in: Latin, CJK (。！？), Arabic (؟ ۔), Devanagari (। ॥)
TERMINAL = tuple('.!?"”»\'’…)]。！？」』؟۔।॥')
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(slots=True)
class Page:
    """A text split into the header lines and the body paragraphs, furniture removed."""

    header: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def furniture_rules() -> dict[str, list[re.Pattern]]:
    raw = load_data("boilerplate.yaml")
    return {key: [re.compile(p, re.IGNORECASE) for p in raw.get(key, [])]
            for key in ("drop", "section", "header", "closing", "wall")}


def strip_closing_credit(paragraph: str) -> str:
    """The last paragraph without an editor's credit or wire end mark glued to it
    ("... talks. (Editor: Li Yan)", "... adopted.(end)")."""
    changed = True
    while changed and paragraph:
        changed = False
        for p in furniture_rules()["closing"]:
            m = p.search(paragraph)
            if m:
                paragraph = paragraph[:m.start()].rstrip()
                changed = True
    return paragraph


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "").replace("\ufeff", "").replace("\u200b", "")
    return "\n".join(_WS.sub(" ", line).strip() for line in text.split("\n"))


def words(line: str) -> list[str]:
    return _WORD.findall(line)


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def word_count(line: str) -> int:
    """Words in a line; in scripts written without spaces (Chinese, Japanese, Thai) every two
    characters count as one word, so their sentences weigh what a sentence elsewhere weighs."""
    n = 0
    for w in _WORD.findall(line):
        unspaced = len(_UNSPACED.findall(w))
        n += 1 if unspaced < 2 else (unspaced + 1) // 2 + (1 if unspaced < len(w) else 0)
    return n


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per line; hard-wrapped lines (next line starts in lower case) are joined."""
    paragraphs: list[str] = []
    for line in normalize(text).split("\n"):
        if not line:
            paragraphs.append("")
            continue
        prev = paragraphs[-1] if paragraphs else ""
        if prev and not prev.endswith(TERMINAL + (":",)) and (line[0].islower() or line[0] in ",;"):
            paragraphs[-1] = f"{prev} {line}"
        else:
            paragraphs.append(line)
    return [p for p in paragraphs if p]


def is_body_paragraph(line: str) -> bool:
    n = word_count(line)
    return n >= 15 or (n >= 5 and line.endswith(TERMINAL) and not line.endswith(")"))


def is_furniture(line: str) -> bool:
    return any(p.search(line) for p in furniture_rules()["drop"])


def opens_link_section(line: str) -> bool:
    return any(p.search(line) for p in furniture_rules()["section"])


def is_header_furniture(line: str) -> bool:
    return any(p.search(line) for p in furniture_rules()["header"])


def looks_like_headline(line: str) -> bool:
    n = word_count(line)
    return 0 < n <= 20 and not line.endswith((".", "!", "?", ":", ";", ",", "。", "！", "？", "：", "؟", "۔", "।", "॥"))


_SIGNED_EPIGRAPH = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})\s*:\s*[\"“«]")


def is_appended_epigraph(paragraph: str, article_so_far: str) -> bool:
    """A closing "Name: “...”" block quoting someone the article never names (a site's motto,
    a quote of the day) is not part of the article."""
    m = _SIGNED_EPIGRAPH.match(paragraph)
    if not m or len(words(paragraph)) < 12:
        return False
    surname = m.group("name").split()[-1]
    return surname not in article_so_far


def split_page(text: str) -> Page:
    page = Page()
    paragraphs = split_paragraphs(text)
    in_body = False
    in_link_section = False
    for para in paragraphs:
        if is_furniture(para):
            page.dropped.append(para)
            continue
        if opens_link_section(para):
            page.dropped.append(para)
            in_link_section = True
            continue
        if in_link_section:
            if looks_like_headline(para):
                page.dropped.append(para)
                continue
            in_link_section = False
        if not in_body and not is_body_paragraph(para):
            page.header.append(para)
            continue
        in_body = True
        page.body.append(para)
    while page.body and (is_date_stamp(page.body[-1])
                         or is_appended_epigraph(page.body[-1], " ".join(page.body[:-1]))):
        page.dropped.append(page.body.pop())
    if page.body:
        last = strip_closing_credit(page.body[-1])
        if last != page.body[-1]:
            page.dropped.append(page.body[-1][len(last):].strip())
            if last:
                page.body[-1] = last
            else:
                page.body.pop()
    return page


STAMP_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct "
    "october nov november dec december mon monday tue tuesday wed wednesday thu thursday fri friday sat "
    "saturday sun sunday published updated posted modified date last on at am pm gmt utc msk by first time".split())
STAMP_NUMBER = re.compile(r"^\d+(?:st|nd|rd|th)?$|^\d{4}-\d{1,2}-\d{1,2}$")


def is_date_stamp(line: str) -> bool:
    """A line that is only a date (and time): "17 November 2021, 14:20", "Published: 2021-11-16"."""
    ws = words(line)
    return (0 < len(ws) <= 10 and any(c.isdigit() for c in line)
            and all(w.lower() in STAMP_WORDS or STAMP_NUMBER.match(w) for w in ws))


# A page of this few words of its own, with two lines of a sign-in or sign-up wall, holds no article.
WALL_LINES = 2
WALL_OWN_WORDS = 25
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“'‘(\[]?[A-Z0-9])")


def is_wall_page(text: str) -> bool:
    """A sign-in, subscription or registration page: lines of the wall ("Registered readers can view two
    briefings a month", "Already a subscriber?"), form labels and pickers, and hardly a sentence of
    an article (a headline glued to the wall counts for nothing)."""
    low = text.lower()
    if not any(w in low for w in wall_words()) or not any_wall_line().search(text):  # nearly every page
        return False
    walls = furniture_rules()["wall"]
    wall_lines = own_words = 0
    for paragraph in normalize(text).split("\n"):
        for sentence in _SENTENCE_END.split(paragraph):
            if any(p.search(sentence) for p in walls):
                wall_lines += 1
            elif not is_name_list(sentence):
                own_words += word_count(sentence)
    return wall_lines >= WALL_LINES and own_words < WALL_OWN_WORDS


@lru_cache(maxsize=1)
def wall_words() -> tuple[str, ...]:
    return tuple(load_data("boilerplate.yaml").get("wall_words") or ())


@lru_cache(maxsize=1)
def any_wall_line() -> re.Pattern:
    """All the wall patterns as one, to rule a page out in a single search."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in furniture_rules()["wall"]), re.IGNORECASE)


_LIST_PUNCT = re.compile(r"[.!?]")


def is_name_list(line: str, min_words: int = 8, capital_share: float = 0.6) -> bool:
    """A run of capitalised names with hardly a sentence end: form labels, a country picker, a menu,
    a tag cloud (also what story clustering leaves out of an article's words)."""
    ws = line.split()
    if len(ws) < min_words:
        return False
    return sum(w[:1].isupper() for w in ws) / len(ws) > capital_share and len(_LIST_PUNCT.findall(line)) < 2
