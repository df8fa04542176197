"""CODEOWNERS from the organisation: a change to a unit's documents needs its head's review."""
from __future__ import annotations

from builder.catalog import Catalog

HEADER = """\
# Tệp do lệnh 'qms codeowners' tạo từ site_config/organisation.yml: không sửa tay.
# Pull request sửa tài liệu của một đơn vị cần trưởng đơn vị đó duyệt (review).
"""


def _owner(catalog: Catalog, unit_id: str) -> tuple[str | None, str]:
    """(@account of the unit head or None, readable description of the head)."""
    org = catalog.organisation
    unit = org.units.get(unit_id)
    head = org.people.get(unit.head) if unit and unit.head else None
    if head is None:
        return None, "chưa khai báo trưởng đơn vị (units[].head)"
    if not head.account:
        return None, f"{head.name} chưa khai báo tài khoản (people[].account)"
    return f"@{head.account}", head.name


def codeowners(catalog: Catalog) -> str:
    """One block per unit: the head, then one line per document file of that unit."""
    org = catalog.organisation
    lines = [HEADER]
    top = next((u for u in org.units.values() if not u.parent), None)
    top_owner = _owner(catalog, top.id)[0] if top else None
    if top_owner:
        lines.append(f"# Cấu hình hệ thống, khóa ký và chữ ký số: lãnh đạo cơ quan\n/site_config/ {top_owner}\n"
                     f"/mkdocs.yml {top_owner}\n/signatures/ {top_owner}\n/CODEOWNERS {top_owner}\n")
    by_unit: dict[str, list] = {}
    for doc in sorted(catalog.documents, key=lambda d: d.path):
        by_unit.setdefault(doc.unit, []).append(doc)
    for unit_id, docs in sorted(by_unit.items()):
        owner, who = _owner(catalog, unit_id)
        lines.append(f"# {unit_id} - {org.unit_name(unit_id)} - trưởng đơn vị: {who}")
        for doc in docs:
            lines.append(f"/{doc.path} {owner}" if owner else f"# /{doc.path} (chưa có người duyệt)")
        lines.append("")
    return "\n".join(lines)
