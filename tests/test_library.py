"""The Python API: `import dragoman` is light; load, call, pipe, analyze_paths, open_store,
to_dicts/to_frame; the error scheme and its warnings. The articles are invented."""
from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import dragoman
from dragoman import errors

FRENCH = ("Le ministre a déclaré mardi que les négociations sur la frontière reprendraient "
          "la semaine prochaine à Vilnius.")
TALKS = ("VILNIUS - Lithuania's foreign minister accused Belarus on Tuesday of pushing migrants across the "
         "border. \"This is a deliberate attempt to put pressure on us,\" the minister told reporters.")


@pytest.fixture(scope="module")
def analyzer():
    return dragoman.load()


def test_import_is_light():
    code = "import sys, dragoman; print(sorted(m for m in ('spacy', 'pandas', 'typer') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
    assert {"load", "analyze_paths", "open_store", "to_frame", "Article"} <= set(dir(dragoman))
    with pytest.raises(AttributeError):
        dragoman.no_such_thing  # noqa: B018


def test_the_analyzer_returns_the_article(analyzer):
    article = analyzer(TALKS, date="2025-05-06", title="Border", outlet="Baltic Wire")
    assert isinstance(article, dragoman.Article)
    assert (article.date, article.title, article.outlet, article.status) == ("2025-05-06", "Border", "Baltic Wire",
                                                                              "analysed")
    assert "This is a deliberate attempt to put pressure on us," in [q.text for q in article.quotes]
    assert ("ACCUSE", "LTU GOV", "BLR GOV") in {(e.type, e.source.actor.code, e.target.actor.code)
                                             for e in article.events}
    assert article.to_dict()["quotes"][0]["text"] == article.quotes[0].text


def test_no_text_is_an_input_error(analyzer):
    with pytest.raises(dragoman.InputError, match=r"^\[D101\] <text>: no article text"):
        analyzer(" \n ")
    assert issubclass(dragoman.InputError, ValueError)  # callers catching ValueError still do


def test_pipe_keeps_order_and_reports_failures(analyzer):
    items = ["", TALKS, {"source": "no-text"}, {"text": TALKS.replace("Tuesday", "Friday"), "source": "wire",
                                                 "date": "2025-05-09"}, FRENCH]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = list(analyzer.pipe(items))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Failure", "Article", "Failure", "Article", "Article"]
    assert results[2].source == "no-text" and "[D101]" in results[2].reason
    assert results[3].source == "wire" and results[3].date == "2025-05-09" and results[3].quotes
    assert results[4].status == "not_english" and not results[4].quotes
    assert any(issubclass(w.category, errors.SkippedWarning) and str(w.message).startswith("[D502]")
               for w in caught)


def test_pipe_warnings_can_be_silenced_by_code(analyzer):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", message=r"\[D502\]")
        list(analyzer.pipe([FRENCH]))
    assert not caught


def test_pipe_rejects_what_it_cannot_read(analyzer):
    with pytest.raises(dragoman.UsageError, match=r"\[D401\]"):
        list(analyzer.pipe([42]))


def test_analyze_paths_summarises_and_stores(analyzer, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TALKS, encoding="utf-8")
    (folder / "b.txt").write_text("", encoding="utf-8")
    (folder / "c.txt").write_text(FRENCH, encoding="utf-8")
    db = tmp_path / "news.db"
    summary = dragoman.analyze_paths(folder, store=db, analyzer=analyzer)
    assert (summary.analysed, summary.stored) == (1, 2)
    assert [(f.source.endswith("b.txt"), f.reason) for f in summary.failed] == [(True, "empty file")]
    assert [s.reason for s in summary.skipped] == ["not English"]
    assert not summary.ok and summary.to_dict()["failed"][0]["reason"] == "empty file"
    again = dragoman.analyze_paths([str(folder)], store=str(db), analyzer=analyzer)
    assert (again.analysed, again.stored) == (0, 0)
    assert sorted(s.reason for s in again.skipped) == ["already stored", "already stored"]
    store = dragoman.open_store(db)
    try:
        assert "This is a deliberate attempt to put pressure on us," in [q["text"] for q in store.quotes()]
        assert store.events(type="ACCUSE")[0]["source_code"] == "LTU GOV"
        assert store.actor("Belarus") is not None
    finally:
        store.close()


def test_open_store_read_only_needs_a_store(tmp_path):
    with pytest.raises(dragoman.StoreError, match=r"\[D301\]"):
        dragoman.open_store(tmp_path / "none.db", readonly=True)


def test_records_to_dicts_and_frames(analyzer):
    article = analyzer(TALKS, date="2025-05-06")
    assert dragoman.to_dicts(article)[0]["id"] == article.id
    assert dragoman.to_dicts(article.quotes) == [q.to_dict() for q in article.quotes]
    frame = dragoman.to_frame(article.events)
    assert {"type", "source.code", "target.code"} <= set(frame.columns)
    assert len(frame) == len(article.events)
    assert dragoman.to_frame([]).empty


def test_to_frame_without_pandas_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(dragoman.UsageError, match=r"\[D402\].*pip install pandas"):
        dragoman.to_frame([{"a": 1}])


def test_error_codes_are_stable_and_unique():
    assert len(errors.CODES) == len(set(errors.CODES))
    for cls, prefix, status in ((errors.InputError, "D1", 1), (errors.ModelError, "D2", 2),
                                (errors.StoreError, "D3", 2), (errors.UsageError, "D4", 2)):
        assert issubclass(cls, errors.DragomanError) and cls.code.startswith(prefix) and cls.exit_code == status
    exc = errors.StoreError("no store at x.db", code="D301", hint="run dragoman analyze first")
    assert str(exc) == "[D301] no store at x.db (run dragoman analyze first)"
    internal = errors.InternalError(KeyError("speaker"))
    assert str(internal).startswith("[D900] internal error: KeyError") and "report" in str(internal)


def test_a_missing_model_is_a_model_error():
    with pytest.raises(dragoman.ModelError, match=r"\[D201\]"):
        dragoman.load(model="no_such_pipeline_xyz")


def test_errors_survive_pickling_between_processes():
    import pickle

    from dragoman.nlp import ModelMissing

    for exc in (errors.StoreError("no store at x.db", code="D301", hint="analyse first"),
                errors.InternalError(KeyError("k")), ModelMissing("no English spaCy pipeline")):
        back = pickle.loads(pickle.dumps(exc))
        assert (type(back), str(back), back.code) == (type(exc), str(exc), exc.code)
    assert str(ModelMissing("none")) == "[D201] none" and isinstance(ModelMissing("none"), RuntimeError)


def test_one_loop_gives_every_input_one_outcome_in_reading_order(analyzer, tmp_path):
    from dragoman.batch import analyze_into

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TALKS, encoding="utf-8")
    (folder / "b.txt").write_text("", encoding="utf-8")
    (folder / "c.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "d.txt").write_text(TALKS, encoding="utf-8")  # the same text, no URL or outlet: one article
    store = dragoman.open_store(tmp_path / "news.db")
    try:
        first = list(analyze_into([str(folder)], analyzer._analyzer, store))
        again = list(analyze_into([str(folder)], analyzer._analyzer, store))
    finally:
        store.close()
    kinds = {Path(o.source).name: (o.kind, o.stored) for o in first}
    assert len(first) == 4 and kinds.pop("d.txt") in {("analysed", False), ("already", False)}
    assert kinds == {"a.txt": ("analysed", True), "b.txt": ("failed", None), "c.txt": ("not_english", True)}
    assert sorted((Path(o.source).name, o.kind) for o in again) == [
        ("a.txt", "already"), ("b.txt", "failed"), ("c.txt", "already"), ("d.txt", "already")]


def test_a_store_that_refuses_an_article_fails_that_article_only(analyzer, tmp_path):
    import sqlite3

    from dragoman.batch import analyze_into

    class FullDisk:
        saved = 0

        def is_stored(self, article):
            return False

        def save_article(self, article):
            if "Belarus" in article.text:
                raise sqlite3.OperationalError("database or disk is full")
            self.saved += 1
            return True

    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FRENCH, encoding="utf-8")
    store = FullDisk()
    outcomes = list(analyze_into([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], analyzer._analyzer, store))
    assert [o.kind for o in outcomes] == ["analysed", "not_english"]
    assert outcomes[0].article is not None and "disk is full" in outcomes[0].reason
    assert store.saved == 1
    summary = dragoman.analyze_paths([tmp_path / "a.txt"], store=store, analyzer=analyzer)
    assert summary.analysed == 0 and [f.reason for f in summary.failed] == [outcomes[0].reason]
