"""Datelines of regional agencies: the agency named after the date, no year in the line."""
import pytest

from dragoman.pipeline import prepare
from dragoman.read import RawDocument

BODY = "Officials from both countries met on Monday to discuss the reopening of the border crossing."


@pytest.mark.parametrize("opening, place, outlet, date", [
    ("YEREVAN, MARCH 3, ARMENPRESS. ", "YEREVAN", "Armenpress", None),
    ("Baku, 3 March, AZERTAC. ", "Baku", "Azertac", None),
    ("Kyiv, 14 March 2025 — ", "Kyiv", None, "2025-03-14"),
    ("TBILISI, March 5 (Civil.ge) - ", "TBILISI", "Civil.ge", None),
])
def test_agency_datelines(opening, place, outlet, date):
    article = prepare(RawDocument(source="x.txt", text=opening + BODY))
    assert article.dateline == place
    assert article.outlet == outlet
    assert article.date == date
    assert article.text.startswith("Officials from both countries")


def test_year_of_an_agency_dateline_comes_from_the_page():
    article = prepare(RawDocument(source="x.txt", text="Published 2025\n\nYEREVAN, MARCH 3, ARMENPRESS. " + BODY))
    assert article.date == "2025-03-03"


@pytest.mark.parametrize("opening, place", [
    ("ISLAMABAD: ", "ISLAMABAD"),
    ("NEW DELHI, March 4: ", "NEW DELHI"),
    ("DHAKA: ", "DHAKA"),
])
def test_a_city_and_a_colon_is_a_dateline(opening, place):
    article = prepare(RawDocument(source="x.txt", text=opening + BODY))
    assert article.dateline == place
    assert article.text.startswith("Officials from both countries")


@pytest.mark.parametrize("opening", ["UPDATE: ", "EXCLUSIVE: ", "WATCH LIVE: ", "BOOM: "])
def test_a_capitalised_label_and_a_colon_is_no_dateline(opening):
    article = prepare(RawDocument(source="x.txt", text=opening + BODY))
    assert article.dateline is None
