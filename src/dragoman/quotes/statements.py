"""One record per statement: a quote joined to the quoted spans that continue it after its
attribution ('"A," she said. "B."' as one item, the convention of PolNeAR and of readers who
want whole statements; the default keeps one quote per quoted span)."""
from __future__ import annotations

from dataclasses import replace

from ..records import Quote


def join_continuations(quotes: list[Quote]) -> list[Quote]:
    """The quotes with every continuation (``continues`` set) folded into the quote it continues;
    the joined quote spans both parts, its text the parts' texts in order."""
    out: list[Quote] = []
    by_start: dict[int, Quote] = {}
    for q in sorted(quotes, key=lambda q: q.start):
        head = by_start.get(q.continues) if q.continues is not None else None
        if head is None:
            joined = replace(q, continues=None)
            out.append(joined)
            by_start[q.start] = joined
            continue
        head.text = f"{head.text} {q.text}"
        head.end = max(head.end, q.end)
    return out
