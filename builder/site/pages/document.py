"""A document's page: control header, print files, content, sign-offs, change table, distribution, history."""
from __future__ import annotations

import html

from builder.addresses import issue_page_uri, page_uri
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label, status_label
from builder.documents.model import Document
from builder.documents.schema import KINDS
from builder.documents.text import slug
from builder.site.markdown import cell, link, status_badge
from builder.site.generator import unindexed_heading
from builder.site.model import GeneratedPage
from builder.site.pages.issue_history import history_section
from builder.site.pages.print_files import distribution_section, print_section


def control_header(doc: Document, catalog: Catalog) -> str:
    """The control block printed on every document: agency, title, code, issue, date, unit."""
    org = catalog.organisation
    e = html.escape
    rows = [(L.CODE, doc.code), (L.REVISION, revision_label(doc.revision)),
            (L.EFFECTIVE, vn_date(doc.effective) or L.NONE), (L.UNIT, org.unit_name(doc.unit))]
    first = True
    # Excluded from search: the agency block repeats on every document and the title is the h1.
    out = ['<table class="qms-control-header" data-search-exclude>']
    for label, value in rows:
        out.append("<tr>")
        if first:
            out.append(f'<td rowspan="{len(rows)}" class="qms-agency">{e(org.agency_parent.upper())}<br>'
                       f"<strong>{e(org.agency_name.upper())}</strong></td>")
            out.append(f'<td rowspan="{len(rows)}" class="qms-doc-title"><strong>'
                       f"{e(KINDS.get(doc.kind, doc.kind).upper())}</strong><br>{e(doc.title)}</td>")
            first = False
        out.append(f"<td>{e(label)}: <strong>{e(value)}</strong></td></tr>")
    out.append("</table>")
    out.append(f'<p class="qms-status-line" data-search-exclude>{e(L.STATUS)}: {status_badge(doc.status)}</p>')
    return "\n".join(out)


def signoff_block(doc: Document, catalog: Catalog) -> str:
    org = catalog.organisation
    keys = list(L.SIGNOFF_COLUMNS)
    rows = ["| | " + " | ".join(L.SIGNOFF_COLUMNS[k] for k in keys) + " |", "|---|---|---|---|"]

    def row(label, fn):
        values = [cell(fn(doc.signoffs[k])) if k in doc.signoffs else L.NONE for k in keys]
        rows.append(f"| **{label}** | " + " | ".join(values) + " |")

    row(L.NAME, lambda s: org.person_name(s.by))
    row(L.POSITION, lambda s: org.position_name(org.people[s.by].position) if s.by in org.people else "")
    row(L.DATE, lambda s: vn_date(s.date))
    approved = doc.signoffs.get("approved")
    extra = f"\n\n{L.DECISION}: {cell(approved.decision)}" if approved and approved.decision else ""
    return unindexed_heading(L.SIGNOFFS) + "\n\n" + "\n".join(rows) + extra


def change_table(doc: Document) -> str:
    rows = ["| " + " | ".join(L.CHANGE_COLUMNS) + " |", "|---|---|---|---|"]
    for r in doc.changes:
        rows.append(f"| {revision_label(r.revision)} | {vn_date(r.date)} | {cell(r.section or '')} | "
                    f"{cell(r.description or '')} |")
    return f"## {L.CHANGES}\n\n" + "\n".join(rows)


def related_section(doc: Document, catalog: Catalog, uri: str) -> str:
    """Forms of a procedure, parent of a form, legal basis and references, as links."""
    parts = []

    def doc_links(codes):
        items = []
        for code in codes:
            target = catalog.get(code)
            items.append(f"- [{cell(code)} {cell(target.title)}]({link(target, uri)})" if target else f"- {cell(code)}")
        return "\n".join(items)

    if doc.forms:
        parts.append(f"## {L.FORMS}\n\n" + doc_links(doc.forms))
    if doc.procedure:
        parts.append(f"**{L.PARENT}:** " + doc_links([doc.procedure])[2:])
    if doc.legal_basis:
        items = []
        for number in doc.legal_basis:
            legal = catalog.register.get(number)
            items.append(f"- {cell(legal.label)} ngày {vn_date(legal.issued)} của {cell(legal.issuer)}: "
                         f"{cell(legal.title)} ({cell(legal.status)})" if legal else f"- {cell(number)}")
        parts.append(f"## {L.LEGAL_BASIS}\n\n" + "\n".join(items))
    if doc.references:
        parts.append(f"## {L.REFERENCES}\n\n" + doc_links(doc.references))
    return "\n\n".join(parts)


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
                    f"{cell(catalog.organisation.unit_name(t.unit))} | {L.TASK_STATUSES.get(t.status, t.status)} |")
    return f"## {L.TASKS}\n\n" + "\n".join(rows)


def document_page(doc: Document, catalog: Catalog) -> GeneratedPage:

    uri = page_uri(doc)
    history = history_section(doc, catalog, uri) if doc.status != "superseded" else ""
    parts = [f"# {doc.code} {doc.title}", control_header(doc, catalog), print_section(doc, uri),
             targets_table(doc, catalog), tasks_table(doc, catalog), doc.body.strip(), records_table(doc, catalog),
             related_section(doc, catalog, uri), signoff_block(doc, catalog), change_table(doc),
             distribution_section(doc, catalog), history]
    return GeneratedPage(uri, "\n\n".join(p for p in parts if p) + "\n")


def current_issue_page(doc: Document, catalog: Catalog) -> GeneratedPage:
    """The page a QR code of the current issue leads to: it says the issue is current."""
    uri = issue_page_uri(doc.code, doc.revision)
    state = ("là **bản hiện hành**" if doc.status == "effective"
             else f"ở tình trạng **{status_label(doc.status)}**")
    text = (f"# {doc.code} lần ban hành {revision_label(doc.revision)}\n\n"
            f"{status_badge(doc.status)}\n\n"
            f"Lần ban hành {revision_label(doc.revision)} (hiệu lực {vn_date(doc.effective) or L.NONE}) của "
            f"tài liệu {cell(doc.code)} {cell(doc.title)} {state}.\n\n"
            f"[Xem tài liệu]({'../' + slug(doc.code) + '.md'})\n")
    return GeneratedPage(uri, text)
