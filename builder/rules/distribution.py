"""The distribution register records facts: real documents, issues, units and people, dates
that can have happened (one number per copy is checked when the file is read)."""
from __future__ import annotations

from builder.distribution.register import REGISTER, load
from builder.findings.rule_texts import (DISTRIBUTION_CODE, DISTRIBUTION_DATES,
                                         DISTRIBUTION_INVALID,
                                         DISTRIBUTION_PERSON,
                                         DISTRIBUTION_UNIT)
from builder.rules.registry import catalog_rule, problem


def _copies(catalog):
    return catalog.memo("distribution-register", lambda: load(catalog.root))


@catalog_rule(DISTRIBUTION_INVALID)
def register_parses(catalog):
    """registers/distribution.csv is well-formed."""
    for p in _copies(catalog)[1]:
        yield problem(REGISTER, p.line, detail=p.detail)


@catalog_rule(DISTRIBUTION_CODE)
def copies_of_real_issues(catalog):
    """Every copy is of a document that exists, at an issue it has reached."""
    for c in _copies(catalog)[0]:
        doc = catalog.get(c.code)
        if doc is None:
            yield problem(REGISTER, c.line, code=c.code, copy=c.copy)
        elif doc.revision and c.revision > doc.revision:
            yield problem(REGISTER, c.line, "revision", code=c.code, copy=c.copy, revision=c.revision,
                          current=doc.revision)


@catalog_rule(DISTRIBUTION_UNIT)
def copies_to_real_units(catalog):
    units = catalog.organisation.units
    for c in _copies(catalog)[0]:
        if c.unit not in units:
            yield problem(REGISTER, c.line, unit=c.unit, copy=c.copy, code=c.code)


@catalog_rule(DISTRIBUTION_PERSON)
def copies_by_real_people(catalog):
    """Who issued and who took back a copy are people of the organisation (never a login)."""
    people = catalog.organisation.people
    for c in _copies(catalog)[0]:
        for role, person in (("người cấp", c.issued_by), ("người thu hồi", c.recalled_by)):
            if person and person not in people:
                yield problem(REGISTER, c.line, person=person, role=role, copy=c.copy, code=c.code)
        if not c.issued_by:
            yield problem(REGISTER, c.line, person="", role="người cấp", copy=c.copy, code=c.code)


@catalog_rule(DISTRIBUTION_DATES)
def copies_on_possible_dates(catalog):
    today = catalog.today
    for c in _copies(catalog)[0]:
        what = None
        if c.issued > today:
            what = f"ngày cấp {c.issued:%d/%m/%Y} sau hôm nay"
        elif c.recalled and c.recalled < c.issued:
            what = f"ngày thu hồi {c.recalled:%d/%m/%Y} trước ngày cấp {c.issued:%d/%m/%Y}"
        elif c.recalled and c.recalled > today:
            what = f"ngày thu hồi {c.recalled:%d/%m/%Y} sau hôm nay"
        if what:
            yield problem(REGISTER, c.line, copy=c.copy, code=c.code, what=what)
