"""`qms reassign UNIT --to SUCCESSOR`: move a dissolved unit's documents to its successor.

Only the `unit:` line of each file changes (atomically); the change-table row belongs to the
document's next issue and is left to the document controller.
"""
from __future__ import annotations

from dataclasses import dataclass

from builder.catalog import Catalog
from builder.documents.front_matter_edit import FrontMatterError, set_key
from builder.documents.labels import did_you_mean
from builder.storage.atomic import atomic_write_bytes


class ReassignError(Exception):
    """Why the reassignment cannot be done (Vietnamese)."""


@dataclass(frozen=True)
class Moved:
    code: str
    title: str
    path: str
    status: str


def reassign(catalog: Catalog, unit: str, successor: str, force: bool = False) -> tuple[list[Moved], list[Moved]]:
    """Returns (moved documents, withdrawn documents left with the old unit for the record). A
    unit still in operation (no dissolution date reached) keeps its documents unless `force`."""
    units = catalog.organisation.units
    if unit not in units:
        raise ReassignError(f"Không có đơn vị mã '{unit}'." + did_you_mean(unit, units))
    source = units[unit]
    if not force and not (source.dissolved and source.dissolved <= catalog.today):
        raise ReassignError(f"Đơn vị '{unit}' chưa giải thể (organisation.yml không ghi 'dissolved' đã đến "
                            "ngày). Ghi ngày giải thể cho đơn vị này, hoặc chạy lại với --force nếu thật sự "
                            "muốn chuyển tài liệu của một đơn vị đang hoạt động.")
    target = units.get(successor)
    if target is None:
        raise ReassignError(f"Không có đơn vị kế thừa mã '{successor}'." + did_you_mean(successor, units))
    if target.dissolved and target.dissolved <= catalog.today:
        raise ReassignError(f"Đơn vị '{successor}' cũng đã giải thể; chọn đơn vị đang hoạt động.")
    moved, left = [], []
    for doc in sorted(catalog.documents, key=lambda d: d.code):
        if doc.unit != unit:
            continue
        item = Moved(doc.code, doc.title, doc.path, doc.status)
        if doc.status == "withdrawn":
            left.append(item)
            continue
        path = catalog.root / doc.path
        try:
            atomic_write_bytes(path, set_key(path.read_bytes(), "unit", f"unit: {successor}"))
        except FrontMatterError as exc:
            raise ReassignError(f"{doc.path}: {exc}") from None
        moved.append(item)
    return moved, left
