"""The site page 'Văn bản pháp luật thay đổi': each legal change, the documents it affects,
their deadline and state (updated / due in N days / overdue)."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import add_months, vn_date
from builder.documents.labels import revision_label
from builder.legal.changes import changes_of, citation_index, impacts
from builder.markup.literal import cell
from builder.site.markdown import link
from builder.site.model import GeneratedPage

LAW_CHANGES_PAGE = "van-ban-phap-luat-thay-doi.md"
STATE_ORDER = {"overdue": 0, "due": 1, "pending": 2, "updated": 3, "moved": 4}


def key(change) -> tuple:
    return change.old.number, change.new.number, change.relation


def state_label(state: str, days_left: int) -> str:
    if state == "overdue":
        return f'<span class="qms-badge qms-badge-withdrawn">Quá hạn {-days_left} ngày</span>'
    if state == "due":
        return f'<span class="qms-badge qms-badge-draft">Còn {days_left} ngày</span>'
    if state == "pending":
        return "Văn bản mới chưa có hiệu lực"
    if state == "moved":
        return '<span class="qms-badge qms-badge-effective">Đã cập nhật (viện dẫn văn bản mới)</span>'
    return '<span class="qms-badge qms-badge-effective">Đã cập nhật</span>'


def legal_changes_page(catalog: Catalog) -> GeneratedPage:
    months = catalog.organisation.legal_update_months
    by_change: dict = {}
    for impact in impacts(catalog):
        by_change.setdefault(key(impact.change), []).append((impact.state, impact.days_left, impact.document))
    index = catalog.memo("citations", lambda: citation_index(catalog))
    out = [f"# {L.LAW_CHANGES}",
           f"Khi văn bản pháp luật mà tài liệu viện dẫn bị thay thế, sửa đổi hoặc bãi bỏ, tài liệu phải được "
           f"ban hành lần mới trong {months} tháng kể từ ngày văn bản mới có hiệu lực (khoản 4 Điều 4 "
           f"Quyết định số 19/2014/QĐ-TTg). Cập nhật ngày {vn_date(catalog.today)}."]
    changes = sorted(changes_of(catalog), key=lambda c: (
        min((STATE_ORDER[s] for s, _, _ in by_change.get(key(c), [])), default=4), -c.date.toordinal()))
    if not changes:
        out.append("Sổ văn bản pháp luật chưa ghi nhận thay đổi nào.")
    for change in changes:
        due = add_months(change.date, months)
        rows = by_change.get(key(change))
        if rows is None and change.date > catalog.today:
            rows = [("pending", 0, d) for d, _ in index.get(change.old.number, []) if d.status == "effective"]
        out.append(f"## {cell(change.old.number)} → {cell(change.new.number)}\n\n"
                   f"{cell(change.describe())}: {cell(change.new.title)}. Hiệu lực từ {vn_date(change.date)}; "
                   f"hạn cập nhật tài liệu {vn_date(due)}.")
        citing_old = {d.code for d, _ in index.get(change.old.number, [])}
        rows = list(rows or []) + [("moved", 0, d) for d, _ in index.get(change.new.number, [])
                                   if d.status == "effective" and d.code not in citing_old]
        if not rows:
            out.append("Không có tài liệu đang áp dụng nào viện dẫn văn bản cũ hoặc văn bản mới.")
            continue
        table = ["| Mã hiệu | Tên tài liệu | Lần ban hành | Ngày hiệu lực | Tình trạng |", "|---|---|---|---|---|"]
        seen = set()
        for state, days, doc in sorted(rows, key=lambda r: (STATE_ORDER[r[0]], r[2].code)):
            if doc.code in seen:
                continue
            seen.add(doc.code)
            table.append(f"| [{cell(doc.code)}]({link(doc, LAW_CHANGES_PAGE)}) | {cell(doc.title)} | "
                         f"{revision_label(doc.revision)} | {vn_date(doc.effective)} | {state_label(state, days)} |")
        out.append("\n".join(table))
    return GeneratedPage(LAW_CHANGES_PAGE, "\n\n".join(out) + "\n")
