"""Resolving an event's date phrase against the article date."""
from __future__ import annotations

from datetime import date

import pytest

from dragoman.events.dates import event_date, resolve_date

THURSDAY = date(2023, 1, 12)


@pytest.mark.parametrize("phrase, reference, expected", [
    ("on Monday", THURSDAY, "2023-01-09"),
    ("Thursday", THURSDAY, "2023-01-12"),
    ("last Thursday", THURSDAY, "2023-01-05"),
    ("yesterday evening", THURSDAY, "2023-01-11"),
    ("the day before yesterday", THURSDAY, "2023-01-10"),
    ("today", THURSDAY, "2023-01-12"),
    ("last week", THURSDAY, "2023-01-05"),
    ("last month", THURSDAY, "2022-12"),
    ("last year", THURSDAY, "2022"),
    ("earlier this year", THURSDAY, "2023"),
    ("three days ago", THURSDAY, "2023-01-09"),
    ("two months ago", THURSDAY, "2022-11"),
    ("November 16", date(2021, 11, 17), "2021-11-16"),
    ("November 16", THURSDAY, "2022-11-16"),
    ("16 November", date(2021, 11, 17), "2021-11-16"),
    ("Nov. 16, 2021", THURSDAY, "2021-11-16"),
    ("in December", THURSDAY, "2022-12"),
    ("in 2020", THURSDAY, "2020"),
    ("2021-11-16", None, "2021-11-16"),
    ("November 16, 2021", None, "2021-11-16"),
    ("on Monday", None, None),
    ("November 16", None, None),
    ("in 2020", None, "2020"),
    ("for decades", THURSDAY, None),
])
def test_resolve_date(phrase, reference, expected):
    assert resolve_date(phrase, reference) == expected


@pytest.fixture(scope="module")
def nlp():
    from dragoman.nlp import load_base_nlp

    return load_base_nlp()


def trigger(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, word, expected", [
    ("The minister met her counterpart on Monday.", "met", "2023-01-09"),
    ("The minister said on Wednesday that the talks had failed.", "failed", "2023-01-11"),
    ("Troops attacked the village yesterday, officials said on Thursday.", "attacked", "2023-01-11"),
    ("Troops have guarded the border for decades.", "guarded", "2023-01-12"),
    ("The army withdrew from the town.", "withdrew", "2023-01-12"),
])
def test_event_date_takes_the_nearest_clause_date(nlp, text, word, expected):
    doc = nlp(text)
    assert event_date(trigger(doc, word), "2023-01-12") == expected


def test_event_date_without_any_date_is_none(nlp):
    doc = nlp("The army withdrew from the town on Monday.")
    assert event_date(trigger(doc, "withdrew"), None) is None
