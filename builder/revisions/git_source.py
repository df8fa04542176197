"""Reading the repository's git data in a few processes: one `git log`, one `git ls-tree` per ref,
and blobs through git's persistent `cat-file --batch` (GitPython keeps one process open).

Never one git process per file: that is what makes per-file git-date plugins slow.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import git

from builder.signing.signoff import FOLDER as SIGNATURES

ORGANISATION = "site_config/organisation.yml"     # people's signing keys: a change is shown in the gate
DOCUMENT_FOLDERS = ("procedures", "forms")
RECORDS = "records"          # records of the yearly cycle: a pull request that changes one is gated too
ZERO = "0" * 40


@dataclass(frozen=True)
class Commit:
    sha: str
    date: datetime
    author: str
    email: str
    subject: str


@dataclass(frozen=True)
class FileChange:
    path: str        # relative to the document root
    blob: str | None  # None when the file was deleted


class GitSource:
    """The git repository holding `root`, or nothing (outside git, or no commit yet)."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self.repo = None
        self.prefix = ""
        try:
            repo = git.Repo(self.root, search_parent_directories=True)
            repo.head.commit  # raises ValueError on a repository without commits
        except (git.InvalidGitRepositoryError, git.NoSuchPathError, ValueError, git.GitCommandError):
            return
        self.repo = repo
        top = Path(repo.working_tree_dir).resolve()
        rel = self.root.relative_to(top).as_posix()
        self.prefix = "" if rel == "." else rel + "/"

    @property
    def available(self) -> bool:
        return self.repo is not None

    def is_shallow(self) -> bool:
        return self.available and (Path(self.repo.git_dir) / "shallow").exists()

    def resolve(self, ref: str) -> str | None:
        """The commit a ref names, or None when it does not exist."""
        if not self.available:
            return None
        try:
            return self.repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}")
        except git.GitCommandError:
            return None

    def _pathspecs(self, folders=DOCUMENT_FOLDERS) -> list[str]:
        return [self.prefix + folder for folder in folders]

    def _relative(self, git_path: str) -> str | None:
        return git_path[len(self.prefix):] if git_path.startswith(self.prefix) else None

    def tree(self, commit: str, folders=DOCUMENT_FOLDERS) -> dict[str, str]:
        """Markdown files (.md) of the document folders (or `folders`) at a commit: path
        relative to root → blob sha. One process."""
        out = self.repo.git.ls_tree("-r", "-z", "--full-tree", commit, "--", *self._pathspecs(folders))
        files = {}
        for entry in filter(None, out.split("\0")):
            meta, _, path = entry.partition("\t")
            mode, kind, sha = meta.split()
            rel = self._relative(path)
            if kind == "blob" and rel and rel.endswith(".md"):
                files[rel] = sha
        return files

    def blob(self, sha: str) -> bytes:
        """Blob content through the persistent cat-file process."""
        return self.repo.odb.stream(bytes.fromhex(sha)).read()

    def blobs(self, shas: list[str]) -> dict[str, bytes]:
        """Many blobs in one `git cat-file --batch` run, requests written all at once rather
        than one round trip each."""
        if not shas:
            return {}
        proc = subprocess.run(["git", "cat-file", "--batch"], cwd=self.repo.working_tree_dir,
                              input="".join(sha + "\n" for sha in shas).encode(),
                              capture_output=True, check=True)
        out, pos, found = proc.stdout, 0, {}
        while pos < len(out):
            end = out.index(b"\n", pos)
            header = out[pos:end].split()
            pos = end + 1
            if len(header) < 3:        # "<sha> missing"
                continue
            size = int(header[2])
            found[header[0].decode()] = out[pos:pos + size]
            pos += size + 1
        return found

    def log(self, until: str = "HEAD"):
        """Every commit touching the document folders, oldest first, with its changed files."""
        fmt = "%x1e%H%x1f%aI%x1f%an%x1f%ae%x1f%s"
        out = self.repo.git.log("--reverse", "--no-renames", "--raw", "--no-abbrev", "-z",
                                f"--format={fmt}", until, "--", *self._pathspecs())
        for chunk in filter(None, out.split("\x1e")):
            header, _, rest = chunk.partition("\0")
            sha, date, author, email, subject = (header.split("\x1f") + [""] * 5)[:5]
            fields = rest.lstrip("\n").split("\0")
            changes = []
            for meta, path in zip(fields[0::2], fields[1::2]):
                if not meta.startswith(":"):
                    continue
                new_sha = meta.split()[3]
                rel = self._relative(path)
                if rel and rel.endswith(".md"):
                    changes.append(FileChange(rel, None if new_sha == ZERO else new_sha))
            yield Commit(sha, datetime.fromisoformat(date), author, email, subject), changes

    def changed_paths(self, base: str) -> set[str]:
        """Document and record files, sign-off signatures and organisation.yml (the signing keys) that
        differ between `base` and the working tree (incl. untracked): a pull request that only
        swaps a signature, or adds a key, is gated too."""
        specs = [*self._pathspecs((*DOCUMENT_FOLDERS, RECORDS)), self.prefix + SIGNATURES, self.prefix + ORGANISATION]
        out = self.repo.git.diff("--name-only", "-z", "--no-renames", base, "--", *specs)
        paths = {self._relative(p) for p in out.split("\0") if p}
        untracked = self.repo.git.ls_files("--others", "--exclude-standard", "-z", "--", *specs)
        paths |= {self._relative(p) for p in untracked.split("\0") if p}
        return {p for p in paths if p}
