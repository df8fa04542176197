"""Turning raw file bytes into normalised text, or saying why that is impossible."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from builder.findings.limits import MAX_FILE_MB
from builder.findings.rule_texts import (FILE_BINARY, FILE_EMPTY,
                                         FILE_ENCODING, FILE_TOO_LARGE)

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class DecodeProblem:
    """Why a file could not be read as text: a rule id and the 1-based line."""

    rule: str
    line: int
    detail: str = ""


def nfc(text: str) -> str:
    """Normalise to NFC so that text typed decomposed compares equal to precomposed text."""
    return unicodedata.normalize("NFC", text)


def decode(raw: bytes) -> str | DecodeProblem:
    """Decode UTF-8 (BOM optional), unify line endings to LF and normalise to NFC."""
    if len(raw) > MAX_FILE_MB * 1024 * 1024:
        return DecodeProblem(FILE_TOO_LARGE, 1, f"{len(raw) / 1024 / 1024:.1f}".replace(".", ","))
    if not raw.strip():
        return DecodeProblem(FILE_EMPTY, 1)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return DecodeProblem(FILE_ENCODING, 1, "UTF-16")
    if b"\x00" in raw[:8192]:
        return DecodeProblem(FILE_BINARY, 1)
    if raw.startswith(BOM):
        raw = raw[len(BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return DecodeProblem(FILE_ENCODING, line, _guess_encoding(raw))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return nfc(text)


def _guess_encoding(raw: bytes) -> str:
    """Name the legacy encoding Vietnamese files usually come in, for the message."""
    try:
        raw.decode("cp1258")
        return "Windows-1258"
    except UnicodeDecodeError:
        return "không xác định"


def fold(text: str) -> str:
    """Remove Vietnamese diacritics (and map đ to d) for search and slugs."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """ASCII, lower-case, dash-separated slug used in URLs (remembered: every page's address
    and every link to it is made from a code)."""
    out = []
    for ch in fold(text).lower():
        out.append(ch if ch.isascii() and ch.isalnum() else "-")
    return "-".join(filter(None, "".join(out).split("-")))


def closest(value: str, candidates, near: bool = True) -> str | None:
    """The identifier the user most likely meant: the same letters once case and diacritics
    are set aside ('tdc' → 'TĐC', 'qt.02' → 'QT.02', 'QD' → 'QĐ'), else (with `near`) the nearest
    spelling, which is only ever offered as a suggestion."""
    import difflib  # rarely needed: only when an identifier is unknown

    def key(text: str) -> str:
        return fold(str(text)).casefold()

    options = {key(c): c for c in candidates}
    if key(value) in options:
        return options[key(value)]
    if not near:
        return None
    found = difflib.get_close_matches(key(value), list(options), n=1, cutoff=0.75)
    return options[found[0]] if found else None
