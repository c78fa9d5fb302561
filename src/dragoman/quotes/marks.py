"""Quote marks, read leniently: straight, curly, guillemets; unclosed marks end with their
paragraph; British single marks only in a paragraph with no double marks."""
from __future__ import annotations

from dataclasses import dataclass

from ..clean import words
from ..records import Quote

# a closing curly mark opens only at the start of a line ('”Fear. I am afraid ...”', a typo)
OPEN_MARKS = {"“": "”", "«": "»", "„": "“", '"': '"', "”": "”"}
CLOSE_MARKS = {"”", "»", '"', "“"}


@dataclass(slots=True)
class Marked:
    """Text between quote marks (offsets exclude the marks)."""

    start: int
    end: int
    paragraph: int
    opens_paragraph: bool
    closed: bool
    absorbed: bool = False
    quote: Quote | None = None



def n_words(text: str) -> int:
    return len(words(text))



DOUBLE_MARKS = set('"“”«»„')
TWO_APOSTROPHES = "''"


def find_marked(text: str, paragraphs: list[tuple[int, int]]) -> list[Marked]:
    spans: list[Marked] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        # British style quotes with single marks, only in a paragraph with no double marks
        # (two apostrophes, ''like this'', are a double mark: archive and typewriter style)
        paragraph = text[p_start:p_end]
        if not any(ch in DOUBLE_MARKS for ch in paragraph) and TWO_APOSTROPHES not in paragraph:
            spans.extend(_single_marked(text, p_start, p_end, p_index))
        else:
            spans.extend(_marked_in_paragraph(text, p_start, p_end, p_index))
    return spans


def _single_marked(text: str, start: int, end: int, p_index: int) -> list[Marked]:
    out: list[Marked] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if open_at is None:
            if ch in "‘'" and (before.isspace() or before in "([—–-:,;" or i == start) and after.isalnum():
                open_at = i
        elif ch in "’'" and not after.isalnum() and not before.isspace() and i > open_at + 1:
            out.append(Marked(open_at + 1, i, p_index, opens_paragraph=open_at == start, closed=True))
            open_at = None
    if open_at is not None and end - open_at > 2:
        out.append(Marked(open_at + 1, end, p_index, opens_paragraph=open_at == start, closed=False))
    return out


def _marked_in_paragraph(text: str, start: int, end: int, p_index: int) -> list[Marked]:
    out: list[Marked] = []
    open_at: int | None = None
    open_width = 1
    straight = False
    i = start
    while i < end:
        ch = text[i]
        width = 2 if text.startswith(TWO_APOSTROPHES, i) and i + 1 < end else 1
        if open_at is None:
            if width == 2 and _can_open_two(text, i, start, end) or width == 1 and ch in OPEN_MARKS and _can_open(text, i, start, end):
                open_at, open_width = i, width
                # '"He called it “Shark Tank.” But ..."': a straight mark closed later in the
                # paragraph is closed by a straight mark, not by the curly one of a quote inside
                # (when the straight marks after it pair up with it: an odd number of them)
                straight = ch == '"' and width == 1 and text.count('"', i + 1, end) % 2 == 1
                # '"PENCE: She thinks this is “Shark Tank.” But ...' left open to the paragraph's end:
                # the curly pair inside is a quote within the quote
                straight = straight or (ch == '"' and width == 1 and i == start and text.count('"', i + 1, end) == 0
                                        and _first_curly(text, i + 1, end) == "“")
                i += width
                continue
        elif (width == 2 and i > open_at + open_width) or (ch in CLOSE_MARKS and (ch == '"' or not straight)
                                                           and _can_close(text, i, open_at)):
            out.append(Marked(open_at + open_width, i, p_index, opens_paragraph=open_at == start, closed=True))
            open_at = None
        i += width
    if open_at is not None and end - open_at > 2:
        out.append(Marked(open_at + open_width, end, p_index, opens_paragraph=open_at == start, closed=False))
    return [m for m in out if m.end > m.start]


def _first_curly(text: str, start: int, end: int) -> str | None:
    return next((ch for ch in text[start:end] if ch in "“”"), None)


def _can_open_two(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 2] if i + 2 < end else " "
    return not after.isspace() and (before.isspace() or before in "([—–-:,;/" or i == start)


def _can_open(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if text[i] == "”":
        return (i == start or before == "\n") and after.isalnum()
    if text[i] == '"' and before.isalnum():
        return False
    return not after.isspace() and (before.isspace() or before in "([—–-:,;/" or i == start)


def _can_close(text: str, i: int, open_at: int) -> bool:
    before = text[i - 1]
    # a curly opening mark typed where a closing one belongs: "... end“ she said"
    if text[i] == "“":
        return not before.isspace() and i + 1 < len(text) and (text[i + 1].isspace() or text[i + 1] in ".,;")
    return i > open_at + 1


