"""'Việc cần làm': everything due or overdue as of the build date, in one list, each item with
the unit that owns it and a link to where the work is.

Gathered from every duty the system tracks: the current plan's tasks, periodic reviews, legal
updates under the 3-month rule, the yearly internal audit and management review, approved issues
about to take effect, controlled copies to recall, and drafts waiting for approval. The home page
shows the first items and links here; the page has a filter by unit.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from builder.addresses import issue_page_uri, page_uri
from builder.catalog import Catalog
from builder.distribution import register as reg
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.duties.yearly import DUTY_LABELS, duty_status, scope_change
from builder.legal.changes import impacts
from builder.markup.literal import cell
from builder.site.generator import unindexed
from builder.site.markdown import badge, filter_bar, md_link, table
from builder.site.model import GeneratedPage
from builder.site.pages.law_changes import LAW_CHANGES_PAGE
from builder.site.pages.plan import PLAN_PAGE, current_plans, task_state
from builder.site.pages.review_due import REVIEW_PAGE, SOON_DAYS, due_reviews

TODO_PAGE = "viec-can-lam.md"
TONES = {"overdue": "bad", "due": "warn"}


@dataclass(frozen=True)
class Todo:
    due: date | None
    state: str            # overdue | due
    kind: str             # what sort of work (L.TODO_KINDS)
    text: str             # Markdown, already safe, with its link
    unit: str             # owner unit's name

    @property
    def order(self):
        return (self.state != "overdue", self.due or date.max, self.kind, self.text)


def _link(label: str, target: str, from_uri: str) -> str:
    return f"[{label}]({md_link(from_uri, target)})"


def _plan_tasks(catalog: Catalog, from_uri: str) -> list[Todo]:
    out = []
    for plan in current_plans(catalog):
        for task in plan.tasks:
            state = task_state(task, catalog.today, plan.year)
            if state in ("overdue", "due"):
                units = catalog.organisation.unit_names(task.units) or L.NONE
                out.append(Todo(task.due, state, L.TODO_KINDS["task"],
                                f"{cell(task.content)} ({_link(cell(plan.code), PLAN_PAGE, from_uri)})", units))
    return out


def _reviews(catalog: Catalog, from_uri: str) -> list[Todo]:
    return [Todo(r.due, "overdue" if r.days_left < 0 else "due", L.TODO_KINDS["review"],
                 f"{_link(cell(r.document.code), page_uri(r.document), from_uri)} {cell(r.document.title)}",
                 catalog.organisation.unit_name(r.document.unit))
            for r in due_reviews(catalog) if r.days_left <= SOON_DAYS]


def _legal_updates(catalog: Catalog, from_uri: str) -> list[Todo]:
    return [Todo(i.due, i.state, L.TODO_KINDS["legal"],
                 f"{_link(cell(i.document.code), page_uri(i.document), from_uri)} theo "
                 f"{_link(cell(i.change.describe()), LAW_CHANGES_PAGE, from_uri)}",
                 catalog.organisation.unit_name(i.document.unit))
            for i in impacts(catalog) if i.state in ("overdue", "due")]


def _duties(catalog: Catalog) -> list[Todo]:
    """The yearly internal audit and management review, and a scope to announce again; owned by
    the unit that keeps the yearly plan (the ISO secretariat)."""
    owner = next((catalog.organisation.unit_name(p.unit) for p in current_plans(catalog)), L.NONE)
    out = []
    for duty in DUTY_LABELS:
        status = duty_status(catalog, duty)
        if status.overdue:
            out.append(Todo(status.due, "overdue", L.TODO_KINDS["duty"], cell(status.describe()), owner))
    change = scope_change(catalog)
    if change is not None:
        out.append(Todo(None, "due", L.TODO_KINDS["duty"],
                        f"Phạm vi hệ thống đã thay đổi so với lần công bố ngày {vn_date(change.announcement.date)}: "
                        f"{cell(change.describe())}. Cần công bố lại.", owner))
    return out


def _pending(catalog: Catalog, from_uri: str) -> list[Todo]:
    return [Todo(d.effective, "due", L.TODO_KINDS["pending"],
                 f"{_link(cell(d.code), issue_page_uri(d.code, d.revision), from_uri)} lần ban hành "
                 f"{revision_label(d.revision)} có hiệu lực ngày {vn_date(d.effective)}: cấp bản kiểm soát mới, "
                 "thu hồi bản cũ", catalog.organisation.unit_name(d.unit))
            for d in catalog.pending.values()]


def _recalls(catalog: Catalog, from_uri: str) -> list[Todo]:
    copies, problems = reg.load(catalog.root)
    if problems:
        return []
    out = []
    for doc in catalog.documents:
        if not doc.code:
            continue
        by_unit: dict[str, list[reg.Copy]] = {}
        for c in reg.to_recall(copies, doc.code, doc.revision, doc.status == "withdrawn"):
            by_unit.setdefault(c.unit, []).append(c)
        for unit, items in by_unit.items():
            numbers = ", ".join(f"{c.copy:02d}" for c in items)
            since = doc.effective if doc.status != "withdrawn" else doc.withdrawn
            out.append(Todo(since, "overdue", L.TODO_KINDS["recall"],
                            f"Bản số {numbers} của {_link(cell(doc.code), page_uri(doc), from_uri)} (lần ban hành "
                            f"{revision_label(items[0].revision)}, nay không còn hiệu lực)",
                            catalog.organisation.unit_name(unit)))
    return out


def _drafts(catalog: Catalog, from_uri: str) -> list[Todo]:
    """Drafts that someone prepared and that nobody has approved yet."""
    return [Todo(d.signoffs["prepared"].date, "due", L.TODO_KINDS["draft"],
                 f"{_link(cell(d.code), page_uri(d), from_uri)} {cell(d.title)}",
                 catalog.organisation.unit_name(d.unit))
            for d in catalog.documents
            if d.code and d.status == "draft" and "prepared" in d.signoffs and "approved" not in d.signoffs]


def todos(catalog: Catalog, from_uri: str) -> list[Todo]:
    """Every item due or overdue today, overdue first, then by date."""
    items = (_plan_tasks(catalog, from_uri) + _reviews(catalog, from_uri) + _legal_updates(catalog, from_uri)
             + _duties(catalog) + _pending(catalog, from_uri) + _recalls(catalog, from_uri)
             + _drafts(catalog, from_uri))
    return sorted(items, key=lambda t: t.order)


HEADER = [L.TODO_DUE, L.TODO_KIND, L.TODO_WHAT, L.TODO_UNIT, L.TODO_STATE]


def todo_rows(items: list[Todo]) -> list[list[str]]:
    return [[vn_date(t.due) or L.NONE, t.kind, t.text, cell(t.unit), badge(L.TODO_STATES[t.state], TONES[t.state])]
            for t in items]


def todo_page(catalog: Catalog) -> GeneratedPage:
    items = todos(catalog, TODO_PAGE)
    intro = (f"Tính đến ngày {vn_date(catalog.today)}: {len(items)} việc quá hạn hoặc đến hạn, gom từ kế hoạch năm, "
             f"xem xét định kỳ ({_link(L.REVIEW_DUE, REVIEW_PAGE, TODO_PAGE)}), cập nhật theo văn bản pháp luật "
             "mới, nhiệm vụ hằng năm, lần ban hành sắp có hiệu lực, bản kiểm soát cần thu hồi và dự thảo chờ phê duyệt.")
    body = (f"{filter_bar([L.TODO_KIND, L.TODO_UNIT, L.TODO_STATE], text=False)}\n\n" + unindexed(table(HEADER, todo_rows(items)))
            if items else L.TODO_NONE)
    return GeneratedPage(TODO_PAGE, f"# {L.TODO_PAGE}\n\n{intro}\n\n{body}\n")
