"""`qms new`: a well-formed draft with the next free code, ready to edit."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.catalog import Catalog
from builder.documents.labels import did_you_mean
from builder.documents.schema import FORM_PARENT_KINDS, KINDS
from builder.documents.text import slug
from builder.storage.atomic import atomic_write_text

PROCEDURE_BODY = """\
## 1. Mục đích

<!-- Nêu mục đích của quy trình. -->

## 2. Phạm vi áp dụng

<!-- Đối tượng, đơn vị, thủ tục áp dụng. -->

## 3. Tài liệu viện dẫn

<!-- Ví dụ: Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ. Khai báo các
văn bản này cả trong trường legal_basis. -->

## 4. Định nghĩa và từ viết tắt

## 5. Nội dung quy trình

| Bước | Nội dung công việc | Trách nhiệm | Thời gian | Biểu mẫu/Kết quả |
|---|---|---|---|---|
| B1 | | | | |

## 6. Biểu mẫu

## 7. Hồ sơ cần lưu
"""

FORM_BODY = """\
**{title}**

<!-- Nội dung biểu mẫu: các trường để trống cho người dùng ghi, bảng... -->
"""

GENERIC_BODY = """\
<!-- Nội dung tài liệu. -->
"""


@dataclass
class NewDocumentError(Exception):
    message: str


def next_code(catalog: Catalog, kind: str, unit: str, year: int) -> str:
    """The next free code of the kind: one more than the highest number in use."""
    pattern = catalog.organisation.code_pattern(kind)
    if pattern is None:
        raise NewDocumentError(f"Chưa cấu hình mẫu mã hiệu cho loại '{kind}' trong organisation.yml.")
    used = {d.code for d in catalog.documents}
    if not pattern.numbered:
        code = pattern.make(1, year, unit)
        if code in used:
            raise NewDocumentError(f"Mã hiệu '{code}' đã tồn tại. Sửa tài liệu đó (ban hành lần mới) "
                                   "thay vì tạo tài liệu mới.")
        return code
    numbers = (pattern.number_of(code, unit) for code in used)
    highest = max((n for n in numbers if n is not None), default=0)
    return pattern.make(highest + 1, year, unit)


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_draft(code: str, kind: str, title: str, unit: str, parent: str | None, year: int) -> str:
    lines = ["---", f"code: {code}", f"kind: {kind}", f"title: {_yaml_text(title)}", f"unit: {unit}",
             "revision: 1", "status: draft"]
    if kind == "form":
        lines.append(f"procedure: {parent}")
    if kind in FORM_PARENT_KINDS:
        lines += ["legal_basis: []", "forms: []", "records: []"]
    if kind in ("objectives", "plan"):
        lines.append(f"year: {year}")
        lines.append("targets: []" if kind == "objectives" else "tasks: []")
    lines.append("---")
    if kind in FORM_PARENT_KINDS:
        body = PROCEDURE_BODY
    elif kind == "form":
        body = FORM_BODY.format(title=title)
    else:
        body = GENERIC_BODY
    return "\n".join(lines) + "\n\n" + body


def create_draft(catalog: Catalog, kind: str, unit: str, title: str, parent: str | None = None,
                 today: date | None = None) -> Path:
    """Write the draft file and return its path; refuse what would make a broken document."""
    if kind not in KINDS:
        raise NewDocumentError(f"Loại tài liệu '{kind}' không hợp lệ. Dùng: {', '.join(KINDS)}.")
    org = catalog.organisation
    if unit not in org.units:
        raise NewDocumentError(f"Không có đơn vị mã '{unit}'.{did_you_mean(unit, org.units)} Các đơn vị: "
                               f"{', '.join(org.units) or '(chưa khai báo đơn vị nào trong organisation.yml)'}.")
    if org.units[unit].dissolved:
        raise NewDocumentError(f"Đơn vị '{unit}' đã giải thể; dùng đơn vị kế thừa "
                               f"'{org.units[unit].successor}'.")
    if not title.strip():
        raise NewDocumentError("Tên tài liệu (--title) không được để trống.")
    if kind == "form":
        target = catalog.get(parent or "")
        if target is None or target.kind not in FORM_PARENT_KINDS:
            raise NewDocumentError("Biểu mẫu phải thuộc một quy trình có thật: thêm --procedure MÃ_QUY_TRÌNH.")
    year = (today or catalog.today).year
    code = next_code(catalog, kind, unit, year)
    folder = "forms" if kind == "form" else "procedures"
    path = catalog.root / folder / f"{code}-{slug(title)[:60]}.md"
    if path.exists():
        raise NewDocumentError(f"Tệp {path} đã tồn tại.")
    atomic_write_text(path, render_draft(code, kind, title.strip(), unit, parent, year))
    return path
