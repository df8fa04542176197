"""Yearly duties and re-announcement, as warnings on `qms check` (and on the home page)."""
from __future__ import annotations

from ..duties import ACTIVITIES_FILE, duty_status, scope_change
from ..dates import vn_date
from ..messages import finding
from . import catalog_rule


def _duty(catalog, duty: str, rule: str):
    status = duty_status(catalog, duty)
    if status.overdue:
        yield finding(rule, ACTIVITIES_FILE, 1, detail=status.describe())


@catalog_rule("internal-audit-overdue")
def internal_audit_yearly(catalog):
    """An internal audit at least once every 12 months."""
    yield from _duty(catalog, "internal_audit", "internal-audit-overdue")


@catalog_rule("management-review-overdue")
def management_review_yearly(catalog):
    """A management review at least once every 12 months."""
    yield from _duty(catalog, "management_review", "management-review-overdue")


@catalog_rule("scope-changed")
def scope_as_announced(catalog):
    """Units or TTHC procedures added or removed since the last announcement of conformity."""
    change = scope_change(catalog)
    if change is not None:
        yield finding("scope-changed", ACTIVITIES_FILE, change.announcement.line,
                      date=vn_date(change.announcement.date), detail=change.describe())
