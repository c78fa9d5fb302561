"""Metadata of plain-text news: the forms agencies and sites use, each on an invented article."""
from __future__ import annotations

import pytest

from dragoman.pipeline import prepare
from dragoman.read import RawDocument
from dragoman.records import Article

LEAD = ("Officials from both countries met on Monday to discuss the reopening of the border crossing, "
        "which has been closed since the spring floods.")
SECOND = "\"We expect the first trucks to pass within a week,\" the deputy minister told reporters after the talks."
LAST = "Talks on a second crossing further north will continue next month, the ministry said."


def prepared(text: str) -> Article:
    art = prepare(RawDocument(source="t.txt", text=text))
    assert isinstance(art, Article), art
    return art


@pytest.mark.parametrize("text, date, outlet, dateline, opening", [
    # a date line glued to the first paragraph, then an agency dateline
    (f"date 2022-12-17 MOSCOW, December 17. /TASS/. {LEAD}\n\n{SECOND}\n\n{LAST}",
     "2022-12-17", "TASS", "MOSCOW", "Officials from both"),
    # City/DD.MM.YY/Agency
    (f"Baku/31.03.23/Turan: {LEAD}\n\n{SECOND}\n\n{LAST}", "2023-03-31", "Turan", "Baku", "Officials from both"),
    # an agency's initials in brackets, no dash after them
    (f"Sanaa, June 2 (KNA) {LEAD}\n\n{SECOND}\n\n{LAST}", None, "KNA", "Sanaa", "Officials from both"),
    # a syndicator's credit before the agency dateline, both glued to the date line
    (f"date 2024-09-05 (NEWSHUB- Lakeland News Agency (LNA)) LONDON, Sept 5 (LNA) -- {LEAD}\n\n{SECOND}\n\n{LAST}",
     "2024-09-05", "LNA", "LONDON", "Officials from both"),
])
def test_date_and_agency_lines(text, date, outlet, dateline, opening):
    art = prepared(text)
    assert (art.date, art.outlet, art.dateline) == (date, outlet, dateline)
    assert art.text.startswith(opening)


@pytest.mark.parametrize("stamp, date", [
    ("5 Sep, 2023 14:14", "2023-09-05"),
    ("Published Sep 6, 2023", "2023-09-06"),
    ("Published: 12:30, 7 September 2023", "2023-09-07"),
    ("Updated at 1:53 pm ET on 2021-11-18", "2021-11-18"),
])
def test_date_stamp_lines(stamp, date):
    text = (f"Border crossing to reopen next week\n\nBoth governments want trade to resume before winter.\n\n"
            f"{stamp}\n\n{LEAD}\n\n{SECOND}\n\n{LAST}")
    art = prepared(text)
    assert art.date == date
    assert stamp not in art.text
    assert LEAD in art.text


def test_credit_glued_to_the_last_sentence():
    art = prepared(f"{LEAD}\n\n{SECOND}\n\nThe crossing will open at dawn, said the minister.Lakeside Herald\n")
    assert art.outlet == "Lakeside Herald"
    assert art.text.endswith("said the minister.")


def test_editor_credits_dropped():
    art = prepared(f"{LEAD}\n\n{SECOND}\n\n{LAST} (Editor: Zhao Min)\n\n(Web editor: Qian Lu, Sun Wei)\n")
    assert "Editor" not in art.text and "editor" not in art.text
    assert art.text.endswith("the ministry said.")


def test_share_line_is_never_the_title():
    art = prepared(f"Share: Facebook Twitter WeChat\n\nBorder crossing to reopen next week\n\n{LEAD}\n\n{SECOND}")
    assert art.title == "Border crossing to reopen next week"
    assert "WeChat" not in art.text


def test_share_line_alone_gives_no_title():
    art = prepared(f"Share to: WeChat Weibo QZone\n\n{LEAD}\n\n{SECOND}")
    assert art.title is None


def test_a_place_with_its_country_is_a_dateline_not_an_outlet():
    art = prepared(f"KIGALI, Rwanda\n{LEAD}\n{SECOND}")
    assert art.outlet is None
    assert art.dateline == "KIGALI"


def test_a_publisher_line_in_the_header():
    art = prepared(f"Border crossing to reopen next week\nLakeside News\n{LEAD}\n{SECOND}")
    assert art.outlet == "Lakeside News"
    assert art.title == "Border crossing to reopen next week"


def test_menu_lines_are_not_publishers():
    art = prepared(f"Latest News\nBorder crossing to reopen next week\n{LEAD}\n{SECOND}")
    assert art.outlet is None


CHINESE = [
    "两国官员周一举行会谈，讨论重新开放因春季洪水而关闭的边境口岸。",
    "副部长在会后对记者表示，第一批货车预计将在一周内通过口岸，随后将恢复客运交通。",
    "双方还同意下个月继续就北部第二个口岸进行磋商，并成立联合工作组负责日常协调。",
]


def test_plain_text_in_chinese_keeps_its_paragraphs():
    art = prepared("边境口岸下周重新开放\n\n" + "\n\n".join(CHINESE) + "\n")
    for paragraph in CHINESE:
        assert paragraph in art.text
    assert art.title == "边境口岸下周重新开放"
    assert art.language == "zh"


HINDI = [
    "सीमा चौकी पर बातचीत सोमवार को हुई।",
    "दोनों देशों के अधिकारियों ने सोमवार को सीमा चौकी को फिर से खोलने पर लंबी बातचीत की और उप मंत्री ने "
    "कहा कि पहले ट्रक एक सप्ताह के भीतर गुजरेंगे।",
    "उत्तर में दूसरी चौकी पर बातचीत अगले महीने जारी रहेगी।",
]


def test_plain_text_in_hindi_keeps_its_short_sentences():
    art = prepared("सीमा चौकी अगले सप्ताह खुलेगी\n\n" + "\n\n".join(HINDI) + "\n")
    for paragraph in HINDI:
        assert paragraph in art.text
