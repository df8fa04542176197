"""Housekeeping of the print cache at the scale of a cold build (2,000 to 5,000 files).

- Pruning: the cache keeps one generation per issue. Listing the folder once per written file
  (a glob each) cost 2 s at 1,000 documents; `prune_stale` lists each folder once for the batch.
- Publishing: a cached file goes into the site as a hard link, not a copy. Cache files are never
  changed in place (every write is a new file renamed over the old one, builder/storage/atomic.py),
  so the site's file keeps what was published even when the cache entry is later replaced or
  pruned. Creating 1,800 copies cost 1.3 s; a link is one directory entry. Across file systems
  (or where links are refused) it is a copy.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable, Iterable

Family = Callable[[str], "tuple[str, str] | None"]   # file name -> (issue, generation), None: not ours


def master_family(name: str) -> tuple[str, str] | None:
    """'qt-01-lan-03-<key>.pdf' -> ('qt-01-lan-03.pdf', key): one master per issue and format."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or "-" not in stem:
        return None
    issue, key = stem.rsplit("-", 1)
    return f"{issue}.{suffix}", key


def stamped_family(name: str) -> tuple[str, str] | None:
    """'<issue>-<master key>-<variant key>.pdf' -> (issue, master key): the stamped files of an
    older master of the issue go; other variants of the current master stay."""
    stem, dot, suffix = name.rpartition(".")
    parts = stem.rsplit("-", 2)
    if not dot or suffix != "pdf" or len(parts) != 3:
        return None
    return parts[0], parts[1]


def prune_stale(written: Iterable[Path], family: Family) -> None:
    """Drop the cache files of the written files' issues that belong to another generation."""
    by_folder: dict[Path, dict[str, str]] = {}
    for path in written:
        described = family(path.name)
        if described:
            by_folder.setdefault(path.parent, {})[described[0]] = described[1]
    for folder, current in by_folder.items():
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            described = family(entry.name)
            if described and described[0] in current and described[1] != current[described[0]]:
                Path(entry.path).unlink(missing_ok=True)


class Publisher:
    """Puts files at their places in a site folder (creating each folder once)."""

    def __init__(self):
        self.folders: set[Path] = set()

    def cached(self, source: Path, target: Path) -> None:
        """A file of the print cache: linked (see the top)."""
        self._folder(target)
        target.unlink(missing_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)

    def copy(self, source: Path, target: Path) -> None:
        """Any other file (a Word original kept in the repository) is copied: a link would let a
        later edit of the working copy change what the site published."""
        self._folder(target)
        shutil.copyfile(source, target)

    def _folder(self, target: Path) -> None:
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
