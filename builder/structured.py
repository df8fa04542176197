"""Content held in front matter rather than in the body (a plan's tasks, the objectives' targets
and results, the records a procedure keeps, its legal basis), as Markdown sections. The site
page and the printed copy show the same sections, written once here."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.model import Document
from builder.markup.literal import cell


def records_table(doc: Document, catalog: Catalog) -> str:
    if not doc.records:
        return ""
    rows = ["| " + " | ".join(L.RECORD_COLUMNS) + " |", "|---|---|---|"]
    for r in doc.records:
        rows.append(f"| {cell(r.name)} | {cell(catalog.organisation.unit_name(r.keeper))} | {cell(r.retention)} |")
    return f"## {L.RECORDS} (theo dõi)\n\n" + "\n".join(rows)


def number(value: float) -> str:
    """Vietnamese number: decimal comma (99,2)."""
    return f"{value:g}".replace(".", ",")


def measured(value: float, measure: str) -> str:
    """'98,5%' but '1 phản ánh': a word unit is spaced, a sign is not."""
    if not measure:
        return number(value)
    return f"{number(value)}{'' if measure in ('%', '‰') else ' '}{measure}"


def targets_table(doc: Document, catalog: Catalog) -> str:
    if not doc.targets:
        return ""
    rows = ["| " + " | ".join(L.TARGET_COLUMNS) + " |", "|---|---|---|---|---|---|"]
    for t in doc.targets:
        results = "; ".join(f"{r.period}: {measured(r.value, t.measure)} "
                            f"({L.MET if t.met(r.value) else L.NOT_MET})" for r in t.results) or L.NONE
        missed = [r.period for r in t.results if not t.met(r.value)]
        verdict = L.NOT_MEASURED if not t.results else (
            f"{L.NOT_MET} ({', '.join(missed)})" if missed else L.MET)
        rows.append(f"| {cell(t.id)} | {cell(t.name)} | {cell(t.op)} {cell(measured(t.target, t.measure))} | "
                    f"{cell(catalog.organisation.unit_name(t.unit))} | {cell(results)} | {cell(verdict)} |")
    return f"## {L.TARGETS}\n\n" + "\n".join(rows)


def tasks_table(doc: Document, catalog: Catalog) -> str:
    if not doc.tasks:
        return ""
    rows = ["| " + " | ".join(L.TASK_COLUMNS) + " |", "|---|---|---|---|---|"]
    for i, t in enumerate(doc.tasks, 1):
        rows.append(f"| {i} | {cell(t.content)} | {cell(t.period)} | "
                    f"{cell(catalog.organisation.unit_names(t.units))} | {L.TASK_STATUSES.get(t.status, t.status)} |")
    return f"## {L.TASKS}\n\n" + "\n".join(rows)


def _bullets(title: str, items: list[str]) -> str:
    """A titled list section, or nothing when there is nothing to list."""
    return f"## {title}\n\n" + "\n".join(f"- {item}" for item in items) if items else ""


def legal_item(number: str, catalog: Catalog) -> str:
    """One legal document cited, named in full from the register (its number alone if unknown)."""
    legal = catalog.register.get(number)
    if legal is None:
        return cell(number)
    return (f"{cell(legal.label)} ngày {vn_date(legal.issued)} của {cell(legal.issuer)}: "
            f"{cell(legal.title)} ({cell(legal.status)})")


def legal_basis_list(doc: Document, catalog: Catalog) -> str:
    """The legal basis as text (the page links it; print names it in full)."""
    return _bullets(L.LEGAL_BASIS, [legal_item(n, catalog) for n in doc.legal_basis])


def references_list(doc: Document, catalog: Catalog) -> str:
    return _bullets(L.REFERENCES, [f"{cell(c)} {cell(catalog.get(c).title)}" if catalog.get(c) else cell(c)
                                   for c in doc.references])


def before_body(doc: Document, catalog: Catalog) -> list[str]:
    """Sections shown above the body: what the plan or the objectives consist of."""
    return [p for p in (targets_table(doc, catalog), tasks_table(doc, catalog)) if p]


def after_body_for_print(doc: Document, catalog: Catalog) -> list[str]:
    """Sections printed after the body (the template prints forms, sign-offs and changes itself)."""
    return [p for p in (records_table(doc, catalog), legal_basis_list(doc, catalog),
                        references_list(doc, catalog)) if p]
