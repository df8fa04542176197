"""Parses kept between builds: reused when the bytes are the same, never when they changed."""
from __future__ import annotations

import pickle
from dataclasses import replace

from support.repos import TODAY
from support.gitutil import commit_all, git, init

from builder.cache import parse_cache
from builder.cache.parse_cache import ParseCache, blob_id
from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.revisions.git_source import GitSource

Q = "procedures/QT.01-kiem-soat-tai-lieu.md"


def fresh_cache(monkeypatch) -> ParseCache:
    """A new process's cache: nothing in memory, only what is on disk."""
    cache = ParseCache()
    monkeypatch.setattr(parse_cache, "CACHE", cache)
    return cache


def rules(catalog):
    return sorted((f.rule, f.path, f.line) for f in catalog.load_findings)


def test_blob_id_is_gits(repo):
    init(repo.root)
    raw = (repo.root / Q).read_bytes()
    assert blob_id(raw) == git(repo.root, "hash-object", Q).strip()


def test_a_second_build_reuses_the_stored_parses(repo, monkeypatch):
    init(repo.root)
    load_catalog(repo.root, parse_date(TODAY))
    assert (repo.root / parse_cache.STORE).is_file()

    cache = fresh_cache(monkeypatch)
    cache.attach(repo.root)
    raw = (repo.root / Q).read_bytes()
    stored = cache.get(Q, blob_id(raw))
    assert stored is not None and stored[0].code == "QT.01"

    catalog = load_catalog(repo.root, parse_date(TODAY))
    assert catalog.get("QT.01").revision == 2
    assert cache.parses == 0, "nothing should have been parsed again"


def test_an_edited_document_is_parsed_again(repo, monkeypatch):
    load_catalog(repo.root, parse_date(TODAY), with_git=False)
    repo.edit(Q, "title: Quy trình kiểm soát thông tin dạng văn bản", "title: Quy trình mới")
    fresh_cache(monkeypatch)
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    assert catalog.get("QT.01").title == "Quy trình mới"


def test_findings_of_a_bad_document_survive_the_store(repo, monkeypatch):
    repo.edit(Q, "revision: 2", "revison: 2")
    first = rules(load_catalog(repo.root, parse_date(TODAY), with_git=False))
    assert ("unknown-key", Q, 6) in first
    fresh_cache(monkeypatch)
    assert rules(load_catalog(repo.root, parse_date(TODAY), with_git=False)) == first


def test_a_damaged_or_foreign_store_is_ignored(repo, monkeypatch):
    store = repo.root / parse_cache.STORE
    load_catalog(repo.root, parse_date(TODAY), with_git=False)
    raw = (repo.root / Q).read_bytes()

    store.write_bytes(b"not a pickle")
    fresh_cache(monkeypatch)
    assert load_catalog(repo.root, parse_date(TODAY), with_git=False).get("QT.01").revision == 2

    # Parses written by other builder code (here: a different source hash) are not trusted.
    forged = replace(load_catalog(repo.root, parse_date(TODAY), with_git=False).get("QT.01"), title="Tiêu đề giả")
    store.write_bytes(pickle.dumps(("another-version", {(Q, blob_id(raw)): (forged, [])})))
    fresh_cache(monkeypatch)
    assert load_catalog(repo.root, parse_date(TODAY), with_git=False).get("QT.01").title != "Tiêu đề giả"


def test_the_store_keeps_only_what_the_last_build_used(repo, monkeypatch):
    old = blob_id((repo.root / Q).read_bytes())
    load_catalog(repo.root, parse_date(TODAY), with_git=False)
    repo.edit(Q, "title: Quy trình kiểm soát thông tin dạng văn bản", "title: Quy trình mới")
    fresh_cache(monkeypatch)
    load_catalog(repo.root, parse_date(TODAY), with_git=False)
    _, entries = pickle.loads((repo.root / parse_cache.STORE).read_bytes())
    assert (Q, old) not in entries
    assert (Q, blob_id((repo.root / Q).read_bytes())) in entries


def test_blobs_are_read_together(repo):
    init(repo.root)
    repo.edit(Q, "revision: 2", "revision: 3")
    commit_all(repo.root, "lần 3")
    source = GitSource(repo.root)
    shas = [c.blob for _, changes in source.log() for c in changes if c.blob]
    together = source.blobs(shas + ["0" * 39 + "1"])
    assert set(together) == set(shas)
    assert all(together[sha] == source.blob(sha) for sha in shas)


def test_a_cache_committed_to_git_is_never_trusted(repo, monkeypatch):
    """A pull request that force-adds .qms-cache could bring parses (or PDFs) the build would
    trust; such a cache is not read, and the check fails until it is removed from git."""
    init(repo.root)
    load_catalog(repo.root, parse_date(TODAY))
    raw = (repo.root / Q).read_bytes()
    forged = replace(load_catalog(repo.root, parse_date(TODAY)).get("QT.01"), title="Tiêu đề giả")
    from builder.cache.parse_cache import code_version
    (repo.root / parse_cache.STORE).write_bytes(
        pickle.dumps((code_version(), {(Q, blob_id(raw)): (forged, [])})))
    git(repo.root, "add", "-f", ".qms-cache/parsed.pickle")
    commit_all(repo.root, "Đưa bộ đệm vào kho")

    fresh_cache(monkeypatch)
    code, findings = repo.findings()
    assert code == 1
    found = [f for f in findings if f["rule"] == "cache-committed"]
    assert found and found[0]["path"] == ".qms-cache" and "git rm -r -q .qms-cache" in found[0]["message"]
    catalog = load_catalog(repo.root, parse_date(TODAY))
    assert catalog.get("QT.01").title == "Quy trình kiểm soát thông tin dạng văn bản"

    result = repo.qms("pdf", "QT.01", "--output", str(repo.root / "ban-in"))
    assert result.exit_code == 1 and "cache-committed" in result.output
    assert not (repo.root / "ban-in").exists()

    git(repo.root, "rm", "-r", "-q", ".qms-cache")   # as the message says: index and disk
    commit_all(repo.root, "Gỡ bộ đệm")
    assert "cache-committed" not in {f["rule"] for f in repo.findings()[1]}


def test_stored_parses_follow_every_module_of_the_builder():
    """A change to the document model (builder/documents/) must invalidate stored parses, not only
    a change to the cache's own package: a stale pickle of an older Task crashed the build."""
    from builder.cache.parse_cache import source_files
    names = {p.relative_to(p.parents[1]).as_posix() for p in source_files()}
    assert {"documents/model.py", "documents/loader.py", "cache/parse_cache.py"} <= names
