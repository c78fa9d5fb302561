"""The JSON API and the dashboard pages over the fictional corpus (tests/conftest.py)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dragoman.records import Article, Quote
from dragoman.store import SQLiteStore, open_store
from dragoman.web import create_app
from dragoman.web.chart import dyad_chart, month_range
from dragoman.web.highlight import Span, marked, render


@pytest.fixture(scope="module")
def client(corpus_db):
    # Server errors come back as 500 responses instead of exceptions, so "never 500" can be checked.
    return TestClient(create_app(str(corpus_db)), raise_server_exceptions=False)


def article_id(client, words: str) -> str:
    return client.get("/api/articles", params={"q": words}).json()["items"][0]["id"]


# -- overview and articles ----------------------------------------------------------------------
def test_stats_counts_the_corpus(client):
    stats = client.get("/api/stats").json()
    assert stats == {"articles": 6, "quotes": 7, "events": 13, "actors": 8, "entities": 38,
                     "first_date": "2024-01-15", "last_date": "2024-06-03"}


def test_articles_are_paged_newest_first(client):
    first = client.get("/api/articles", params={"limit": 4}).json()
    assert [a["date"] for a in first["items"]] == ["2024-06-03", "2024-05-22", "2024-04-10", "2024-03-05"]
    assert first["has_more"] and first["next_offset"] == 4
    rest = client.get("/api/articles", params={"limit": 4, "offset": 4}).json()
    assert [a["date"] for a in rest["items"]] == ["2024-02-20", "2024-01-15"]
    assert not rest["has_more"] and rest["next_offset"] is None


def test_articles_search_and_date_range(client):
    found = client.get("/api/articles", params={"q": "ceasefire"}).json()["items"]
    assert [a["title"] for a in found] == ["Kestria and Marovia sign ceasefire"]
    spring = client.get("/api/articles", params={"since": "2024-03", "until": "2024-04"}).json()["items"]
    assert [a["date"] for a in spring] == ["2024-04-10", "2024-03-05"]
    assert spring[0]["n_quotes"] == 1 and spring[0]["n_events"] == 2


def test_article_has_facts_with_offsets_into_its_text(client):
    article = client.get(f"/api/articles/{article_id(client, 'incursion')}").json()
    text = article["text"]
    assert {q["text"] for q in article["quotes"]} == {
        "Kestrian soldiers crossed our border at dawn and seized two villages"}
    for quote in article["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    for entity in article["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    kalvas = next(e for e in article["entities"] if e["text"] == "Dorin Kalvas")
    assert kalvas["actor"] == {"id": "Q900000102", "name": "Dorin Kalvas", "code": "MRV GOV"}
    triggers = {e["type"]: e["evidence"][0] for e in article["events"]}
    assert text[triggers["ACCUSE"]["trigger_start"]:triggers["ACCUSE"]["trigger_end"]] == "accused"
    assert article["events"][1]["quote_index"] == 0


def test_unknown_article_is_404(client):
    response = client.get("/api/articles/0000000000000000")
    assert response.status_code == 404
    assert "no article" in response.json()["detail"]


# -- quotes, events, actors ---------------------------------------------------------------------
def test_quotes_filter_by_speaker_text_and_date(client):
    by_varnek = client.get("/api/quotes", params={"speaker": "Q900000101"}).json()["items"]
    assert [q["date"] for q in by_varnek] == ["2024-06-03", "2024-04-10", "2024-01-15"]
    assert {q["speaker_name"] for q in by_varnek} == {"Ilsa Varnek"}
    assert len(client.get("/api/quotes", params={"speaker": "Varnek"}).json()["items"]) == 3
    villages = client.get("/api/quotes", params={"q": "villages"}).json()["items"]
    assert len(villages) == 2
    early = client.get("/api/quotes", params={"q": "villages", "until": "2024-03"}).json()["items"]
    assert [q["speaker_name"] for q in early] == ["Dorin Kalvas"]


def test_quotes_about_an_actor_named_inside_them(client):
    about = client.get("/api/quotes", params={"about": "MRV"}).json()["items"]
    assert [q["text"] for q in about] == ["Marovia must return to the talks and Kestria must pull back its forces"]


def test_events_filters(client):
    def events(**params):
        return client.get("/api/events", params=params).json()["items"]

    assert {e["type"] for e in events(type="accuse")} == {"ACCUSE"}
    assert len(events(type="ACCUSE")) == 2
    by_number, by_name = events(quad_class="4"), events(quad_class="material_conflict")
    assert by_number == by_name and len(by_number) == 4
    assert {e["source_actor_id"] for e in events(source="NAO")} == {"igo:NAO"}
    assert all(e["target_code"].startswith("MRV") for e in events(target="MRV"))
    june = events(since="2024-06-01")
    assert {(e["negated"], e["hypothetical"]) for e in june} == {(True, False), (False, True)}


def test_actor_list_has_counts(client):
    actors = client.get("/api/actors").json()["items"]
    varnek = next(a for a in actors if a["id"] == "Q900000101")
    assert (varnek["mentions"], varnek["articles"], varnek["quotes"]) == (5, 3, 3)
    assert client.get("/api/actors", params={"q": "Kalvas"}).json()["items"][0]["name"] == "Dorin Kalvas"


def test_actor_profile(client):
    profile = client.get("/api/actors/Q900000101").json()
    assert profile["name"] == "Ilsa Varnek"
    assert {"text": "Foreign Minister", "n": 2} in profile["aliases"]
    assert profile["roles"][0] == "Foreign Minister of Kestria"
    assert len(profile["quotes_by"]["items"]) == 3
    country = client.get("/api/actors/KST").json()
    assert country["name"] == "Kestria"
    assert {e["type"] for e in country["events_as_source"]["items"]} >= {"SANCTION", "AGREE"}
    assert {e["type"] for e in country["events_as_target"]["items"]} >= {"ACCUSE", "AID"}
    assert country["partners"][0]["id"] == "MRV"
    assert client.get("/api/actors/KST%20GOV").json()["name"] == "Government of Kestria"
    assert client.get("/api/actors/Mette%20Hallor").json()["id"] == "Q900000103"
    assert client.get("/api/actors/NoSuchActorAnywhere").status_code == 404


# -- dyads and search -----------------------------------------------------------------------------
def test_dyad_counts_per_month_and_lists_events(client):
    dyad = client.get("/api/dyad", params={"a": "KST", "b": "MRV"}).json()
    assert dyad["a"]["actor"]["name"] == "Kestria" and dyad["b"]["actor"]["name"] == "Marovia"
    assert [m["month"] for m in dyad["months"]] == ["2024-01", "2024-02", "2024-04", "2024-05", "2024-06"]
    february = dyad["months"][1]
    assert (february["verbal_conflict"], february["material_conflict"], february["mean_intensity"]) == (1, 1, -6.0)
    assert dyad["totals"] == {"verbal_cooperation": 2, "material_cooperation": 2, "verbal_conflict": 2,
                              "material_conflict": 3, "events": 9}
    events = dyad["events"]["items"]
    # Both directions, the hypothetical one too, newest first.
    assert len(events) == 10
    assert {e["source_code"][:3] for e in events} == {"KST", "MRV"}
    assert [e["date"] for e in events] == sorted((e["date"] for e in events), reverse=True)


def test_dyad_events_are_paged(client):
    pages = [client.get("/api/dyad", params={"a": "MRV", "b": "KST", "limit": 4, "offset": o}).json()["events"]
             for o in (0, 4, 8)]
    keys = [(e["article_id"], e["idx"]) for page in pages for e in page["items"]]
    assert len(keys) == len(set(keys)) == 10
    assert [p["has_more"] for p in pages] == [True, True, False]


def test_dyad_bad_requests(client):
    assert client.get("/api/dyad", params={"a": "KST", "b": "kst"}).status_code == 400
    assert client.get("/api/dyad", params={"a": "KST", "b": "Atlantis"}).status_code == 404
    assert client.get("/api/dyad", params={"a": "KST"}).status_code == 422


def test_search_returns_matches_with_their_spans(client):
    results = client.get("/api/search", params={"q": "border"}).json()
    assert results["query"] == "border"
    for hit in results["articles"]["items"]:
        assert all(hit["snippet"][s:e].lower() == "border" for s, e in hit["marks"])
    quote = results["quotes"]["items"][0]
    assert quote["text"] == "Kestrian soldiers crossed our border at dawn and seized two villages"
    assert [quote["text"][s:e] for s, e in quote["marks"]] == ["border"]
    only_quotes = client.get("/api/search", params={"q": "peace", "kind": "quotes"}).json()
    assert only_quotes["articles"] is None and len(only_quotes["quotes"]["items"]) == 1


# -- bad parameters: 400 or 422 with a message, never 500 ------------------------------------------
@pytest.mark.parametrize("url, params, status", [
    ("/api/articles", {"since": "2024-13-01"}, 400),
    ("/api/articles", {"since": "yesterday"}, 400),
    ("/api/articles", {"since": "2024-05-01", "until": "2024-04-01"}, 400),
    ("/api/articles", {"limit": -1}, 422),
    ("/api/articles", {"limit": 0}, 422),
    ("/api/articles", {"limit": 100_000}, 422),
    ("/api/articles", {"limit": "ten"}, 422),
    ("/api/articles", {"offset": -3}, 422),
    ("/api/articles", {"offset": 10**30}, 422),
    ("/api/quotes", {"until": "2024-02-30"}, 400),
    ("/api/events", {"quad_class": "9"}, 400),
    ("/api/events", {"quad_class": "friendly"}, 400),
    ("/api/search", {"q": ""}, 422),
    ("/api/search", {"q": "   "}, 400),
    ("/api/search", {"q": "x", "kind": "everything"}, 422),
    ("/api/quotes", {"q": "x" * 600}, 400),
])
def test_bad_parameters_get_a_message(client, url, params, status):
    response = client.get(url, params=params)
    assert response.status_code == status
    assert response.json()["detail"]


@pytest.mark.parametrize("words", ['"', "AND", "NEAR(", "a*", "-", "OR OR", "col:on", "(((", "'; DROP TABLE", "ü—漢字"])
def test_search_syntax_in_user_words_is_harmless(client, words):
    for url in ("/api/search", "/api/quotes", "/api/articles", "/search", "/quotes", "/articles"):
        assert client.get(url, params={"q": words}).status_code == 200
    for key in ("speaker", "about"):
        assert client.get("/api/quotes", params={key: words}).status_code == 200
    assert client.get("/api/events", params={"source": words}).status_code == 200
    assert client.get("/api/events", params={"source": words, "type": words}).status_code == 400


def test_openapi_describes_the_api(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/events", "/api/actors",
            "/api/actors/{actor}", "/api/dyad", "/api/search", "/api/stats"} <= set(spec["paths"])
    assert not any(path.startswith("/articles") for path in spec["paths"])
    page = client.get("/api")
    assert page.status_code == 200 and "/api/dyad" in page.text


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no dragoman database"):
        create_app(str(tmp_path / "absent.db"))


# -- dashboard pages --------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["/", "/articles", "/articles?q=kestria&since=2024", "/quotes",
                                 "/quotes?speaker=Varnek&about=MRV", "/events", "/events?quad_class=2",
                                 "/actors", "/actors?q=kest", "/actors/Q900000102", "/actors/igo:NAO", "/dyad",
                                 "/dyad?a=KST&b=MRV", "/search", "/search?q=peace&kind=quotes",
                                 "/static/style.css", "/static/app.js"])
def test_pages_render(client, url):
    assert client.get(url).status_code == 200


def test_reader_escapes_article_text_and_title(client):
    page = client.get(f"/articles/{article_id(client, 'defaced')}").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert "<i>calm</i>" not in page and "&lt;i&gt;calm&lt;/i&gt;" in page
    for url in ("/quotes?q=ten+minutes", "/search?q=pwned", "/", "/articles"):
        assert "<script>alert" not in client.get(url).text


def test_reader_marks_quotes_events_and_actors(client):
    page = client.get(f"/articles/{article_id(client, 'incursion')}").text
    assert ('<span class="hl-quote quote-direct" title="Quote (direct) — Dorin Kalvas (MRV GOV)" id="q0">'
            '<a href="/actors/KST%20MIL" class="hl-actor"') in page
    assert 'title="Dorin Kalvas (MRV GOV) · PERSON">Dorin Kalvas</a>' in page
    assert 'class="hl-event quad-verbal-conflict" title="ACCUSE (CAMEO 112, verbal conflict, -2.0): ' in page


def test_dyad_page_has_an_svg_chart(client):
    page = client.get("/dyad", params={"a": "KST", "b": "MRV"}).text
    assert '<svg class="chart"' in page and "2024-03" in page


@pytest.mark.parametrize("url, status, words", [
    ("/articles/nope", 404, "No article"),
    ("/actors/Atlantis-and-nowhere", 404, "No actor"),
    ("/events?since=2024-99", 400, "not a valid date"),
    ("/quotes?offset=-5", 422, "offset"),
    ("/dyad?a=KST&b=KST", 400, "two different actors"),
    ("/no/such/page", 404, "Not Found"),
])
def test_page_errors_are_html_with_a_message(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert words in response.text


# -- highlighting and the chart -------------------------------------------------------------------
def test_render_nests_clips_and_escapes():
    text = "<b>Alpha beta gamma</b>"
    spans = [Span(3, 19, "quote", "q", "quote"), Span(9, 22, "entity", "a", "crosses the quote end", href="/x"),
             Span(3, 8, "trigger", "t", "t & <t>"), Span(30, 40, "entity", "bad", "outside the text")]
    html, skipped = render(text, spans)
    assert skipped == 1
    assert html == ('&lt;b&gt;<span class="q" title="quote">'
                    '<span class="t" title="t &amp; &lt;t&gt;">Alpha</span> '
                    '<a href="/x" class="a" title="crosses the quote end">beta gamma</a></span>&lt;/b&gt;')


def test_marked_wraps_matches_in_mark():
    assert marked("a <b> c", [[2, 5]]) == "a <mark>&lt;b&gt;</mark> c"


def test_chart_fills_quiet_months():
    assert month_range("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    svg = dyad_chart([{"month": "2023-11", "events": 2, "verbal_cooperation": 2, "mean_intensity": 3.0},
                      {"month": "2024-02", "events": 1, "material_conflict": 1, "mean_intensity": -10.0}])
    assert svg.startswith("<svg") and svg.count("<rect") == 2 + 4  # two bars and four legend keys
    assert "2023-12" in svg and dyad_chart([]) is None


# -- store methods added for the views --------------------------------------------------------------
def test_date_ordered_search_gives_the_rows_of_the_plain_listing(store_target):
    store = open_store(store_target)
    for i in range(400):
        words = f"alpha {'beta ' if i % 3 == 0 else ''}gamma{i}"
        date = None if i % 50 == 0 else f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"
        quote = Quote(words, "direct", 1, 1 + len(words), "said", None, None, None, 0, 0)
        store.save_article(Article(id=f"{i:016x}", source=f"wire/{i}", text=f'"{words}," an envoy said.',
                                   title=f"Item {i}", date=date, quotes=[quote]))
    if isinstance(store, SQLiteStore):
        # "alpha" is in every row, so it walks the date index; "gamma7" is in one, so it sorts the hits.
        assert store._walk_date_index("quotes_fts", "quotes", "alpha", 50)
        assert not store._walk_date_index("quotes_fts", "quotes", "gamma7", 50)
    for words in ("alpha", "beta", "gamma7", "alpha beta", "absent"):
        for limit, offset, since, until in ((5, 0, None, None), (20, 7, None, None), (50, 390, None, None),
                                            (10, 3, "2023-03-01", "2023-06-30")):
            window = {"limit": limit, "offset": offset, "since": since, "until": until}
            assert store.quotes_matching(words, **window) == store.quotes(search=words, **window)
            assert store.articles_matching(words, **window) == store.list_articles(search=words, **window)
    store.close()


def test_actor_summary_and_top_dyads(corpus_db):
    store = open_store(corpus_db, readonly=True)
    summary = store.actor_summary("MRV")
    assert summary["partners"][0] == {"id": "KST", "name": "Kestria", "code": "KST", "events": 7}
    assert store.actor_summary("nobody") is None
    assert store.top_dyads(limit=2) == [{"a": "KST", "b": "MRV", "events": 7},
                                        {"a": "KST GOV", "b": "MRV", "events": 2}]
    store.close()


def test_only_web_urls_become_links(store_target):
    store = open_store(store_target)
    store.save_article(Article(id="00000000000000aa", source="feed.jsonl#1", url="javascript:alert(1)",
                               text="A statement was read out in the square.", title="A statement"))
    store.close()
    page = TestClient(create_app(store_target)).get("/articles/00000000000000aa").text
    assert 'href="javascript' not in page and "javascript:alert(1)" in page


def test_empty_actor_parameters_are_rejected(client):
    assert client.get("/api/actors/").status_code in (404, 422)
    assert client.get("/api/dyad", params={"a": " ", "b": "KST"}).status_code == 400
