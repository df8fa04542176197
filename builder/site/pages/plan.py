"""'Tiến độ kế hoạch năm': the yearly plan's tasks as a month timeline and a table, each task
done / due / overdue as of the build date (the site is rebuilt daily or on every merge)."""
from __future__ import annotations

import re
from datetime import date, timedelta

from builder.addresses import page_uri
from builder.catalog import Catalog, year_of
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
STATE_TONES = {"done": "ok", "late_done": "ok", "overdue": "bad", "due": "warn", "in_progress": "info",
               "upcoming": "muted", "event": "muted", "cancelled": "muted"}
# Periods tied to an event, not to the calendar, as yearly plans write them: "Định kỳ hoặc đột xuất
# theo yêu cầu", "Khi có thông báo tổ chức lớp tập huấn", "Theo kế hoạch kiểm tra của tỉnh".
EVENT_WORDS = ("dot xuat", "khi co", "theo yeu cau", "khi phat sinh", "theo ke hoach kiem tra", "khi can")


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


def is_event_driven(period: str) -> bool:
    """A period that waits for an event ('khi có thông báo...', 'đột xuất theo yêu cầu')."""
    text = fold(period or "").lower()
    return any(w in text for w in EVENT_WORDS)


def task_state(task: Task, today: date, year: int | None = None) -> str:
    """done / late_done / overdue / due / in_progress / upcoming / event / cancelled, as of
    `today`. Due: the deadline (or the end of the period) is at most DUE_DAYS away; in progress:
    the period has started but its end is further away; event: the task waits for an event."""
    if task.status == "cancelled":
        return "cancelled"
    finished = task.status == "done" or task.completed
    if finished and not (task.completed and task.completed > today):   # done, and by that day
        late = task.due and task.completed and task.completed > task.due
        return "late_done" if late else "done"
    if is_event_driven(task.period) and task.due is None:
        return "in_progress" if task.status == "in_progress" else "event"
    year = task.due.year if task.due else (year or today.year)
    months = period_months(task.period, task.due)
    end = task.due or (_month_end(year, months[1]) if months else None)
    if end is None:
        return "in_progress" if task.status == "in_progress" else "upcoming"
    if end < today:
        return "overdue"
    if (end - today).days <= DUE_DAYS:
        return "due"
    started = task.status == "in_progress" or (months is not None and (year, months[0]) <= (today.year, today.month))
    return "in_progress" if started else "upcoming"


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def current_plans(catalog: Catalog) -> list[Document]:
    """This year's plans in force: plans of past years are archived, and next year's plan
    (approved in December) has nothing due yet; neither counts on the to-do list."""
    return [d for d in catalog.of_kind("plan") if d.code and d.status == "effective" and d.tasks
            and (year_of(d) or catalog.today.year) == catalog.today.year]


def plan_section(doc: Document, catalog: Catalog, level: str = "##") -> str:
    """The plan's timeline and table, as of today; a plan of a past year as of its last day."""
    org = catalog.organisation
    year = year_of(doc) or catalog.today.year
    as_of = min(catalog.today, date(year, 12, 31))
    states = [task_state(t, as_of, year) for t in doc.tasks]
    rows, bars = [], []
    for i, (t, state) in enumerate(zip(doc.tasks, states), 1):
        rows.append([str(i), cell(t.content), cell(t.period), vn_date(t.due) or L.NONE, cell(org.unit_names(t.units)),
                     badge(L.TASK_STATES[state], STATE_TONES[state]), vn_date(t.completed) or L.NONE])
        bars.append((i, t.content, None if state == "event" else period_months(t.period, t.due), state))
    counts = {s: states.count(s) for s in ("done", "late_done", "due", "in_progress", "overdue", "event")}
    summary = (f"Tính đến ngày {vn_date(as_of)}: {counts['done'] + counts['late_done']}/{len(states)} nội "
               f"dung hoàn thành, {counts['in_progress']} đang thực hiện, {counts['due']} đến hạn, "
               f"{counts['overdue']} quá hạn, {counts['event']} thực hiện khi phát sinh.")
    header = ["STT", "Nội dung công việc", "Thời gian", L.TASK_DUE, "Đơn vị chủ trì", L.TASK_STATE, "Ngày hoàn thành"]
    return "\n\n".join([
        f"{level} {cell(doc.title)}",
        f"Theo [{cell(doc.code)}]({md_link(PLAN_PAGE, page_uri(doc))}). {summary}",
        f"{level}# {L.TIMELINE}", plan_timeline(bars, year, as_of),
        table(header, rows)])


def plan_page(catalog: Catalog) -> GeneratedPage:
    """This year's plans first; plans of past years below, as they stood at their year's end."""
    plans = sorted((d for d in catalog.of_kind("plan") if d.code and d.status != "withdrawn" and d.tasks),
                   key=lambda d: (-(year_of(d) or 0), d.code))
    past = [d for d in plans if (year_of(d) or catalog.today.year) < catalog.today.year]
    present = [d for d in plans if (year_of(d) or catalog.today.year) >= catalog.today.year]
    out = [f"# {L.PLAN_PROGRESS}",
           "Mỗi nội dung của kế hoạch năm với thời gian, đơn vị chủ trì và tình trạng: hoàn thành, đang thực hiện "
           f"(đã vào thời gian thực hiện), đến hạn (còn không quá {DUE_DAYS} ngày), quá hạn, chưa đến hạn, thực hiện "
           "khi phát sinh (khi có yêu cầu, thông báo)."]
    out += [plan_section(d, catalog) for d in present] or ["Chưa có kế hoạch của năm nay."]
    if past:
        out += [f"## {L.PAST_PLANS}"] + [plan_section(d, catalog, "###") for d in past]
    return GeneratedPage(PLAN_PAGE, "\n\n".join(out) + "\n")
