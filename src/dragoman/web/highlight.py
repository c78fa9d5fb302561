"""Article text as HTML with quotes, actor mentions and event triggers marked at their stored offsets.

Every character of the article goes through ``escape``; only the tags built here are raw HTML.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote as url_quote

from markupsafe import Markup, escape

# Outer spans first when two start at the same place and are as long.
_KIND_ORDER = {"quote": 0, "entity": 1, "trigger": 2}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # quote | entity | trigger
    css: str
    title: str
    anchor: str | None = None
    href: str | None = None


def quad_slug(quad_class: str | None) -> str:
    return (quad_class or "unknown").replace(" ", "-")


def actor_href(actor_id: str) -> str:
    return "/actors/" + url_quote(actor_id, safe="")


def web_url(url: str | None) -> str | None:
    """``url`` if it is http(s), else None: a stored URL comes from the input and must not run script."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _label(name: str | None, code: str | None) -> str:
    if name and code and code != name:
        return f"{name} ({code})"
    return name or code or "?"


def quote_spans(quotes: list[dict[str, Any]]) -> list[Span]:
    spans = []
    for q in quotes:
        speaker = _label(q.get("speaker_name") or q.get("speaker_mention"), q.get("speaker_code"))
        said = "unattributed" if not (q.get("speaker_name") or q.get("speaker_mention")) else speaker
        spans.append(Span(q["start"], q["end"], "quote", f"hl-quote quote-{q.get('kind') or 'direct'}",
                          f"Quote ({q.get('kind')}) — {said}", anchor=f"q{q['idx']}"))
    return spans


def entity_spans(entities: list[dict[str, Any]]) -> list[Span]:
    spans = []
    for e in entities:
        actor = e.get("actor")
        if actor:
            title = f"{_label(actor.get('name'), actor.get('code'))} · {e.get('label')}"
            spans.append(Span(e["start"], e["end"], "entity", "hl-actor", title, href=actor_href(actor["id"])))
        else:
            spans.append(Span(e["start"], e["end"], "entity", "hl-entity", f"{e.get('label')} (no actor)"))
    return spans


def event_title(ev: dict[str, Any]) -> str:
    source = _label(ev.get("source_name"), ev.get("source_code")) if ev.get("source_actor_id") else "?"
    target = _label(ev.get("target_name"), ev.get("target_code")) if ev.get("target_actor_id") else "?"
    flags = [f for f in ("negated", "hypothetical", "mutual") if ev.get(f)]
    extra = f" [{', '.join(flags)}]" if flags else ""
    intensity = ev.get("intensity")
    goldstein = f", {intensity:+.1f}" if isinstance(intensity, (int, float)) else ""
    return f"{ev.get('type')} (CAMEO {ev.get('cameo')}, {ev.get('quad_class')}{goldstein}): {source} → {target}{extra}"


def trigger_spans(events: list[dict[str, Any]]) -> list[Span]:
    spans = []
    for ev in events:
        title = event_title(ev)
        css = f"hl-event quad-{quad_slug(ev.get('quad_class'))}"
        if ev.get("negated") or ev.get("hypothetical"):
            css += " hl-unreal"
        for n, evidence in enumerate(ev.get("evidence") or []):
            start, end = evidence.get("trigger_start"), evidence.get("trigger_end")
            if start is None or end is None:
                continue
            anchor = f"e{ev['idx']}" if n == 0 else None
            spans.append(Span(start, end, "trigger", css, title, anchor=anchor))
    return spans


def _valid(span: Span, length: int) -> bool:
    return isinstance(span.start, int) and isinstance(span.end, int) and 0 <= span.start < span.end <= length


def _open_tag(span: Span, inside_link: bool) -> str:
    attrs = f' class="{escape(span.css)}" title="{escape(span.title)}"'
    if span.anchor:
        attrs += f' id="{escape(span.anchor)}"'
    if span.href and not inside_link:
        return f'<a href="{escape(span.href)}"{attrs}>'
    return f"<span{attrs}>"


def render(text: str, spans: list[Span]) -> tuple[Markup, int]:
    """The escaped text with ``spans`` wrapped in tags, and how many spans had offsets outside it.

    Spans nest; one that crosses the end of an enclosing span is cut at that end.
    """
    good = sorted((s for s in spans if _valid(s, len(text))), key=lambda s: (s.start, -s.end, _KIND_ORDER[s.kind]))
    out: list[str] = []
    stack: list[tuple[Span, str]] = []  # open spans and the tag that closes each
    pos = 0

    def close_through(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1][0].end <= limit:
            span, closer = stack.pop()
            out.append(str(escape(text[pos:span.end])) + closer)
            pos = span.end

    for span in good:
        close_through(span.start)
        if stack and span.end > stack[-1][0].end:
            span = Span(span.start, stack[-1][0].end, span.kind, span.css, span.title, span.anchor, span.href)
            if span.start >= span.end:
                continue
        out.append(str(escape(text[pos:span.start])))
        pos = span.start
        inside_link = any(closer == "</a>" for _, closer in stack)
        tag = _open_tag(span, inside_link)
        out.append(tag)
        stack.append((span, "</a>" if tag.startswith("<a ") else "</span>"))
    close_through(len(text))
    out.append(str(escape(text[pos:])))
    return Markup("".join(out)), len(spans) - len(good)


def highlight_article(article: dict[str, Any]) -> tuple[Markup, int]:
    spans = quote_spans(article["quotes"]) + entity_spans(article["entities"]) + trigger_spans(article["events"])
    return render(article["text"], spans)


def marked(text: str, marks: list[list[int]] | list[tuple[int, int]]) -> Markup:
    """Escaped ``text`` with the [start, end) spans in ``marks`` wrapped in <mark>."""
    out, pos = [], 0
    for start, end in sorted(marks):
        if start < pos or end > len(text):
            continue
        out.append(str(escape(text[pos:start])) + "<mark>" + str(escape(text[start:end])) + "</mark>")
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
