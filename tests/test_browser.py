"""The dashboard in a real browser: Debian's Chromium driven by Playwright, the app served by uvicorn.

Saves screenshots to build/screenshots/ (not tracked), or to $DRAGOMAN_SCREENSHOTS: the README's
images are refreshed on purpose with ``DRAGOMAN_SCREENSHOTS=docs/screenshots pytest tests/test_browser.py``.
Skipped when playwright or /usr/bin/chromium is missing.
"""
from __future__ import annotations

import csv
import os
import socket
import threading
import time
from pathlib import Path

import pytest

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:
    pytest.skip("playwright is not installed (pip install playwright)", allow_module_level=True)

import uvicorn

from dragoman.records import Article
from dragoman.store import SQLiteStore
from dragoman.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = Path(os.environ.get("DRAGOMAN_SCREENSHOTS") or ROOT / "build" / "screenshots")
EXAMPLES = ROOT / "examples"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)


def serve_in_thread(db_path: Path):
    """Start uvicorn on a free loopback port in a daemon thread; returns (base url, server, thread)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(str(db_path)), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server, thread


@pytest.fixture(scope="module")
def base_url(corpus_db):
    url, server, thread = serve_in_thread(corpus_db)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def examples_url(tmp_path_factory):
    """examples/ analysed by the real pipeline and served; skipped where the pipeline cannot run."""
    try:
        from dragoman.pipeline import Analyzer, analyze_documents
        from dragoman.read import iter_documents

        analyzer = Analyzer()
    except (ImportError, OSError, RuntimeError) as err:  # no pipeline yet, or no spaCy model
        pytest.skip(f"the analysis pipeline cannot run here: {err}")
    path = tmp_path_factory.mktemp("examples") / "examples.db"
    store = SQLiteStore(path)
    try:
        for item in analyze_documents(analyzer, iter_documents([str(EXAMPLES)])):
            if isinstance(item, Article):
                store.save_article(item)
    finally:
        store.close()
    url, server, thread = serve_in_thread(path)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def screenshot(page, name: str, *, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)


def test_home_shows_counts_and_recent_articles(page, base_url):
    page.goto(base_url + "/")
    expect(page.locator(".cards")).to_contain_text("6 articles")
    expect(page.locator(".article-list")).to_contain_text("Talks stall as Kestria weighs a troop deployment")
    screenshot(page, "home.png")


def test_reader_highlights_quotes_events_and_actors(page, base_url):
    page.goto(base_url + "/articles")
    page.get_by_role("link", name="Marovia accuses Kestria of border incursion").click()
    quote = page.locator(".article-text .hl-quote")
    expect(quote).to_contain_text("Kestrian soldiers crossed our border at dawn")
    expect(page.locator(".article-text .hl-event.quad-verbal-conflict")).to_have_text("accused")
    actor = page.locator(".article-text .hl-actor", has_text="Dorin Kalvas")
    actor.hover()
    expect(page.locator(".tip")).to_be_visible()
    expect(page.locator(".tip")).to_contain_text("Dorin Kalvas (MRV GOV)")
    screenshot(page, "article.png", full_page=True)


def test_script_in_an_article_shows_as_text(page, base_url):
    page.goto(base_url + "/search?q=defaced")
    page.locator(".article-list a").first.click()
    expect(page.locator(".article-text")).to_contain_text("<script>alert('pwned')</script>")
    expect(page.locator("h1")).to_contain_text("<i>calm</i>")
    assert page.locator(".article-text script").count() == 0
    assert page.dialogs == []


def test_quote_search_finds_a_quote(page, base_url):
    page.goto(base_url + "/quotes")
    page.get_by_label("Words").fill("villages")
    page.get_by_role("button", name="Search").click()
    cards = page.locator(".quote-card")
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("Ilsa Varnek")
    screenshot(page, "quotes.png")


def test_actor_page_lists_quotes_and_events(page, base_url):
    page.goto(base_url + "/actors")
    page.get_by_role("link", name="Dorin Kalvas").first.click()
    expect(page.locator("h1")).to_contain_text("Dorin Kalvas")
    expect(page.locator(".quote-card").first).to_contain_text("Today our two peoples chose peace")
    screenshot(page, "actor.png", full_page=True)


def test_event_filters(page, base_url):
    page.goto(base_url + "/events")
    page.get_by_label("Quad class").select_option("material conflict")
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("table.events tbody tr")
    expect(rows).to_have_count(4)
    expect(page.locator("table.events .badge.quad-material-conflict")).to_have_count(4)
    screenshot(page, "events.png")


def test_dyad_page_draws_the_chart(page, base_url):
    page.goto(base_url + "/dyad")
    page.get_by_label("Actor A").fill("KST")
    page.get_by_label("Actor B").fill("MRV")
    page.get_by_role("button", name="Compare").click()
    chart = page.locator("svg.chart")
    expect(chart).to_be_visible()
    # Five months with events between January and June, so six month slots on the axis.
    assert page.locator("svg.chart rect title").count() >= 8
    assert page.locator("svg.chart circle").count() == 5
    expect(page.locator(".cards")).to_contain_text("9 events")
    screenshot(page, "dyad.png", full_page=True)


def test_examples_reader_shows_pipeline_quotes_at_their_offsets(page, examples_url):
    page.goto(examples_url + "/articles")
    page.get_by_role("link", name="Moscow calls on Baku and Yerevan").click()
    article_id = page.url.rsplit("/", 1)[1]
    stored = page.request.get(f"{examples_url}/api/articles/{article_id}").json()
    assert stored["quotes"], "the pipeline found no quotes in the example"
    shown = page.locator(".article-text .hl-quote").all_text_contents()
    assert shown == [q["text"] for q in stored["quotes"]]
    screenshot(page, "examples-article.png", full_page=True)


def test_examples_dyad_chart(page, examples_url):
    page.goto(examples_url + "/dyad?a=RUS&b=ARM")
    expect(page.locator("svg.chart")).to_be_visible()
    expect(page.locator("table.events tbody tr").first).to_contain_text("RUS")
    screenshot(page, "examples-dyad.png")


def test_examples_map_shows_events_in_their_countries(page, examples_url):
    page.goto(examples_url + "/map")
    world = page.locator("svg.worldmap")
    expect(world).to_be_visible()
    countries = page.locator("#map-countries tbody")
    # the examples: a Moscow briefing, a border incident reported from Armenia, an EU meeting in Brussels
    for name in ("Russia", "Armenia", "Belgium"):
        expect(countries).to_contain_text(name)
    for iso3 in ("RUS", "ARM", "BEL"):
        shaded = page.locator(f'svg.worldmap path[data-iso3="{iso3}"]')
        expect(shaded).to_have_count(1)
        assert shaded.get_attribute("fill") != "#e8ecf3", f"{iso3} has no events on the map"
    assert page.locator("svg.worldmap circle.place").count() >= 1
    screenshot(page, "map.png", full_page=True)


def test_examples_network_links_russia_armenia_azerbaijan(page, examples_url):
    page.goto(examples_url + "/network")
    expect(page.locator("svg.network")).to_be_visible()
    for key in ("RUS", "ARM", "AZE"):
        expect(page.locator(f'svg.network a.node[data-key="{key}"]')).to_have_count(1)
    assert page.locator('svg.network a.edge[href*="RUS"]').count() >= 1
    assert page.locator('svg.network a.edge[href*="AZE"]').count() >= 1
    screenshot(page, "network.png", full_page=True)
    page.locator('svg.network a.edge[href*="ARM"]').first.click()
    expect(page).to_have_url(__import__("re").compile(r"/dyad\?a="))
    expect(page.locator("svg.chart")).to_be_visible()


def test_events_download_csv_has_every_row_of_the_filter(page, examples_url, tmp_path):
    page.goto(examples_url + "/events?limit=2")
    expect(page.locator("table.events tbody tr")).to_have_count(2)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download CSV").click()
    saved = tmp_path / "events.csv"
    info.value.save_as(saved)
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    total = page.request.get(examples_url + "/api/stats").json()["events"]
    assert len(rows) == total > 2
    assert all(r["type"] and r["article_id"] for r in rows)


def test_sorting_a_column(page, base_url):
    page.goto(base_url + "/actors")
    header = page.locator("table.list th", has_text="Mentions")
    header.click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    values = [int(v) for v in page.locator("table.list tbody tr td:nth-child(5)").all_text_contents()]
    assert values == sorted(values)
    header.click()
    values = [int(v) for v in page.locator("table.list tbody tr td:nth-child(5)").all_text_contents()]
    assert values == sorted(values, reverse=True)


def test_header_fits_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(base_url + "/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        search = page.locator(".quick-search input").bounding_box()
        assert search["x"] + search["width"] <= 360
        expect(page.get_by_role("link", name="Network")).to_be_attached()
        screenshot(page, "phone.png")
    finally:
        context.close()
