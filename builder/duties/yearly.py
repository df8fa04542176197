"""Yearly duties of Quyết định 19/2014/QĐ-TTg: internal audit, management review, and
re-announcement when the scope of the system changes.

The evidence of an audit or a review is its record (records/): a closed audit report, a closed
review minute. A plan's task marked done is only a cross-check (rule duty-plan-disagrees); the
announcements of the system's scope stay in site_config/activities.yml.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from builder.documents.dates import add_months, vn_date
from builder.documents.field_types import (Context, Date, Enum, Field, ListOf,
                                           Struct, Text)
from builder.documents.yaml_files import read_yaml_file
from builder.findings.rule_texts import CONFIG_INVALID, SCOPE_CHANGED

ACTIVITIES_FILE = "site_config/activities.yml"
ACTIVITY_TYPES = ("announcement",)   # audits and reviews are records now (records/)
DUTY_LABELS = {"internal_audit": "đánh giá nội bộ", "management_review": "xem xét của lãnh đạo"}
# The kind of record whose closing proves a duty done (builder/records/kinds.py).
DUTY_KINDS = {"internal_audit": "audit", "management_review": "review"}

ACTIVITIES_SHAPE = Struct([Field("activities", ListOf(Struct([
    Field("type", Enum(ACTIVITY_TYPES), "Loại hoạt động", required=True),
    Field("date", Date(), "Ngày", required=True),
    Field("reference", Text(), "Hồ sơ, số văn bản"),
    Field("note", Text(), "Ghi chú"),
    Field("units", ListOf(Text()), "Đơn vị trong phạm vi (khi công bố)"),
    Field("procedures", ListOf(Text()), "Quy trình thủ tục hành chính trong phạm vi (khi công bố)"),
])), "Hoạt động", required=True)])


@dataclass(frozen=True)
class Activity:
    type: str
    date: date
    reference: str = ""
    units: tuple = ()
    procedures: tuple = ()
    source: str = ACTIVITIES_FILE
    line: int = 1


@dataclass
class Activities:
    items: list[Activity] = field(default_factory=list)


def load_activities(root: Path) -> tuple[Activities, list]:
    """Read site_config/activities.yml (optional: no file means no records)."""
    findings: list = []
    if not (Path(root) / ACTIVITIES_FILE).is_file():
        return Activities(), findings
    located = read_yaml_file(Path(root), ACTIVITIES_FILE, CONFIG_INVALID, findings)
    if located is None:
        return Activities(), findings
    data = ACTIVITIES_SHAPE.convert(located.data, (), Context(ACTIVITIES_FILE, located, findings)) or {}
    items = [Activity(a["type"], a["date"], a.get("reference") or "", tuple(a.get("units") or ()),
                      tuple(a.get("procedures") or ()), line=located.line("activities", i))
             for i, a in enumerate(data.get("activities") or []) if a and a.get("type") and a.get("date")]
    return Activities(items), findings


@dataclass(frozen=True)
class DutyStatus:
    duty: str                  # internal_audit | management_review
    last: date | None
    source: str                # where the evidence is
    due: date | None           # 12 months after the last one
    overdue: bool

    def describe(self) -> str:
        label = DUTY_LABELS[self.duty]
        if self.last is None:
            return (f"Chưa có hồ sơ {label} nào đã ký đóng: lập bằng 'qms record new {DUTY_KINDS[self.duty]}' "
                    f"rồi ký đóng bằng 'qms record close'.")
        state = "đã quá hạn" if self.overdue else "hạn lần tiếp theo"
        return f"Lần {label} gần nhất ngày {vn_date(self.last)} ({self.source}); {state} {vn_date(self.due)}."


def duty_evidence(catalog, duty: str) -> list:
    """Closed records proving a yearly duty done (a closed audit report, a closed review
    minute), dated up to today, oldest first."""
    found = [r for r in catalog.records.of_kind(DUTY_KINDS[duty])
             if r.is_closed and r.date and r.date <= catalog.today]
    return sorted(found, key=lambda r: (r.date, r.id))


def duty_status(catalog, duty: str) -> DutyStatus:
    """The most recent evidence of a yearly duty up to today."""
    evidence = duty_evidence(catalog, duty)
    if not evidence:
        return DutyStatus(duty, None, "", None, True)
    last = evidence[-1]
    due = add_months(last.date, 12)
    return DutyStatus(duty, last.date, f"{last.id}: {last.title}", due, due < catalog.today)


@dataclass(frozen=True)
class ScopeChange:
    announcement: Activity
    added_units: tuple
    removed_units: tuple
    added_procedures: tuple
    removed_procedures: tuple

    def parts(self) -> list[tuple[str, tuple]]:
        """What changed, by kind of change (the wording is the scope-changed rule's)."""
        return [("added_units", self.added_units), ("removed_units", self.removed_units),
                ("added_procedures", self.added_procedures), ("removed_procedures", self.removed_procedures)]

    def describe(self) -> str:
        return "; ".join(SCOPE_CHANGED.text(name, items=", ".join(items))
                         for name, items in self.parts() if items)


def current_scope(catalog) -> tuple[set[str], set[str]]:
    """Units that exist today, and effective procedures that carry out administrative procedures."""
    units = {u.id for u in catalog.organisation.units.values()
             if not (u.dissolved and u.dissolved <= catalog.today)}
    procedures = {d.code for d in catalog.documents if d.status == "effective" and d.tthc}
    return units, procedures


def scope_change(catalog) -> ScopeChange | None:
    """The difference between today's scope and the last announcement's, if any."""
    announcements = [a for a in catalog.activities.items if a.type == "announcement" and a.date <= catalog.today]
    if not announcements:
        return None
    last = max(announcements, key=lambda a: a.date)
    units, procedures = current_scope(catalog)
    change = ScopeChange(last, tuple(sorted(units - set(last.units))), tuple(sorted(set(last.units) - units)),
                         tuple(sorted(procedures - set(last.procedures))),
                         tuple(sorted(set(last.procedures) - procedures)))
    return change if change.describe() else None
