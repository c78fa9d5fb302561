"""The mentions read so far, for phrases that point back ('the ministry', 'the alliance')."""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Hashable

from ..records import Mention


class EarlierMentions:
    """Mentions in reading order, and for each kind of question a phrase asks of them ('a
    national ministry', 'one named with the word "ministry"') the ones that answer it, each in
    its own list kept in reading order. A question is answered from the end of its list, so a
    long article with many such phrases costs a look-up per phrase, not a scan of every
    mention before it."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._answers: dict[Hashable, tuple[Callable[[Mention], bool], list[Mention], list[int]]] = {}

    def last(self, question: Hashable, answers: Callable[[Mention], bool], before: int, n: int,
             narrows: Hashable | None = None) -> list[Mention]:
        """Up to the ``n`` last mentions ending by ``before`` that ``answers`` accepts, in reading
        order. ``question`` names ``answers``: the same question is always the same test. A
        question that ``narrows`` one asked before is answered from that one's answers."""
        if question not in self._answers:
            pool = self._answers[narrows][1] if narrows in self._answers else self.mentions
            found = [m for m in pool if answers(m)]
            self._answers[question] = (answers, found, [m.start for m in found])
        _, found, starts = self._answers[question]
        out: list[Mention] = []
        i = bisect_left(starts, before)  # those starting before; the few running past it are skipped
        while i > 0 and len(out) < n:
            i -= 1
            if found[i].end <= before:
                out.append(found[i])
        return out[::-1]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end)."""
        i, j = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [m for m in self.mentions[i:j] if m.end <= end]

    def replace(self, new: Mention, end: int) -> None:
        """``new`` in place of every mention starting inside [new.start, end)."""
        lists = [(None, self.mentions, self._starts), *self._answers.values()]
        for answers, found, starts in lists:
            i, j = bisect_left(starts, new.start), bisect_left(starts, end)
            del found[i:j], starts[i:j]
            if answers is None or answers(new):
                found.insert(i, new)  # nothing else starts where it does any more
                starts.insert(i, new.start)
