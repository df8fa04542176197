"""Units named by documents exist, and effective documents are not owned by dissolved units."""
from __future__ import annotations

import difflib

from builder.documents.dates import vn_date
from builder.findings.rule_texts import UNIT_DISSOLVED, UNIT_UNKNOWN
from builder.rules.registry import document_rule, problem


def unit_references(doc):
    """(key path, unit id) for every unit a document names."""
    if doc.unit:
        yield ("unit",), doc.unit
    for i, record in enumerate(doc.records):
        yield ("records", i, "keeper"), record.keeper
    for i, target in enumerate(doc.targets):
        if target.unit:
            yield ("targets", i, "unit"), target.unit
    for i, task in enumerate(doc.tasks):
        for unit in task.units:
            yield ("tasks", i, "unit"), unit


@document_rule(UNIT_UNKNOWN)
def units_exist(doc, catalog):
    """Every unit id a document names is in organisation.yml."""
    units = catalog.organisation.units
    for keys, unit in unit_references(doc):
        if unit and unit not in units:
            close = difflib.get_close_matches(unit, list(units), n=1)
            hint = f" Có phải ý bạn là '{close[0]}'?" if close else ""
            yield problem(doc.path, doc.line(*keys), unit=unit, hint=hint)


@document_rule(UNIT_DISSOLVED)
def owner_not_dissolved(doc, catalog):
    """An effective or draft document is owned by a unit that still exists."""
    unit = catalog.organisation.units.get(doc.unit)
    if doc.status == "withdrawn" or unit is None or unit.dissolved is None:
        return
    if unit.dissolved > catalog.today:
        return
    successor = catalog.organisation.units.get(unit.successor or "")
    yield problem(doc.path, doc.line("unit"), unit=unit.id, name=unit.name,
                  date=vn_date(unit.dissolved), successor=unit.successor or "(chưa khai báo)",
                  successor_name=successor.name if successor else "cần khai báo trong organisation.yml")
