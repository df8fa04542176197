"""The change table ('Theo dõi sửa đổi tài liệu'): one row per issue, the last one current."""
from __future__ import annotations

from ..dates import vn_date
from ..messages import finding
from . import document_rule


@document_rule("change-table-rows")
def change_rows_complete(doc, catalog):
    """Rows are exactly the issues 1..current, once each, in order."""
    if not doc.changes or not doc.revision:
        return
    seen = [row.revision for row in doc.changes]
    expected = list(range(1, doc.revision + 1))
    if seen == expected:
        return
    missing = [n for n in expected if n not in seen]
    extra = sorted({n for n in seen if n is not None and (n > doc.revision or seen.count(n) > 1)})
    parts = []
    if missing:
        parts.append("thiếu dòng cho lần ban hành " + ", ".join(map(str, missing)))
    if extra:
        parts.append("thừa hoặc lặp dòng lần ban hành " + ", ".join(map(str, extra)))
    if not parts:
        parts.append("các dòng chưa xếp theo thứ tự lần ban hành 1, 2, 3...")
    detail = (f"Bảng theo dõi sửa đổi (changes) {'; '.join(parts)}. Mỗi lần ban hành từ 1 đến "
              f"{doc.revision} phải có đúng một dòng, theo thứ tự.")
    yield finding("change-table-rows", doc.path, doc.line("changes"), detail=detail)


@document_rule("change-table-current")
def last_change_is_current(doc, catalog):
    """The last row is the current issue, dated on the effective date."""
    if not doc.changes or not doc.revision:
        return
    last = doc.changes[-1]
    index = len(doc.changes) - 1
    if last.revision != doc.revision:
        yield finding("change-table-current", doc.path, doc.line("changes", index, "revision"),
                      detail=f"Dòng cuối bảng sửa đổi là lần {last.revision} nhưng tài liệu đang ở lần "
                             f"ban hành {doc.revision}. Thêm dòng cho lần {doc.revision} vào cuối bảng.")
    elif doc.effective and last.date and last.date != doc.effective:
        yield finding("change-table-current", doc.path, doc.line("changes", index, "date"),
                      detail=f"Ngày của lần ban hành {doc.revision} trong bảng sửa đổi "
                             f"({vn_date(last.date)}) khác ngày hiệu lực ({vn_date(doc.effective)}). "
                             "Sửa cho hai ngày trùng nhau.")
