"""A sign-in, subscription or registration page holds no article: it is kept, not analysed, and
joins no story (two such pages of one site are not one story because their walls agree)."""
from __future__ import annotations

from typer.testing import CliRunner

from dragoman.clean import is_wall_page
from dragoman.cli import app
from dragoman.pipeline import prepare
from dragoman.read import RawDocument
from dragoman.store import SQLiteStore

WALL = ("Members get the full analysis. Registered readers can view two briefings a month. Enter your email "
        "below to unlock this briefing. Already a subscriber? Sign in here. Your password must contain at least "
        "ten characters and one digit. Email address First Name Last Name Company Role Country Sector Phone "
        "Preferred Language")


def wall_page(headline: str) -> str:
    return f"{headline} {WALL}"


ARTICLE = ("The port authority of Valmora said on Monday that grain shipments through the northern terminal had "
           "doubled since the dredging of the channel was finished in the spring. Exporters had waited for "
           "years for the work, which lets larger bulk carriers dock at high tide. Sign up for our free daily "
           "briefing to get the latest port news. The authority expects the terminal to handle four million "
           "tonnes this season, up from two million, and plans a second berth for container ships.")


def test_a_registration_wall_is_no_article():
    assert is_wall_page(wall_page("Freight rates seen easing into the new quarter"))


def test_an_article_with_a_sign_up_line_is_an_article():
    assert not is_wall_page(ARTICLE)
    assert not is_wall_page(ARTICLE + " Already a subscriber? Sign in to keep reading our port coverage.")


def test_one_wall_line_alone_is_not_enough():
    assert not is_wall_page("Freight rates ease. Already a subscriber? Log in.")


def test_prepared_wall_page_is_kept_without_analysis():
    article = prepare(RawDocument(source="wall.txt", text=wall_page("Copper demand to outpace supply")))
    assert article.status == "no_article"


def test_wall_pages_are_stored_but_join_no_story(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "rates.txt").write_text(wall_page("Freight rates seen easing into the new quarter"), encoding="utf-8")
    (folder / "copper.txt").write_text(wall_page("Copper demand to outpace supply"), encoding="utf-8")
    (folder / "port.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "walls.db"
    result = CliRunner().invoke(app, ["analyze", str(folder), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1 analysed" in result.stderr and "2 without article text" in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2 and all("no article text" in w and "stored without analysis" in w for w in warnings)
    store = SQLiteStore(db)
    assert store.count("articles") == 3
    statuses = dict(store.db.execute("SELECT source, status FROM articles").fetchall())
    assert sorted(statuses.values()) == ["analysed", "no_article", "no_article"]
    assert [s["n_articles"] for s in store.stories()] == [1]
