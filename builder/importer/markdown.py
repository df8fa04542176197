"""Pandoc AST → the Markdown of this project (Python-Markdown as MkDocs reads it).

Written here rather than by pandoc's writer because the site's Markdown differs from pandoc's:
nested lists need four spaces, a table cell holds one line, merged cells do not exist. So:
- tables become pipe tables; a cell merged across rows repeats its text in every row it
  covers when that text is short (each row of a step table reads whole: who does what, in what
  time), while a picture, a long text or a header cell shows once in its first row; a cell
  merged across columns keeps its text in its first column and leaves the others empty; paragraphs
  and list items inside a cell are joined with <br>; a one-column table (a framed box in
  Word) becomes its content;
- lists in any other style than 1. 2. 3. (a), b), i.) become paragraphs keeping their label;
- images link to the files extracted next to the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from builder.importer.ast import table_grid

REPEAT_MAX = 100
_ESCAPE = re.compile(r"([\\`*_\[\]])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(\s)|^(\s*)([-+*](?=\s)|[>#])")


@dataclass
class Writer:
    """Renders blocks; `image` maps an image path of the AST to its link (None drops it)."""

    image: Callable[[str], str | None] = lambda src: src
    images_used: list[str] = field(default_factory=list)

    # --- blocks ---------------------------------------------------------------------------
    def blocks(self, blocks, indent: str = "") -> str:
        parts = [self.block(b, indent) for b in blocks]
        return "\n\n".join(p for p in parts if p.strip())

    def block(self, block, indent: str = "") -> str:
        """One block; anything without a Markdown form (raw LaTeX, unknown nodes) is dropped."""
        kind, c = block.get("t"), block.get("c")
        if kind in ("Para", "Plain"):
            return indent + _protect(self.inlines(c).strip())
        if kind == "Header":
            return indent + "#" * c[0] + " " + self.inlines(c[2]).strip()
        if kind == "BulletList":
            return "\n".join(self.item("- ", item, indent) for item in c)
        if kind == "OrderedList":
            return self.ordered(c, indent)
        if kind == "BlockQuote":
            return "\n".join(indent + "> " + line for line in self.blocks(c).split("\n"))
        if kind == "CodeBlock":
            return f"{indent}```\n{c[1]}\n{indent}```"
        if kind == "HorizontalRule":
            return indent + "* * *"
        if kind == "Table":
            return self.table(block, indent)
        if kind == "Div":
            return self.blocks(c[1], indent)
        if kind == "Figure":
            caption = self.blocks(c[1][1]) if c[1][1] else ""
            return self.blocks(c[2], indent) + (f"\n\n{indent}*{caption}*" if caption else "")
        if kind == "LineBlock":
            return indent + "<br>".join(self.inlines(line) for line in c)
        if kind == "DefinitionList":
            return "\n\n".join(f"{indent}**{self.inlines(term)}**: " +
                               " ".join(self.cell_text(d) for d in defs) for term, defs in c)
        if kind == "RawBlock" and c[0] == "html":
            return indent + c[1]
        return ""

    def item(self, marker: str, blocks, indent: str) -> str:
        """A list item: first block after the marker, the rest indented four spaces."""
        body = self.blocks(blocks, indent + "    ").lstrip()
        return indent + marker + body

    def ordered(self, c, indent: str) -> str:
        """Decimal lists stay lists; a), (i), A. ... become paragraphs keeping their label,
        since Python-Markdown only knows 1. 2. 3."""
        (start, style, delim), items = c
        if style.get("t") in ("Decimal", "DefaultStyle"):
            return "\n".join(self.item(f"{start + i}. ", item, indent) for i, item in enumerate(items))
        labels = [_label(start + i, style.get("t"), delim.get("t")) for i in range(len(items))]
        return "\n\n".join(indent + label + " " + self.blocks(item).lstrip() for label, item in zip(labels, items))

    # --- tables -----------------------------------------------------------------------------
    def table(self, block, indent: str) -> str:
        """A pipe table, spans resolved (see the module docstring)."""
        grid = table_grid(block)
        if grid.width == 0 or not grid.rows:
            return ""
        if grid.width == 1:
            return self.blocks([b for cell in grid.cells() for b in cell.blocks], indent)
        rendered = {}
        rows = []
        for r, row in enumerate(grid.rows):
            line = []
            for col in range(grid.width):
                cell = row[col] if col < len(row) else None
                if cell is None or col != cell.col:     # merged across: shown in its first column
                    line.append("")
                    continue
                if id(cell) not in rendered:
                    rendered[id(cell)] = self.cell_text(cell.blocks)
                text = rendered[id(cell)]
                line.append(text if r == cell.row or _repeatable(text, cell.row) else "")
            rows.append(line)
        head, body = rows[0], rows[1:]
        out = [_row(head), "|" + "---|" * grid.width] + [_row(r) for r in body]
        return "\n".join(indent + line for line in out)

    def cell_text(self, blocks) -> str:
        """One table cell on one line."""
        parts = []
        for block in blocks:
            kind, c = block.get("t"), block.get("c")
            if kind in ("Para", "Plain", "Header"):
                parts.append(self.inlines(c[2] if kind == "Header" else c).strip())
            elif kind == "BulletList":
                parts += ["- " + self.cell_text(item) for item in c]
            elif kind == "OrderedList":
                parts += [f"{c[0][0] + i}. " + self.cell_text(item) for i, item in enumerate(c[1])]
            elif kind == "Table":
                grid = table_grid(block)
                parts += ["; ".join(self.cell_text(cell.blocks) for cell in grid.row_cells(r))
                          for r in range(len(grid.rows))]
            elif kind in ("Div", "BlockQuote"):
                parts.append(self.cell_text(c[1] if kind == "Div" else c))
            elif kind == "LineBlock":
                parts += [self.inlines(line) for line in c]
            elif kind == "Figure":
                parts.append(self.cell_text(c[2]))
        text = "<br>".join(p for p in parts if p)
        return text.replace("|", "\\|").replace("\n", " ")

    # --- inlines ----------------------------------------------------------------------------
    def inlines(self, inlines) -> str:
        out = []
        for node in inlines or []:
            kind, c = node.get("t"), node.get("c")
            if kind == "Str":
                out.append(_escape(c))
            elif kind in ("Space", "SoftBreak"):
                out.append(" ")
            elif kind == "LineBreak":
                out.append("<br>")
            elif kind == "Strong":
                out.append(_wrap("**", self.inlines(c)))
            elif kind == "Emph":
                out.append(_wrap("*", self.inlines(c)))
            elif kind == "Superscript":
                out.append(f"<sup>{self.inlines(c)}</sup>")
            elif kind == "Subscript":
                out.append(f"<sub>{self.inlines(c)}</sub>")
            elif kind in ("Underline", "Strikeout", "SmallCaps"):
                out.append(self.inlines(c))
            elif kind == "Quoted":
                out.append("“" + self.inlines(c[1]) + "”")
            elif kind in ("Span", "Cite"):
                out.append(self.inlines(c[1]))
            elif kind in ("Code",):
                out.append("`" + c[1].replace("`", "'") + "`")
            elif kind == "Math":
                out.append(_escape(c[1]))
            elif kind == "RawInline" and c[0] == "html":
                out.append(c[1])
            elif kind == "Link":
                out.append(self.link(c))
            elif kind == "Image":
                out.append(self.picture(c))
            elif kind == "Note":
                out.append(" (" + " ".join(self.cell_text([b]) for b in c) + ")")
        return "".join(out)

    def link(self, c) -> str:
        text, (url, _) = self.inlines(c[1]).strip(), c[2]
        if not url or url.startswith("#"):
            return text
        return f"[{text or _escape(url)}]({url.replace(' ', '%20').replace(')', '%29')})"

    def picture(self, c) -> str:
        """An image linked to its extracted file; one the Word file does not hold is dropped."""
        target = self.image(c[2][0])
        if target is None:
            return ""
        self.images_used.append(c[2][0])
        return f"![{self.inlines(c[1]).strip()}]({target})"


def _repeatable(text: str, first_row: int) -> bool:
    """A cell merged down repeats in each body row it covers when it is a short text (who, how
    long); a picture (a flow chart beside the steps), a long text or a header cell shows once."""
    return first_row > 0 and len(text) <= REPEAT_MAX and "![" not in text


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text).replace("<", "&lt;")


def _wrap(marker: str, text: str) -> str:
    """**bold** with the spaces Word leaves inside the run moved outside the markers."""
    core = text.strip()
    if not core:
        return text
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{marker}{core}{marker}{trail}"


def _protect(text: str) -> str:
    """Escape what would turn a paragraph into a list, heading or quote ('1. ' at the start)."""
    m = _LINE_START.match(text)
    if not m:
        return text
    if m.group(2):
        return f"{m.group(1)}{m.group(2)}\\{m.group(3)}{m.group(4)}{text[m.end():]}"
    return f"{m.group(5)}\\{m.group(6)}{text[m.end():]}"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _label(n: int, style: str, delim: str) -> str:
    if style in ("LowerAlpha", "UpperAlpha"):
        text = chr(ord("a") + (n - 1) % 26)
        text = text.upper() if style == "UpperAlpha" else text
    elif style in ("LowerRoman", "UpperRoman"):
        text = _roman(n)
        text = text.lower() if style == "LowerRoman" else text
    else:
        text = str(n)
    return {"OneParen": f"{text})", "TwoParens": f"({text})"}.get(delim, f"{text}.")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out
