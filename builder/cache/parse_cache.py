"""Parsed documents by (path, git blob id), in memory and kept between builds in .qms-cache.

The same bytes at the same path always parse to the same document, so the working tree, the
base commit and every version in the history share one parse, and a rebuild parses only what
changed since the last one. Keying by git's own blob id lets the history find an old version
without even reading it from git. The stored file is tied to the parser's source code: any
change to the builder starts it afresh, so a stale parse is never used.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from builder.cache.folder import CACHE_DIR

STORE = Path(CACHE_DIR) / "parsed.pickle"
_MEMORY_LIMIT = 50_000


def blob_id(raw: bytes) -> str:
    """The id git gives these bytes (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the whole builder's source (every package, not only this one): a parse made by
    other code, with another model (a field added to Task), is never reused."""
    digest = hashlib.sha1(sys.version.encode())
    package = Path(__file__).resolve().parents[1]
    for path in source_files():
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def source_files() -> list[Path]:
    """Every module of the builder package."""
    return sorted(Path(__file__).resolve().parents[1].rglob("*.py"))


class ParseCache:
    """(path, blob id) → (document or None, findings)."""

    def __init__(self):
        self.entries: dict[tuple[str, str], tuple] = {}
        self.used: set[tuple[str, str]] = set()
        self.on_disk: dict[Path, set | None] = {}   # root → keys its store holds (None: untrusted)
        self.parses = 0                        # documents parsed (not found) in this process

    def get(self, rel: str, blob: str):
        key = (rel, blob)
        result = self.entries.get(key)
        if result is not None:
            self.used.add(key)
        return result

    def put(self, rel: str, blob: str, result: tuple) -> None:
        if len(self.entries) >= _MEMORY_LIMIT:
            self.entries.clear()
        key = (rel, blob)
        self.entries[key] = result
        self.used.add(key)
        self.parses += 1

    def parsed(self, rel: str, raw: bytes, blob: str | None, parse):
        """`parse(rel, raw)` of these bytes at this path, once: documents and records alike."""
        blob = blob or blob_id(raw)
        result = self.get(rel, blob)
        if result is None:
            result = parse(rel, raw)
            self.put(rel, blob, result)
        return result

    def attach(self, root: Path, trusted: bool = True) -> None:
        """Start a load of `root`: bring in what an earlier build of it parsed, unless the store
        cannot be trusted (see cache_guard); an untrusted store is neither read nor written."""
        root = Path(root).resolve()
        self.used = set()
        if not trusted:
            self.on_disk[root] = None
        elif self.on_disk.get(root) is None:   # not read yet in this process (or untrusted before)
            self.on_disk[root] = self._read(root)

    def _read(self, root: Path) -> set:
        """Bring the stored parses of `root` into memory; the keys it held (none when missing,
        truncated or written by other builder code)."""
        try:
            with open(root / STORE, "rb") as handle:
                version, entries = pickle.load(handle)
        except Exception:
            return set()
        if version != code_version() or not isinstance(entries, dict):
            return set()
        for key, value in entries.items():
            self.entries.setdefault(key, value)
        return set(entries)

    def save(self, root: Path) -> None:
        """Keep what this load used, atomically; a cache that cannot be written is skipped."""
        root = Path(root).resolve()
        if self.on_disk.get(root) is None or self.used == self.on_disk[root]:
            return
        target = root / STORE
        kept = {key: self.entries[key] for key in self.used if key in self.entries}
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".parsed-")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((code_version(), kept), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except Exception:  # read-only folder, full disk: the next build parses again
            Path(tmp).unlink(missing_ok=True)
            return
        self.on_disk[root] = set(kept)


CACHE = ParseCache()
