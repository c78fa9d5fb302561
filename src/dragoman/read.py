"""Reading article files: text, HTML and JSON Lines, in whatever encoding they come.

``iter_documents`` streams ``RawDocument``s and ``Failure``s; nothing is held in memory
beyond the file being read, so a corpus of any size can go through.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from charset_normalizer import from_bytes

from .language import detect_language
from .records import Failure

MAX_BYTES = 5_000_000  # one article; a JSON Lines file is limited per line, not as a whole
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


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

    Inside a directory only article files (by suffix) are taken; a file named explicitly is
    read whatever its suffix, its content deciding between text and HTML.
    """
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES \
                        and not any(part.startswith(".") for part in rel.parts):
                    yield child
        else:
            yield path


def iter_documents(paths: Iterable[str]) -> Iterator[RawDocument | Failure]:
    for path in iter_paths(paths):
        yield from read_path(path)


def read_path(path: str | Path) -> Iterator[RawDocument | Failure]:
    if path == "-":
        data = sys.stdin.buffer.read()
        yield from _read_bytes("<stdin>", data, kind=None)
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
    if size > MAX_BYTES:
        yield Failure(source, f"too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(source, f"cannot read: {exc.strerror or exc}")
        return
    kind = "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else None
    yield from _read_bytes(source, data, kind=kind)


def _read_bytes(source: str, data: bytes, kind: str | None) -> Iterator[RawDocument | Failure]:
    if not data.strip():
        yield Failure(source, "empty file")
        return
    if len(data) > MAX_BYTES:
        yield Failure(source, f"too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
        return
    if looks_binary(data):
        yield Failure(source, "binary file, not text")
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


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.05


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM) first; otherwise the most plausible legacy encoding."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
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
