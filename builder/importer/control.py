"""Recognising the control tables of a Word procedure in their common layouts.

- control header: 'Mã hiệu: QT.01' inside a cell, a label cell with its value to the right,
  or a row of labels with the values below;
- sign-off grid: roles (Soạn thảo / Xem xét / Phê duyệt) along a row (one column per role) or
  down a column (one row per role), with or without field labels (Họ và tên, Chức vụ, Ngày);
  without labels each line is classified by its content (date, position, name);
- change table ('Theo dõi sửa đổi tài liệu') and records table: columns found by header words.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from builder.importer.ast import Grid, GridCell
from builder.importer.words import (CHANGE_COLUMNS, CHANGE_TITLE,
                                    HEADER_LABELS, KIND_WORDS, RECORD_COLUMNS,
                                    SIGNOFF_FIELDS, SIGNOFF_NOISE,
                                    SIGNOFF_ROLES, find_date, label_of,
                                    label_value, looks_like_name,
                                    looks_like_position, norm, starts_with_any)

SHORT = 60   # a label or role cell is short; longer cells are content
ON_BEHALF = ("kt.", "kt ", "tl.", "tl ", "tm.", "tm ", "q.", "ktl")   # ký thay, thừa lệnh, thay mặt, quyền


@dataclass
class SignOffFound:
    role: str
    name: str | None = None
    position: str | None = None
    date: datetime.date | None = None


@dataclass
class ChangeFound:
    revision: str = ""
    date: str = ""
    section: str = ""
    description: str = ""


@dataclass
class ControlInfo:
    values: dict[str, str] = field(default_factory=dict)   # code, revision, effective, issued, title

    def merge(self, other: dict[str, str]) -> None:
        for key, value in other.items():
            if value and not self.values.get(key):
                self.values[key] = value


# --- control header ----------------------------------------------------------------------------

def control_values(grid: Grid) -> dict[str, str]:
    """Labelled values of a table: inline 'label: value', value right of a label cell, or
    value below a label cell; plus the title cell ('QUY TRÌNH ...')."""
    found: dict[str, str] = {}
    for cell in grid.cells():
        for line in cell.lines:
            pair = label_value(line, HEADER_LABELS)
            if pair and pair[1] and pair[0] not in found:
                found[pair[0]] = pair[1]
        key = label_of(cell.text, HEADER_LABELS) if len(cell.text) < SHORT else None
        if key and key not in found:
            value = _neighbour_value(grid, cell)
            if value:
                found[key] = value
    title = _title_cell(grid)
    if title and "title" not in found:
        found["title"] = title
    return found


def _neighbour_value(grid: Grid, cell: GridCell) -> str | None:
    """The text right of a label cell, else below it, when that is not a label itself."""
    for candidate in (grid.at(cell.row, cell.col + cell.colspan), grid.at(cell.row + cell.rowspan, cell.col)):
        if candidate is not None and candidate is not cell and candidate.text.strip() \
                and not label_of(candidate.text, HEADER_LABELS):
            return " ".join(candidate.lines)
    return None


def _title_cell(grid: Grid) -> str | None:
    """A cell that starts with the kind of document: 'QUY TRÌNH\\nKIỂM SOÁT TÀI LIỆU'."""
    for cell in grid.cells():
        folded = norm(cell.text)
        if any(starts_with_any(folded, KIND_WORDS[k]) for k in ("procedure", "guide", "plan", "policy",
                                                                "objectives")):
            if not label_value(cell.lines[0], HEADER_LABELS):
                return " ".join(cell.lines)
    return None


def is_control_header(values: dict[str, str]) -> bool:
    """Two labelled values (a lone 'Mã hiệu' column is a list of forms, not a header)."""
    labelled = {k for k in values if k in ("code", "revision", "effective", "issued")}
    return len(labelled) >= 2 or ("code" in labelled and "title" in values)


# --- sign-off grid -----------------------------------------------------------------------------------

def _role_cells(grid: Grid) -> dict[str, GridCell]:
    roles: dict[str, GridCell] = {}
    for cell in grid.cells():
        if not cell.lines or len(cell.lines[0]) > SHORT:
            continue
        first = norm(re.sub(r"\(.*?\)", "", cell.lines[0]))
        for role, phrases in SIGNOFF_ROLES.items():
            if role not in roles and first in phrases:
                roles[role] = cell
    return roles


@dataclass
class SignOffGrid:
    found: dict[str, SignOffFound]
    leftovers: list[str]      # lines of the table that went nowhere (the table stays in the body)


def signoffs(grid: Grid, known_positions: list[str]) -> SignOffGrid | None:
    """The sign-off grid's content per role, or None when the table is not a sign-off grid.
    Every line of the table is accounted for: a role or field label, a blank-to-sign note, or
    a name, position or date taken into the front matter; the rest is a leftover."""
    roles = _role_cells(grid)
    if len(roles) < 2:
        return None
    cells = list(roles.values())
    if len({c.row for c in cells}) == 1:
        along = "row"
    elif len({c.col for c in cells}) == 1:
        along = "col"
    else:
        return None
    out, used = {}, set()
    for role, cell in roles.items():
        found = SignOffFound(role)
        used.add((id(cell), 0))
        for label, line, key in _signoff_lines(grid, cell, along):
            if _classify(found, label, line, known_positions):
                used.add(key)
        out[role] = found
    # Step names 'Soạn thảo', 'Xem xét', 'Phê duyệt' down a step table are not a sign-off grid:
    # a grid names at least one person.
    if not any(f.name for f in out.values()):
        return None
    return SignOffGrid(out, _leftovers(grid, used))


def _leftovers(grid: Grid, used: set) -> list[str]:
    """Lines of a sign-off grid that are neither labels, notes nor taken into a sign-off."""
    out = []
    for cell in grid.cells():
        for n, line in enumerate(cell.lines):
            text = " ".join(line.split())
            folded = norm(text)
            if not text or (id(cell), n) in used or SIGNOFF_NOISE.match(folded) \
                    or label_of(text, SIGNOFF_FIELDS) or any(folded in p for p in SIGNOFF_ROLES.values()):
                continue
            out.append(text)
    return out


def _signoff_lines(grid: Grid, role_cell: GridCell, along: str):
    """(field label or None, line, (cell id, line number)) for the role cell's own extra lines
    and the cells that follow it: below for roles along a row, to the right for roles down a
    column."""
    for n, line in enumerate(role_cell.lines[1:], 1):
        yield None, line, (id(role_cell), n)
    seen = {id(role_cell)}
    if along == "row":
        positions = [(r, role_cell.col) for r in range(role_cell.row + role_cell.rowspan, len(grid.rows))]
    else:
        positions = [(role_cell.row, c) for c in range(role_cell.col + role_cell.colspan, grid.width)]
    for r, c in positions:
        cell = grid.at(r, c)
        if cell is None or id(cell) in seen:
            continue
        seen.add(id(cell))
        label_cell = grid.at(r, 0) if along == "row" else grid.at(0, c)
        label = None
        if label_cell is not None and label_cell is not cell and len(label_cell.text) < SHORT:
            label = label_of(label_cell.text, SIGNOFF_FIELDS)
        for n, line in enumerate(cell.lines):
            yield label, line, (id(cell), n)


def _classify(found: SignOffFound, label: str | None, line: str, known_positions: list[str]) -> bool:
    """Put one line where it belongs; the field label wins, otherwise the content decides.
    True when the line is accounted for (taken, or a note such as '(đã ký)')."""
    folded = norm(line)
    if SIGNOFF_NOISE.match(folded) or label == "signature" or not line.strip():
        return True
    pair = label_value(line, SIGNOFF_FIELDS)
    if pair:
        label, line = pair
    when = find_date(line)
    if label == "date" or (label is None and when):
        if found.date and when and found.date != when:
            return False
        found.date = found.date or when
        return when is not None
    if label == "position" or (label is None and looks_like_position(line, known_positions)):
        # 'KT. GIÁM ĐỐC' / 'PHÓ GIÁM ĐỐC': signing on behalf, the position is the next line
        if not found.position or norm(found.position).startswith(ON_BEHALF):
            found.position = " ".join(line.split())
        return True
    if label == "name" or (label is None and looks_like_name(line)):
        name = " ".join(line.split())
        if found.name and found.name != name:
            return False
        found.name = name
        return True
    return False


# --- change table and records table ----------------------------------------------------------------

def _columns(grid: Grid, row: int, table: dict) -> dict[str, int]:
    """Column index per key from the header words of one row (first match per key)."""
    out: dict[str, int] = {}
    for cell in grid.row_cells(row):
        folded = " ".join(norm(cell.text).replace("/", " ").replace(",", " ").split())
        for key, phrases in table.items():
            # short words ('lần', 'ngày', 'mục') only as the whole header, longer ones as its start
            if key not in out and any(folded == p or (len(p) > 4 and folded.startswith(p + " "))
                                      for p in phrases):
                out[key] = cell.col
                break
    return out


def is_change_title(text: str) -> bool:
    folded = norm(text)
    return len(folded) < 80 and any(phrase in folded for phrase in CHANGE_TITLE)


@dataclass
class ChangeTable:
    rows: list[ChangeFound]
    leftovers: list[str]      # text of columns that map to no field (the table stays in the body)


def change_rows(grid: Grid, titled: bool) -> ChangeTable | None:
    """Rows of a change table, whatever the order of its columns; `titled` when the paragraph
    before the table names it."""
    for header in range(min(3, len(grid.rows))):
        first = grid.row_cells(header)
        if len(first) == 1 and is_change_title(first[0].text):
            titled = True
            continue
        cols = _columns(grid, header, CHANGE_COLUMNS)
        if "revision" in cols and "description" in cols and (titled or "date" in cols):
            rows = [row for r in range(header + 1, len(grid.rows)) if (row := _change_row(grid, r, cols))]
            mapped = set(cols.values()) | _numbering_column(grid, header, cols)
            leftovers = [" ".join(c.text.split()) for r in range(header, len(grid.rows)) for c in grid.row_cells(r)
                         if c.col not in mapped and c.text.strip()]
            return ChangeTable(rows, leftovers)
    return None


def _numbering_column(grid: Grid, header: int, cols: dict[str, int]) -> set[int]:
    """A 'TT' / 'STT' column numbers the rows: it holds nothing the front matter needs."""
    out = set()
    for cell in grid.row_cells(header):
        if cell.col not in cols.values() and norm(cell.text) in ("tt", "stt", "so tt", "so thu tu"):
            out.add(cell.col)
    return out


def _change_row(grid: Grid, r: int, cols: dict[str, int]) -> ChangeFound | None:
    def text(key):
        cell = grid.at(r, cols[key]) if key in cols else None
        return "; ".join(cell.lines) if cell is not None else ""
    row = ChangeFound(text("revision"), text("date"), text("section"), text("description"))
    return row if any((row.revision, row.date, row.description)) else None


def record_rows(grid: Grid) -> list[dict[str, str]] | None:
    """Rows of a 'Hồ sơ cần lưu' table (name, keeper, retention, form)."""
    if not grid.rows:
        return None
    cols = _columns(grid, 0, RECORD_COLUMNS)
    if "name" not in cols or "retention" not in cols:
        return None
    out = []
    for r in range(1, len(grid.rows)):
        row = {}
        for key, c in cols.items():
            cell = grid.at(r, c)
            row[key] = "; ".join(cell.lines) if cell is not None else ""
        if row.get("name"):
            out.append(row)
    return out
