"""The figures of a year's QMS work, each traced to its sources.

One function per section of the yearly report (documents, legal updates, objectives, plan, audit,
corrective actions, surveys, review, trainings, inspections, scope); `yearly_figures` lists them
in the report's order. The report (PDF, DOCX), its page on the site and status.json print the
same values, so they can never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from builder.catalog import Catalog, year_of
from builder.documents.schema import OPERATOR_SIGNS
from builder.duties.tasks import task_state
from builder.duties.yearly import current_scope, duty_status, scope_change
from builder.legal.changes import impacts
from builder.records import assessments
from builder.records.model import CycleRecord
from builder.records.queries import (action_state, issue_dates, survey_below,
                                     survey_target)
from builder.structured import measured as with_measure
from builder.structured import number


@dataclass(frozen=True)
class Source:
    """Where a figure comes from: a document (by code) or a record (by id)."""
    ref: str
    kind: str = "record"          # record | document


@dataclass(frozen=True)
class Figure:
    key: str                      # stable name, as status.json writes it: 'documents.issued'
    label: str                    # Vietnamese, as the report prints it
    value: int | float | str | None
    sources: tuple[Source, ...] = ()
    unit: str = ""                # '%' for rates


@dataclass
class Section:
    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)      # a detail table (e.g. findings per clause)
    columns: tuple = ()

    def value(self, key: str):
        return next((f.value for f in self.figures if f.key == key), None)


def _docs(items) -> tuple[Source, ...]:
    return tuple(Source(code, "document") for code in sorted({d.code for d in items}))


def _records(items) -> tuple[Source, ...]:
    return tuple(Source(record_id) for record_id in sorted({r.id for r in items}))


def _in(day: date | None, year: int) -> bool:
    return day is not None and day.year == year


def documents_section(catalog: Catalog, year: int) -> Section:
    """Issues that took effect in the year (first issues and revisions) and withdrawals."""
    issued, revised = [], []
    for doc in catalog.documents:
        if not doc.code:
            continue
        for revision, (start, _) in issue_dates(catalog, doc.code).items():
            if _in(start, year):
                (issued if revision == 1 else revised).append(doc)
    withdrawn = [d for d in catalog.documents if d.status == "withdrawn" and _in(d.withdrawn, year)]
    in_force = [d for d in catalog.documents if d.status == "effective"]
    return Section("documents", "Tài liệu của hệ thống", [
        Figure("documents.issued", "Tài liệu ban hành lần đầu", len(issued), _docs(issued)),
        Figure("documents.revised", "Lần sửa đổi, ban hành lại", len(revised), _docs(revised)),
        Figure("documents.withdrawn", "Tài liệu thu hồi, hết hiệu lực", len(withdrawn), _docs(withdrawn)),
        Figure("documents.in_force", "Tài liệu đang áp dụng", len(in_force)),
    ])


def legal_section(catalog: Catalog, year: int) -> Section:
    """Documents to update after legal changes that took effect in the year: on time, late, still
    due, overdue (the deadline of Quyết định 19/2014/QĐ-TTg, Article 4(4))."""
    found = [i for i in impacts(catalog) if _in(i.change.date, year)]
    on_time = [i for i in found if i.state == "updated" and i.document.effective <= i.due]
    late = [i for i in found if i.state == "updated" and i.document.effective > i.due]
    due = [i for i in found if i.state == "due"]
    overdue = [i for i in found if i.state == "overdue"]
    changes = {i.change.new.number for i in found}
    return Section("legal", "Cập nhật theo văn bản pháp luật mới", [
        Figure("legal.changes", "Văn bản pháp luật thay đổi có hiệu lực trong năm", len(changes)),
        Figure("legal.on_time", "Tài liệu cập nhật đúng hạn", len(on_time), _docs(i.document for i in on_time)),
        Figure("legal.late", "Tài liệu cập nhật trễ hạn", len(late), _docs(i.document for i in late)),
        Figure("legal.due", "Tài liệu đang trong hạn cập nhật", len(due), _docs(i.document for i in due)),
        Figure("legal.overdue", "Tài liệu quá hạn cập nhật", len(overdue), _docs(i.document for i in overdue)),
    ])


def objectives_section(catalog: Catalog, year: int) -> Section:
    docs = [d for d in catalog.of_kind("objectives") if year_of(d) == year and d.status != "withdrawn"]
    targets = [t for d in docs for t in d.targets]
    measured = [t for t in targets if t.results]
    met = [t for t in measured if all(t.met(r.value) for r in t.results)]
    rows = [(t.id, t.name, f"{OPERATOR_SIGNS.get(t.op, t.op)} {with_measure(t.target, t.measure)}",
             ", ".join(f"{r.period}: {number(r.value)}" for r in t.results) or "—",
             "Đạt" if t in met else ("Chưa đạt" if t.results else "Chưa đánh giá")) for t in targets]
    return Section("objectives", "Mục tiêu chất lượng", [
        Figure("objectives.total", "Mục tiêu chất lượng của năm", len(targets), _docs(docs)),
        Figure("objectives.met", "Mục tiêu đạt ở mọi kỳ đã đánh giá", len(met), _docs(docs)),
        Figure("objectives.not_met", "Mục tiêu chưa đạt", len(measured) - len(met), _docs(docs)),
        Figure("objectives.not_measured", "Mục tiêu chưa đánh giá", len(targets) - len(measured), _docs(docs)),
    ], rows, ("Mã", "Mục tiêu", "Chỉ tiêu", "Kết quả", "Đánh giá"))


def plan_section(catalog: Catalog, year: int) -> Section:
    plans = [d for d in catalog.of_kind("plan") if year_of(d) == year and d.status != "withdrawn"]
    states = [task_state(t, catalog.today, year) for d in plans for t in d.tasks]
    counted = [s for s in states if s != "cancelled"]
    done = sum(1 for s in counted if s in ("done", "late_done"))
    rate = round(100 * done / len(counted), 1) if counted else None
    return Section("plan", "Thực hiện kế hoạch duy trì hệ thống", [
        Figure("plan.tasks", "Công việc trong kế hoạch", len(counted), _docs(plans)),
        Figure("plan.done", "Công việc đã hoàn thành", done, _docs(plans)),
        Figure("plan.overdue", "Công việc quá hạn", states.count("overdue"), _docs(plans)),
        Figure("plan.completion", "Tỷ lệ hoàn thành", rate, _docs(plans), "%"),
    ])


def _clause_order(item) -> tuple:
    """Clauses 4 to 10 in number order; anything else (a clause the rules refuse) after them."""
    clause = item[0]
    return (0, int(clause), "") if clause.isdigit() else (1, 0, clause)


def audit_section(catalog: Catalog, year: int) -> Section:
    audits = [r for r in catalog.records.of_kind("audit", year)]
    closed = [r for r in audits if r.is_closed]
    findings = [(r, f) for r in audits for f in r.items("findings")]
    def of_type(kind):
        return [r for r, f in findings if f.get("type") == kind]
    by_clause: dict[str, int] = {}
    for _, f in findings:
        main = str(f.get("clause") or "").split(".")[0]
        by_clause[main] = by_clause.get(main, 0) + 1
    rows = [(f"Điều {clause}", count) for clause, count in sorted(by_clause.items(), key=_clause_order)]
    return Section("audit", "Đánh giá nội bộ", [
        Figure("audit.held", "Cuộc đánh giá nội bộ đã có báo cáo ký đóng", len(closed), _records(closed)),
        Figure("audit.findings", "Phát hiện", len(findings), _records(audits)),
        Figure("audit.nonconformities", "Điểm không phù hợp", len(of_type("nonconformity")),
               _records((of_type("nonconformity")))),
        Figure("audit.observations", "Khuyến nghị, lưu ý", len(of_type("observation")), _records((of_type("observation")))),
        Figure("audit.opportunities", "Cơ hội cải tiến", len(of_type("opportunity")), _records((of_type("opportunity")))),
    ], rows, ("Điều khoản TCVN ISO 9001:2015", "Số phát hiện"))


def actions_section(catalog: Catalog, year: int) -> Section:
    opened = catalog.records.of_kind("corrective_action", year)
    by_state: dict[str, list[CycleRecord]] = {"closed": [], "open": [], "overdue": []}
    for record in opened:
        by_state[action_state(record, catalog.today)].append(record)
    return Section("actions", "Sự không phù hợp và hành động khắc phục", [
        Figure("actions.opened", "Hành động khắc phục phát sinh", len(opened), _records(opened)),
        Figure("actions.closed", "Đã hoàn thành, xác nhận hiệu lực", len(by_state["closed"]), _records(by_state["closed"])),
        Figure("actions.open", "Đang thực hiện trong hạn", len(by_state["open"]), _records(by_state["open"])),
        Figure("actions.overdue", "Quá hạn", len(by_state["overdue"]), _records(by_state["overdue"])),
    ])


def surveys_section(catalog: Catalog, year: int) -> Section:
    surveys = catalog.records.of_kind("survey", year)
    rates = [r.get("rate") for s in surveys for r in s.items("results") if r.get("rate") is not None]
    below = [s for s in surveys if survey_below(catalog, s)]
    rows = []
    for s in surveys:
        results = [r["rate"] for r in s.items("results") if r.get("rate") is not None]
        target = survey_target(catalog, s)
        rows.append((s.id, s.get("service") or s.title, s.get("sample"),
                     number(round(sum(results) / len(results), 1)) if results else "—",
                     f"{OPERATOR_SIGNS.get(target.op, target.op)} {number(target.target)}" if target else "—"))
    return Section("surveys", "Khảo sát sự hài lòng", [
        Figure("surveys.held", "Cuộc khảo sát", len(surveys), _records(surveys)),
        Figure("surveys.responses", "Phiếu khảo sát thu về", sum(s.get("sample") or 0 for s in surveys), _records(surveys)),
        Figure("surveys.average", "Tỷ lệ hài lòng bình quân", round(sum(rates) / len(rates), 1) if rates else None,
               _records(surveys), "%"),
        Figure("surveys.lowest", "Tỷ lệ hài lòng thấp nhất", min(rates) if rates else None, _records(surveys), "%"),
        Figure("surveys.below_target", "Cuộc khảo sát có nhóm dưới chỉ tiêu", len(below), _records(below)),
    ], rows, ("Số hồ sơ", "Dịch vụ, nhóm TTHC", "Số phiếu", "Hài lòng bình quân (%)", "Chỉ tiêu (%)"))


def review_section(catalog: Catalog, year: int) -> Section:
    reviews = [r for r in catalog.records.of_kind("review", year) if r.is_closed]
    outputs = [o for r in reviews for o in r.items("outputs")]
    last = max(reviews, key=lambda r: r.date, default=None)
    rows = [(o.get("decision"), catalog.organisation.person_name(o.get("owner")) or "—",
             o["due"].strftime("%d/%m/%Y") if o.get("due") else "—") for o in outputs]
    return Section("review", "Xem xét của lãnh đạo", [
        Figure("review.held", "Cuộc họp xem xét có biên bản ký đóng", len(reviews), _records(reviews)),
        Figure("review.date", "Ngày họp gần nhất", last.date.isoformat() if last else None, _records([last] if last else [])),
        Figure("review.decisions", "Quyết định, hành động được giao", len(outputs), _records(reviews)),
    ], rows, ("Quyết định", "Người chủ trì", "Hạn"))


def training_section(catalog: Catalog, year: int) -> Section:
    trainings = catalog.records.of_kind("training", year)
    people = sum(len(t.get("attendees") or []) + sum(c.get("count") or 0 for c in t.items("attendee_counts"))
                 for t in trainings)
    return Section("training", "Đào tạo, tập huấn", [
        Figure("training.courses", "Khóa đào tạo, tập huấn", len(trainings), _records(trainings)),
        Figure("training.attendees", "Lượt người tham dự", people, _records(trainings)),
    ])


def inspections_section(catalog: Catalog, year: int) -> Section:
    inspections = catalog.records.of_kind("inspection", year)
    recommendations = [(r, i) for r in inspections for i in r.items("recommendations")]
    followed = [r for r, i in recommendations if i.get("follow_up") or i.get("record")]
    done = [r for r, i in recommendations if i.get("done")]
    return Section("inspections", "Kiểm tra của cơ quan cấp trên", [
        Figure("inspections.letters", "Văn bản kiểm tra, kiến nghị", len(inspections), _records(inspections)),
        Figure("inspections.recommendations", "Kiến nghị", len(recommendations), _records(inspections)),
        Figure("inspections.followed_up", "Kiến nghị đã có việc khắc phục", len(followed), _records(followed)),
        Figure("inspections.completed", "Kiến nghị đã hoàn thành", len(done), _records(done)),
    ])


def scope_section(catalog: Catalog, year: int) -> Section:
    units, procedures = current_scope(catalog)
    announcements = [a for a in catalog.activities.items if a.type == "announcement" and a.date <= catalog.today]
    last = max(announcements, key=lambda a: a.date, default=None)
    audit, review = duty_status(catalog, "internal_audit"), duty_status(catalog, "management_review")
    return Section("scope", "Phạm vi hệ thống và công bố", [
        Figure("scope.units", "Đơn vị trong phạm vi", len(units)),
        Figure("scope.procedures", "Quy trình giải quyết thủ tục hành chính", len(procedures), _docs(
            catalog.get(code) for code in procedures)),
        Figure("scope.announced", "Ngày công bố gần nhất", last.date.isoformat() if last else None),
        Figure("scope.changed", "Phạm vi thay đổi sau lần công bố", "có" if scope_change(catalog) else "không"),
        Figure("duties.audit_overdue", "Quá 12 tháng chưa đánh giá nội bộ", "có" if audit.overdue else "không"),
        Figure("duties.review_overdue", "Quá 12 tháng chưa xem xét của lãnh đạo", "có" if review.overdue else "không"),
    ])


def iso18091_section(catalog: Catalog, year: int) -> Section | None:
    """The year's TCVN ISO 18091 self-assessment (the one that counts: assessments.of_year) against
    the year before; only for an agency that uses an indicator set (site_config/iso18091.yml).
    Without an assessment that year the counts have no value."""
    indicator_set = catalog.indicator_set
    if indicator_set is None:
        return None
    now, before = assessments.of_year(catalog.records, year), assessments.previous(catalog.records, year)
    ids = indicator_set.ids()
    found = assessments.counts(now, ids)
    given = assessments.scores(now)
    non_green = [given[i] for i in ids if (given.get(i) or {}).get("level") in assessments.NOT_GREEN]
    moves = [assessments.change(assessments.level_of(now, i), assessments.level_of(before, i)) for i in ids]
    sources, both = _records([now] if now else []), _records([r for r in (now, before) if r])

    def value(count: int, compared: bool = False):
        return count if now is not None and (before is not None or not compared) else None

    rows = []
    for quadrant in indicator_set.quadrants:
        per = assessments.counts(now, [i.id for i in indicator_set.of_quadrant(quadrant.id)])
        rows.append((f"{quadrant.id}. {quadrant.name}", per["green"], per["yellow"], per["red"]))
    return Section("iso18091", "Tự đánh giá theo bộ chỉ số TCVN ISO 18091:2020", [
        Figure("iso18091.indicators", "Chỉ số trong bộ chỉ số", len(ids)),
        Figure("iso18091.assessed", "Chỉ số đã được Hội đồng đánh giá", value(len(ids) - found["none"]), sources),
        Figure("iso18091.green", "Chỉ số mức xanh", value(found["green"]), sources),
        Figure("iso18091.yellow", "Chỉ số mức vàng", value(found["yellow"]), sources),
        Figure("iso18091.red", "Chỉ số mức đỏ", value(found["red"]), sources),
        Figure("iso18091.actions", "Chỉ số vàng, đỏ có hành động trong chương trình hành động",
               value(sum(1 for s in non_green if not assessments.missing_action(s))), sources),
        Figure("iso18091.improved", "Chỉ số tốt lên so với năm trước", value(moves.count("better"), True), both),
        Figure("iso18091.worsened", "Chỉ số giảm mức so với năm trước", value(moves.count("worse"), True), both),
    ], rows if now is not None else [], ("Nhóm chỉ số", "Xanh", "Vàng", "Đỏ"))


SECTIONS = (documents_section, legal_section, objectives_section, plan_section, audit_section, actions_section,
            surveys_section, review_section, training_section, inspections_section, scope_section, iso18091_section)


def yearly_figures(catalog: Catalog, year: int) -> list[Section]:
    """Every section of the year's report, in the report's order (a section that does not apply,
    such as ISO 18091 for an agency without an indicator set, is left out)."""
    return catalog.memo(f"yearly-figures-{year}", lambda: [section for section in (make(catalog, year)
                                                                                   for make in SECTIONS) if section])


def flat(sections: list[Section]) -> dict[str, object]:
    """key → value of every figure (status.json, tests)."""
    return {f.key: f.value for s in sections for f in s.figures}
