"""'Tiến độ kế hoạch năm': the yearly plan's tasks as a month timeline and a table, each task
done / due / overdue as of the build date (the site is rebuilt daily or on every merge)."""
from __future__ import annotations

from datetime import date

from builder.addresses import page_uri
from builder.catalog import Catalog, year_of
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.model import Document
from builder.duties.tasks import DUE_DAYS, period_months, task_state
from builder.markup.literal import cell
from builder.site.markdown import badge, md_link, table
from builder.site.model import GeneratedPage
from builder.site.svg import plan_timeline

PLAN_PAGE = "so-theo-doi/ke-hoach-nam.md"
STATE_TONES = {"done": "ok", "late_done": "ok", "overdue": "bad", "due": "warn", "in_progress": "info",
               "upcoming": "muted", "event": "muted", "cancelled": "muted"}


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
