"""The 3-month duty: documents citing a changed legal document must be reissued in time."""
from __future__ import annotations

from builder.documents.dates import vn_date
from builder.findings.rule_texts import LEGAL_UPDATE_DUE, LEGAL_UPDATE_OVERDUE
from builder.legal.changes import impacts
from builder.rules.registry import catalog_rule, problem


def _values(impact):
    doc = impact.document
    return dict(change=impact.change.describe(), date=vn_date(impact.change.date), due=vn_date(impact.due),
                revision=doc.revision, effective=vn_date(doc.effective), days=impact.days_left)


@catalog_rule(LEGAL_UPDATE_OVERDUE)
def reissued_before_deadline(catalog):
    """Past the deadline without a new issue: an error naming the change and the due date."""
    for impact in impacts(catalog):
        if impact.state == "overdue":
            yield problem(impact.document.path, impact.citation.line, **_values(impact))


@catalog_rule(LEGAL_UPDATE_DUE)
def reissue_pending(catalog):
    """Within the deadline: a warning with the days left."""
    for impact in impacts(catalog):
        if impact.state == "due":
            yield problem(impact.document.path, impact.citation.line, **_values(impact))
