"""A document's issue history ('Lịch sử ban hành'), read from git."""
from __future__ import annotations

from builder.addresses import diff_page_uri, issue_page_uri
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.documents.model import Document
from builder.site.generator import unindexed_heading
from builder.site.markdown import esc, html_table, page_link
from builder.site.model import embed_html


def issue_documents(doc: Document, catalog: Catalog) -> dict[int, Document]:
    """Every issue of a document: from history, the current file for the current issue."""
    issues = {rev: v.document for rev, v in catalog.history.issues(doc.code).items()
              if not doc.revision or rev <= doc.revision}      # a pending issue is not history yet
    if doc.revision and doc.in_force:
        issues[doc.revision] = doc
    return dict(sorted(issues.items()))


def _relative(from_uri: str, to_uri: str) -> str:
    return "../" * from_uri.count("/") + to_uri


def history_section(doc: Document, catalog: Catalog, uri: str) -> str:
    """'Lịch sử ban hành': issue, date, summary, approver, links to the issue and its changes.
    HTML the Markdown parser passes over (see site/model.py): one on every document's page."""
    issues = issue_documents(doc, catalog)
    if not issues:
        return ""
    summaries = {row.revision: row.description for row in doc.changes}
    rows = []
    for rev, version in reversed(issues.items()):
        approved = version.signoffs.get("approved")
        approver = catalog.organisation.person_name(approved.by) if approved else L.NONE
        if rev == doc.revision:
            view = esc(L.CURRENT_ISSUE)
        else:
            view = page_link(uri, issue_page_uri(doc.code, rev), L.VIEW_ISSUE)
        if rev - 1 in issues:
            view += " · " + page_link(uri, diff_page_uri(doc.code, rev), L.VIEW_CHANGES)
        rows.append([esc(revision_label(rev)), esc(vn_date(version.effective)), esc(summaries.get(rev)),
                     esc(approver), view])
    return unindexed_heading(L.HISTORY) + "\n\n" + embed_html(html_table(list(L.HISTORY_COLUMNS), rows))
