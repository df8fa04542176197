"""Private keys that must never be in the repository: whoever reads the repository could sign
in the key holder's name. Only the sample's test keys live under tests/."""
from __future__ import annotations

import os
import posixpath
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

ALLOWED_FOLDER = "tests/"
# The armour line that opens a private key, then key data (so that a text naming the line is
# not taken for a key). The kinds: OpenSSH, PEM RSA/EC/DSA, PKCS#8, OpenPGP.
KEY_BLOCK = re.compile(rb"-----BEGIN (OPENSSH |RSA |EC |DSA |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----\r?\n"
                       rb"(?:[A-Za-z-]+: [^\n]*\r?\n)*\r?\n?[A-Za-z0-9+/=]{40}")
GREP = "-----BEGIN ([A-Z]+ )?PRIVATE KEY( BLOCK)?-----"     # what git grep looks for first
KINDS = {b"OPENSSH ": "một khóa bí mật SSH", b"RSA ": "một khóa bí mật RSA", b"EC ": "một khóa bí mật EC",
         b"DSA ": "một khóa bí mật DSA", b"ENCRYPTED ": "một khóa bí mật (PKCS#8, có mật khẩu)",
         b"PGP ": "một khóa bí mật OpenPGP", None: "một khóa bí mật (PKCS#8)"}
KEY_STORES = {".p12": "tệp chứng thư số PKCS#12 (có khóa bí mật)", ".pfx": "tệp chứng thư số PKCS#12 (có khóa bí mật)"}
READ_LIMIT = 1 << 20       # keys are small: the first megabyte of a file is enough
SKIPPED_FOLDERS = {".git", ".venv", "venv", "node_modules", "site", ".qms-cache"}


@dataclass(frozen=True)
class Secret:
    path: str
    line: int
    what: str


def _git(root: Path, *args: str) -> subprocess.Popen | None:
    """Start a git command (the two of candidate_files run side by side)."""
    try:
        return subprocess.Popen(["git", *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None


def _output(process: subprocess.Popen | None) -> tuple[int, bytes] | None:
    if process is None:
        return None
    try:
        out, _ = process.communicate(timeout=120)
    except subprocess.SubprocessError:
        process.kill()
        return None
    return process.returncode, out


def _names(output: bytes) -> list[str]:
    return [p for p in output.decode("utf-8", "replace").split("\0") if p]


def candidate_files(root: Path) -> tuple[list[str], list[str]]:
    """(every file, the files that may hold a key). In git: the files git has or could take
    (tracked, and untracked ones .gitignore does not exclude), and those `git grep` finds an
    armour line in (one process, instead of opening thousands of files). Without git: every
    file under the root but the tool and output folders, all to be read."""
    # The output and tool folders are left out even when no .gitignore names them: the built
    # site and the cache hold thousands of PDFs that git grep would otherwise read on every check.
    outside = ["--", ".", *(f":(exclude){folder}" for folder in sorted(SKIPPED_FOLDERS - {".git"}))]
    listing = _git(root, "ls-files", "-z", "-co", "--exclude-standard", *outside)
    grep = _git(root, "grep", "-z", "-l", "-I", "--untracked", "-E", "-e", GREP, *outside)
    listed, found = _output(listing), _output(grep)
    if listed is not None and listed[0] == 0:
        if found is not None and found[0] in (0, 1):
            return _names(listed[1]), _names(found[1])
        return _names(listed[1]), _names(listed[1])
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIPPED_FOLDERS]
        rel = Path(folder).relative_to(root)
        out += [(rel / f).as_posix() for f in files]
    return out, out


def find_secrets(root: Path) -> list[Secret]:
    """Every private key and key store outside tests/, with the line where the key begins."""
    root = Path(root)
    out = []
    names, suspects = candidate_files(root)
    for rel in names:
        suffix = posixpath.splitext(rel)[1].lower()
        if suffix in KEY_STORES and not rel.startswith(ALLOWED_FOLDER):
            out.append(Secret(rel, 1, KEY_STORES[suffix]))
    for rel in suspects:
        if rel.startswith(ALLOWED_FOLDER) or posixpath.splitext(rel)[1].lower() in KEY_STORES:
            continue
        path = root / rel
        try:
            if path.is_symlink() or not path.is_file():
                continue
            with path.open("rb") as handle:
                head = handle.read(READ_LIMIT)
        except OSError:
            continue
        if b"-----BEGIN " not in head:
            continue
        found = KEY_BLOCK.search(head)
        if found:
            out.append(Secret(rel, head.count(b"\n", 0, found.start()) + 1, KINDS[found.group(1)]))
    return sorted(out, key=lambda s: s.path)
