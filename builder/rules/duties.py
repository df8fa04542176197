"""Yearly duties and re-announcement, as warnings on `qms check` (and on the home page).

An audit or a review is proven by its closed record; the yearly plan's task for it is checked
against the records, so that a task marked done without a record (or the reverse) shows."""
from __future__ import annotations

from builder.catalog import year_of
from builder.documents.dates import vn_date
from builder.duties.yearly import (ACTIVITIES_FILE, DUTY_KINDS, DUTY_LABELS,
                                   duty_evidence, duty_status, scope_change)
from builder.findings.rule_texts import (DUTY_PLAN_DISAGREES,
                                         INTERNAL_AUDIT_OVERDUE,
                                         MANAGEMENT_REVIEW_OVERDUE,
                                         SCOPE_CHANGED)
from builder.rules.registry import catalog_rule, problem

RECORDS_FOLDER = "records"


def _duty_tasks(catalog, duty: str):
    """(plan, index, task) for each task of a yearly plan that carries out this duty."""
    for plan in catalog.of_kind("plan"):
        for index, task in enumerate(plan.tasks):
            if task.type == duty:
                yield plan, index, task


def _where(catalog, duty: str) -> tuple[str, int]:
    """Where a missing or late duty is reported: the latest record of it, else this year's
    plan task for it, else the records folder."""
    evidence = duty_evidence(catalog, duty)
    if evidence:
        return evidence[-1].path, 1
    for plan, index, _ in _duty_tasks(catalog, duty):
        if year_of(plan) == catalog.today.year:
            return plan.path, plan.line("tasks", index)
    return RECORDS_FOLDER, 1


def _duty(catalog, duty: str):
    status = duty_status(catalog, duty)
    if not status.overdue:
        return
    path, line = _where(catalog, duty)
    if status.last is None:
        yield problem(path, line, "never", label=DUTY_LABELS[duty], kind=DUTY_KINDS[duty])
    else:
        yield problem(path, line, label=DUTY_LABELS[duty], last=vn_date(status.last),
                      source=status.source, due=vn_date(status.due))


@catalog_rule(INTERNAL_AUDIT_OVERDUE)
def internal_audit_yearly(catalog):
    """An internal audit at least once every 12 months, proven by a closed audit record."""
    yield from _duty(catalog, "internal_audit")


@catalog_rule(MANAGEMENT_REVIEW_OVERDUE)
def management_review_yearly(catalog):
    """A management review at least once every 12 months, proven by a closed review record."""
    yield from _duty(catalog, "management_review")


@catalog_rule(DUTY_PLAN_DISAGREES)
def plan_agrees_with_records(catalog):
    """A plan task of an audit or a review is done exactly when that year has its closed record."""
    for duty in DUTY_KINDS:
        evidence = duty_evidence(catalog, duty)
        for plan, index, task in _duty_tasks(catalog, duty):
            year = year_of(plan)
            of_year = [r for r in evidence if r.year == year]
            values = dict(plan=plan.code, task=task.content[:80], label=DUTY_LABELS[duty], year=year)
            if task.status == "done" and not of_year:
                yield problem(plan.path, plan.line("tasks", index, "status"), **values)
            elif of_year and task.status not in ("done", "cancelled"):
                last = of_year[-1]
                yield problem(plan.path, plan.line("tasks", index, "status"), "not-done", record=last.id,
                              date=vn_date(last.date), iso=last.date.isoformat(), **values)


@catalog_rule(SCOPE_CHANGED)
def scope_as_announced(catalog):
    """Units or TTHC procedures added or removed since the last announcement of conformity."""
    change = scope_change(catalog)
    if change is not None:
        yield problem(ACTIVITIES_FILE, change.announcement.line,
                      date=vn_date(change.announcement.date), changes=change.describe())
