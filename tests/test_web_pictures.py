"""Where, who with whom, when: the gazetteer, event locations, the map, the network, timelines,
and the dashboard's lists (CSV downloads, filters, labels)."""
from __future__ import annotations

import csv
import io
import sqlite3

import pytest
from fastapi.testclient import TestClient

from dragoman.geo import load_places, locate_events
from dragoman.records import Actor, Article, Event, Evidence, Mention, Party, Quote, Speaker
from dragoman.store import SQLiteStore, open_store
from dragoman.store.sqlite import MIGRATIONS, split_statements
from dragoman.web import create_app
from dragoman.web.chart import dyad_chart
from dragoman.web.labels import EVENT_TYPES, article_name, plural

ARM = Actor("ARM", "Armenia", "ARM", "ARM", kind="country")
AZE = Actor("AZE", "Azerbaijan", "AZE", "AZE", kind="country")
RUS_GOV = Actor("RUS GOV", "Russian government", "RUS GOV", "RUS", "GOV", "body")
AZE_MIL = Actor("AZE MIL", "Azerbaijani armed forces", "AZE MIL", "AZE", "MIL", "body")
ENVOY = Actor("person:test-envoy", "Tamar Oskanyan", "ARM GOV", "ARM", "GOV", "person")


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def event(text, kind, quad, source, source_words, target, target_words, trigger, location=None) -> Event:
    t0, t1 = span(text, trigger)
    s0 = text.rfind(". ", 0, t0) + 2 if text.rfind(". ", 0, t0) >= 0 else 0
    s1 = text.find(". ", t1) + 1 or len(text)
    source_at, target_at = span(text, source_words, s0), span(text, target_words, s0)
    return Event(kind, None, "000", quad, 1.0, Party(source, source_words, *source_at),
                 Party(target, target_words, *target_at), False, "2025-05-06", location, False, False,
                 [Evidence(0, s0, s1, text[s0:s1], trigger, t0, t1)])


def located_article(dateline: str | None = "YEREVAN") -> Article:
    text = ("YEREVAN — Armenia and Azerbaijan held talks in Vienna on Tuesday. "
            "Azerbaijani troops shelled Armenian positions overnight, the envoy said. "
            "Russia urged Armenia to keep talking. "
            "Tamar Oskanyan said the sanctions on the region would be lifted.")
    article = Article(id="loc0000000000001", source="fixtures/located.txt", text=text, title=None,
                      date="2025-05-06", dateline=dateline)
    article.entities = [Mention("Armenia", *span(text, "Armenia"), "GPE", 0, ARM),
                        Mention("Azerbaijan", *span(text, "Azerbaijan"), "GPE", 0, AZE),
                        Mention("Vienna", *span(text, "Vienna"), "GPE", 0, None),
                        Mention("Russia", *span(text, "Russia"), "GPE", 2, RUS_GOV),
                        Mention("Tamar Oskanyan", *span(text, "Tamar Oskanyan"), "PERSON", 3, ENVOY)]
    words = "the sanctions on the region would be lifted"
    q0, q1 = span(text, words)
    article.quotes = [Quote(words, "indirect", q0, q1, "said", q0 - 5, q0 - 1,
                            Speaker("Tamar Oskanyan", *span(text, "Tamar Oskanyan"), ENVOY), 3, 0)]
    article.events = [
        event(text, "CONSULT", "verbal cooperation", ARM, "Armenia", AZE, "Azerbaijan", "held talks", "Vienna"),
        event(text, "ASSAULT", "material conflict", AZE_MIL, "Azerbaijani troops", ARM, "Armenian", "shelled"),
        event(text, "REQUEST", "verbal cooperation", RUS_GOV, "Russia", ARM, "Armenia", "urged"),
    ]
    return article


# -- the gazetteer and event locations --------------------------------------------------------
def test_places_resolve_countries_and_cities_with_the_country_as_fallback():
    places = load_places()
    yerevan = places.resolve("Yerevan")
    assert (yerevan.country, yerevan.precision) == ("ARM", "city")
    assert 39 < yerevan.lat < 41 and 44 < yerevan.lon < 45
    assert places.resolve("the United States").country == "USA"
    assert places.resolve("Armenia").precision == "country"
    assert places.resolve("Syunik region") is None  # no city of that name: the caller falls back
    assert places.country("AZE").name == "Azerbaijan"


def test_events_are_located_by_clause_dateline_and_party():
    article = located_article()
    locate_events(article)
    talks, shelling, urging = (e.location for e in article.events)
    assert (talks["name"], talks["country"], talks["basis"], talks["precision"]) == ("Vienna", "AUT", "clause", "city")
    # a material act with no place named: where its target is
    assert (shelling["country"], shelling["basis"], shelling["precision"]) == ("ARM", "party", "country")
    # a Russian statement in a Yerevan report is not placed in Yerevan; it is where Russia is
    assert (urging["country"], urging["basis"]) == ("RUS", "party")
    assert all(-90 <= e.location["lat"] <= 90 and -180 <= e.location["lon"] <= 180 for e in article.events)
    # in the output, with the article's own place
    assert article.to_dict()["events"][0]["location"]["name"] == "Vienna"
    assert (article.location["name"], article.location["country"]) == ("Yerevan", "ARM")
    assert article.to_dict()["location"]["basis"] == "dateline"


def test_a_place_the_sentence_puts_the_act_in_counts_when_the_clause_names_none():
    article = located_article()
    article.events[0].location = None
    locate_events(article)
    assert (article.events[0].location["name"], article.events[0].location["basis"]) == ("Vienna", "sentence")
    # "urged Armenia": a country that is a party is not where the act happened
    assert article.events[2].location["basis"] == "party"


def test_a_statement_by_the_datelines_own_side_is_placed_in_its_city():
    article = located_article(dateline="MOSCOW")
    locate_events(article)
    talks, shelling, urging = (e.location for e in article.events)
    assert (urging["name"], urging["country"], urging["basis"], urging["precision"]) == (
        "Moscow", "RUS", "dateline", "city")
    assert shelling["basis"] == "party"  # a material act is not where the report was filed


# -- a store and the app over it -------------------------------------------------------------
@pytest.fixture
def located_client(store_target):
    article = located_article()
    locate_events(article)
    store = open_store(store_target)
    store.save_article(article)
    store.close()
    return TestClient(create_app(store_target))


def test_map_draws_the_countries_and_counts_events_per_country_and_city(located_client):
    page = located_client.get("/map?view=world")
    assert page.status_code == 200
    html = page.text
    assert '<svg class="worldmap"' in html and 'data-iso3="ARM"' in html and 'data-iso3="RUS"' in html
    assert "Armenia: 1 event</title>" in html and "Austria: 1 event</title>" in html
    assert '<circle class="place city"' in html and "Vienna (AUT): 1 event" in html
    filtered = located_client.get("/map?quad_class=material+conflict").text
    assert "Armenia: 1 event</title>" in filtered and "Austria: 0 events</title>" in filtered


def test_api_events_carry_the_resolved_location(located_client):
    items = located_client.get("/api/events?type=CONSULT").json()["items"]
    assert items[0]["location"]["country"] == "AUT" and items[0]["location"]["basis"] == "clause"


def test_stemmed_search_finds_a_plural(located_client):
    found = located_client.get("/api/search?q=sanction&kind=quotes").json()["quotes"]["items"]
    assert [q["text"] for q in found] == ["the sanctions on the region would be lifted"]
    assert located_client.get("/api/quotes?q=sanction").json()["items"]


def test_quote_cards_say_direct_or_indirect(located_client):
    html = located_client.get("/quotes").text
    assert 'class="kind-label"' in html and ">indirect<" in html
    assert "“the sanctions" not in html  # a paraphrase is not put in quotation marks


def test_untitled_article_gets_a_readable_name(located_client):
    html = located_client.get("/articles").text
    assert "Located" in html and "loc0000000000001</a>" not in html
    assert article_name(None, "https://news.example/2025/05/talks-resume", "ab12") == "Talks resume (news.example)"
    assert article_name(None, "feeds/wire.jsonl:7", "ab12") == "Wire, line 7"
    assert article_name(None, None, "ab12cd34ef") == "Untitled article ab12cd34"


def test_upgrading_rebuilds_full_text_search_with_the_stemmer(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:5]:
        for statement in split_statements(script):
            db.execute(statement)
    db.execute("PRAGMA user_version = 5")
    db.execute("INSERT INTO articles (id, source, status, text, date) VALUES ('a1', 'x.txt', 'analysed',"
               " 'Ministers discussed sanctions.', '2025-01-01')")
    db.execute("INSERT INTO articles_fts(rowid, title, text) SELECT rowid, '', text FROM articles")
    db.execute("INSERT INTO quotes (article_id, idx, text, kind, start, end) VALUES"
               " ('a1', 0, 'The sanctions stay', 'direct', 0, 18)")
    db.execute("INSERT INTO quotes_fts(rowid, text) SELECT rowid, text FROM quotes")
    db.commit()
    assert not db.execute("SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH 'sanction'").fetchall()
    db.close()
    store = SQLiteStore(path)
    try:
        assert store.schema_version == len(MIGRATIONS)
        assert [q["text"] for q in store.search_quotes("sanction")] == ["The sanctions stay"]
        assert [a["id"] for a in store.search_articles("sanction")] == ["a1"]
    finally:
        store.close()


# -- over the fictional corpus ---------------------------------------------------------------
@pytest.fixture(scope="module")
def client(corpus_db):
    return TestClient(create_app(corpus_db))


def test_network_draws_actors_and_links_edges_to_the_dyad(client):
    html = client.get("/network").text
    assert '<svg class="network"' in html
    assert 'data-key="KST"' in html and 'data-key="MRV"' in html
    assert 'href="/dyad?a=KST&amp;b=MRV"' in html
    assert 'data-quad="material conflict"' in html and 'data-quad="verbal cooperation"' in html
    around = client.get("/network?actor=NAO&level=code").text
    assert 'data-key="NAO"' in around and 'data-key="KST"' in around


def test_network_leaves_out_negated_and_hypothetical_events(client):
    html = client.get("/network?since=2024-06-01").text
    assert '<svg class="network"' not in html and "No events between two actors match." in html


def test_events_csv_has_every_row_of_the_filter(client):
    page = client.get("/events?quad_class=material+conflict&limit=1&format=csv")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(page.text)))
    expected = client.get("/api/events?quad_class=material+conflict&limit=500").json()["items"]
    assert len(rows) == len(expected) == 4
    assert {r["type"] for r in rows} == {e["type"] for e in expected}
    assert 'href="/events?quad_class=material+conflict&amp;format=csv"' in client.get(
        "/events?quad_class=material+conflict").text


@pytest.mark.parametrize("path, column", [("/quotes?speaker=Varnek", "speaker_name"), ("/articles?q=Kestria", "title"),
                                          ("/actors?q=Kest", "name")])
def test_every_filtered_list_downloads_as_csv(client, path, column):
    html = client.get(path).text
    assert "Download CSV" in html
    rows = list(csv.DictReader(io.StringIO(client.get(path + "&format=csv&limit=1").text)))
    assert len(rows) > 1 and all(r[column] for r in rows)


def test_csv_cells_never_start_a_formula(tmp_path):
    from dragoman.web.csvout import _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell(-2.0) == -2.0 and _cell(None) == ""


def test_event_filters_are_selects_with_the_sixteen_types(client):
    html = client.get("/events?type=accuse").text
    assert len(EVENT_TYPES) == 16
    assert '<select name="type">' in html and '<option value="ACCUSE" selected>' in html
    assert html.count("<option value=") >= 16 + 4


def test_counts_are_singular_for_one(client):
    assert plural(1, "event") == "1 event" and plural(2, "event") == "2 events" and plural(1200, "quote") == "1,200 quotes"
    html = client.get("/").text
    assert "1 events" not in html and "1 quotes" not in html


def test_home_and_actor_pages_show_weekly_timelines(client):
    home = client.get("/").text
    assert home.count('<svg class="timeline"') == 2
    actor = client.get("/actors/KST").text
    assert '<svg class="timeline"' in actor and "verbal cooperation</title>" in actor
    # the week of 2024-06-03 has only a hypothetical deployment and a denied attack
    events_svg = home.split('<svg class="timeline"')[1].split("</svg>")[0]
    assert "week of 2024-05-20: 2 material cooperation" in events_svg and "week of 2024-06-03" not in events_svg


def test_counterparts_include_partners_of_the_actors_officials(client):
    # the event table of "Marovia" (MRV) lists Dorin Kalvas's events too: so do its counterparts
    html = client.get("/actors/MRV").text
    counterparts = html.split("<h2>Counterparts</h2>")[1].split("</ul>")[0]
    assert "Kestria" in counterparts and "Marovia" not in counterparts


def test_api_page_renders_code_not_backticks(client):
    html = client.get("/api").text
    assert "`" not in html and "<code>limit</code>" in html


def test_dyad_chart_with_one_month_is_readable_and_its_lower_axis_negative():
    svg = str(dyad_chart([{"month": "2025-03", "events": 3, "verbal_cooperation": 2, "verbal_conflict": 1,
                            "material_cooperation": 0, "material_conflict": 0, "mean_intensity": 1.5}]))
    assert ">−2</text>" in svg
    assert ">2024-10</text>" in svg  # quiet months before it keep the bar narrow
    widths = [float(w) for w in __import__("re").findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)]
    assert widths and max(widths) <= 80


def test_story_pages_show_weekly_timelines(located_client):
    stories = located_client.get("/api/stories").json()["items"]
    assert stories, "the located article should make a story"
    html = located_client.get(f"/stories/{stories[0]['id']}").text
    assert html.count('<svg class="timeline"') == 2 and "1 article" in html


def test_api_places_and_network(located_client, client):
    places = located_client.get("/api/places").json()
    assert {c["code"]: c["events"] for c in places["countries"]} == {"AUT": 1, "ARM": 1, "RUS": 1}
    assert any(p["name"] == "Vienna" and p["precision"] == "city" for p in places["places"])
    network = client.get("/api/network?level=code").json()
    assert {n["key"] for n in network["nodes"]} >= {"KST", "MRV", "NAO"}
    edge = next(e for e in network["edges"] if {e["a"], e["b"]} == {"KST", "MRV"} and e["quad_class"] == "material conflict")
    assert sum(d["events"] for d in edge["directions"]) == edge["events"]
    assert client.get("/api/network?level=nodes").status_code == 422
