"""A document's page: control header, print files, content, sign-offs, change table, distribution, history."""
from __future__ import annotations

import html
from dataclasses import replace

from builder.addresses import issue_page_uri, page_uri
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label, status_label
from builder.documents.model import Document
from builder.documents.schema import KINDS
from builder.documents.text import slug
from builder.markup.literal import cell
from builder.signing.status import describe, verdict
from builder.site.body import body_section
from builder.site.generator import unindexed_heading
from builder.site.markdown import (esc, html_table, md_link,
                                   page_link, status_badge)
from builder.site.model import GeneratedPage, embed_html
from builder.site.pages.issue_history import history_section
from builder.site.pages.print_files import distribution_section, print_section
from builder.site.pages.records.forms import form_records_section
from builder.structured import before_body, legal_basis_list, records_table


def control_header(doc: Document, catalog: Catalog) -> str:
    """The control block printed on every document: agency, title, code, issue, date, unit.
    HTML the Markdown parser passes over (see site/model.py), like the two tables of control data
    below: together they were half of what parsing a document's page cost."""
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
    return embed_html("\n".join(out))


def signoff_block(doc: Document, catalog: Catalog) -> str:
    org = catalog.organisation
    keys = list(L.SIGNOFF_COLUMNS)
    rows = []

    def row(label, fn):
        """One line of the table: fn(key, sign-off) for each column that was signed."""
        values = [esc(fn(k, doc.signoffs[k])) if k in doc.signoffs else esc(L.NONE) for k in keys]
        rows.append([f"<strong>{esc(label)}</strong>", *values])

    row(L.NAME, lambda _, s: org.person_name(s.by))
    row(L.POSITION, lambda _, s: org.position_name(org.people[s.by].position) if s.by in org.people else "")
    row(L.DATE, lambda _, s: vn_date(s.date))
    if org.signatures != "off":
        row(L.DIGITAL_SIGNATURE, lambda k, _: describe(verdict(doc, k, catalog)))
    approved = doc.signoffs.get("approved")
    extra = f"\n\n{L.DECISION}: {cell(approved.decision)}" if approved and approved.decision else ""
    table = html_table(["", *(L.SIGNOFF_COLUMNS[k] for k in keys)], rows)
    return unindexed_heading(L.SIGNOFFS) + "\n\n" + embed_html(table) + extra


def change_table(doc: Document) -> str:
    rows = [[esc(revision_label(r.revision)), esc(vn_date(r.date)), esc(r.section), esc(r.description)]
            for r in doc.changes]
    return f"## {L.CHANGES}\n\n" + embed_html(html_table(list(L.CHANGE_COLUMNS), rows))


def related_section(doc: Document, catalog: Catalog, uri: str) -> str:
    """Forms of a procedure, parent of a form, legal basis and references, as links."""
    parts = []

    def doc_link(code):
        target = catalog.get(code)
        return page_link(uri, page_uri(target), f"{code} {target.title}") if target else esc(code)

    def doc_links(codes):    # HTML the Markdown parser passes over (see site/model.py)
        return embed_html("<ul>\n" + "".join(f"<li>{doc_link(code)}</li>\n" for code in codes) + "</ul>")

    if doc.forms:
        parts.append(f"## {L.FORMS}\n\n" + doc_links(doc.forms))
    if doc.procedure:
        parts.append(embed_html(f"<p><strong>{esc(L.PARENT)}:</strong> {doc_link(doc.procedure)}</p>"))
    if doc.legal_basis:
        parts.append(legal_basis_list(doc, catalog))
    if doc.references:
        parts.append(f"## {L.REFERENCES}\n\n" + doc_links(doc.references))
    return "\n\n".join(parts)


def document_page(doc: Document, catalog: Catalog, uri: str | None = None) -> GeneratedPage:
    """The page of a document; `uri` when it is published elsewhere (a former issue's page), so
    that its links are written from where it really is."""
    uri = uri or page_uri(doc)
    history = history_section(doc, catalog, uri) if doc.status not in ("superseded", "pending") else ""
    parts = [f"# {cell(doc.code)} {cell(doc.title)}", pending_notice(doc, catalog, uri),
             control_header(doc, catalog), print_section(doc, uri),
             *before_body(doc, catalog), body_section(doc, catalog, uri), records_table(doc, catalog),
             related_section(doc, catalog, uri), form_records_section(doc, catalog, uri),
             signoff_block(doc, catalog), change_table(doc),
             distribution_section(doc, catalog), history]
    return GeneratedPage(uri, "\n\n".join(p for p in parts if p) + "\n")


def pending_notice(doc: Document, catalog: Catalog, uri: str) -> str:
    """On the page of the issue in force: the approved issue coming next, and its day."""
    coming = catalog.pending.get(doc.code)
    if coming is None or coming is doc or coming.revision == doc.revision:
        return ""
    link = md_link(uri, issue_page_uri(doc.code, coming.revision))
    text = L.PENDING_NOTICE.format(revision=revision_label(coming.revision), date=vn_date(coming.effective), link=link)
    return f'!!! info "{L.PENDING}"\n\n    {text}'


def pending_page(coming: Document, catalog: Catalog) -> GeneratedPage:
    """The preview of an approved issue not yet in force, at the address its QR code will print."""
    uri = issue_page_uri(coming.code, coming.revision)
    content = document_page(replace(coming, status="pending"), catalog, uri).content
    banner = (f'!!! warning "{L.PENDING}"\n\n    ' + L.PENDING_BANNER.format(
        revision=revision_label(coming.revision), date=vn_date(coming.effective),
        link=md_link(uri, page_uri(coming))) + "\n")
    heading, _, rest = content.partition("\n\n")
    return GeneratedPage(uri, f"{heading} (lần ban hành {revision_label(coming.revision)})\n\n{banner}\n{rest}")


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
