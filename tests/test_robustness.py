"""One article the pipeline cannot handle must not cost the rest of the batch."""
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st
from typer.testing import CliRunner

import dragoman.pipeline as pipeline
from dragoman.cli import app
from dragoman.read import RawDocument
from dragoman.records import Article, Failure
from dragoman.store import SQLiteStore

GOOD = ("Turkish Foreign Minister Hakan Fidan met his Armenian counterpart in Ankara on Monday. "
        "\"We agreed to keep working on the opening of the border,\" Fidan told reporters.")
POISON = ("The delegation of Kestria arrived in Valden on Friday for talks on grain exports, officials "
          "said. The sides agreed to meet again in the spring.")


def test_text_too_long_for_the_parser_is_refused_with_a_reason(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_CHARS", 100)
    result = pipeline.prepare(RawDocument(source="long.txt", text=GOOD + " " + GOOD))
    assert isinstance(result, Failure) and "too long" in result.reason


def test_a_failing_stage_keeps_the_article_as_partial_and_the_batch_goes_on(tmp_path: Path, monkeypatch):
    real_quotes = pipeline.extract_quotes

    def extract_quotes(doc, article, cast):
        if "Kestria" in article.text:
            raise IndexError("simulated quote-stage bug")
        return real_quotes(doc, article, cast)

    monkeypatch.setattr(pipeline, "extract_quotes", extract_quotes)
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "b_poison.txt").write_text(POISON, encoding="utf-8")
    (corpus / "c_good.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    db = tmp_path / "out.db"
    result = CliRunner().invoke(app, ["analyze", str(corpus), "--db", str(db)])
    assert result.exit_code == 1
    assert "b_poison.txt: stored as partial: quotes stage failed (IndexError: simulated quote-stage bug)" \
        in result.output
    assert "2 analysed, 3 stored, 0 already stored, 0 not English, 1 partial, 0 failed" in result.output
    store = SQLiteStore(db)
    try:
        assert store.count("articles") == 3
        row = store.db.execute("SELECT status, reason, text FROM articles WHERE source LIKE '%b_poison.txt'").fetchone()
        assert row["status"] == "partial" and row["reason"].startswith("quotes stage failed (IndexError")
        assert row["text"] == POISON
        # the stages that did not fail still ran: actors before, events after
        poison_id = store.db.execute("SELECT id FROM articles WHERE status = 'partial'").fetchone()[0]
        assert [e["text"] for e in store.get_article(poison_id)["entities"]]
    finally:
        store.close()


def test_a_parser_failure_keeps_the_other_articles_of_the_batch():
    from nlp_helpers import analyzer

    az = analyzer()
    texts = [GOOD, POISON, GOOD.replace("Monday", "Tuesday")]
    prepared = [pipeline.prepare(RawDocument(source=f"{n}.txt", text=t)) for n, t in enumerate(texts)]
    real = az.nlp

    class Exploding:
        """The pipeline, except that the batch parse fails and so does the one article's own parse."""

        def pipe(self, texts, batch_size):
            if len(texts) > 1:
                yield real(texts[0])
                raise RuntimeError("simulated parser crash")
            if "Kestria" in texts[0]:
                raise MemoryError("simulated out of memory")
            yield real(texts[0])

    az.nlp = Exploding()
    try:
        results = list(az.analyze(prepared))
    finally:
        az.nlp = real
    assert [r.source for r in results] == ["0.txt", "1.txt", "2.txt"]
    assert [r.status for r in results] == ["analysed", "partial", "analysed"]
    assert results[1].reason == "parse stage failed (MemoryError: simulated out of memory)"
    assert results[2].quotes and results[0].quotes


def test_a_batch_holds_a_bounded_number_of_characters():
    from nlp_helpers import analyzer

    az = analyzer()
    assert (az.batch_chars, pipeline.PIECE_CHARS) == (100_000, 50_000)
    sizes = [30_000, 40_000, 20_000, 60_000, 45_000, 45_000, 5_000, 10_000]
    articles = [Article(id=str(n), source=f"{n}.txt", text="x" * size) for n, size in enumerate(sizes)]
    batches = [[a.id for a in b] for b in az.batches(articles)]
    assert batches == [["0", "1", "2"], ["3"], ["4", "5", "6"], ["7"]]
    assert all(sum(len(a.text) for a in b) <= az.batch_chars or len(b) == 1 for b in az.batches(articles))


QUOTE_MARKS = "\"'“”‘’«»„‚‹›`´"
TOKENS = [*QUOTE_MARKS, *".,;:!?-—–…()[]", " ", " ", "\n", "\n\n", "said", "she", "Hege", "wrote",
          "ourselves", "attention", "Armenia", "the", "minister", "told", "reporters", "according to", "Yerevan",
          "Russia", "accused", "A", "I", "x"]
SOUP = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=60).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SOUP, min_size=1, max_size=4))
@example(['ourselves? " she wrote', "attention,’ ” Hege said", "“ ’ ‘”"])
def test_punctuation_and_quote_mark_soup_never_breaks_the_pipeline(pieces):
    """Any stream of quote marks, punctuation and words: no stage raises, every article comes back
    with its text, and none is marked partial (a stage that raised would mark it)."""
    from nlp_helpers import analyzer

    raws = [RawDocument(source=f"soup/{n}.txt",
                        text=("Talks to go on\n\nOfficials in Yerevan said on Monday that the talks would go on, "
                              f"a spokesman told reporters. {piece}\n\n{piece[::-1]} The next round is due in May.\n\n"
                              f"\"The talks are {piece}"))
            for n, piece in enumerate(pieces)]
    results = list(pipeline.analyze_documents(analyzer(), raws))
    assert len(results) == len(raws)
    for result in results:
        assert isinstance(result, Article), result
        assert result.status != "partial", result.reason
        for q in result.quotes:
            assert 0 <= q.start <= q.end <= len(result.text)


def test_an_edited_file_replaces_its_earlier_version(tmp_path: Path):
    article = tmp_path / "talks.txt"
    db = tmp_path / "edits.db"
    for text in (GOOD, GOOD.replace("Monday", "Tuesday"), GOOD.replace("Monday", "Wednesday")):
        article.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(app, ["analyze", str(article), "--db", str(db), "--quiet"])
        assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["analyze", str(article), "--db", str(db)])
    assert "0 stored, 1 already stored" in result.output
    store = SQLiteStore(db)
    try:
        rows = store.db.execute("SELECT source, text FROM articles").fetchall()
        assert len(rows) == 1 and "Wednesday" in rows[0]["text"]
        assert len(store.quotes(search="border")) == 1
    finally:
        store.close()


def test_a_long_text_is_cut_into_pieces_that_join_up_to_it():
    text = ("First paragraph ends here.\n\n" + "A sentence in a long paragraph. " * 40 + "\n\n"
            + "x" * 300 + "\n\nLast words.")
    pieces = list(pipeline.split_for_parsing(text, 200))
    assert "".join(pieces) == text
    assert all(0 < len(p) <= 200 for p in pieces)
    assert pieces[0] == "First paragraph ends here.\n\n"
    assert pieces[1].endswith(". ")  # inside a paragraph: after a full stop
    assert "x" * 200 in pieces  # an unbroken run: cut where it must be


def test_a_long_article_is_parsed_in_pieces_with_its_exact_text(monkeypatch):
    from nlp_helpers import analyzer

    az = analyzer()
    story = ("Kestria and Marovia held talks in Valden on Monday.\n\n"
             "\"We are ready to sign the agreement,\" Foreign Minister Ilsa Varnek told reporters.\n\n"
             "Marovia accused Kestria of delaying the exchange of prisoners, according to a statement.\n\n")
    text = "Talks go on\n\n" + story * 12 + "The next round is due in May."
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 1000)
    article = pipeline.prepare(RawDocument(source="long.txt", text=text))
    assert [len(b) for b in az.batches([article, article])] == [1, 1]  # alone in its batch
    doc = next(az.parse([article.text]))
    assert doc.text == article.text
    result = next(az.analyze([article]))
    assert result.status == "analysed"
    for m in result.entities:
        assert result.text[m.start:m.end] == m.text
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 100_000)
    whole = next(az.analyze([pipeline.prepare(RawDocument(source="long.txt", text=text))]))
    quotes = [(q.start, q.end, q.speaker.name if q.speaker else None) for q in result.quotes]
    assert len(quotes) >= 12
    assert quotes == [(q.start, q.end, q.speaker.name if q.speaker else None) for q in whole.quotes]
