"""Reading pandoc's JSON AST: plain text of blocks and inlines, and tables as grids.

A Grid is a table with its spans expanded: every (row, column) position holds the cell that
covers it, so "the cell right of the label" or "the cells below 'Phê duyệt'" are simple index
lookups whatever the merges. Tables read from the Word page header (docx_xml.py) become the
same Grid, so one recogniser serves both.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from builder.documents.text import nfc

NO_ATTR = ["", [], []]


@dataclass(eq=False)
class GridCell:
    """One Word cell: its text (paragraphs and line breaks as '\\n'), pandoc blocks when it came
    from the AST, its top-left position and its spans."""

    text: str
    blocks: list = field(default_factory=list)
    row: int = 0
    col: int = 0
    rowspan: int = 1
    colspan: int = 1

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.split("\n") if line.strip()]


@dataclass
class Grid:
    rows: list[list[GridCell | None]]
    block_index: int | None = None   # position in the body's block list; None for page headers

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def at(self, row: int, col: int) -> GridCell | None:
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    def cells(self):
        """Each distinct cell once, in reading order."""
        seen = set()
        for row in self.rows:
            for cell in row:
                if cell is not None and id(cell) not in seen:
                    seen.add(id(cell))
                    yield cell

    def row_cells(self, row: int) -> list[GridCell]:
        """Distinct cells of a row, left to right."""
        out = []
        for cell in self.rows[row] if 0 <= row < len(self.rows) else []:
            if cell is not None and (not out or out[-1] is not cell):
                out.append(cell)
        return out


def inline_text(inlines) -> str:
    out = []
    for node in inlines or []:
        kind, content = node.get("t"), node.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak"):
            out.append(" ")
        elif kind == "LineBreak":
            out.append("\n")
        elif kind in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            out.append(inline_text(content))
        elif kind == "Quoted":
            out.append("“" + inline_text(content[1]) + "”")
        elif kind in ("Cite",):
            out.append(inline_text(content[1]))
        elif kind in ("Link", "Span"):
            out.append(inline_text(content[1] if kind == "Link" else content[1]))
        elif kind in ("Code", "Math"):
            out.append(content[1])
        elif kind == "Note":
            out.append(" " + blocks_text(content))
    return "".join(out)


def blocks_text(blocks) -> str:
    """Text of blocks: one line per paragraph, list item, table row."""
    lines = []
    for block in blocks or []:
        kind, content = block.get("t"), block.get("c")
        if kind in ("Para", "Plain"):
            lines.append(inline_text(content))
        elif kind == "Header":
            lines.append(inline_text(content[2]))
        elif kind == "LineBlock":
            lines += [inline_text(line) for line in content]
        elif kind in ("BulletList",):
            lines += [blocks_text(item) for item in content]
        elif kind == "OrderedList":
            lines += [blocks_text(item) for item in content[1]]
        elif kind in ("BlockQuote",):
            lines.append(blocks_text(content))
        elif kind == "Div":
            lines.append(blocks_text(content[1]))
        elif kind == "Figure":
            lines.append(blocks_text(content[2]))
        elif kind == "Table":
            grid = table_grid(block)
            lines += [" | ".join(c.text.replace("\n", " ") for c in grid.row_cells(r)) for r in range(len(grid.rows))]
        elif kind == "DefinitionList":
            for term, defs in content:
                lines.append(inline_text(term))
                lines += [blocks_text(d) for d in defs]
        elif kind == "CodeBlock":
            lines.append(content[1])
    return nfc("\n".join(line for line in lines if line is not None))


def table_rows(table: dict) -> list:
    """All rows of a pandoc table: head, every body (its head rows then rows), foot."""
    _, _, _, head, bodies, foot = table["c"]
    rows = list(head[1])
    for body in bodies:
        rows += list(body[2]) + list(body[3])
    return rows + list(foot[1])


def table_grid(table: dict, block_index: int | None = None) -> Grid:
    """Expand spans: each covered position refers to the covering cell."""
    grid: list[list[GridCell | None]] = []
    width = len(table["c"][2])
    for r, row in enumerate(table_rows(table)):
        while len(grid) <= r:
            grid.append([None] * width)
        c = 0
        for cell_node in row[1]:
            _, _, rowspan, colspan, blocks = cell_node
            while c < len(grid[r]) and grid[r][c] is not None:
                c += 1
            cell = GridCell(blocks_text(blocks), blocks, r, c, max(rowspan, 1), max(colspan, 1))
            place(grid, cell, width)
            c += cell.colspan
    return Grid(grid, block_index)


def place(grid: list, cell: GridCell, width: int) -> None:
    """Put a cell at every position it covers, growing the grid as needed."""
    for rr in range(cell.row, cell.row + cell.rowspan):
        while len(grid) <= rr:
            grid.append([None] * width)
        for cc in range(cell.col, cell.col + cell.colspan):
            while len(grid[rr]) <= cc:
                grid[rr].append(None)
            if grid[rr][cc] is None:
                grid[rr][cc] = cell
