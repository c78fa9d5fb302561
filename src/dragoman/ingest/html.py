"""The main text of a web page, its title, outlet and publication date.

trafilatura finds the article; dragoman only removes what is known furniture (the ``drop``
and ``section`` rules of ``data/boilerplate.yaml``, editor credits, a closing date stamp).
No plain-text heuristic (header blocks, sentence shapes) runs on a page's text, so a page in
any language keeps all of its text: language decides what is analysed, never what is kept.

trafilatura runs in its precision mode (it leaves out related-story lists, teasers and comment
threads that its balanced mode keeps); that mode also deletes some inline links with their text,
leaving sentences with words missing, so each paragraph it returns is compared with the
balanced mode's reading and the fuller one is taken when it is the same paragraph with the
missing words in it.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from ..clean import furniture_rules, is_date_stamp, normalize, strip_closing_credit
from .pagedates import page_date

log = logging.getLogger(__name__)

MIN_WORDS = 5
_WORD = re.compile(r"\w+")
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")
_LIST_BULLET = re.compile(r"^[-•*]\s+")


@dataclass(slots=True)
class PageText:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    date_source: str | None = None
    outlet: str | None = None


def extract_page(html: str, url: str | None = None) -> PageText | None:
    """The article of one page; None when there is no article text in it."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, favor_precision=True)
        fuller = trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""
    except Exception:  # trafilatura raises a variety of parser errors on broken markup
        log.debug("trafilatura failed", exc_info=True)
        return None
    data = _as_dict(doc)
    text = data.get("text") or ""
    if len(_WORD.findall(text)) < MIN_WORDS:
        text = fuller  # precision mode found too little: the balanced reading is all there is
    lines = restore_link_text(_lines(text), _lines(fuller))
    paragraphs = clean_page_lines(lines)
    if sum(len(_WORD.findall(p)) for p in paragraphs) < MIN_WORDS:
        return None
    page = PageText(paragraphs=paragraphs, title=data.get("title") or None, outlet=data.get("sitename") or None)
    page.date, page.date_source = page_date(_date_tree(html), url or data.get("url"), paragraphs)
    return page


def _as_dict(doc) -> dict:
    if doc is None:
        return {}
    return doc if isinstance(doc, dict) else doc.as_dict()


def _date_tree(html: str):
    from htmldate.utils import load_html

    try:
        return load_html(html)
    except Exception:
        return None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def restore_link_text(lines: list[str], fuller: list[str]) -> list[str]:
    """Each line, or the fuller reading of the same paragraph: same first and last words, the
    line's words all in it in order, at most 40% more words (so never a merged block)."""
    out, j = [], 0
    for line in lines:
        words = _WORD.findall(line.lower())
        best = line
        for k in range(j, len(fuller)):
            other = _WORD.findall(fuller[k].lower())
            if other == words:
                j = k + 1
                break
            if (words and len(words) < len(other) and len(words) >= 0.6 * len(other)
                    and other[:2] == words[:2] and other[-2:] == words[-2:] and _is_subsequence(words, other)):
                best, j = fuller[k], k + 1
                break
        out.append(best)
    return out


def clean_page_lines(lines: list[str]) -> list[str]:
    """Known furniture out, table rules and list bullets of trafilatura's rendering undone."""
    rules = furniture_rules()
    kept: list[str] = []
    in_links = False
    for raw in lines:
        line = normalize(raw).strip()
        if not line or _TABLE_RULE.match(line):
            continue
        line = _table_row(_LIST_BULLET.sub("", line))
        if any(p.search(line) for p in rules["drop"]):
            continue
        if any(p.search(line) for p in rules["section"]):
            in_links = True
            continue
        if in_links and _is_link_title(line):
            continue
        in_links = False
        kept.append(line)
    if kept:
        kept[-1] = strip_closing_credit(kept[-1])
        if not kept[-1]:
            kept.pop()
    while kept and is_date_stamp(kept[-1]):
        kept.pop()
    return kept


def _table_row(line: str) -> str:
    if line.startswith("|") and line.endswith("|"):
        cells = [c.strip() for c in line.strip("|").split("|")]
        return " | ".join(c for c in cells if c)
    return line


def _is_link_title(line: str) -> bool:
    return len(_WORD.findall(line)) <= 20 and not line.endswith((".", "!", "?", "。", "！", "？", ":", ";", ","))
