"""Yearly duties and re-announcement, as warnings on `qms check` (and on the home page)."""
from __future__ import annotations

from builder.documents.dates import vn_date
from builder.duties.yearly import (ACTIVITIES_FILE, DUTY_LABELS, duty_status,
                                   scope_change)
from builder.findings.rule_texts import (INTERNAL_AUDIT_OVERDUE,
                                         MANAGEMENT_REVIEW_OVERDUE,
                                         SCOPE_CHANGED)
from builder.rules.registry import catalog_rule, problem


def _duty(catalog, duty: str):
    status = duty_status(catalog, duty)
    if not status.overdue:
        return
    if status.last is None:
        yield problem(ACTIVITIES_FILE, 1, "never", label=DUTY_LABELS[duty], duty=duty, file=ACTIVITIES_FILE)
    else:
        yield problem(ACTIVITIES_FILE, 1, label=DUTY_LABELS[duty], last=vn_date(status.last),
                      source=status.source, due=vn_date(status.due))


@catalog_rule(INTERNAL_AUDIT_OVERDUE)
def internal_audit_yearly(catalog):
    """An internal audit at least once every 12 months."""
    yield from _duty(catalog, "internal_audit")


@catalog_rule(MANAGEMENT_REVIEW_OVERDUE)
def management_review_yearly(catalog):
    """A management review at least once every 12 months."""
    yield from _duty(catalog, "management_review")


@catalog_rule(SCOPE_CHANGED)
def scope_as_announced(catalog):
    """Units or TTHC procedures added or removed since the last announcement of conformity."""
    change = scope_change(catalog)
    if change is not None:
        yield problem(ACTIVITIES_FILE, change.announcement.line,
                      date=vn_date(change.announcement.date), changes=change.describe())
