"""The date vocabulary (weekdays, months, counts, relative phrases) is data a user's pattern
file can extend, like the coder's other word lists."""
from datetime import date

import pytest

from dragoman.events import load_words
from dragoman.events.dates import resolve_date

ARTICLE_DAY = date(2025, 3, 12)  # a Wednesday


@pytest.mark.parametrize("phrase, expected", [
    ("the day before yesterday", "2025-03-10"),
    ("earlier this week", "2025-03-12"),
    ("last month", "2025-02"),
    ("three weeks ago", "2025-02-19"),
    ("two months ago", "2025-01"),
    ("sept. 3, 2024", "2024-09-03"),
    ("Dec. 3", "2024-12-03"),
    ("last Friday", "2025-03-07"),
    ("in November", "2024-11"),
])
def test_bundled_date_words(phrase, expected):
    assert resolve_date(phrase, ARTICLE_DAY) == expected


def test_a_users_relative_phrase_and_count_are_used():
    words = load_words({"relative_dates": [{"phrase": "overnight", "unit": "day", "offset": -1}],
                        "number_words": {"dozen": 12}})
    assert resolve_date("overnight", ARTICLE_DAY) is None
    assert resolve_date("overnight", ARTICLE_DAY, words) == "2025-03-11"
    assert resolve_date("a dozen days ago", ARTICLE_DAY, words) == "2025-02-28"


def test_an_unknown_list_in_a_users_file_is_named():
    with pytest.raises(ValueError, match="unknown word list 'calendar'"):
        load_words({"calendar": ["x"]})
