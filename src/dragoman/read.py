"""Reading article files: text, HTML, JSON Lines and PDF, in whatever encoding they come.

``iter_documents`` streams ``RawDocument``s and ``Failure``s; nothing is held in memory
beyond the file being read, so a corpus of any size can go through. Every input that is not
read comes back as a ``Failure`` naming it: an unsupported file in a folder, a symbolic link
loop, a PDF without a text layer, standard input beyond the size limit.
"""
from __future__ import annotations

import io
import json
import logging
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from charset_normalizer import from_bytes

from .language import detect_language
from .records import Failure

log = logging.getLogger(__name__)

MAX_BYTES = 5_000_000  # one article; a JSON Lines file is limited per line, not as a whole
MAX_PDF_BYTES = 50_000_000  # a PDF carries fonts and images besides its text
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PDF_SUFFIXES = {".pdf"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | PDF_SUFFIXES
READABLE = "text (.txt), HTML (.html, .htm), JSON Lines (.jsonl) or PDF (.pdf)"


class SkippedPath(str):
    """A path found in a folder that will not be read, with the reason (reported, not hidden)."""

    reason: str
    not_an_article: bool

    def __new__(cls, path: str | Path, reason: str, not_an_article: bool = False) -> "SkippedPath":
        obj = super().__new__(cls, str(path))
        obj.reason = reason
        obj.not_an_article = not_an_article
        return obj


@dataclass(slots=True)
class RawDocument:
    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None


def iter_paths(paths: Iterable[str]) -> Iterator[str | Path]:
    """Expand directories (recursively, sorted, hidden entries skipped); ``-`` is stdin.

    Inside a directory only article files (by suffix) are read; any other file, a symbolic
    link loop or a dangling link comes as a ``SkippedPath`` with its reason. A file named
    explicitly is read whatever its suffix, its content deciding between text and HTML.
    """
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            yield from sorted(_walk(path, frozenset({_real(path)})), key=str)
        else:
            yield path


def _real(path: Path) -> str:
    return os.path.realpath(path)


def _walk(folder: Path, ancestors: frozenset[str]) -> Iterator[Path | SkippedPath]:
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        yield SkippedPath(folder, f"cannot list the folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as exc:  # ELOOP on a link that points to itself
            yield SkippedPath(child, f"symbolic link that cannot be followed ({exc.strerror or exc})")
            continue
        if entry.is_symlink() and not (is_dir or is_file):
            yield SkippedPath(child, "symbolic link loop or dangling link, not followed")
        elif is_dir:
            real = _real(child)
            if real in ancestors:
                yield SkippedPath(child, "symbolic link loop (it leads back into a folder above it), not followed")
            else:
                yield from _walk(child, ancestors | {real})
        elif not is_file:
            yield SkippedPath(child, "not a regular file")
        elif child.suffix.lower() not in KNOWN_SUFFIXES:
            yield SkippedPath(child, f"unsupported file type {child.suffix or '(no suffix)'}; dragoman reads {READABLE}",
                              not_an_article=True)
        else:
            yield child


def iter_documents(paths: Iterable[str]) -> Iterator[RawDocument | Failure]:
    for path in iter_paths(paths):
        yield from read_path(path)


def read_path(path: str | Path) -> Iterator[RawDocument | Failure]:
    if isinstance(path, SkippedPath):
        yield Failure(str(path), path.reason, skipped=path.not_an_article)
        return
    if path == "-":
        yield from _read_stdin()
        return
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Failure(source, f"cannot read: {exc.strerror or exc}")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
        return
    if size > (MAX_PDF_BYTES if suffix in PDF_SUFFIXES else MAX_BYTES):
        yield Failure(source, f"too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(source, f"cannot read: {exc.strerror or exc}")
        return
    kind = "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else None
    yield from _read_bytes(source, data, kind=kind)


def _read_stdin() -> Iterator[RawDocument | Failure]:
    """Standard input, read up to the limit for one file and never further."""
    data = sys.stdin.buffer.read(MAX_PDF_BYTES + 1)
    limit = MAX_PDF_BYTES if is_pdf(data) else MAX_BYTES
    if len(data) > limit:
        yield Failure("<stdin>", f"too large (more than {limit:,} bytes; the limit is {limit:,})")
        return
    yield from _read_bytes("<stdin>", data, kind=None)


def _read_bytes(source: str, data: bytes, kind: str | None) -> Iterator[RawDocument | Failure]:
    if not data.strip(b" \t\r\n\x00\xff\xfe\xef\xbb\xbf"):
        yield Failure(source, "empty file")
        return
    if is_pdf(data):
        if len(data) > MAX_PDF_BYTES:
            yield Failure(source, f"too large ({len(data):,} bytes; the limit for a PDF is {MAX_PDF_BYTES:,})")
        else:
            yield read_pdf(source, data)
        return
    if len(data) > MAX_BYTES:
        yield Failure(source, f"too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
        return
    if decode_wide(data) is None and looks_binary(data):
        yield Failure(source, f"binary file, not text; dragoman reads {READABLE}")
        return
    text = decode(data)
    if text is None:
        yield Failure(source, "cannot detect the text encoding")
        return
    if kind is None:
        kind = "html" if looks_like_html(text) else "text"
    if kind == "html":
        yield RawDocument(source, html=text)
    else:
        yield RawDocument(source, text=text)


def _read_jsonl(path: Path) -> Iterator[RawDocument | Failure]:
    try:
        f = path.open("rb")
    except OSError as exc:
        yield Failure(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with f:
        for number, raw in enumerate(f, start=1):
            source = f"{path}:{number}"
            if not raw.strip():
                continue
            if len(raw) > MAX_BYTES:
                yield Failure(source, f"line too large ({len(raw):,} bytes)")
                continue
            line = decode(raw)
            try:
                obj = json.loads(line) if line is not None else None
            except json.JSONDecodeError as exc:
                yield Failure(source, f"not valid JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(obj, dict):
                yield Failure(source, "a JSON Lines record must be an object")
                continue
            yield _record_document(source, obj)


def _record_document(source: str, obj: dict) -> RawDocument | Failure:
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return Failure(source, 'record has neither "text" nor "html"')
    if not (text or html or "").strip():
        return Failure(source, "empty article")
    meta = {k: obj.get(k) if isinstance(obj.get(k), str) else None for k in ("url", "title", "date", "outlet")}
    return RawDocument(
        source=meta["url"] or (obj["id"] if isinstance(obj.get("id"), str) else source),
        text=text if isinstance(text, str) and text.strip() else None,
        html=html if not (isinstance(text, str) and text.strip()) else None,
        **meta,
    )


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def read_pdf(source: str, data: bytes) -> RawDocument | Failure:
    """The text layer of a PDF, page after page; a clear failure when it has none."""
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - pypdf is a dependency
        return Failure(source, "a PDF, and pypdf is not installed (pip install pypdf)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return Failure(source, "encrypted PDF; save an unprotected copy and read that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        log.debug("pypdf failed on %s", source, exc_info=True)
        return Failure(source, f"unreadable PDF ({type(exc).__name__}: {exc})")
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if len(re.findall(r"\w+", text)) < 5:
        return Failure(source, "PDF without a text layer (scanned pages?); run OCR on it first "
                               "(for example ocrmypdf) and read the result")
    return RawDocument(source, text=_join_hyphenated(text))


def _join_hyphenated(text: str) -> str:
    """Words a PDF broke at the end of a line ("negoti-\nations") made whole again."""
    return re.sub(r"(?<=[^\W\d_])-\n(?=[a-z])", "", text)


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
              (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_wide(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text, with a byte order mark or, for UTF-16, recognisable without one
    (text in Latin, Cyrillic, Greek... has a zero byte in every other place)."""
    for bom, enc in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError:
                return None
    head = data[:4096]
    half = len(head) // 2
    if half < 8 or len(data) % 2:
        return None
    zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
    if zeros_odd > half * 0.3 and zeros_even <= half * 0.02:
        enc = "utf-16-le"
    elif zeros_even > half * 0.3 and zeros_odd <= half * 0.02:
        enc = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    control = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\n\r\f")
    return text if control <= len(text[:4096]) * 0.01 else None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.05


def decode(data: bytes) -> str | None:
    """UTF-16/32 when it is that, UTF-8 (with or without BOM) next; otherwise the most
    plausible legacy encoding."""
    wide = decode_wide(data)
    if wide is not None:
        return wide
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # charset_normalizer alone misreads English with a few legacy bytes (one Cyrillic name comes
    # out as cp1125 box drawing, "Hélène" as cp1250 "Hélčne"), so its guess (cp1252 when the text
    # is English and that ties with it) competes with the common code pages on how plausible the
    # decoded words are; the guess wins a tie.
    results = from_bytes(data[:200_000])
    best = results.best()
    guess = None
    if best is not None and best.encoding:
        guess = best.encoding
        if any(r.encoding == "cp1252" and (r.chaos, r.coherence) == (best.chaos, best.coherence) for r in results) \
                and detect_language(data[:20_000].decode("latin-1")) == "en":
            guess = "cp1252"
    scored = []
    for rank, enc in enumerate([*([guess] if guess else []), *LEGACY_ENCODINGS]):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((implausible_chars(text[:50_000]), rank, text))
    return min(scored)[2] if scored else None


# Tried in this order after charset_normalizer's guess; the first of equally plausible readings wins.
LEGACY_ENCODINGS = ("cp1252", "cp1251", "cp1254", "cp1250", "cp1253", "cp1257", "koi8_r", "cp1256", "cp1255")
_FOREIGN_TOKEN = re.compile(r"[^\W\d_]*[^\x00-\x7f][^\W\d_]*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_PUNCTUATION = set("\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026"
                   "\u00b0\u00a9\u00ae\u20ac\u00a3\u2116\u00b7\u00a7\u3001\u3002\uff0c")
_RARE_LETTERS = set("ðþÐÞ")  # Icelandic only: in an English page they are ğ/ş read with the wrong code page
_EAST_ASIAN = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL"}


def _script(c: str) -> str:
    name = unicodedata.name(c, "?").split()[0]
    return "CJK" if name in _EAST_ASIAN else name


def implausible_chars(text: str) -> int:
    """How many non-ASCII characters read like a wrong code page: symbols where letters belong,
    words mixing scripts ("Hйlиne"), Latin words of accented letters only ("Ìèõàèë"), capitals
    after small letters ("мИХАИЛ"), Icelandic letters."""
    bad = sum(1 for c in _NON_ASCII.findall(text)
              if (not c.isalpha() and c not in _PUNCTUATION) or c in _RARE_LETTERS)
    for token in _FOREIGN_TOKEN.findall(text):
        letters = [c for c in token if c.isalpha()]
        foreign = sum(1 for c in letters if ord(c) > 127)
        if not foreign:
            continue
        scripts = {_script(c) for c in letters}
        if (len(scripts) > 1 or (scripts == {"LATIN"} and len(letters) >= 4 and foreign == len(letters))
                or any(a.islower() and b.isupper() for a, b in zip(letters, letters[1:]))):
            bad += foreign
    return bad


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head) or head.count("<p>") >= 2
