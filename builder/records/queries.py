"""What the rules, the pages, the PDFs and the commands ask of records, answered in one place:
which actions answer a finding, what is overdue, which form issue was in force on a day, how long
a record is kept. Each takes the catalog (or its parts) and never reads files."""
from __future__ import annotations

import re
from datetime import date

from builder.documents.dates import add_months
from builder.documents.model import Document, Target
from builder.records.model import CycleRecord, Records


def actions_for(records: Records, record_id: str, item: str | None = None) -> list[CycleRecord]:
    """Corrective actions raised from a record (and one of its items: a finding, a recommendation)."""
    index = records.cache.get("actions")
    if index is None:
        index = records.cache["actions"] = {}
        for ca in records.of_kind("corrective_action"):
            source = ca.get("source", {})
            if source.get("record"):
                index.setdefault(source["record"], []).append(ca)
    found = index.get(record_id, [])
    return [ca for ca in found if item is None or str(ca.get("source", {}).get("item") or "") == str(item)]


def is_overdue(record: CycleRecord, today: date) -> bool:
    """An open corrective action past its due date."""
    due = record.get("due")
    return record.kind == "corrective_action" and not record.is_closed and due is not None and due < today


def action_state(record: CycleRecord, today: date) -> str:
    """'closed', 'overdue' or 'open' for a corrective action."""
    if record.is_closed:
        return "closed"
    return "overdue" if is_overdue(record, today) else "open"


def issue_dates(catalog, code: str) -> dict[int, tuple[date | None, date | None]]:
    """Each issue of a document with its first day in force and the day the next issue (or the
    withdrawal) ended it. Git history says when each committed issue took effect; issues from
    before the repository (a system adopted at its third issue) come from the document's own
    change table, which the approval covers."""
    effective: dict[int, date] = {}
    withdrawn: date | None = None
    current = catalog.get(code)
    if current is not None and current.revision:
        effective.update({row.revision: row.date for row in current.changes
                          if row.revision and row.date and row.revision < current.revision})
    for revision, version in catalog.history.issues(code).items():
        if version.document.effective:
            effective[revision] = version.document.effective
    if current is not None and current.revision and current.in_force and current.effective:
        effective[current.revision] = current.effective
        withdrawn = current.withdrawn if current.status == "withdrawn" else None
    ordered = sorted(effective.items())
    out = {}
    for index, (revision, start) in enumerate(ordered):
        end = ordered[index + 1][1] if index + 1 < len(ordered) else withdrawn
        out[revision] = (start, end)
    return out


def issue_in_force(catalog, code: str, on: date) -> int | None:
    """The issue of a document in force on a day, or None."""
    for revision, (start, end) in issue_dates(catalog, code).items():
        if start and start <= on and (end is None or on < end):
            return revision
    return None


_YEARS = re.compile(r"(\d{1,3})\s*năm", re.IGNORECASE)


def retention_years(text: str) -> int | None:
    """'05 năm' → 5; 'Lâu dài', 'Lưu cùng hồ sơ thủ tục hành chính' → None (no end to check)."""
    found = _YEARS.search(text or "")
    return int(found.group(1)) if found else None


def retention_of(catalog, record: CycleRecord) -> tuple[Document, str] | None:
    """The procedure's 'Hồ sơ cần lưu' row for the record's form: (procedure, retention text)."""
    procedure = catalog.get(record.procedure)
    if procedure is None:
        return None
    for row in procedure.records:
        if row.form and row.form == record.form_code:
            return procedure, row.retention
    return None


def retention_end(catalog, record: CycleRecord) -> date | None:
    """The day the retention period ends (counted from the closing, else the record's date)."""
    found = retention_of(catalog, record)
    years = retention_years(found[1]) if found else None
    start = (record.closed.date if record.closed and record.closed.date else None) or record.date
    return add_months(start, 12 * years) if years and start else None


def risk_score(record: CycleRecord) -> int:
    return (record.get("likelihood") or 0) * (record.get("impact") or 0)


def survey_target(catalog, record: CycleRecord) -> Target | None:
    """The quality objective a survey measures (its `objective`: document and target id)."""
    link = record.get("objective") or {}
    doc = catalog.get(link.get("document") or "")
    if doc is None:
        return None
    return next((t for t in doc.targets if t.id == link.get("target")), None)


def survey_below(catalog, record: CycleRecord) -> list[dict]:
    """Result groups of a survey below its objective's target."""
    target = survey_target(catalog, record)
    if target is None:
        return []
    return [r for r in record.items("results") if r.get("rate") is not None and not target.met(r["rate"])]


def acknowledgement_units(catalog, record: CycleRecord) -> list[str]:
    """Units that must confirm they read the documents: listed, else every unit existing that day."""
    listed = record.get("units") or []
    if listed:
        return list(listed)
    on = record.date or catalog.today
    return [u.id for u in catalog.organisation.units.values() if not (u.dissolved and u.dissolved <= on)]


def missing_confirmations(catalog, record: CycleRecord) -> list[str]:
    confirmed = {c.get("unit") for c in record.items("confirmations")}
    return [u for u in acknowledgement_units(catalog, record) if u not in confirmed]


def acknowledgements_of(records: Records, code: str, revision: int) -> list[CycleRecord]:
    """The acknowledgement records naming this issue (an index built once: pages and rules ask
    for every issue of the year, over thousands of records)."""
    index = records.cache.get("acknowledgements")
    if index is None:
        index = records.cache["acknowledgements"] = {}
        for record in records.of_kind("acknowledgement"):
            for item in record.items("documents"):
                index.setdefault((item.get("code"), item.get("revision")), []).append(record)
    return list(index.get((code, revision), ()))


def records_on_form(records: Records, code: str) -> dict[int, int]:
    """How many records were made on a form, per year (newest first)."""
    counts: dict[int, int] = {}
    for r in records:
        if r.form_code == code and r.year:
            counts[r.year] = counts.get(r.year, 0) + 1
    return dict(sorted(counts.items(), reverse=True))
