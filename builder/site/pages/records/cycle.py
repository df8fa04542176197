"""'Chu kỳ HTQLCL năm <year>': the steps Article 4(4) of Quyết định 19/2014/QĐ-TTg asks of an
agency every year, in order, each done / due / overdue as of the build date, with links to its
evidence.

A step is done when its evidence exists: the year's objectives in force, closed records (audit
report, survey report, review minutes, training), every corrective action closed, every
inspection recommendation followed up, every risk treated and evaluated. Its deadline is the
year's plan task of that type when the plan has one (internal audit, management review, survey),
else the usual date below; the plan's own 'done' is shown beside the records, never instead."""
from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from builder.addresses import cycle_page_uri, page_uri
from builder.catalog import Catalog, year_of
from builder.documents import labels as DL
from builder.documents.model import Document
from builder.markup.literal import cell
from builder.records import labels as L
from builder.records.model import CycleRecord
from builder.records.queries import action_state, actions_for
from builder.site.generator import unindexed
from builder.site.markdown import badge, md_link, table
from builder.site.model import GeneratedPage
from builder.site.pages.objectives import OBJECTIVES_PAGE
from builder.site.pages.plan import DUE_DAYS, period_months
from builder.site.pages.records.common import (REGISTER_URIS, action_badge,
                                               day, of_kind, record_link)
from builder.site.pages.records.inspections import recommendation_state
from builder.site.pages.records.reviews import missing_inputs

STATE_TONES = {"done": "ok", "due": "warn", "upcoming": "muted", "overdue": "bad", "none": "muted"}
# Usual deadlines (month, day) when the year's plan has no task for the step: objectives and the
# risk plan in the first quarter, the audit before the review, the review by 30 November, the
# rest by the year's end (the risk evaluation: site_config/records.yml).
DEADLINES = {"objectives": (3, 31), "risk_plan": (3, 31), "internal_audit": (10, 31),
             "corrective_actions": (12, 31), "survey": (12, 31), "management_review": (11, 30),
             "inspection": (12, 31), "training": (12, 31), "objectives_evaluated": (12, 31)}
# Steps the yearly plan schedules as tasks of a type (documents/schema.py TASK_TYPES).
TASK_TYPES = {"internal_audit": "internal_audit", "management_review": "management_review", "survey": "survey"}


@dataclass(frozen=True)
class Step:
    key: str
    state: str              # done | due | upcoming | overdue | none
    deadline: date | None
    evidence: str           # Markdown, already safe


class Year:
    """What the steps of one year read: its records, plans and objectives, as of the build date."""

    def __init__(self, catalog: Catalog, year: int):
        self.catalog, self.year, self.today = catalog, year, catalog.today
        self.uri = cycle_page_uri(year)

    def records(self, kind: str) -> list[CycleRecord]:
        return of_kind(self.catalog, kind, self.year)

    def closed(self, kind: str) -> list[CycleRecord]:
        return [r for r in self.records(kind) if r.is_closed]

    def documents(self, kind: str) -> list[Document]:
        return [d for d in self.catalog.of_kind(kind) if d.code and year_of(d) == self.year
                and d.status in ("effective", "withdrawn")]

    def tasks(self, task_type: str):
        return [(plan, t) for plan in self.documents("plan") for t in plan.tasks if t.type == task_type]

    def deadline(self, key: str) -> date:
        """The plan's date for the step (the earliest task of its type), else the usual one."""
        dates = [end for _, task in self.tasks(TASK_TYPES.get(key, "")) if (end := task_end(task, self.year))]
        if dates:
            return min(dates)
        month, day_ = self.catalog.record_settings.evaluation_due if key == "risk_evaluated" else DEADLINES[key]
        return date(self.year, month, min(day_, monthrange(self.year, month)[1]))   # '02-30' is the month's end

    def timing(self, deadline: date) -> str:
        """Not done: overdue past the deadline, due within DUE_DAYS of it, else upcoming."""
        if deadline < self.today:
            return "overdue"
        return "due" if (deadline - self.today).days <= DUE_DAYS else "upcoming"

    def link(self, text: str, uri: str) -> str:
        return f"[{text}]({md_link(self.uri, uri)})"

    def register(self, kind: str) -> str:
        return self.link(L.REGISTER_TITLES[kind], REGISTER_URIS[kind])

    def listed(self, records: list[CycleRecord]) -> str:
        """Record links, an open record marked as such."""
        return ", ".join(record_link(r, self.uri) + ("" if r.is_closed else f" ({L.ACTION_STATES['open'].lower()})")
                         for r in records)

    def plan_note(self, key: str) -> str:
        """What the yearly plan says of the step (a cross-check; the records decide)."""
        def said(task) -> str:
            if task.status == "done" and task.completed:
                return L.CYCLE_NOTES["plan_done"].format(date=day(task.completed))
            return L.CYCLE_NOTES["plan_due"].format(date=day(task.due)) if task.due else cell(task.period)

        notes = [f"{self.link(cell(plan.code), page_uri(plan))}: {said(task)}"
                 for plan, task in self.tasks(TASK_TYPES.get(key, ""))]
        return L.CYCLE_NOTES["plan"].format(notes="; ".join(notes)) if notes else ""


def task_end(task, year: int) -> date | None:
    """A plan task's deadline: its due date, else the last day of its period."""
    if task.due:
        return task.due
    months = period_months(task.period)
    return date(year, months[1], monthrange(year, months[1])[1]) if months else None


def _step(y: Year, key: str, done: bool, *evidence: str, deadline: date | None = None) -> Step:
    deadline = deadline or y.deadline(key)
    return Step(key, "done" if done else y.timing(deadline), deadline, "<br>".join(e for e in evidence if e))


def objectives_step(y: Year) -> Step:
    docs = [d for d in y.documents("objectives") if d.effective and d.effective <= y.today]
    links = ", ".join(y.link(f"{cell(d.code)} {cell(d.title)}", page_uri(d)) for d in docs)
    return _step(y, "objectives", bool(docs), links or L.CYCLE_NOTES["no_objectives"])


def risk_plan_step(y: Year) -> Step:
    risks = y.records("risk")
    untreated = [r for r in risks if not r.get("treatment")]
    what = L.CYCLE_NOTES["risks"].format(count=len(risks)) + (
        L.CYCLE_NOTES["untreated"].format(count=len(untreated)) if untreated else "")
    return _step(y, "risk_plan", bool(risks) and not untreated, f"{what}:" if risks else L.CYCLE_NOTES["no_risks"],
                 y.register("risk"))


def record_step(y: Year, key: str, kind: str) -> Step:
    """A step done by a closed record of the year (audit report, survey, review minutes, training)."""
    found = y.records(kind)
    return _step(y, key, any(r.is_closed for r in found), y.listed(found) or L.CYCLE_NOTES["no_record"],
                 y.plan_note(key))


def actions_step(y: Year) -> Step:
    """Done when every corrective action of the year (and every one raised from its audits) is
    closed and every nonconformity found has one; overdue as soon as one is."""
    audits = y.records("audit")
    found = {a.id: a for a in y.records("corrective_action")}
    for audit in audits:
        found.update({a.id: a for a in actions_for(y.catalog.records, audit.id) if a.id})
    actions = sorted(found.values(), key=lambda a: a.id)
    unanswered = [f for a in audits for f in a.items("findings") if f.get("type") == "nonconformity"
                  and not actions_for(y.catalog.records, a.id, f.get("id"))]
    states = [action_state(a, y.today) for a in actions]
    open_dues = [a.get("due") for a, s in zip(actions, states) if s != "closed" and a.get("due")]
    deadline = max(open_dues) if open_dues else None
    evidence = [f"{record_link(a, y.uri)} {action_badge(a, y.today)}" for a in actions]
    if unanswered:
        evidence.append(L.CYCLE_NOTES["unanswered"].format(count=len(unanswered)))
    if not actions and not unanswered:
        evidence.append(L.CYCLE_NOTES["no_nonconformity" if any(a.is_closed for a in audits) else "no_record"])
    done = all(s == "closed" for s in states) and not unanswered and any(a.is_closed for a in audits)
    step = _step(y, "corrective_actions", done, *evidence, y.register("corrective_action"),
                 deadline=deadline)
    return Step(step.key, "overdue", step.deadline, step.evidence) if "overdue" in states else step


def inspection_step(y: Year) -> Step:
    inspections = y.records("inspection")
    if not inspections:
        return Step("inspection", "none", None, L.CYCLE_NOTES["no_inspection"])
    states = [recommendation_state(r, item, y.catalog) for r in inspections for item in r.items("recommendations")]
    summary = L.CYCLE_NOTES["recommendations"].format(done=states.count("done"), count=len(states))
    step = _step(y, "inspection", all(s == "done" for s in states), y.listed(inspections) + ":", summary,
                 y.register("inspection"))
    return Step(step.key, "overdue", step.deadline, step.evidence) if "overdue" in states else step


def objectives_evaluated_step(y: Year) -> Step:
    """Done when a closed review of the year looked at how far the objectives were met (9.3.2 c2)."""
    reviews = [r for r in y.closed("review") if "objectives" not in missing_inputs(r)]
    return _step(y, "objectives_evaluated", bool(reviews), y.listed(reviews) or L.CYCLE_NOTES["no_review"],
                 y.link(DL.OBJECTIVES_DASHBOARD, OBJECTIVES_PAGE))


def risk_evaluated_step(y: Year) -> Step:
    risks = y.records("risk")
    evaluated = [r for r in risks if (r.get("evaluation") or {}).get("by")]
    what = (L.CYCLE_NOTES["evaluated"].format(done=len(evaluated), count=len(risks)) if risks
            else L.CYCLE_NOTES["no_risks"])
    return _step(y, "risk_evaluated", bool(risks) and len(evaluated) == len(risks), what, y.register("risk"))


def cycle_steps(catalog: Catalog, year: int) -> list[Step]:
    """The year's steps in the cycle's order (labels.CYCLE_STEPS)."""
    y = Year(catalog, year)
    return [objectives_step(y), risk_plan_step(y), record_step(y, "internal_audit", "audit"), actions_step(y),
            record_step(y, "survey", "survey"), record_step(y, "management_review", "review"), inspection_step(y),
            record_step(y, "training", "training"), objectives_evaluated_step(y), risk_evaluated_step(y)]


def state_badge(step: Step) -> str:
    return (f'<span class="qms-cycle-state" data-step="{step.key}" data-state="{step.state}">'
            f"{badge(L.CYCLE_STATES[step.state], STATE_TONES[step.state])}</span>")


def cycle_page(catalog: Catalog, year: int) -> GeneratedPage:
    steps = cycle_steps(catalog, year)
    done = sum(s.state == "done" for s in steps)
    late = sum(s.state == "overdue" for s in steps)
    rows = [[str(i), L.CYCLE_STEPS[s.key], day(s.deadline), state_badge(s), s.evidence] for i, s in enumerate(steps, 1)]
    out = [f"# {L.CYCLE_TITLE.format(year=year)}",
           "Các bước duy trì hệ thống quản lý chất lượng trong năm theo khoản 4 Điều 4 Quyết định 19/2014/QĐ-TTg, "
           f"theo thứ tự thực hiện. Tình trạng tính đến ngày {day(catalog.today)}, lấy từ hồ sơ, mục tiêu chất lượng "
           "và kế hoạch năm; hạn của bước có trong kế hoạch năm là hạn ghi trong kế hoạch.",
           L.CYCLE_NOTES["summary"].format(done=done, count=len(steps), late=late),
           unindexed(table(list(L.CYCLE_COLUMNS), rows))]
    return GeneratedPage(cycle_page_uri(year), "\n\n".join(out) + "\n")
