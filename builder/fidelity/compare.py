"""Differences between two meanings, and words of a reference missing from a PDF's text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from builder.fidelity.meaning import Link, Meaning, Unit

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class Difference:
    path: str
    line: int
    where: str          # 'trang', 'bản in (pandoc)', 'bản in (PDF)'
    expected: str
    got: str

    def as_text(self) -> str:
        return f'{self.path}:{self.line}: [{self.where}] cần: {self.expected} | có: {self.got}'


def _unit(u: Unit | None) -> str:
    return f"({u.place}) {u.text}" if u else "(không có)"


def compare_units(ref: Meaning, got: Meaning, path: str, line: int, where: str) -> list[Difference]:
    """Blocks that differ in text or place, in source order; then links that differ."""
    a = [(u.place, u.text) for u in ref.units]
    b = [(u.place, u.text) for u in got.units]
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            r = ref.units[i1 + k] if i1 + k < i2 else None
            g = got.units[j1 + k] if j1 + k < j2 else None
            at = (r.line if r and r.line else None) or _near(ref.units, i1) or line
            out.append(Difference(path, at, where, _unit(r), _unit(g)))
    out += _compare_links(ref.links, got.links, path, line, where)
    return out


def _near(units: list[Unit], index: int) -> int | None:
    for u in reversed(units[: index + 1]):
        if u.line:
            return u.line
    return None


def _link_key(link: Link) -> tuple[str, str]:
    """A relative target is rewritten for where the page lives; only absolute ones must match."""
    absolute = bool(_SCHEME.match(link.target))
    return link.text, link.target if absolute else "(liên kết trong hệ thống)"


def _compare_links(ref: list[Link], got: list[Link], path: str, line: int, where: str) -> list[Difference]:
    a, b = [_link_key(x) for x in ref], [_link_key(x) for x in got]
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append(Difference(path, line, where, "liên kết " + "; ".join(f"{t} → {u}" for t, u in a[i1:i2]),
                                  "; ".join(f"{t} → {u}" for t, u in b[j1:j2]) or "(không có)"))
    return out


def missing_words(ref: list[tuple[str, int | None]], pdf_words: list[str], path: str, line: int,
                  where: str = "bản in (PDF)") -> list[Difference]:
    """Reference words the PDF's text does not hold in the same order (the page header, footer
    and control block may come in between: those are extra words, not differences). One
    difference per source line that lost words, with what the PDF had in their place."""
    lost: dict[int, tuple[list[str], list[str]]] = {}
    a = [w for w, _ in ref]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, pdf_words, autojunk=False).get_opcodes():
        if tag == "replace" and "".join(a[i1:i2]) == "".join(pdf_words[j1:j2]):
            continue   # same letters; the reader guessed a word gap differently (narrow table columns)
        if tag in ("delete", "replace"):
            at = ref[i1][1] or line
            entry = lost.setdefault(at, ([], []))
            entry[0].extend(a[i1:i2])
            entry[1].extend(pdf_words[j1:j2] if tag == "replace" else [])
    return [Difference(path, at, where, "các từ " + _few(ws), ("thay bằng " + _few(got)) if got else "không có")
            for at, (ws, got) in lost.items()]


def _few(ws: list[str]) -> str:
    return " ".join(ws[:12]) + (" …" if len(ws) > 12 else "")
