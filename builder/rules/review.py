"""Periodic review: an effective document is looked at again every review_months."""
from __future__ import annotations

from builder.catalog import is_archived
from builder.documents.dates import add_months, vn_date
from builder.findings.rule_texts import REVIEW_OVERDUE
from builder.rules.registry import document_rule, problem


def review_due(doc, catalog):
    """The date the next periodic review is due, or None for documents not in force."""
    if doc.status != "effective" or doc.effective is None or is_archived(doc, catalog.today):
        return None
    months = doc.review_months or catalog.organisation.review_months
    return add_months(doc.effective, months)


@document_rule(REVIEW_OVERDUE)
def review_not_overdue(doc, catalog):
    """Past its review date, an effective document is a warning."""
    due = review_due(doc, catalog)
    if due is not None and due < catalog.today:
        yield problem(doc.path, doc.line("effective"), due=vn_date(due),
                      effective=vn_date(doc.effective),
                      months=doc.review_months or catalog.organisation.review_months)
