"""Reading article files: encodings, bad inputs, HTML and JSON Lines. No spaCy here.

Every article text below is invented for these tests.
"""
from __future__ import annotations

import io
import json
import random
import sys
from pathlib import Path

import pytest

from dragoman import read
from dragoman.pipeline import prepare
from dragoman.read import RawDocument, SkippedPath, decode, iter_documents, iter_paths, read_path
from dragoman.records import Article, Failure

ENGLISH = (
    "Foreign ministers of Armenia and Georgia met in Tbilisi on Tuesday to discuss a new rail link "
    "between the two countries, the Georgian foreign ministry said in a statement.\n\n"
    "\"We agreed to set up a working group that will report back within three months,\" the Georgian "
    "minister told reporters after the talks.\n"
)
# An English article naming a Russian diplomat in Cyrillic: cp1251 is the only sensible reading.
CYRILLIC_NAME = (
    "Russian Deputy Foreign Minister Mikhail Galuzin, known at home as Михаил Галузин, met the Armenian "
    "ambassador in Moscow on Friday, the ministry said.\n\n"
    "Галузин told reporters that Moscow was ready to host another round of talks on the transport corridor.\n"
)
# An English article with French and German names: latin-1 bytes.
ACCENTED_NAMES = (
    "The French envoy Hélène Dufresne and her German colleague Jürgen Müller arrived in Baku on Monday "
    "for talks on the stalled peace treaty, diplomats said.\n\n"
    "Dufresne said the café meeting with Azerbaijani officials had been \"frank and useful\".\n"
)


def read_one(path) -> RawDocument | Failure:
    items = list(read_path(path))
    assert len(items) == 1, items
    return items[0]


# -- encodings ------------------------------------------------------------------------------

def test_utf8(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(CYRILLIC_NAME.encode("utf-8"))
    doc = read_one(p)
    assert isinstance(doc, RawDocument)
    assert doc.text == CYRILLIC_NAME
    assert doc.source == str(p)


def test_utf8_with_bom(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + ACCENTED_NAMES.encode("utf-8"))
    doc = read_one(p)
    assert doc.text == ACCENTED_NAMES
    assert not doc.text.startswith("\ufeff")


def test_cp1251_english_with_a_russian_name(tmp_path):
    p = tmp_path / "cp1251.txt"
    p.write_bytes(CYRILLIC_NAME.encode("cp1251"))
    doc = read_one(p)
    assert isinstance(doc, RawDocument)
    assert "Михаил Галузин" in doc.text
    assert doc.text == CYRILLIC_NAME


def test_latin1_english_with_accented_names(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes(ACCENTED_NAMES.encode("latin-1"))
    doc = read_one(p)
    assert isinstance(doc, RawDocument)
    assert "Hélène Dufresne" in doc.text and "Jürgen Müller" in doc.text
    assert doc.text == ACCENTED_NAMES


@pytest.mark.parametrize("text, encoding", [
    ("Министр иностранных дел провёл переговоры с коллегой из Армении. Стороны обсудили ситуацию на границе.",
     "cp1251"),
    ("Министр иностранных дел провёл переговоры с коллегой из Армении. Стороны обсудили ситуацию на границе.",
     "koi8_r"),
    ("Der Außenminister traf am Dienstag in Zürich seinen österreichischen Amtskollegen zu Gesprächen.", "latin-1"),
    ("Cumhurbaşkanı Ankara'da Azerbaycan Dışişleri Bakanı ile görüştü ve işbirliği anlaşması imzalandı.", "cp1254"),
    ("Turkish President Recep Tayyip Erdoğan met his foreign minister in Ankara on Tuesday to discuss the talks.",
     "cp1254"),
    ("“We will keep talking,” the minister said — the next round is set for Geneva… in April.", "cp1252"),
])
def test_legacy_encodings_decode_to_the_original_text(text, encoding):
    assert decode(text.encode(encoding)) == text


# -- bad inputs -----------------------------------------------------------------------------

def test_binary_file(tmp_path):
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00\x01\x02"
    p = tmp_path / "blob.txt"
    p.write_bytes(data)
    f = read_one(p)
    assert isinstance(f, Failure)
    assert f.source == str(p)
    assert "binary" in f.reason


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"])
def test_empty_and_whitespace_only(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    f = read_one(p)
    assert isinstance(f, Failure)
    assert f.reason == "empty file"


def test_oversized_file(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    p = tmp_path / "big.txt"
    p.write_text(ENGLISH, encoding="utf-8")
    f = read_one(p)
    assert isinstance(f, Failure)
    assert "too large" in f.reason and "100" in f.reason


def test_oversized_jsonl_line_only_fails_that_line(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 400)
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "small", "text": "Officials met in Yerevan on Monday to discuss trade."}) + "\n"
                 + json.dumps({"id": "huge", "text": ENGLISH * 3}) + "\n", encoding="utf-8")
    items = list(read_path(p))
    assert isinstance(items[0], RawDocument) and items[0].source == "small"
    assert isinstance(items[1], Failure) and items[1].source == f"{p}:2" and "too large" in items[1].reason


def test_missing_file(tmp_path):
    p = tmp_path / "nowhere.txt"
    f = read_one(p)
    assert isinstance(f, Failure)
    assert f.source == str(p) and "cannot read" in f.reason


def test_malformed_html_is_a_failure_not_a_crash(tmp_path):
    p = tmp_path / "broken.html"
    p.write_text("<html><body><p>unclosed <div><<<", encoding="utf-8")
    doc = read_one(p)
    assert isinstance(doc, RawDocument) and doc.html is not None
    result = prepare(doc)
    assert isinstance(result, Failure)
    assert result.source == str(p)
    assert "no article text" in result.reason


# -- HTML -----------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Envoys agree on prisoner exchange | Caspian Ledger</title>
<meta property="og:site_name" content="Caspian Ledger">
<meta property="article:published_time" content="2024-09-12T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<div class="cookies">We use cookies to improve your experience. <button>Accept</button></div>
<article>
<h1>Envoys agree on prisoner exchange</h1>
<p>Negotiators from the two neighbouring states agreed on Thursday to exchange forty prisoners of war before
the end of the month, mediators said.</p>
<p>"This is the first concrete result of the talks, and we hope it builds trust," a mediator told reporters
in Geneva after the closed-door session.</p>
<p>The exchange will take place at a border crossing under the supervision of the International Committee
of the Red Cross.</p>
</article>
<aside><h3>Related</h3><ul><li><a href="/x">Markets close higher</a></li></ul></aside>
<footer>Copyright 2024 Caspian Ledger. All rights reserved.</footer>
</body></html>
"""


def test_html_page_text_title_date_outlet(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML_PAGE, encoding="utf-8")
    doc = read_one(p)
    assert isinstance(doc, RawDocument) and doc.html and doc.text is None
    art = prepare(doc)
    assert isinstance(art, Article)
    assert art.title == "Envoys agree on prisoner exchange"
    assert art.date == "2024-09-12"
    assert art.outlet == "Caspian Ledger"
    assert "forty prisoners of war" in art.text
    assert "International Committee of the Red Cross" in art.text
    for furniture in ("cookies", "Markets close higher", "All rights reserved", "Business"):
        assert furniture not in art.text
    assert art.text.count("Envoys agree on prisoner exchange") == 1


def test_html_detected_by_content_whatever_the_suffix(tmp_path):
    p = tmp_path / "page.dat"
    p.write_text(HTML_PAGE, encoding="utf-8")
    doc = read_one(p)
    assert doc.html is not None


def test_text_suffix_is_never_html(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("<p>one</p><p>two</p> " + ENGLISH, encoding="utf-8")
    assert read_one(p).text is not None


# -- JSON Lines -----------------------------------------------------------------------------

def test_jsonl_bad_lines_among_good_ones(tmp_path):
    p = tmp_path / "wire.jsonl"
    good1 = {"url": "https://wire.example/1", "title": "Rail talks resume", "date": "2024-03-02",
             "outlet": "Example Wire", "text": ENGLISH}
    good2 = {"id": "wire-2", "text": ACCENTED_NAMES}
    good3 = {"id": "wire-3", "html": HTML_PAGE}
    lines = [
        json.dumps(good1),
        '{"url": "https://wire.example/broken", "text": "unterminated',
        "",
        json.dumps(good2, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text", "title": "Nothing here"}),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps(good3),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([str(p)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [d.source for d in docs] == ["https://wire.example/1", "wire-2", "wire-3"]
    assert docs[0].title == "Rail talks resume" and docs[0].date == "2024-03-02" and docs[0].outlet == "Example Wire"
    assert docs[1].text == ACCENTED_NAMES
    assert docs[2].html is not None and docs[2].text is None
    assert {f.source: f.reason for f in fails} == {
        f"{p}:2": fails[0].reason,
        f"{p}:5": "a JSON Lines record must be an object",
        f"{p}:6": 'record has neither "text" nor "html"',
        f"{p}:7": "empty article",
    }
    assert fails[0].reason.startswith("not valid JSON")
    # The metadata of a record wins over what the text says.
    art = prepare(docs[0])
    assert (art.title, art.date, art.outlet) == ("Rail talks resume", "2024-03-02", "Example Wire")


# -- stdin and directories ------------------------------------------------------------------

def test_stdin(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(ENGLISH.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    items = list(iter_documents(["-"]))
    assert len(items) == 1
    assert items[0].source == "<stdin>" and items[0].text == ENGLISH


def test_directory_walk_skips_hidden_and_names_unknown_files(tmp_path):
    (tmp_path / "b.txt").write_text(ENGLISH)
    (tmp_path / "a.html").write_text(HTML_PAGE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps({"id": "c", "text": ENGLISH}) + "\n")
    (tmp_path / "notes.md").write_text(ENGLISH)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text(ENGLISH)
    (tmp_path / ".e.txt").write_text(ENGLISH)
    found = list(iter_paths([str(tmp_path)]))
    assert [Path(p).name for p in found if not isinstance(p, SkippedPath)] == ["a.html", "b.txt", "c.jsonl"]
    [skipped] = [p for p in found if isinstance(p, SkippedPath)]
    assert Path(skipped).name == "notes.md" and "unsupported file type .md" in skipped.reason
