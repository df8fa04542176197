"""The print cache keeps one generation per issue, and the site gets cached files as links that a
later cache write cannot change, and repository files as copies."""
from __future__ import annotations

import os

from builder.pdf.cache_files import (Publisher, master_family, prune_stale,
                                     stamped_family)
from builder.storage.atomic import atomic_write_bytes


def test_pruning_drops_older_generations_of_the_written_issues_only(tmp_path):
    names = ["qt-01-lan-03-aaaa.pdf", "qt-01-lan-03-bbbb.pdf", "qt-01-lan-03-bbbb.docx",
             "qt-01-lan-02-cccc.pdf", "qt-02-lan-01-dddd.pdf", "notes.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    prune_stale([tmp_path / "qt-01-lan-03-aaaa.pdf"], master_family)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(set(names) - {"qt-01-lan-03-bbbb.pdf"})


def test_pruning_stamped_files_keeps_the_other_variants_of_the_current_master(tmp_path):
    names = ["qt-01-lan-03-new-v1.pdf", "qt-01-lan-03-new-v2.pdf", "qt-01-lan-03-old-v1.pdf", "qt-02-lan-01-old-v1.pdf"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    prune_stale([tmp_path / "qt-01-lan-03-new-v1.pdf"], stamped_family)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(set(names) - {"qt-01-lan-03-old-v1.pdf"})


def test_a_published_cache_file_keeps_its_content_when_the_cache_is_rewritten(tmp_path):
    cache, site = tmp_path / "cache" / "a.pdf", tmp_path / "site" / "x" / "a.pdf"
    atomic_write_bytes(cache, b"approved")
    Publisher().cached(cache, site)
    atomic_write_bytes(cache, b"changed")
    cache.unlink()
    assert site.read_bytes() == b"approved"


def test_a_repository_file_is_copied_not_linked(tmp_path):
    original, site = tmp_path / "forms" / "BM.01.docx", tmp_path / "site" / "BM.01.docx"
    original.parent.mkdir()
    original.write_bytes(b"word")
    Publisher().copy(original, site)
    with open(original, "r+b") as handle:   # an editor saving in place
        handle.write(b"WORD")
    assert site.read_bytes() == b"word" and os.stat(site).st_nlink == 1
