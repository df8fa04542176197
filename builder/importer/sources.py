"""Which files to import, and whether each one is a readable .docx before pandoc sees it.

Sniffing the bytes first lets the report say *why* a file cannot be imported (password,
Word 97-2003, PDF, damaged zip) instead of relaying a converter error, and keeps pandoc from
ever being handed something that is not a Word package.
"""
from __future__ import annotations

import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from builder.importer.texts import SKIP

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"      # compound file: encrypted .docx or old .doc
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")


@dataclass(frozen=True)
class Skip:
    """A file that cannot be imported: the reason key of texts.SKIP and the template values."""

    reason: str
    detail: str = ""
    values: tuple = ()      # extra (name, value) pairs of the template

    @property
    def message(self) -> str:
        return SKIP[self.reason].format(detail=self.detail, **dict(self.values))


def collect(arguments: list[Path]) -> list[Path]:
    """Files named on the command line plus every .docx inside named folders, each once,
    in a stable order (so codes assigned in a batch are the same on every run)."""
    out: list[Path] = []
    seen: set[Path] = set()
    for arg in arguments:
        found = sorted(_docx_in(arg), key=lambda p: unicodedata.normalize("NFC", p.as_posix()))
        for path in found if arg.is_dir() else [arg]:
            key = path.resolve() if path.exists() else path
            if key not in seen:
                seen.add(key)
                out.append(path)
    return out


def _docx_in(folder: Path):
    """Every .docx under a folder, without Word's lock files (~$name.docx) and hidden files."""
    if not folder.is_dir():
        return []
    return [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() == ".docx"
            and not p.name.startswith(("~$", "."))]


def sniff(path: Path) -> Skip | None:
    """None when the file is a complete Word package; otherwise why it is not."""
    if not path.is_file():
        return Skip("missing")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return Skip("unreadable", exc.strerror or str(exc))
    if not head:
        return Skip("empty")
    if head.startswith(OLE_MAGIC):
        return _compound(path)
    if head.startswith(b"%PDF"):
        return Skip("pdf")
    if not head.startswith(b"PK"):
        return Skip("not-word")
    return _zip_problem(path)


def _compound(path: Path) -> Skip:
    """An OLE compound file is a password-protected .docx (it holds an 'EncryptedPackage'
    stream) or a Word 97-2003 document."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Skip("unreadable", exc.strerror or str(exc))
    return Skip("encrypted") if ENCRYPTED_STREAM in data else Skip("legacy-doc")


def _zip_problem(path: Path) -> Skip | None:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if not all(part in names for part in REQUIRED_PARTS):
                return Skip("not-word-zip")
            bad = package.testzip()
            if bad is not None:
                return Skip("corrupt", f"phần '{bad}' sai mã kiểm tra")
    except zipfile.BadZipFile as exc:
        return Skip("corrupt", str(exc))
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error) as exc:
        return Skip("corrupt", str(exc))
    return None
