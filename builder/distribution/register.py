"""The distribution register (sổ theo dõi phân phối): every controlled copy handed out.

One CSV file in the repository, registers/distribution.csv, one row per copy, its columns in
this fixed order (the header row names them in Vietnamese, as the person who opens the file in
Excel reads them; a program reads the columns by position, or the header written in English
before, which is still accepted):

    Mã hiệu,Lần ban hành,Số bản,Đơn vị nhận,Ngày cấp,Người cấp,Ngày thu hồi,Người thu hồi
    (code,revision,copy,unit,issued,issued_by,recalled,recalled_by)

Copy numbers run per document code across its issues (QT.01 copies 1, 2, 3... whatever the
issue), so `qms recall QT.01 --done 3` names one copy without ambiguity. The file is only
rewritten under a lock and atomically, so two `qms issue-copy` at once never share or skip a
number, and a crash never leaves half a file. It is saved with a UTF-8 BOM so that Excel
opens the Vietnamese text correctly; dates are written 2026-11-21.
"""
from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from builder.documents.dates import parse_date
from builder.documents.text import DecodeProblem, decode
from builder.storage.atomic import atomic_write_bytes
from builder.storage.lock import exclusive

REGISTER = "registers/distribution.csv"
LOCK = ".qms-cache/locks/distribution.lock"
FIELDS = ("code", "revision", "copy", "unit", "issued", "issued_by", "recalled", "recalled_by")
HEADER = ("Mã hiệu", "Lần ban hành", "Số bản", "Đơn vị nhận", "Ngày cấp", "Người cấp", "Ngày thu hồi",
          "Người thu hồi")
COLUMN_WORDS = dict(zip(FIELDS, HEADER))


@dataclass(frozen=True)
class Copy:
    code: str
    revision: int
    copy: int
    unit: str
    issued: date
    issued_by: str
    recalled: date | None = None
    recalled_by: str = ""
    line: int = 0            # line in the register file (0 for a copy not yet written)

    @property
    def out(self) -> bool:
        return self.recalled is None


@dataclass(frozen=True)
class Problem:
    line: int
    detail: str


class RegisterError(Exception):
    """The register cannot be used as it is (it must be fixed before new copies are recorded)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"dòng {p.line}: {p.detail}" for p in problems))
        self.problems = problems


def load(root: Path) -> tuple[list[Copy], list[Problem]]:
    """Read the register; a missing file is an empty register; problems are values."""
    path = Path(root) / REGISTER
    if not path.is_file():
        return [], []
    text = decode(path.read_bytes())
    if isinstance(text, DecodeProblem):
        return [], [Problem(text.line, "Tệp không đọc được bằng bảng mã UTF-8.")]
    return parse(text)


def parse(text: str) -> tuple[list[Copy], list[Problem]]:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or tuple(c.strip() for c in rows[0]) not in (HEADER, FIELDS):
        return [], [Problem(1, f"Dòng đầu phải là: {','.join(HEADER)}.")]
    copies, problems, seen = [], [], {}
    for line, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        item = _row(row, line)
        if isinstance(item, Problem):
            problems.append(item)
        elif (item.code, item.copy) in seen:
            problems.append(Problem(line, f"Bản số {item.copy} của {item.code} đã ghi ở dòng "
                                          f"{seen[(item.code, item.copy)]}."))
        else:
            seen[(item.code, item.copy)] = line
            copies.append(item)
    return copies, problems


def _row(row: list[str], line: int) -> Copy | Problem:
    """One register row, or what is wrong with it."""
    if len(row) != len(FIELDS):
        return Problem(line, f"Dòng có {len(row)} cột, cần {len(FIELDS)} cột ({','.join(HEADER)}).")
    values = dict(zip(FIELDS, (cell.strip() for cell in row)))
    for key in ("revision", "copy"):
        if not values[key].isdigit() or int(values[key]) < 1:
            return Problem(line, f"Cột '{COLUMN_WORDS[key]}' phải là số nguyên dương, không phải '{values[key]}'.")
    issued = parse_date(values["issued"])
    recalled = parse_date(values["recalled"]) if values["recalled"] else None
    if issued is None or (values["recalled"] and recalled is None):
        bad = values["issued"] if issued is None else values["recalled"]
        return Problem(line, f"'{bad}' không phải ngày hợp lệ (viết dạng 2026-01-15).")
    if not values["code"] or not values["unit"]:
        return Problem(line, "Thiếu mã hiệu hoặc đơn vị nhận.")
    return Copy(values["code"], int(values["revision"]), int(values["copy"]), values["unit"], issued,
                values["issued_by"], recalled, values["recalled_by"], line)


def render(copies: list[Copy]) -> bytes:
    """The register file: header, then copies by code and copy number."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for c in sorted(copies, key=lambda c: (c.code, c.copy)):
        writer.writerow([c.code, c.revision, c.copy, c.unit, c.issued.isoformat(), c.issued_by,
                         c.recalled.isoformat() if c.recalled else "", c.recalled_by])
    return buffer.getvalue().encode("utf-8-sig")


def of_code(copies: list[Copy], code: str) -> list[Copy]:
    return sorted((c for c in copies if c.code == code), key=lambda c: c.copy)


def to_recall(copies: list[Copy], code: str, revision: int | None, withdrawn: bool = False) -> list[Copy]:
    """Copies still out that are no longer valid: older issues, or every copy of a withdrawn document."""
    return [c for c in of_code(copies, code) if c.out and (withdrawn or revision is None or c.revision < revision)]


@contextmanager
def locked(root: Path):
    """Read the register under the lock; yield (copies, save) where save(copies) writes it."""
    root = Path(root)
    with exclusive(root / LOCK):
        copies, problems = load(root)
        if problems:
            raise RegisterError(problems)
        yield copies, lambda new: atomic_write_bytes(root / REGISTER, render(new))


def next_numbers(copies: list[Copy], code: str, count: int) -> list[int]:
    start = max((c.copy for c in copies if c.code == code), default=0) + 1
    return list(range(start, start + count))


def mark_recalled(copies: list[Copy], code: str, numbers: list[int], by: str, when: date) -> tuple[list[Copy], list[int]]:
    """The register with those copies recalled, and the numbers that were not found or already back."""
    wanted, done, out = set(numbers), set(), []
    for c in copies:
        if c.code == code and c.copy in wanted and c.out:
            c = replace(c, recalled=when, recalled_by=by)
            done.add(c.copy)
        out.append(c)
    return out, sorted(wanted - done)
