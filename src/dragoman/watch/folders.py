"""Folders: files dropped into a watched directory are analysed once they stop growing.

watchdog reports created, modified and moved files from its own thread; they only go into a
queue here. The monitor's thread takes them out, and a file counts as settled when its size and
modification time have not changed for ``settle`` seconds. A scan on start (and in ``--once``
mode) catches files that arrived while nothing was watching.
"""
from __future__ import annotations

import logging
import queue
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..read import KNOWN_SUFFIXES

log = logging.getLogger(__name__)


def is_article_file(path: Path, root: Path) -> bool:
    """An article file by suffix, not hidden (nor in a hidden directory) below ``root``."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    return path.suffix.lower() in KNOWN_SUFFIXES and not any(p.startswith(".") for p in rel.parts)


def fingerprint(path: Path) -> str | None:
    """Size and modification time: a file is analysed again only when this changes."""
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}" if path.is_file() else None


def scan(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and is_article_file(path, root):
            yield path


@dataclass
class FolderWatch:
    """One watched folder: what watchdog saw, and which files have settled."""

    root: Path
    settle: float = 2.0
    changed: "queue.SimpleQueue[Path]" = field(default_factory=queue.SimpleQueue)
    _candidates: dict[Path, tuple[str, float]] = field(default_factory=dict)
    _observer: object | None = None

    def start(self) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        watch = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.is_directory or event.event_type not in ("created", "modified", "moved", "closed"):
                    return
                target = getattr(event, "dest_path", "") or event.src_path
                watch.changed.put(Path(target))

        try:
            observer = Observer()
            observer.schedule(Handler(), str(self.root), recursive=True)
            observer.daemon = True
            observer.start()
        except OSError as exc:  # e.g. the inotify watch limit: poll the folder instead
            from watchdog.observers.polling import PollingObserver

            log.warning("%s: %s; polling the folder instead", self.root, exc)
            observer = PollingObserver(timeout=max(1.0, self.settle / 2))
            observer.schedule(Handler(), str(self.root), recursive=True)
            observer.daemon = True
            observer.start()
        self._observer = observer

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None

    def offer(self, path: Path) -> None:
        """Consider ``path`` (from a scan or an event) for analysis once it has settled."""
        if is_article_file(path, self.root):
            self.changed.put(path)

    def settled(self, now: float | None = None) -> list[Path]:
        """Files whose size and mtime have not changed for ``settle`` seconds; each is given once."""
        now = time.monotonic() if now is None else now
        while True:
            try:
                path = self.changed.get_nowait()
            except queue.Empty:
                break
            if is_article_file(path, self.root):
                now_print = fingerprint(path)
                old = self._candidates.get(path)
                if now_print is not None and (old is None or old[0] != now_print):
                    self._candidates[path] = (now_print, now)
        ready = []
        for path, (seen, since) in list(self._candidates.items()):
            current = fingerprint(path)
            if current is None:
                del self._candidates[path]
            elif current != seen:
                self._candidates[path] = (current, now)
            elif now - since >= self.settle:
                del self._candidates[path]
                ready.append(path)
        return ready

    @property
    def waiting(self) -> int:
        return len(self._candidates) + self.changed.qsize()


def settled_on_disk(path: Path, settle: float) -> bool:
    """For ``--once``: the file was last written at least ``settle`` seconds ago."""
    try:
        return time.time() - path.stat().st_mtime >= settle
    except OSError:
        return False
