"""Rules of the yearly cycle, kind by kind: audits (clauses, independent auditors, actions for
nonconformities), corrective actions (due, verified), management reviews (every 9.3.2 input,
after the audit), risks (treated, evaluated, on the scale), surveys (below target, no personal
data), inspections (valid letter, each recommendation followed up), read-and-understood."""
from __future__ import annotations

import re
from datetime import date, timedelta

from builder.documents.dates import vn_date
from builder.documents.placeholders import text_values
from builder.findings.finding import Severity
from builder.findings.rule_texts import (ACKNOWLEDGEMENT_INCOMPLETE,
                                         ACTION_OVERDUE, ACTION_UNVERIFIED,
                                         AUDIT_CLAUSE,
                                         AUDIT_NONCONFORMITY_NO_ACTION,
                                         AUDITOR_OWN_UNIT, INSPECTION_LETTER,
                                         INSPECTION_NO_FOLLOW_UP,
                                         REVIEW_BEFORE_AUDIT,
                                         REVIEW_INPUT_MISSING,
                                         RISK_NO_TREATMENT, RISK_NOT_EVALUATED,
                                         RISK_SCALE, SURVEY_BELOW_TARGET,
                                         SURVEY_PERSONAL_DATA, SURVEY_RATE)
from builder.legal.numbers import CitationProblem, parse_number
from builder.records.kinds import CLAUSES, REVIEW_INPUTS
from builder.records.queries import (acknowledgements_of, actions_for,
                                     is_overdue, missing_confirmations,
                                     survey_below, survey_target)
from builder.rules.registry import catalog_rule, problem, record_rule, softened


def _of(kind: str):
    """Run a record rule only on records of one kind."""
    def wrap(fn):
        def rule(record, catalog):
            if record.kind == kind:
                yield from fn(record, catalog)
        rule.__doc__ = fn.__doc__
        return rule
    return wrap


@record_rule(AUDIT_CLAUSE)
@_of("audit")
def findings_name_a_clause(record, catalog):
    """Each finding is raised against a clause of TCVN ISO 9001:2015."""
    for index, item in enumerate(record.items("findings")):
        clause = str(item.get("clause") or "").strip().rstrip(".")
        if clause and clause not in CLAUSES:
            yield problem(record.path, record.line("findings", index, "clause"), item=item.get("id"), value=clause)


@record_rule(AUDITOR_OWN_UNIT)
@_of("audit")
def auditors_are_independent(record, catalog):
    """An auditor does not audit their own unit (their listed units, else the whole scope)."""
    org = catalog.organisation
    scope = (record.get("scope") or {}).get("units") or []
    for index, auditor in enumerate(record.items("auditors")):
        person = org.people.get(auditor.get("person") or "")
        if person is None:
            continue
        audited = auditor.get("units") or scope
        if person.unit in audited:
            keys = ("auditors", index, "units") if auditor.get("units") else ("auditors", index, "person")
            yield problem(record.path, record.line(*keys), name=person.name, unit=org.unit_name(person.unit))


@record_rule(AUDIT_NONCONFORMITY_NO_ACTION)
@_of("audit")
def nonconformities_have_actions(record, catalog):
    """Every nonconformity found has a corrective action record raised from it."""
    for index, item in enumerate(record.items("findings")):
        if item.get("type") == "nonconformity" and not actions_for(catalog.records, record.id, item.get("id")):
            yield problem(record.path, record.line("findings", index, "type"), item=item.get("id"), id=record.id,
                          unit=item.get("unit"), clause=item.get("clause"))


@record_rule(ACTION_OVERDUE)
@_of("corrective_action")
def actions_on_time(record, catalog):
    if is_overdue(record, catalog.today):
        yield problem(record.path, record.line("due"), id=record.id, unit=record.get("responsible"),
                      due=vn_date(record.get("due")))


@record_rule(ACTION_UNVERIFIED)
@_of("corrective_action")
def closed_actions_verified(record, catalog):
    """An action is closed only once its effectiveness was verified."""
    if not record.is_closed:
        return
    verification = record.get("verification") or {}
    if not verification.get("result"):
        yield problem(record.path, record.line("status"), id=record.id)
    elif verification["result"] != "effective":
        yield problem(record.path, record.line("verification", "result"), "not-effective", id=record.id)


@record_rule(REVIEW_INPUT_MISSING)
@_of("review")
def review_has_every_input(record, catalog):
    """A review minute covers every input of 9.3.2 (an error once closed, a warning while open)."""
    given = {item.get("input") for item in record.items("inputs")}
    missing = [label for key, label in REVIEW_INPUTS.items() if key not in given]
    if missing:
        found = problem(record.path, record.line("inputs"), id=record.id, missing="; ".join(missing))
        yield found if record.is_closed else softened(found, Severity.WARNING)


@record_rule(REVIEW_BEFORE_AUDIT)
@_of("review")
def review_after_audit(record, catalog):
    """The review of a year comes after that year's internal audit, whose results it reviews."""
    if not record.date:
        return
    audits = [a for a in catalog.records.of_kind("audit", record.year) if a.date]
    before = [a for a in audits if a.date <= record.date]
    if before:
        return
    if audits:
        first = min(audits, key=lambda a: a.date)
        yield problem(record.path, record.line("date"), id=record.id, date=vn_date(record.date), audit=first.id,
                      year=record.year, audit_date=vn_date(first.date))
    else:
        yield problem(record.path, record.line("date"), "none", id=record.id, date=vn_date(record.date),
                      year=record.year)


@record_rule(RISK_NO_TREATMENT)
@_of("risk")
def risks_treated(record, catalog):
    labels = {"treatment": "biện pháp xử lý", "owner": "người chịu trách nhiệm", "due": "hạn"}
    missing = [label for key, label in labels.items() if not record.get(key)]
    if missing:
        yield problem(record.path, record.line("treatment") if record.get("treatment") else record.line("type"),
                      id=record.id, missing=", ".join(missing))


def evaluation_due(catalog, record) -> date | None:
    """The day of the record's year by which its treatment is evaluated (site_config/records.yml)."""
    if not record.year:
        return None
    month, day = catalog.record_settings.evaluation_due
    try:
        return date(record.year, month, day)
    except ValueError:      # 02-30: the last day of that month
        return date(record.year, month % 12 + 1, 1) - timedelta(days=1)


@record_rule(RISK_NOT_EVALUATED)
@_of("risk")
def risks_evaluated(record, catalog):
    due = evaluation_due(catalog, record)
    if due and due < catalog.today and not record.get("evaluation"):
        yield problem(record.path, record.line("type"), id=record.id, due=vn_date(due))


@record_rule(RISK_SCALE)
@_of("risk")
def risk_on_scale(record, catalog):
    settings = catalog.record_settings
    for key, labels in (("likelihood", settings.likelihood), ("impact", settings.impact)):
        value = record.get(key)
        if value is not None and not 1 <= value <= len(labels):
            yield problem(record.path, record.line(key), key=key, value=value, top=len(labels),
                          labels=", ".join(labels))


@record_rule(SURVEY_BELOW_TARGET)
@_of("survey")
def low_results_have_actions(record, catalog):
    """A result below the matching objective's target is answered by a corrective action."""
    below = survey_below(catalog, record)
    if not below or actions_for(catalog.records, record.id):
        return
    target = survey_target(catalog, record)
    link = record.get("objective") or {}
    results = record.items("results")
    for item in below:
        index = results.index(item)
        yield problem(record.path, record.line("results", index, "rate"), id=record.id, group=item.get("group"),
                      rate=f"{item['rate']:g}", op=target.op, target=f"{target.target:g}",
                      objective=f"{link.get('document')} {link.get('target')}")


@record_rule(SURVEY_RATE)
@_of("survey")
def rates_are_percentages(record, catalog):
    results = record.items("results")
    for index, item in enumerate(results):
        rate = item.get("rate")
        if rate is not None and not 0 <= rate <= 100:
            yield problem(record.path, record.line("results", index, "rate"), group=item.get("group"),
                          rate=f"{rate:g}".replace(".", ","))


PERSONAL = (
    ("địa chỉ thư điện tử", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("số điện thoại", re.compile(r"(?<![\w.])(?:\+84|0)(?:[ .-]?\d){9,10}(?![\w.])")),
    ("số định danh cá nhân", re.compile(r"(?<![\w.])\d{12}(?![\w.])")),
)


@record_rule(SURVEY_PERSONAL_DATA)
@_of("survey")
def survey_without_personal_data(record, catalog):
    """Surveys publish aggregates: no respondent's e-mail, phone number or personal id number."""
    where = [(record.line(*keys), text) for keys, text in text_values(record.front_matter)]
    where += list(record.body_lines())
    for line, text in where:
        for what, pattern in PERSONAL:
            found = pattern.search(text)
            if found:
                yield problem(record.path, line, what=what, value=found.group(0))
                break


@record_rule(INSPECTION_LETTER)
@_of("inspection")
def inspection_letter_number(record, catalog):
    letter = record.get("letter")
    parsed = parse_number(letter) if letter else None
    if isinstance(parsed, CitationProblem):
        yield problem(record.path, record.line("letter"), value=letter, problem=parsed.rule.text(value=letter, why=parsed.why, abbr=parsed.abbr,
                                                                       hint=parsed.hint))


@record_rule(INSPECTION_NO_FOLLOW_UP)
@_of("inspection")
def recommendations_followed_up(record, catalog):
    for index, item in enumerate(record.items("recommendations")):
        if not item.get("follow_up") and not item.get("record"):
            yield problem(record.path, record.line("recommendations", index), item=item.get("id") or index + 1,
                          letter=record.get("letter") or record.id)


@catalog_rule(ACKNOWLEDGEMENT_INCOMPLETE)
def issues_acknowledged(catalog):
    """Issues that took effect in the last year are confirmed read by every unit within N days:
    one finding per acknowledgement record still missing units, one per issue with no record."""
    days = catalog.record_settings.acknowledgement_days
    by_record: dict = {}
    for doc, records, missing in unacknowledged(catalog):
        if not records:
            yield problem(doc.path, doc.line("effective"), "none", code=doc.code, revision=doc.revision,
                          date=vn_date(doc.effective), days=days)
        else:
            by_record.setdefault(records[-1].id, (records[-1], missing, []))[2].append(doc)
    for record, missing, docs in by_record.values():
        issues = ", ".join(f"{d.code} lần {d.revision}" for d in docs)
        first = min(d.effective for d in docs)
        yield problem(record.path, record.line("confirmations"), id=record.id, issues=issues, date=vn_date(first),
                      days=days, missing=", ".join(missing))


def unacknowledged(catalog) -> list:
    """(document, its acknowledgement records, units still missing) for each issue in force whose
    confirmations are incomplete more than N days after it took effect, within the last year. Only
    once the agency keeps acknowledgement records: before that, every issue would be reported."""
    days = catalog.record_settings.acknowledgement_days
    out = []
    if not catalog.records.of_kind("acknowledgement"):
        return out      # the agency does not keep read-and-understood confirmations in the repository
    for doc in catalog.documents:
        if doc.status != "effective" or not doc.effective or not doc.revision:
            continue
        age = (catalog.today - doc.effective).days
        if not days < age <= 365:
            continue
        records = acknowledgements_of(catalog.records, doc.code, doc.revision)
        if not records:
            out.append((doc, records, []))
            continue
        missing = sorted(set.intersection(*(set(missing_confirmations(catalog, r)) for r in records)))
        if missing:
            out.append((doc, records, missing))
    return out
