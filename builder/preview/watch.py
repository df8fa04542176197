"""Watching the repository for saves: every file event under the root, gathered until the
writes settle (an editor saves in several steps), then handed over as one list of paths."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent,
                             FileClosedEvent, FileCreatedEvent,
                             FileDeletedEvent, FileModifiedEvent,
                             FileMovedEvent, FileSystemEventHandler)
from watchdog.observers import Observer

# Only writes: reading a thousand documents at every check must not flood the watcher (the
# kernel queue overflows and the events take the interpreter from the preview).
WRITES = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
          DirCreatedEvent, DirDeletedEvent, DirMovedEvent]

SETTLE = 0.03          # seconds without a new event before the change is handled
IGNORED_PARTS = {".git", ".qms-cache", ".venv", "node_modules", "__pycache__", ".pytest_cache"}


class Watcher(FileSystemEventHandler):
    def __init__(self, root: Path, on_change: Callable[[list[str]], None], ignored: list[Path] = (),
                 folders: tuple[str, ...] = ()):
        self.root = Path(root).resolve()
        self.folders = folders      # watched with what is inside; the root itself only for its own files
        self.on_change = on_change
        self.ignored = [Path(p).resolve() for p in ignored]
        self.pending: set[str] = set()
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.observer = Observer()

    def start(self) -> None:
        # The whole tree, writes only: a source folder deleted and made again (a git checkout)
        # stays watched; what the site does not read is dropped by `relevant`.
        self.observer.schedule(self, str(self.root), recursive=True, event_filter=WRITES)
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)

    def relevant(self, path: str) -> str | None:
        """The path relative to the root, or None for what the preview does not read (git's own
        files, caches, the preview's output, editors' swap files)."""
        try:
            full = Path(path).resolve()
            rel = full.relative_to(self.root)
        except (ValueError, OSError):
            return None
        if any(part in IGNORED_PARTS for part in rel.parts) or any(full.is_relative_to(p) for p in self.ignored):
            return None
        if self.folders and len(rel.parts) > 1 and rel.parts[0] not in self.folders:
            return None             # outside the folders the site reads (site/, notes, tools)
        name = rel.name
        if name.endswith(("~", ".swp", ".swx", ".tmp")) or name.startswith(".#"):
            return None
        return rel.as_posix()

    def on_any_event(self, event) -> None:
        if event.event_type in ("opened", "closed_no_write") or (event.is_directory and event.event_type == "modified"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        found = [rel for rel in (self.relevant(p) for p in paths if p) if rel]
        if not found:
            return
        with self.lock:
            self.pending.update(found)
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(SETTLE, self._flush)
            self.timer.daemon = True
            self.timer.start()

    def _flush(self) -> None:
        with self.lock:
            paths, self.pending = sorted(self.pending), set()
        if paths:
            self.on_change(paths)
