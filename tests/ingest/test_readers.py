"""Readers: UTF-16, PDF, folders with things that are not articles, standard input. No spaCy."""
from __future__ import annotations

import io
import os
import sys

import pytest

from dragoman.read import MAX_BYTES, RawDocument, iter_documents, read_path
from dragoman.records import Failure

from .pdfmaker import make_pdf

ARTICLE = ("Port authorities in Varna said on Friday that two grain ships had left the harbour after a "
           "week of storms.\n\nThe ships are bound for Alexandria and are expected there on Tuesday.\n")


def read_all(*paths) -> list:
    return list(iter_documents([str(p) for p in paths]))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_or_without_bom(tmp_path, encoding):
    text = ARTICLE + "Прокуратура отказалась от комментариев. Ο υπουργός δεν σχολίασε.\n"
    p = tmp_path / "wide.txt"
    p.write_bytes(text.encode(encoding))
    [doc] = read_all(p)
    assert isinstance(doc, RawDocument), doc
    assert doc.text.lstrip("\ufeff") == text


def test_utf16_html_page_without_bom(tmp_path):
    page = "<html><body><p>" + ARTICLE.replace("\n\n", "</p><p>") + "</p></body></html>"
    p = tmp_path / "page.html"
    p.write_bytes(page.encode("utf-16-le"))
    [doc] = read_all(p)
    assert isinstance(doc, RawDocument) and doc.html and "grain ships" in doc.html


def test_binary_file_is_still_refused_with_what_is_readable(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(bytes(range(256)) * 20)
    [doc] = read_all(p)
    assert isinstance(doc, Failure)
    assert "binary" in doc.reason and "PDF" in doc.reason


def test_pdf_text_layer_is_read(tmp_path):
    p = tmp_path / "report.pdf"
    p.write_bytes(make_pdf([
        ["Harbour officials in Klaipeda said on Tuesday that the negoti-",
         "ations on a new ferry line had ended without agreement."],
        ["The talks (the third round this year) will resume in May."],
    ]))
    [doc] = read_all(p)
    assert isinstance(doc, RawDocument), doc
    assert "negotiations on a new ferry line" in doc.text
    assert "the third round this year" in doc.text


def test_pdf_read_from_a_folder_and_by_content(tmp_path):
    (tmp_path / "a.pdf").write_bytes(make_pdf([["Lawmakers in Tallinn approved the budget on Wednesday after a long debate."]]))
    (tmp_path / "b.bin").write_bytes(make_pdf([["A file named without the suffix is still a PDF inside."]]))
    [doc] = read_all(tmp_path / "a.pdf")
    assert isinstance(doc, RawDocument) and "approved the budget" in doc.text
    [doc] = list(read_path(tmp_path / "b.bin"))
    assert isinstance(doc, RawDocument) and "still a PDF" in doc.text
    assert "endobj" not in doc.text and "Tj" not in doc.text  # the text layer, not the file's syntax


def test_pdf_without_text_layer_says_what_to_do(tmp_path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(make_pdf([[], []]))
    [doc] = read_all(p)
    assert isinstance(doc, Failure) and doc.source == str(p)
    assert "text layer" in doc.reason and "OCR" in doc.reason


def test_damaged_pdf_is_a_named_failure(tmp_path):
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF\n")
    [doc] = read_all(p)
    assert isinstance(doc, Failure) and doc.source == str(p)


def test_unsupported_files_in_a_folder_are_named(tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a picture")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    items = read_all(tmp_path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = {os.path.basename(f.source): f.reason for f in items if isinstance(f, Failure)}
    assert [os.path.basename(d.source) for d in docs] == ["story.txt"]
    assert set(failures) == {"photo.jpg", "notes.docx"}
    assert all("unsupported file type" in r for r in failures.values())
    assert ".jpg" in failures["photo.jpg"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlink_loops_are_named_not_followed(tmp_path):
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "story.txt").write_text(ARTICLE)
    os.symlink(tmp_path, inner / "back-to-top")
    os.symlink(tmp_path / "itself", tmp_path / "itself")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    items = read_all(tmp_path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = {os.path.basename(f.source): f.reason for f in items if isinstance(f, Failure)}
    assert [os.path.basename(d.source) for d in docs] == ["story.txt"]
    assert set(failures) == {"back-to-top", "itself", "dangling.txt"}
    assert "loop" in failures["back-to-top"]
    assert all("link" in r for r in failures.values())


class _EndlessStdin:
    """Standard input that never ends: a reader must stop at its limit."""

    def __init__(self) -> None:
        self.buffer = self
        self.given = 0

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            raise AssertionError("standard input read without a limit")
        self.given += n
        return b"a" * n


def test_stdin_is_read_with_a_size_limit(monkeypatch):
    stdin = _EndlessStdin()
    monkeypatch.setattr(sys, "stdin", stdin)
    [doc] = list(read_path("-"))
    assert isinstance(doc, Failure) and doc.source == "<stdin>"
    assert "too large" in doc.reason
    assert stdin.given <= 10 * MAX_BYTES + 1


def test_stdin_article_is_read(monkeypatch):
    data = ARTICLE.encode("utf-16")
    fake = io.TextIOWrapper(io.BytesIO(data))
    monkeypatch.setattr(sys, "stdin", fake)
    [doc] = list(read_path("-"))
    assert isinstance(doc, RawDocument) and "grain ships" in doc.text


def test_a_folders_readme_is_named_and_skipped_not_failed(tmp_path):
    from typer.testing import CliRunner
    from dragoman.cli import app

    (tmp_path / "story.txt").write_text(ARTICLE)
    (tmp_path / "README.md").write_text("# What this folder holds\n")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path), "--no-store", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "skipped: " in result.output and "README.md" in result.output and "1 skipped, 0 failed" in result.output
