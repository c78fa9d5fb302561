"""Web pages: every language keeps its text, known furniture goes, the date and where it came from.

The pages are invented; no spaCy here.
"""
from __future__ import annotations

import json

from dragoman.pipeline import prepare
from dragoman.read import RawDocument
from dragoman.records import Article


def page(body: str, head: str = "", lang: str = "en") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
            f"<main><article>{body}</article></main>"
            '<footer><p>Copyright 2024 Example Media Group. All rights reserved.</p></footer></body></html>')


def prepared(html: str, **meta) -> Article:
    art = prepare(RawDocument(source="page.html", html=html, **meta))
    assert isinstance(art, Article), art
    return art


JAPANESE = [
    "港湾局は金曜日、台風の影響で閉鎖されていた北側の埠頭を来週から再開すると発表した。",
    "同局によると、損傷した防波堤の修理はすでに終わり、大型貨物船の受け入れも月末までに可能になる見込みだという。",
    "地元の漁業協同組合は再開を歓迎する一方で、補償の手続きが遅れていると指摘した。",
    "市長は記者会見で「物流の回復を最優先に進める」と述べ、追加の予算を議会に提出する考えを示した。",
]


def test_a_japanese_page_keeps_every_paragraph():
    html = page("<h1>北側埠頭、来週再開へ</h1>" + "".join(f"<p>{p}</p>" for p in JAPANESE),
                head="<title>北側埠頭、来週再開へ</title>", lang="ja")
    art = prepared(html)
    for paragraph in JAPANESE:
        assert paragraph in art.text
    assert art.language == "ja" and art.status == "not_english"


RUSSIAN = [
    "Городская дума в среду утвердила план ремонта трёх мостов через реку, сообщили в пресс-службе мэрии.",
    "Работы начнутся весной и продлятся около двух лет, а движение по мостам будет ограничено поочерёдно.",
    "Депутаты также поручили администрации подготовить схему объезда для общественного транспорта.",
]


def test_a_russian_page_keeps_its_text():
    html = page("<h1>Дума утвердила ремонт мостов</h1>" + "".join(f"<p>{p}</p>" for p in RUSSIAN),
                head="<title>Дума утвердила ремонт мостов</title>", lang="ru")
    art = prepared(html)
    assert all(p in art.text for p in RUSSIAN)
    assert art.title == "Дума утвердила ремонт мостов"


ENGLISH = [
    "The two governments agreed on Monday to reopen the mountain road that links their border towns, "
    "a spokesman for the regional administration said.",
    "Trucks carrying food and fuel will be allowed through first, followed by passenger cars from next month.",
    "The road was closed in the autumn after a landslide damaged a bridge near the crossing.",
]


def test_share_line_is_never_the_title_and_editor_credit_goes():
    body = ("<div>Share: Facebook Twitter WeChat</div>"
            + "".join(f"<p>{p}</p>" for p in ENGLISH)
            + "<p>(Editor: Zhao Min)</p>")
    art = prepared(page(body))
    assert art.title != "Share: Facebook Twitter WeChat"
    assert "WeChat" not in art.text and "Share:" not in art.text
    assert "Editor" not in art.text and "Zhao Min" not in art.text
    assert all(p in art.text for p in ENGLISH)


def test_editor_credit_glued_to_the_last_sentence_goes():
    body = "".join(f"<p>{p}</p>" for p in ENGLISH[:-1]) + f"<p>{ENGLISH[-1]} (Web editor: Zhao Min, Qian Lu)</p>"
    art = prepared(page(body, head="<title>Mountain road to reopen</title>"))
    assert art.text.endswith("near the crossing.")


def test_page_text_is_kept_as_the_page_has_it():
    """The title is metadata; the page's text is not re-ordered around it."""
    body = "".join(f"<p>{p}</p>" for p in ENGLISH)
    art = prepared(page(body, head="<title>Mountain road to reopen | Example Media</title>"))
    assert art.text.split("\n\n") == ENGLISH


def jsonld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_date_declared_by_the_article_in_a_free_format():
    head = (jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Mountain road to reopen",
                    "datePublished": "Tue, Sep 15 2020 10:01:41 EDT"})
            + jsonld({"@type": "ImageObject", "dateCreated": "2019-05-20T08:00:00Z"})
            + "<title>Mountain road to reopen</title>")
    body = "".join(f"<p>{p}</p>" for p in ENGLISH) + "<p><small>Photo taken on 20 May 2019.</small></p>"
    art = prepared(page(body, head=head))
    assert (art.date, art.date_source) == ("2020-09-15", "metadata")


def test_the_day_the_publisher_printed_beats_a_utc_timestamp_near_midnight():
    head = ('<meta property="article:published_time" content="2021-03-06T23:40:00Z">'
            "<title>Mountain road to reopen</title>")
    body = ('<p class="date" itemprop="datePublished">7 March 2021</p>'
            + "".join(f"<p>{p}</p>" for p in ENGLISH))
    art = prepared(page(body, head=head))
    assert (art.date, art.date_source) == ("2021-03-07", "metadata")


def test_date_words_in_another_language():
    head = "<title>Strada di montagna riaperta</title>"
    body = ('<p itemprop="datePublished">06 Dicembre 2020</p>'
            "<p>Le autorità regionali hanno annunciato lunedì la riapertura della strada di montagna "
            "che collega i due paesi di confine, chiusa da mesi.</p>"
            "<p>Il traffico pesante potrà passare dalla prossima settimana, le automobili dal mese prossimo.</p>")
    art = prepared(page(body, head=head, lang="it"))
    assert (art.date, art.date_source) == ("2020-12-06", "metadata")


def test_date_given_with_the_input_is_recorded_as_given():
    art = prepared(page("".join(f"<p>{p}</p>" for p in ENGLISH)), date="2024-02-03")
    assert (art.date, art.date_source) == ("2024-02-03", "given")


def test_date_from_the_text_when_the_page_declares_none():
    body = "<p>Published 5 Sep, 2023 14:14</p>" + "".join(f"<p>{p}</p>" for p in ENGLISH)
    art = prepared(page(body))
    assert art.date == "2023-09-05"
    assert art.date_source in {"htmldate", "text"}
    assert "Published" not in art.text


def test_link_text_dropped_by_the_precise_reading_is_restored():
    from dragoman.ingest.html import restore_link_text

    precise = ["The minister said that for his part in the dispute he would resign.", "A second paragraph here."]
    fuller = ["Menu", "The minister said that the council will fine him for his part in the dispute he would resign.",
              "A second paragraph here.", "Related: other news"]
    assert restore_link_text(precise, fuller) == [fuller[1], fuller[2]]
    # a different paragraph that merely shares its first and last words is not taken
    assert restore_link_text(["Talks ended today."], ["Talks on trade, energy and the border ended today."]) == \
        ["Talks ended today."]


def test_tables_and_lists_keep_their_words():
    from dragoman.ingest.html import clean_page_lines

    lines = ["| Party | Seats | Change |", "|---|---|---|", "| Centre | 41 | +3 |", "- first point of the plan",
             "Share: Facebook Twitter WeChat", "The plan was adopted on Monday."]
    assert clean_page_lines(lines) == ["Party | Seats | Change", "Centre | 41 | +3", "first point of the plan",
                                       "The plan was adopted on Monday."]
