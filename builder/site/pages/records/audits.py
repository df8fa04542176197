"""Internal audits (TCVN ISO 9001:2015, 9.2): one audit's findings, each with the corrective
actions raised from it, and the audit programme of every year with its findings per clause
and unit."""
from __future__ import annotations

from builder.catalog import Catalog
from builder.markup.literal import cell
from builder.records import labels as L
from builder.records.kinds import FINDING_TYPES
from builder.records.model import CycleRecord
from builder.records.queries import actions_for
from builder.site.generator import unindexed
from builder.site.markdown import badge, table
from builder.site.model import GeneratedPage
from builder.site.pages.records.common import (NONE, REGISTER_URIS,
                                               action_links, bullets, by_year,
                                               count_label, doc_link,
                                               field_label, of_kind, period,
                                               person, record_link,
                                               status_badge, text, unit, units,
                                               year_heading)

AUDIT_PAGE = REGISTER_URIS["audit"]


def finding_actions(record: CycleRecord, finding: dict, catalog: Catalog, uri: str) -> str:
    """The corrective actions raised from a finding with their state; a nonconformity without
    any is flagged, as the rule does."""
    actions = [a for a in actions_for(catalog.records, record.id, finding.get("id")) if a.id]
    if actions:
        return action_links(actions, catalog.today, uri)
    return badge(L.NO_ACTION, "bad") if finding.get("type") == "nonconformity" else NONE


def findings_table(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    rows = []
    for f in record.items("findings"):
        where = text(f.get("text"))
        if f.get("procedure"):
            where += f" ({doc_link(f['procedure'], catalog, uri)})"
        rows.append([text(f.get("id")), text(FINDING_TYPES.get(f.get("type"), f.get("type"))), text(f.get("clause")),
                     unit(catalog, f.get("unit")), where, finding_actions(record, f, catalog, uri)])
    return table(list(L.FINDING_COLUMNS), rows) if rows else L.NO_FINDINGS


def auditors(record: CycleRecord, catalog: Catalog) -> str:
    """'Lý Thị Nga (Văn phòng Sở)': each auditor with the units they audited."""
    out = []
    for a in record.items("auditors"):
        audited = f" ({units(catalog, a.get('units'))})" if a.get("units") else ""
        out.append(person(catalog, a.get("person")) + audited)
    return "; ".join(out) or NONE


def details(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    scope = record.get("scope", {})
    facts = bullets([
        (field_label("audit", "dates"), period(record.get("dates"))),
        (L.SCOPE_UNITS, units(catalog, scope.get("units"))),
        (L.SCOPE_PROCEDURES,
         ", ".join(doc_link(c, catalog, uri) for c in scope.get("procedures") or ()) or NONE),
        (field_label("audit", "auditors"), auditors(record, catalog))])
    return f"{facts}\n\n## {L.FINDINGS}\n\n{findings_table(record, catalog, uri)}"


def _clause_key(clause: str) -> tuple:
    """7.5.3 before 10.2: clauses in the standard's order, not as text."""
    return tuple(int(p) if p.isdigit() else 0 for p in (clause or "").split("."))


def findings_matrix(audits: list[CycleRecord], catalog: Catalog) -> str:
    """How many findings each clause has in each unit (all audits of a year), with totals."""
    counts: dict[tuple[str, str], int] = {}
    for record in audits:
        for f in record.items("findings"):
            key = (f.get("clause") or "", f.get("unit") or "")
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return L.NO_FINDINGS
    order = list(catalog.organisation.units)
    found_units = sorted({u for _, u in counts}, key=lambda u: (order.index(u) if u in order else len(order), u))
    clauses = sorted({c for c, _ in counts}, key=_clause_key)
    rows = []
    for clause in clauses:
        values = [counts.get((clause, u), 0) for u in found_units]
        rows.append([text(clause)] + [str(v) if v else "" for v in values] + [f"**{sum(values)}**"])
    totals = [sum(counts.get((c, u), 0) for c in clauses) for u in found_units]
    rows.append([f"**{L.TOTAL}**"] + [f"**{t}**" for t in totals] + [f"**{sum(totals)}**"])
    header = [L.CLAUSE] + [cell(catalog.organisation.unit_name(u)) for u in found_units] + [L.TOTAL]
    return table(header, rows)


def audit_row(record: CycleRecord, catalog: Catalog) -> list[str]:
    """One audit in the programme: the auditors by name (who audited which unit is on its page)."""
    types = [f.get("type") for f in record.items("findings")]
    team = ", ".join(person(catalog, a.get("person")) for a in record.items("auditors")) or NONE
    return ([record_link(record, AUDIT_PAGE), text(record.title), period(record.get("dates")),
             units(catalog, record.get("scope", {}).get("units")), team]
            + [str(types.count(t)) for t in FINDING_TYPES] + [status_badge(record)])


def audit_page(catalog: Catalog) -> GeneratedPage:
    """The audit programme: every audit of every year, newest first, and the year's findings
    by clause and unit."""
    header = [L.RECORD_ID, field_label("audit", "title"),
              L.AUDIT_DATES, L.AUDIT_SCOPE, L.AUDITORS, *FINDING_TYPES.values(), L.STATE_COLUMN]
    out = [f"# {L.REGISTER_TITLES['audit']}",
           "Các cuộc đánh giá nội bộ theo từng năm: thời gian, phạm vi, đoàn đánh giá và số phát hiện theo loại; "
           "bảng dưới mỗi năm đếm phát hiện theo điều khoản TCVN ISO 9001:2015 và đơn vị."]
    audits = of_kind(catalog, "audit")
    for year, items in by_year(audits):
        out += [year_heading(year) + f" ({count_label(len(items))})",
                unindexed(table(header, [audit_row(r, catalog) for r in items])),
                f"### {L.FINDINGS_MATRIX}", unindexed(findings_matrix(items, catalog))]
    if not audits:
        out.append(L.REGISTER_EMPTY)
    return GeneratedPage(AUDIT_PAGE, "\n\n".join(out) + "\n")
