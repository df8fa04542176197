"""The state of a yearly plan's tasks as of a day (done / due / overdue...), as plans write their
periods ('Quý II', 'Tháng 9-10', 'Khi có thông báo...'). The plan page, the to-do list, the cycle
page and the yearly report read tasks the same way."""
from __future__ import annotations

import re
from datetime import date, timedelta

from builder.documents.model import Task
from builder.documents.text import fold

DUE_DAYS = 30
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
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
