"""Cleaning and metadata on invented articles: generic page shapes, no site-specific rules. No spaCy."""
from __future__ import annotations

import pytest

from dragoman.clean import split_page
from dragoman.language import detect_language
from dragoman.metadata import Metadata, extract_metadata, parse_full_date
from dragoman.pipeline import prepare
from dragoman.read import RawDocument
from dragoman.records import Article, Failure


def meta_body(text: str) -> tuple[Metadata, list[str]]:
    return extract_metadata(split_page(text))


def prepared(text: str, **meta) -> Article:
    art = prepare(RawDocument(source="t.txt", text=text, **meta))
    assert isinstance(art, Article), art
    return art


SENTENCES = [
    "Ukraine and Moldova agreed on Thursday to reopen a passenger rail link that has been closed for two years, "
    "officials in both capitals said.",
    "\"The trains will run again by the summer,\" the Moldovan infrastructure minister told reporters at the "
    "border crossing.",
    "The line was built in 1985 and carried more than a million passengers a year before it closed.",
    "Engineers will first repair a bridge over the Dniester river, which was damaged by floods last spring.",
]

PAGE = f"""Home
News » Europe
Share: Facebook, Twitter, Telegram

Ministers agree to reopen rail link

Ministers agree to reopen rail link

date 2023-01-12 12 Jan. 14:15

KYIV, Ukraine (AP) — {SENTENCES[0]}

{SENTENCES[1]}

{SENTENCES[2]}

Read more:
Moldova votes in local elections
Kyiv hosts regional energy forum
Black Sea grain exports rise

{SENTENCES[3]}

Share this article
We use cookies to give you the best experience on our website.
Comments policy: comments are moderated and must stay on topic.
© 2023 Example Daily. All rights reserved.
"""


def test_furniture_dropped_and_every_sentence_kept():
    art = prepared(PAGE)
    paragraphs = art.text.split("\n\n")
    assert paragraphs == ["Ministers agree to reopen rail link", *SENTENCES]
    for junk in ("Share", "Facebook", "cookies", "Comments policy", "©", "All rights reserved", "Read more",
                 "Moldova votes", "energy forum", "grain exports", "Home", "Europe"):
        assert junk not in art.text, junk
    assert (art.title, art.date, art.outlet, art.dateline) == (
        "Ministers agree to reopen rail link", "2023-01-12", "AP", "KYIV")
    # paragraph offsets point into the cleaned text
    assert [art.text[s:e] for s, e in art.paragraphs] == paragraphs


def test_repeated_headline_kept_once():
    text = ("Georgia and Armenia sign customs deal\n\nGeorgia and Armenia sign customs deal\n\n"
            "Georgia and Armenia signed an agreement on Monday to speed up customs checks at their shared border, "
            "officials said.\n\nThe deal takes effect in March.\n")
    meta, body = meta_body(text)
    assert meta.title == "Georgia and Armenia sign customs deal"
    assert body.count("Georgia and Armenia sign customs deal") == 1
    assert body[0] == "Georgia and Armenia sign customs deal"


def test_read_more_block_in_the_middle_does_not_eat_the_next_paragraph():
    text = (
        "Officials in Tbilisi said on Monday that the new customs post would open within weeks, ending long queues "
        "of trucks at the crossing.\n\nRead also:\nGeorgia and Armenia discuss rail freight\nNew terminal opens at "
        "Poti port\n\nThe customs post was funded by a European grant and will employ sixty officers, the finance "
        "ministry added.\n"
    )
    page = split_page(text)
    assert page.body == [
        "Officials in Tbilisi said on Monday that the new customs post would open within weeks, ending long queues "
        "of trucks at the crossing.",
        "The customs post was funded by a European grant and will employ sixty officers, the finance ministry "
        "added.",
    ]
    assert "New terminal opens at Poti port" in page.dropped


def test_hard_wrapped_lines_are_joined():
    text = ("Azerbaijan and Kazakhstan agreed on Tuesday to double the volume of oil shipped\n"
            "across the Caspian Sea by the end of next year, the two energy ministries said.\n")
    assert split_page(text).body == [
        "Azerbaijan and Kazakhstan agreed on Tuesday to double the volume of oil shipped across the Caspian Sea "
        "by the end of next year, the two energy ministries said."]


BODY = ("Officials from both governments met on Tuesday to discuss the reopening of the border crossing, "
        "the ministry said in a statement.")


@pytest.mark.parametrize("opening, dateline, outlet", [
    ("WASHINGTON (Reuters) - ", "WASHINGTON", "Reuters"),
    ("KYIV, Ukraine (AP) — ", "KYIV", "AP"),
    ("BAKU, March 3 — ", "BAKU", None),
    ("TBILISI — ", "TBILISI", None),
    ("MOSCOW, November 17. /TASS/. ", "MOSCOW", "TASS"),
    ("Yerevan /Mediamax/. ", "Yerevan", "Mediamax"),
    ("(Reuters) - ", None, "Reuters"),
])
def test_datelines_are_cut_from_the_text(opening, dateline, outlet):
    meta, body = meta_body(opening + BODY)
    assert body == [BODY]
    assert meta.dateline == dateline
    assert meta.outlet == outlet


def test_leading_site_credit():
    meta, body = meta_body("Example.am. " + BODY + "\n\nThe next meeting is planned for April.")
    assert meta.outlet == "Example.am"
    assert body[0] == BODY


def test_outlet_quoted_in_the_body_is_not_the_outlet():
    text = ("The Armenian parliament approved next year's budget on Wednesday after a heated debate, Example.am "
            "reported. According to Reuters, the opposition boycotted the vote.")
    meta, body = meta_body(text)
    assert meta.outlet is None
    assert body == [text]


def test_year_in_the_body_is_not_a_date():
    text = ("Georgian and Armenian customs officials will hold joint inspections at the crossing, the finance "
            "ministry said on Monday. The measure, first discussed in 2019, will cut waiting times for trucks.\n\n"
            "In March 2020 the crossing was closed for several weeks.")
    meta, _ = meta_body(text)
    assert meta.date is None
    assert prepared(text).date is None


def test_nothing_said_nothing_found():
    art = prepared(BODY + "\n\nThe talks will continue next month in Vienna.")
    assert (art.title, art.date, art.outlet, art.dateline) == (None, None, None, None)


def test_dateline_without_a_year_and_no_year_anywhere_gives_no_date():
    meta, _ = meta_body("MOSCOW, November 17. /TASS/. " + BODY)
    assert meta.date is None


@pytest.mark.parametrize("text", [
    # the year from a copyright footer
    f"MOSCOW, November 17. /TASS/. {BODY}\n\nThe talks will continue in Vienna.\n\n© 2021 Example Agency",
    # the year from a header line
    f"Updated 2021\n\nMOSCOW, November 17. /TASS/. {BODY}\n\nThe talks will continue in Vienna.",
])
def test_dateline_year_taken_from_a_date_line_elsewhere(text):
    meta, body = meta_body(text)
    assert meta.date == "2021-11-17"
    assert meta.dateline == "MOSCOW" and meta.outlet == "TASS"
    assert body == [BODY, "The talks will continue in Vienna."]


def test_yearless_dateline_with_year_from_header_date():
    meta, _ = meta_body("Updated 2022\n\nBAKU, March 3 — " + BODY)
    assert meta.date == "2022-03-03"
    assert meta.dateline == "BAKU"


def test_full_date_in_the_header_wins_over_the_dateline_day():
    meta, _ = meta_body("Nov 17 2021\n\nMOSCOW, November 16. /TASS/. " + BODY)
    assert meta.date == "2021-11-17"


def test_trailing_date_line_is_metadata_not_text():
    text = f"MOSCOW, November 17. /TASS/. {BODY}\n\nThe talks will continue in Vienna.\n\n17 November 2021, 14:20"
    meta, body = meta_body(text)
    assert meta.date == "2021-11-17"
    assert body == [BODY, "The talks will continue in Vienna."]


@pytest.mark.parametrize("line, iso", [
    ("date 2023-01-12 12 Jan. 14:15", "2023-01-12"),
    ("Nov 17 2021", "2021-11-17"),
    ("17.11.2021", "2021-11-17"),
    ("June 14 2024, 16:38", "2024-06-14"),
    ("14 June 2024", "2024-06-14"),
    ("Published: 3 March, 2025 09:10", "2025-03-03"),
    ("Sept. 5th, 2022", "2022-09-05"),
    ("2021-11-18T09:00:00Z", "2021-11-18"),
])
def test_date_forms_in_a_header(line, iso):
    assert parse_full_date(line)[0] == iso
    meta, body = meta_body(f"{line}\n\n{BODY}")
    assert meta.date == iso
    assert body == [BODY]


@pytest.mark.parametrize("line", ["31.02.2021", "2021-13-01", "Version 2.1.2021b"])
def test_impossible_dates_are_not_dates(line):
    assert parse_full_date(line)[0] is None


def test_record_metadata_overrides_the_text():
    art = prepared("Nov 17 2021\n\nMOSCOW, November 17. /TASS/. " + BODY,
                   title="Own title", date="2021-11-18T09:00:00", outlet="Own outlet")
    assert (art.title, art.date, art.outlet) == ("Own title", "2021-11-18", "Own outlet")


# -- language -------------------------------------------------------------------------------

NOT_ENGLISH = {
    "fr": ("Le ministre français des Affaires étrangères s'est rendu à Erevan, où il a rencontré son homologue "
           "arménien pour discuter de la paix dans la région et du rôle de la mission européenne."),
    "ru": ("Министр иностранных дел провёл переговоры с коллегой из Армении. Стороны обсудили ситуацию на "
           "границе и договорились продолжить диалог в следующем месяце."),
    "hy": ("Հայաստանի արտաքին գործերի նախարարը երեքշաբթի հանդիպել է իր վրացի գործընկերոջ հետ Երևանում՝ "
           "քննարկելու տարածաշրջանային համագործակցությունը։"),
}


@pytest.mark.parametrize("lang", sorted(NOT_ENGLISH))
def test_not_english_is_flagged(lang):
    art = prepared(NOT_ENGLISH[lang])
    assert art.language == lang
    assert art.status == "not_english"


def test_english_with_foreign_names_is_english():
    text = ("Russian Deputy Foreign Minister Mikhail Galuzin, known at home as Михаил Галузин, met the Armenian "
            "ambassador in Moscow on Friday, the ministry said. The two discussed the transport corridor.")
    assert detect_language(text) == "en"
    assert prepared(text).status == "analysed"


def test_too_little_text():
    assert detect_language("OK") == "und"
    art = prepare(RawDocument(source="t.txt", text="Share: Facebook, Twitter\n© 2024 Example Daily"))
    assert isinstance(art, Failure) and "no article text" in art.reason


def test_content_id_depends_on_the_cleaned_text_only():
    a = prepared("Share: Facebook, Twitter\n\n" + BODY)
    b = prepared(BODY + "\n\nWe use cookies to improve your experience.")
    assert a.id == b.id
    assert prepared(BODY + " Talks resume next week.").id != a.id


def test_an_author_s_follow_line_is_furniture():
    text = ("Harbour workers in Port Selwyn walked out on Tuesday over unpaid overtime, the dockers' union said, "
            "and ferries to the islands were cancelled.\n\n"
            "“We will stay out until the money is paid,” said Ana Morel, the union's secretary.\n\n"
            "Follow Tom Reyes on Twitter @tomreyes_news.\n\nYou can follow her on Facebook and on X.\n")
    art = prepared(text)
    assert "Follow" not in art.text and "follow her" not in art.text
    assert "“We will stay out until the money is paid,” said Ana Morel" in art.text
    # a sentence of the article that merely mentions following someone stays
    kept = prepared("Thousands of fans follow the singer on Instagram, where she announced the tour on Monday "
                    "to the surprise of her label and her band.\n")
    assert "follow the singer on Instagram" in kept.text


def test_a_credit_glued_to_a_one_paragraph_page_is_cut_and_the_article_kept():
    body = ("Crowds lined the harbour road in Port Selwyn on Saturday for the first lantern festival in four years, "
            "and the organisers said more than forty boats had taken part. “We nearly called it off twice,” said "
            "Mara Tolland, who chairs the festival board. The rain held off until the last boat had docked.")
    art = prepared(body + " Staff writers Jonah Pell and Ines Varga contributed to this report")
    assert art.text == body
    alone = prepared(body + "\n\nStaff writer Jonah Pell contributed to this report.")
    assert alone.text == body
