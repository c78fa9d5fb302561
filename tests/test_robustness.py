"""One article the pipeline cannot handle must not cost the rest of the batch."""
from pathlib import Path

from typer.testing import CliRunner

import dragoman.pipeline as pipeline
from dragoman.cli import app
from dragoman.read import RawDocument
from dragoman.records import Failure
from dragoman.store import SQLiteStore

GOOD = ("Turkish Foreign Minister Hakan Fidan met his Armenian counterpart in Ankara on Monday. "
        "\"We agreed to keep working on the opening of the border,\" Fidan told reporters.")
POISON = ("The delegation of Kestria arrived in Valden on Friday for talks on grain exports, officials "
          "said. The sides agreed to meet again in the spring.")


def test_text_too_long_for_the_parser_is_refused_with_a_reason(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_CHARS", 100)
    result = pipeline.prepare(RawDocument(source="long.txt", text=GOOD + " " + GOOD))
    assert isinstance(result, Failure) and "too long" in result.reason


def test_a_failing_article_is_reported_and_the_batch_goes_on(tmp_path: Path, monkeypatch):
    real_extract = pipeline.Analyzer.extract

    def extract(self, doc, article):
        if "Kestria" in article.text:
            raise RuntimeError("simulated extraction bug")
        return real_extract(self, doc, article)

    monkeypatch.setattr(pipeline.Analyzer, "extract", extract)
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "b_poison.txt").write_text(POISON, encoding="utf-8")
    (corpus / "c_good.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    db = tmp_path / "out.db"
    result = CliRunner().invoke(app, ["analyze", str(corpus), "--db", str(db), "--quiet"])
    assert result.exit_code == 1
    assert "b_poison.txt: analysis failed (RuntimeError: simulated extraction bug)" in result.output
    store = SQLiteStore(db)
    try:
        assert store.count("articles") == 2
    finally:
        store.close()
