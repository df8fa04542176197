"""The history index: every committed version of every document, from one pass over git.

Also the base snapshot a working tree is compared with (the last commit, or `--base REF`).
Outside git, or with no commit, both are empty and the checks fall back to the files alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from builder.cache import parse_cache
from builder.documents.loader import parse_document
from builder.documents.model import Document
from builder.revisions.git_source import Commit, GitSource


@dataclass(frozen=True)
class Version:
    commit: Commit
    path: str
    document: Document | None   # None when the file was deleted in this commit


@dataclass
class History:
    versions: dict[str, list[Version]] = field(default_factory=dict)  # code → versions, oldest first
    shallow: bool = False
    available: bool = False

    def of(self, code: str) -> list[Version]:
        return self.versions.get(code, [])

    def issues(self, code: str) -> dict[int, Version]:
        """Each published issue of a document: the last committed version of each revision
        number while the document was in force."""
        out: dict[int, Version] = {}
        for version in self.of(code):
            doc = version.document
            if doc is not None and doc.revision and doc.in_force:
                out[doc.revision] = version
        return dict(sorted(out.items()))

    def first_withdrawal(self, code: str) -> Version | None:
        for version in self.of(code):
            if version.document is not None and version.document.status == "withdrawn":
                return version
        return None


class BlobDocuments:
    """Parsed documents by blob id: each committed content is parsed once, and the versions a
    build has not seen before are read from git together."""

    def __init__(self, source: GitSource):
        self.source = source

    def prefetch(self, wanted) -> None:
        """Parse every (path, blob) not parsed yet, reading their contents in one git call."""
        missing = {(path, sha) for path, sha in wanted if parse_cache.CACHE.get(path, sha) is None}
        contents = self.source.blobs(sorted({sha for _, sha in missing}))
        for path, sha in missing:
            if sha in contents:
                parse_document(path, contents[sha], sha)

    def get(self, path: str, sha: str) -> Document | None:
        result = parse_cache.CACHE.get(path, sha)
        if result is None:
            result = parse_document(path, self.source.blob(sha), sha)
        return result[0]


def build_history(source: GitSource, blobs: BlobDocuments | None = None) -> History:
    """One `git log` over the document folders; each changed blob read once."""
    history = History(shallow=source.is_shallow(), available=source.available)
    if not source.available:
        return history
    blobs = blobs or BlobDocuments(source)
    code_at_path: dict[str, str] = {}
    log = list(source.log())
    blobs.prefetch((c.path, c.blob) for _, changes in log for c in changes if c.blob)
    for commit, changes in log:
        for change in changes:
            if change.blob is None:
                code = code_at_path.pop(change.path, None)
                if code:
                    history.versions.setdefault(code, []).append(Version(commit, change.path, None))
                continue
            doc = blobs.get(change.path, change.blob)
            if doc is None or not doc.code:
                continue
            code_at_path[change.path] = doc.code
            history.versions.setdefault(doc.code, []).append(Version(commit, change.path, doc))
    return history


@dataclass
class Base:
    """The documents at the commit the working tree is compared with."""

    ref: str
    commit: str
    documents: dict[str, Document]      # code → document at base
    changed_paths: set[str]             # files that differ from base in the working tree


def load_base(source: GitSource, ref: str, blobs: BlobDocuments | None = None,
              merge_base: bool = False) -> Base | None:
    """Documents at `ref` (or at the merge base of `ref` and HEAD, for a pull request)."""
    commit = source.resolve(ref) if source.available else None
    if commit is None:
        return None
    if merge_base:
        commit = source.repo.git.merge_base(commit, "HEAD") or commit
    blobs = blobs or BlobDocuments(source)
    documents = {}
    tree = source.tree(commit)
    blobs.prefetch(tree.items())
    for path, sha in tree.items():
        doc = blobs.get(path, sha)
        if doc is not None and doc.code:
            documents.setdefault(doc.code, doc)
    return Base(ref, commit, documents, source.changed_paths(commit))


def load_git(root: Path, base_ref: str | None = "HEAD", merge_base: bool = False,
             with_history: bool = True) -> tuple[History, Base | None]:
    source = GitSource(root)
    blobs = BlobDocuments(source) if source.available else None
    history = build_history(source, blobs) if with_history else History(available=source.available)
    base = load_base(source, base_ref, blobs, merge_base) if base_ref and source.available else None
    return history, base
