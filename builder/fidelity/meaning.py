"""What a reader gets from an HTML rendering, independent of markup details: the text blocks in
order, each with its place (heading level, list depth, quote depth, table row and cell, code),
and the links. Two renderings mean the same when these are equal."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

SEPARATES = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "pre", "blockquote", "ul", "ol",
             "table", "tr", "hr", "div", "thead", "tbody", "dl", "dt", "dd", "figure", "figcaption",
             "section", "details", "summary"}
VOID = {"br", "hr", "img", "input", "col", "wbr", "area", "source"}
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Unit:
    place: str        # 'h2', 'danh sách cấp 2', 'bảng 1 hàng 3 ô 2', 'trích dẫn 1', 'mã'
    text: str
    line: int | None  # source line, when the rendering carries data-line attributes


@dataclass(frozen=True)
class Link:
    text: str
    target: str


@dataclass
class Meaning:
    units: list[Unit]
    links: list[Link]

    def words(self) -> list[tuple[str, int | None]]:
        return [(w, u.line) for u in self.units for w in words(u.text)]


def words(text: str) -> list[str]:
    """Words as a PDF reader finds them: compatibility forms folded (ligatures), case ignored."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.buffer: list[str] = []
        self.units: list[tuple[str, str, int | None, tuple | None]] = []
        self.links: list[Link] = []
        self.link: tuple[str, list[str]] | None = None
        self.tables = 0
        self.rows: list[int] = []     # row counter of each open table
        self.cells: list[int] = []
        self.skip = 0                 # inside a ¶ permalink

    def _place(self) -> tuple[str, tuple | None]:
        tags = [t for t, _ in self.stack]
        parts, row = [], None
        quotes = tags.count("blockquote")
        if quotes:
            parts.append(f"trích dẫn {quotes}")
        if self.rows and any(t in ("td", "th") for t in tags):
            row = (self.tables, self.rows[-1])
            parts.append(f"ô {self.cells[-1]}")
        depth = sum(1 for t in tags if t in ("ul", "ol"))
        if depth:
            kind = next(t for t in reversed(tags) if t in ("ul", "ol"))
            parts.append(f"{'danh sách số' if kind == 'ol' else 'danh sách'} cấp {depth}")
        heading = next((t for t in reversed(tags) if re.fullmatch(r"h[1-6]", t)), None)
        if heading:
            parts.append(heading)
        if "pre" in tags:
            parts.append("mã")
        return ", ".join(parts) or "đoạn", row

    def _line(self) -> int | None:
        for _, attrs in reversed(self.stack):
            if attrs.get("data-line"):
                return int(attrs["data-line"])
        return None

    def flush(self):
        raw = "".join(self.buffer)
        self.buffer = []
        in_pre = any(t == "pre" for t, _ in self.stack)
        text = raw.strip("\n") if in_pre else _SPACE.sub(" ", raw).strip()
        if text:
            place, row = self._place()
            self.units.append((place, text, self._line(), row))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skip or (tag == "a" and "headerlink" in (attrs.get("class") or "")):
            self.skip += tag not in VOID
            return
        if tag in SEPARATES:
            self.flush()
        if tag == "table":
            self.tables += 1
            self.rows.append(0)
            self.cells.append(0)
        elif tag == "tr" and self.rows:
            self.rows[-1] += 1
            self.cells[-1] = 0
        elif tag in ("td", "th") and self.cells:
            self.cells[-1] += 1
        elif tag == "br":
            self.buffer.append(" ↵ ")
        elif tag == "input" and attrs.get("type") == "checkbox":
            self.buffer.append("☒ " if "checked" in attrs else "☐ ")
        elif tag == "img":
            self.buffer.append(f" [ảnh: {attrs.get('alt') or ''}] ")
        elif tag == "a":
            self.link = (attrs.get("href") or "", [])
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skip:
            self.skip -= 1
            return
        if not any(t == tag for t, _ in self.stack):
            return
        if tag in SEPARATES:
            self.flush()
        while self.stack:
            top, _ = self.stack.pop()
            if top == "table" and self.rows:
                self.rows.pop()
                self.cells.pop()
            if top == "a" and self.link:
                href, text = self.link
                self.links.append(Link(_SPACE.sub(" ", "".join(text)).strip(), href))
                self.link = None
            if top == tag:
                break

    def handle_data(self, data):
        if self.skip:
            return
        self.buffer.append(data)
        if self.link:
            self.link[1].append(data)


def meaning(html: str) -> Meaning:
    """The meaning of an HTML fragment. Table rows are numbered among rows that hold text (an
    empty header row is not printed by every renderer and says nothing)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.flush()
    units, numbering = [], {}
    for place, text, line, row in reader.units:
        if row is not None:
            table, _ = row
            numbering.setdefault(table, {})
            number = numbering[table].setdefault(row, len(numbering[table]) + 1)
            table_no = list(numbering).index(table) + 1
            place = f"bảng {table_no} hàng {number}, {place}"
        units.append(Unit(place, text, line))
    return Meaning(units, reader.links)
