"""What pandoc does not give: the Word page header, and how much layout a conversion loses.

Agencies often put the control header table (Mã hiệu, Lần ban hành...) in the page header, so
it repeats on every printed page; pandoc's docx reader skips page headers. The header parts
(word/header*.xml) are read here into the same Grid as body tables.

Layout loss (for forms, see LAYOUT_CHECKS) is decided on the raw document.xml.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from builder.documents.text import nfc
from builder.importer.ast import Grid, GridCell, place

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# A form's Word file is kept as the downloadable original when its document.xml shows any of
# these: Markdown tables have no merged cells, no nesting; text boxes, floating shapes, form
# fields, columns and landscape pages have no Markdown equivalent at all.
LAYOUT_CHECKS = {
    "merged-cells": re.compile(r'<w:gridSpan w:val="(?:[2-9]|\d\d)"|<w:vMerge\b'),
    "text-boxes": re.compile(r"<w:txbxContent\b|<v:textbox\b|<w:framePr\b"),
    "shapes": re.compile(r"<wp:anchor\b|<v:shape\b|<wps:wsp\b|<v:rect\b|<v:line\b|<v:oval\b"),
    "form-fields": re.compile(r"FORMCHECKBOX|FORMTEXT|FORMDROPDOWN|<w14:checkbox\b|<w:ffData\b"),
    "columns": re.compile(r'<w:cols\b[^>]*w:num="(?:[2-9]|\d\d)"'),
    "landscape": re.compile(r'w:orient="landscape"'),
}


@dataclass
class PageHeader:
    """Tables and free paragraphs of the Word page headers."""

    grids: list[Grid] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def read_page_header(path: Path) -> PageHeader:
    """Every header part, in part order; an unreadable part is skipped (the body still imports)."""
    out = PageHeader()
    try:
        with zipfile.ZipFile(path) as package:
            names = sorted((n for n in package.namelist() if re.fullmatch(r"word/header\d*\.xml", n)),
                           key=lambda n: int(re.sub(r"\D", "", n) or 0))
            for name in names:
                try:
                    root = ElementTree.fromstring(package.read(name))
                except ElementTree.ParseError:
                    continue
                for child in root:
                    if child.tag == W + "tbl":
                        out.grids.append(xml_grid(child))
                    elif child.tag == W + "p":
                        text = paragraph_text(child)
                        out.lines += [line for line in text.split("\n") if line.strip()]
    except (OSError, zipfile.BadZipFile):
        pass
    return out


def paragraph_text(p) -> str:
    parts = []
    for node in p.iter():
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif node.tag == W + "tab":
            parts.append(" ")
    return nfc("".join(parts))


def _cell_text(tc) -> str:
    return "\n".join(paragraph_text(p) for p in tc if p.tag == W + "p")


def xml_grid(tbl) -> Grid:
    """A w:tbl as a Grid: gridSpan widens a cell, vMerge 'continue' extends the cell above."""
    grid: list[list[GridCell | None]] = []
    for r, tr in enumerate(row for row in tbl if row.tag == W + "tr"):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for tc in (cell for cell in tr if cell.tag == W + "tc"):
            props = tc.find(W + "tcPr")
            span_node = props.find(W + "gridSpan") if props is not None else None
            span = int(span_node.get(W + "val", "1")) if span_node is not None else 1
            merge = props.find(W + "vMerge") if props is not None else None
            while c < len(grid[r]) and grid[r][c] is not None:
                c += 1
            above = grid[r - 1][c] if r and c < len(grid[r - 1]) else None
            if merge is not None and merge.get(W + "val") != "restart" and above is not None:
                above.rowspan += 1
                for cc in range(c, c + span):
                    while len(grid[r]) <= cc:
                        grid[r].append(None)
                    grid[r][cc] = above
            else:
                place(grid, GridCell(_cell_text(tc), [], r, c, 1, span), 0)
            c += span
    return Grid(grid)


def layout_losses(path: Path) -> list[str]:
    """Keys of LAYOUT_CHECKS (plus 'nested-tables') that the Word body shows."""
    try:
        with zipfile.ZipFile(path) as package:
            xml = package.read("word/document.xml").decode("utf-8", errors="replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return []
    found = [key for key, pattern in LAYOUT_CHECKS.items() if pattern.search(xml)]
    if _has_nested_table(xml):
        found.append("nested-tables")
    return sorted(found)


def _has_nested_table(xml: str) -> bool:
    """A table inside a table cell: count open tables along the text, cheaper than a parse."""
    depth = 0
    for m in re.finditer(r"<w:tbl>|<w:tbl\s|</w:tbl>", xml):
        depth += -1 if m.group(0) == "</w:tbl>" else 1
        if depth > 1:
            return True
    return False
