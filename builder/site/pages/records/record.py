"""One record's page: what it is and where it belongs (kind, id, keeping unit, date, status and
closing, the form issue it was made on, the procedure it serves, its register), the kind's own
fields, its body rendered like a document's, and the PDF of a closed record."""
from __future__ import annotations

import html

from builder.addresses import page_uri, record_page_uri, record_pdf_path
from builder.catalog import Catalog
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.markup.literal import cell
from builder.records import labels as L
from builder.records.kinds import KINDS
from builder.records.model import CycleRecord
from builder.site.body import rendered_section, source_resolver
from builder.site.generator import unindexed_heading
from builder.site.markdown import esc, href, page_link
from builder.site.model import GeneratedPage, embed_html
from builder.site.pages.records import (acknowledgements, actions, audits,
                                        inspections, iso18091, reviews, risks,
                                        surveys, trainings)
from builder.site.pages.records.common import NONE, REGISTER_URIS
from builder.site.pages.records.common import status_badge as record_badge

# Each kind lays out its own fields (the modules also make the kind's register).
DETAILS = {"audit": audits.details, "corrective_action": actions.details, "risk": risks.details,
           "survey": surveys.details, "review": reviews.details, "training": trainings.details,
           "inspection": inspections.details, "acknowledgement": acknowledgements.details,
           "assessment": iso18091.details}


def _doc_html(code: str, catalog: Catalog, uri: str, label: str | None = None) -> str:
    """An HTML link to a document's page with its title, or the code as written."""
    doc = catalog.get(code or "")
    if doc is None or not doc.code:
        return esc(label or code or "") or NONE
    return f"{page_link(uri, page_uri(doc), label or doc.code)} {esc(doc.title)}"


def _ref_html(ref: str, catalog: Catalog, uri: str) -> str:
    record = catalog.records.get(ref)
    if record is not None and record.id and record.kind in KINDS:
        return page_link(uri, record_page_uri(record), record.id)
    doc = catalog.get(ref)
    return page_link(uri, page_uri(doc), doc.code) if doc is not None and doc.code else esc(ref)


def form_html(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    """'BM.08 (lần ban hành 02) Báo cáo đánh giá nội bộ', linked to the form's page; a note
    when the form has had a newer issue since."""
    label = L.FORM_ISSUE.format(code=record.form_code, revision=revision_label(record.form_revision))
    out = _doc_html(record.form_code, catalog, uri, label)
    form = catalog.get(record.form_code)
    if form is not None and form.revision and record.form_revision and form.revision != record.form_revision:
        out += f" ({esc(L.FORM_NOT_CURRENT.format(revision=revision_label(form.revision)))})"
    return out


def status_html(record: CycleRecord, catalog: Catalog) -> str:
    out = record_badge(record)
    if record.closed is not None:
        out += " " + esc(L.CLOSED_LINE.format(by=catalog.organisation.person_name(record.closed.by),
                                              date=vn_date(record.closed.date)))
    return out


def header(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    """The record's identity as a two-column table (searchable: id, unit and title find it)."""
    rows = [(L.PAGE_KIND, esc(KINDS.get(record.kind, record.kind))), (L.RECORD_ID, esc(record.id)),
            (L.RECORD_UNIT, esc(catalog.organisation.unit_name(record.unit))),
            (L.RECORD_DATE, esc(vn_date(record.date)) or NONE), (L.STATE_COLUMN, status_html(record, catalog)),
            (L.RECORD_FORM, form_html(record, catalog, uri)),
            (L.RECORD_PROCEDURE, _doc_html(record.procedure, catalog, uri)),
            (L.RECORD_REGISTER, page_link(uri, REGISTER_URIS[record.kind], L.REGISTER_TITLES[record.kind]))]
    if record.references:
        rows.append((L.RECORD_REFERENCES, ", ".join(_ref_html(r, catalog, uri) for r in record.references)))
    # One cell a line: the search index reads the text between tags as is, and 'Số hồ sơKP-2026-02'
    # would be one word.
    cells = "\n".join(f'<tr>\n<td class="qms-label">{html.escape(label)}</td>\n<td>{value}</td>\n</tr>'
                      for label, value in rows)
    return embed_html(f'<table class="qms-control-header qms-record-header" data-record-kind="{esc(record.kind)}">'
                      f"\n{cells}\n</table>")


def pdf_section(record: CycleRecord, uri: str) -> str:
    """A closed record's PDF (made by the PDF builder beside the page); an open record has none."""
    if not record.is_closed:
        return ""
    text = esc(L.RECORD_PDF_LINK.format(id=record.id))
    link = f'<a href="{esc(href(uri, record_pdf_path(record)))}" download>{text}</a>'
    return f"{unindexed_heading(L.RECORD_PDF)}\n\n{link}"


def record_page(record: CycleRecord, catalog: Catalog) -> GeneratedPage:
    uri = record_page_uri(record)
    body = rendered_section(record.body, source_resolver(record.path, uri, catalog, uri))
    parts = [f"# {cell(record.id)} — {cell(record.title)}", header(record, catalog, uri),
             DETAILS[record.kind](record, catalog, uri), f"## {L.RECORD_CONTENT}\n\n{body}" if body else "",
             pdf_section(record, uri)]
    return GeneratedPage(uri, "\n\n".join(p for p in parts if p) + "\n")
