"""'Tiến độ kế hoạch năm': the yearly plan's tasks as a month timeline and a table, each task
done / due / overdue as of the build date (the site is rebuilt daily or on every merge)."""
from __future__ import annotations

import re
from datetime import date

from builder.addresses import page_uri
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.model import Document, Task
from builder.documents.text import fold
from builder.markup.literal import cell
from builder.site.markdown import badge, md_link, table
from builder.site.model import GeneratedPage
from builder.site.svg import plan_timeline

PLAN_PAGE = "so-theo-doi/ke-hoach-nam.md"
DUE_DAYS = 30
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
STATE_TONES = {"done": "ok", "late_done": "ok", "overdue": "bad", "due": "warn", "upcoming": "muted",
               "cancelled": "muted"}


def period_months(period: str, due: date | None = None) -> tuple[int, int] | None:
    """First and last month of a period as plans write it: 'Quý II', 'Tháng 02', 'Tháng 9-10',
    '6 tháng đầu năm', 'Cả năm'; else the month of the due date; else None."""
    text = fold(period or "").lower().strip()
    if m := re.search(r"quy\s+(iv|iii|ii|i|[1-4])\b", text):
        q = ROMAN.get(m.group(1)) or int(m.group(1))
        return 3 * q - 2, 3 * q
    if m := re.search(r"thang\s+(\d{1,2})(?:\s*(?:-|–|den thang|den)\s*(\d{1,2}))?", text):
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if 1 <= first <= last <= 12:
            return first, last
    if "6 thang dau" in text:
        return 1, 6
    if "6 thang cuoi" in text:
        return 7, 12
    if any(w in text for w in ("ca nam", "thuong xuyen", "hang thang", "hang quy")):
        return 1, 12
    return (due.month, due.month) if due else None


def task_state(task: Task, today: date, year: int | None = None) -> str:
    """done / late_done / overdue / due / upcoming / cancelled, as of `today`."""
    if task.status == "cancelled":
        return "cancelled"
    if task.status == "done" or task.completed:
        late = task.due and task.completed and task.completed > task.due
        return "late_done" if late else "done"
    if task.due is None:
        months = period_months(task.period)
        if year and months and (year, months[1]) < (today.year, today.month):
            return "overdue"
        return "due" if task.status == "in_progress" else "upcoming"
    if task.due < today:
        return "overdue"
    months = period_months(task.period, task.due)
    started = months is not None and (task.due.year, months[0]) <= (today.year, today.month)
    return "due" if started or (task.due - today).days <= DUE_DAYS else "upcoming"


def plan_section(doc: Document, catalog: Catalog) -> str:
    org = catalog.organisation
    year = doc.year or (doc.effective.year if doc.effective else catalog.today.year)
    states = [task_state(t, catalog.today, year) for t in doc.tasks]
    rows, bars = [], []
    for i, (t, state) in enumerate(zip(doc.tasks, states), 1):
        rows.append([str(i), cell(t.content), cell(t.period), vn_date(t.due) or L.NONE, cell(org.unit_name(t.unit)),
                     badge(L.TASK_STATES[state], STATE_TONES[state]), vn_date(t.completed) or L.NONE])
        bars.append((i, t.content, period_months(t.period, t.due), state))
    counts = {s: states.count(s) for s in ("done", "late_done", "due", "overdue")}
    summary = (f"Tính đến ngày {vn_date(catalog.today)}: {counts['done'] + counts['late_done']}/{len(states)} nội "
               f"dung hoàn thành, {counts['due']} đến hạn, {counts['overdue']} quá hạn.")
    header = ["STT", "Nội dung công việc", "Thời gian", L.TASK_DUE, "Đơn vị chủ trì", L.TASK_STATE, "Ngày hoàn thành"]
    return "\n\n".join([
        f"## {cell(doc.title)}",
        f"Theo [{cell(doc.code)}]({md_link(PLAN_PAGE, page_uri(doc))}). {summary}",
        f"### {L.TIMELINE}", plan_timeline(bars, year, catalog.today),
        table(header, rows)])


def plan_page(catalog: Catalog) -> GeneratedPage:
    plans = sorted((d for d in catalog.of_kind("plan") if d.code and d.status != "withdrawn" and d.tasks),
                   key=lambda d: (-(d.year or 0), d.code))
    out = [f"# {L.PLAN_PROGRESS}",
           "Mỗi nội dung của kế hoạch năm với thời gian, đơn vị chủ trì và tình trạng: hoàn thành, đến hạn (đang "
           f"trong thời gian thực hiện hoặc còn không quá {DUE_DAYS} ngày), quá hạn, chưa đến hạn."]
    out += [plan_section(d, catalog) for d in plans] or ["Chưa có kế hoạch."]
    return GeneratedPage(PLAN_PAGE, "\n\n".join(out) + "\n")
