"""The yearly QMS report as Markdown: one text for the PDF, the DOCX and the body of its site page.

Drawn from `yearly_figures(catalog, year)` only (never a figure computed here): the opening with
its legal basis, part I with one numbered section per figures section (a sentence, the figures as
a 'Nội dung | Kết quả | Nguồn số liệu' table, the section's detail table), part II 'Đánh giá chung'
(what went well, what did not) and part III 'Kiến nghị, đề xuất' (what is overdue, the management
review's decisions), then the closing line.

How a figure's sources and value are written is the one difference between the printed report
and the site page: `Sources` writes the ids as text; the page passes a subclass that links each
id to its record or document page (builder/site/pages/report.py). Every string from a record, a
document or the configuration goes through `cell`, so it shows literally wherever it is rendered.
"""
from __future__ import annotations

from builder.catalog import Catalog
from builder.documents.dates import vn_date
from builder.markup.literal import cell
from builder.reporting import labels as L
from builder.reporting.figures import Figure, Section, Source, yearly_figures
from builder.reporting.header import basis, citation, self_name
from builder.reporting.values import figure_text, value_text

# Sections whose detail table is shown in part III instead (the review's decisions).
DETAIL_IN_PROPOSALS = {"review"}


class Sources:
    """How the printed report writes where a figure comes from, and the figure itself."""

    def source(self, source: Source) -> str:
        return cell(source.ref)

    def value(self, figure: Figure) -> str:
        return cell(figure_text(figure))

    def sources(self, sources) -> str:
        return ", ".join(self.source(s) for s in sources)


PRINTED = Sources()


class Report:
    """One year's report as it is being written: the figures by section, the wording helpers."""

    def __init__(self, catalog: Catalog, year: int, links: Sources = PRINTED):
        self.catalog, self.year, self.links = catalog, year, links
        self.sections = yearly_figures(catalog, year)
        self.by_key = {s.key: s for s in self.sections}
        self.figures = {f.key: f for s in self.sections for f in s.figures}
        self.we = self_name(catalog)

    def figure(self, key: str) -> Figure:
        return self.figures[key]

    def raw(self, key: str):
        return self.figure(key).value

    def text(self, key: str) -> str:
        return self.links.value(self.figure(key))

    def fill(self, template: str, **values) -> str:
        """A sentence with {year}, {we}, {today} and the given values; its first letter upper-case."""
        text = template.format(year=self.year, we=cell(self.we), today=vn_date(self.catalog.today), **values)
        return text[:1].upper() + text[1:]


def opening(report: Report) -> str:
    citations = "; ".join(cell(citation(report.catalog, n)) for n in basis(report.catalog, report.year))
    return L.OPENING.format(basis=citations, agency=cell(report.catalog.organisation.agency_name), year=report.year)


def sentence_template(templates: dict[str, str], section: Section) -> str:
    """'without <key>' when that figure has no value, 'none' when the first figure is zero, else 'some'."""
    for name, template in templates.items():
        if name.startswith("without ") and section.value(name.removeprefix("without ")) is None:
            return template
    return templates["none" if not section.figures[0].value and "none" in templates else "some"]


def section_sentence(report: Report, section: Section) -> str:
    """The sentence that opens a section, in the wording its figures call for."""
    templates = L.SENTENCES.get(section.key)
    if not templates or not section.figures:
        return ""
    values = {f.key.rsplit(".", 1)[-1]: report.links.value(f) for f in section.figures}
    return report.fill(sentence_template(templates, section), **values)


def figures_table(report: Report, section: Section) -> str:
    rows = ["| " + " | ".join(L.FIGURE_COLUMNS) + " |", "|---|---|---|"]
    for f in section.figures:
        rows.append(f"| {cell(f.label)} | {report.links.value(f)} | {report.links.sources(f.sources) or L.NO_SOURCE} |")
    return "\n".join(rows)


def detail_cell(value) -> str:
    if value is None or value == "":
        return L.NO_SOURCE
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return cell(value_text(value))
    return cell(value)


def detail_table(section: Section) -> str:
    if not section.rows or not section.columns:
        return ""
    rows = ["| " + " | ".join(cell(c) for c in section.columns) + " |", "|" + "---|" * len(section.columns)]
    rows += ["| " + " | ".join(detail_cell(v) for v in row) + " |" for row in section.rows]
    return "\n".join(rows)


def part_results(report: Report) -> list[str]:
    out = [f"## {L.PART_RESULTS}"]
    for number, section in enumerate(report.sections, 1):
        out.append(f"### {number}. {cell(section.title)}")
        out += [p for p in (section_sentence(report, section), figures_table(report, section)) if p]
        if section.key not in DETAIL_IN_PROPOSALS and (table := detail_table(section)):
            out.append(table)
    return out


def achieved(report: Report) -> str:
    """What went well, each part only when its figures say so."""
    t, parts = report.text, []
    if report.raw("plan.tasks"):
        parts.append(L.ACHIEVED_PARTS["plan"].format(done=t("plan.done"), tasks=t("plan.tasks"),
                                                     completion=t("plan.completion")))
    if report.raw("duties.audit_overdue") == "không" and report.raw("duties.review_overdue") == "không":
        parts.append(L.ACHIEVED_PARTS["duties"])
    if report.raw("objectives.total"):
        parts.append(L.ACHIEVED_PARTS["objectives"].format(met=t("objectives.met"), total=t("objectives.total")))
    if report.raw("surveys.average") is not None:
        parts.append(L.ACHIEVED_PARTS["surveys"].format(average=t("surveys.average")))
    return report.fill(L.ACHIEVED_INTRO) + (": " + "; ".join(parts) if parts else "") + "."


def overdue_actions(report: Report) -> str:
    """The overdue corrective actions: id (linked on the site), title and due date."""
    items = []
    for source in report.figure("actions.overdue").sources:
        record = report.catalog.records.get(source.ref)
        due = vn_date(record.get("due")) if record is not None and record.get("due") else L.NO_SOURCE
        items.append(L.ACTION_ITEM.format(id=report.links.source(source),
                                          title=cell(record.title if record is not None else ""), due=due))
    return "; ".join(items)


def failed_objectives(report: Report) -> str:
    """'MT.02 <name>' of every objective the detail table marks not met."""
    section = report.by_key["objectives"]
    return "; ".join(cell(f"{row[0]} {row[1]}") for row in section.rows if row[-1] == "Chưa đạt")


def shortfalls(report: Report) -> list[str]:
    """What did not go well, one line each, with its sources."""
    t, raw, S = report.text, report.raw, L.SHORTFALLS
    sources = lambda key: report.links.sources(report.figure(key).sources)   # noqa: E731
    out = []
    if raw("objectives.not_met"):
        out.append(S["objectives"].format(count=t("objectives.not_met"), items=failed_objectives(report)))
    if raw("actions.overdue"):
        out.append(S["actions"].format(count=t("actions.overdue"), items=overdue_actions(report)))
    if raw("plan.overdue"):
        out.append(S["plan"].format(count=t("plan.overdue"), items=sources("plan.overdue")))
    if raw("legal.overdue"):
        out.append(S["legal_overdue"].format(count=t("legal.overdue"), items=sources("legal.overdue")))
    if raw("legal.late"):
        out.append(S["legal_late"].format(count=t("legal.late"), items=sources("legal.late")))
    if raw("inspections.recommendations") and raw("inspections.completed") != raw("inspections.recommendations"):
        out.append(S["inspections"].format(completed=t("inspections.completed"),
                                           recommendations=t("inspections.recommendations"),
                                           items=sources("inspections.letters")))
    if raw("surveys.below_target"):
        out.append(S["surveys"].format(count=t("surveys.below_target"), items=sources("surveys.below_target")))
    for key, line in (("duties.audit_overdue", "audit_overdue"), ("duties.review_overdue", "review_overdue"),
                      ("scope.changed", "scope_changed")):
        if raw(key) == "có":
            out.append(S[line])
    return out or [L.NO_SHORTFALL]


def part_assessment(report: Report) -> list[str]:
    return [f"## {L.PART_ASSESSMENT}", f"### {L.ACHIEVED}", achieved(report), f"### {L.SHORTCOMINGS}",
            bullets(shortfalls(report))]


def decisions(report: Report) -> list[str]:
    """The management review's decisions (the review section's detail rows), as a list."""
    section = report.by_key["review"]
    if not section.rows:
        return []
    items = [L.DECISION_ITEM.format(decision=cell(d), owner=cell(owner), due=cell(due))
             for d, owner, due in section.rows]
    held = report.links.sources(report.figure("review.held").sources)
    return [L.DECISIONS.format(items=held), bullets(items)]


def part_proposals(report: Report) -> list[str]:
    raw = report.raw
    sources = lambda key: report.links.sources(report.figure(key).sources)   # noqa: E731
    todo = []
    if raw("actions.overdue"):
        todo.append(L.FINISH_OVERDUE.format(items=overdue_actions(report)))
    if raw("plan.overdue"):
        todo.append(L.FINISH_PLAN.format(items=sources("plan.overdue")))
    if raw("legal.overdue"):
        todo.append(L.UPDATE_DOCUMENTS.format(items=sources("legal.overdue")))
    if raw("scope.changed") == "có":
        todo.append(L.ANNOUNCE_SCOPE)
    out = [f"## {L.PART_PROPOSALS}", report.fill(L.PROPOSALS_INTRO)]
    if todo:
        out.append(bullets(todo))
    out += decisions(report)
    if len(out) == 2:
        out.append(report.fill(L.NO_PROPOSAL, next_year=report.year + 1))
    return out


def bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def report_markdown(catalog: Catalog, year: int, links: Sources = PRINTED) -> str:
    """The report's body (everything between 'Kính gửi' and the signature block)."""
    report = Report(catalog, year, links)
    closing = L.CLOSING.format(year=year, agency=cell(catalog.organisation.agency_name))
    parts = [opening(report), *part_results(report), *part_assessment(report), *part_proposals(report), closing]
    return "\n\n".join(parts) + "\n"
