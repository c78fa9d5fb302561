"""Quote marks the parser splits oddly: a spaced closing mark after a question, nested single
and double closing marks. The quote stage must read them without failing (issue 11)."""
import pytest

from dragoman.quotes import find_marked
from nlp_helpers import analyze, quote_starting

ODD_CLOSINGS = [
    ('In her column the editor asked: "What have we made of ourselves? " she wrote, and went on to '
     'describe the empty harbour.\n\n"Nobody came to the meeting at the port," she added.',
     "Nobody came to the meeting"),
    ('"The mayor told us: ‘Roads first, then the school, then the clinic, all of it needs attention,’ ” '
     'Hege said. "We have waited for eleven years and we are still waiting."',
     "We have waited for eleven years"),
]


@pytest.mark.parametrize("text, later", ODD_CLOSINGS)
def test_spaced_and_nested_closing_marks_do_not_break_the_quote_stage(text, later):
    article = analyze(text, date="2024-03-01")
    assert quote_starting(article, later) is not None


def test_two_apostrophes_are_a_double_quote_mark():
    text = "The plan drew scorn. ''It is tinkering at the edges,'' said Alan Corby, an economist. ''Nothing more.''"
    marked = find_marked(text, [(0, len(text))])
    assert [text[m.start:m.end] for m in marked] == ["It is tinkering at the edges,", "Nothing more."]


def test_a_straight_mark_is_closed_by_a_straight_mark_not_by_a_curly_quote_inside():
    text = '"ORRIN: Well, she thinks this is an episode of \u201cBake Off.\u201d But this is serious business." Then he left.'
    marked = find_marked(text, [(0, len(text))])
    assert [text[m.start:m.end] for m in marked][0].endswith("serious business.")


def test_a_title_in_american_style_keeps_its_period_and_is_no_statement():
    a = analyze('The paper ran a column headlined "Coal Is Not the Villain." on Sunday.', date="2024-05-14")
    assert not [q for q in a.quotes if "Villain" in q.text]


def test_a_closing_curly_mark_typed_at_the_start_of_a_line_opens_a_quote():
    text = "Readers wrote in.\n\n”Fear is what I feel. I am truly afraid of the result.” ― Ana Velis\n" \
           "“Nobody asked us.” ― Jo Marr"
    marked = find_marked(text, [(0, 17), (19, len(text))])
    assert [text[m.start:m.end] for m in marked][0] == "Fear is what I feel. I am truly afraid of the result."


def test_a_closing_curly_mark_inside_a_line_does_not_open():
    text = "He said it was over” and left. Later she called it “a farce.”"
    marked = find_marked(text, [(0, len(text))])
    assert [text[m.start:m.end] for m in marked] == ["a farce."]


def test_a_straight_mark_left_open_holds_a_curly_quote_within_it():
    text = '"WHITLOCK: My opponent thinks this is \u201cDragons\' Den.\u201d But this is serious business.'
    marked = find_marked(text, [(0, len(text))])
    assert [text[m.start:m.end] for m in marked] == [text[1:]]


def test_a_straight_mark_closed_by_a_curly_one_is_not_left_open():
    text = '"We are worried,\u201d Henry said, citing the \u201cterrible anxiety\u201d of workers.'
    marked = find_marked(text, [(0, len(text))])
    assert [text[m.start:m.end] for m in marked][0] == "We are worried,"
