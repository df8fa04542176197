"""Read-and-understood (tiếp nhận tài liệu): which units confirmed they read a new issue, per
record and per document issue; issues still unconfirmed some days after they took effect are
also shown on the home page (home.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from builder.catalog import Catalog
from builder.documents import labels as DL
from builder.documents.labels import revision_label
from builder.documents.model import Document
from builder.records import labels as L
from builder.records.model import CycleRecord
from builder.records.queries import (acknowledgement_units,
                                     acknowledgements_of, issue_dates,
                                     missing_confirmations)
from builder.site.generator import unindexed
from builder.site.markdown import badge, md_link, table
from builder.site.model import GeneratedPage
from builder.site.pages.records.common import (NONE, REGISTER_URIS, bullets,
                                               day, doc_link, field_label,
                                               of_kind, person, record_link,
                                               unit, units)

ACKS_PAGE = REGISTER_URIS["acknowledgement"]
KIND = "acknowledgement"
STATE_TONES = {"complete": "ok", "waiting": "info", "late": "bad", "none": "warn"}
RECENT_DAYS = 365       # a new issue is one that took effect within the last 12 months


@dataclass
class IssueAcknowledgement:
    """One issue of a document and what its acknowledgement records say about it."""
    code: str
    revision: int
    effective: date | None
    document: Document | None
    records: list[CycleRecord] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)     # units that have not confirmed
    state: str = "none"                                   # complete | waiting | late | none

    @property
    def in_force(self) -> bool:
        """The issue staff work with today (an older issue's confirmations no longer matter)."""
        doc = self.document
        return doc is not None and doc.status == "effective" and doc.revision == self.revision


def _state(missing: list[str], records: list, effective: date | None, catalog: Catalog) -> str:
    if not records:
        return "none"
    if not missing:
        return "complete"
    days = timedelta(days=catalog.record_settings.acknowledgement_days)
    late = effective is not None and effective + days < catalog.today
    return "late" if late else "waiting"


def _issue(catalog: Catalog, code: str, revision: int) -> IssueAcknowledgement:
    records = [r for r in acknowledgements_of(catalog.records, code, revision) if r.id]
    # A unit is missing while no record of this issue holds its confirmation.
    missing = sorted(set.intersection(*(set(missing_confirmations(catalog, r)) for r in records))) if records else []
    effective = issue_dates(catalog, code).get(revision, (None, None))[0]
    return IssueAcknowledgement(code, revision, effective, catalog.get(code), records, missing,
                                _state(missing, records, effective, catalog))


def issue_acknowledgements(catalog: Catalog) -> list[IssueAcknowledgement]:
    """Every issue an acknowledgement record names, and every issue in force that took effect
    within the last 12 months, newest first."""
    def compute():
        keys = {(d.get("code"), d.get("revision")) for r in of_kind(catalog, KIND) for d in r.items("documents")
                if d.get("code") and d.get("revision")}
        since = catalog.today - timedelta(days=RECENT_DAYS)
        keys |= {(d.code, d.revision) for d in catalog.documents
                 if d.code and d.revision and d.status == "effective" and d.effective
                 and since <= d.effective <= catalog.today}
        found = [_issue(catalog, code, revision) for code, revision in keys]
        by_code = sorted(found, key=lambda i: (i.code, i.revision))
        return sorted(by_code, key=lambda i: i.effective or date.min, reverse=True)
    return catalog.memo("issue-acknowledgements", compute)


def overdue_acknowledgements(catalog: Catalog) -> list[IssueAcknowledgement]:
    """Issues in force whose confirmations are still incomplete more than the configured number
    of days after they took effect; an issue of the last 12 months with no record counts too."""
    limit = catalog.today - timedelta(days=catalog.record_settings.acknowledgement_days)
    return [i for i in issue_acknowledgements(catalog)
            if i.in_force and i.effective and i.effective < limit and i.state in ("late", "none")]


def state_badge(state: str) -> str:
    return f'<span data-acknowledgement-state="{state}">{badge(L.ACK_STATES[state], STATE_TONES[state])}</span>'


def missing_text(issue: IssueAcknowledgement, catalog: Catalog) -> str:
    if not issue.records:
        return L.ACK_STATES["none"]
    return units(catalog, issue.missing) if issue.missing else NONE


def issue_row(issue: IssueAcknowledgement, catalog: Catalog, uri: str) -> list[str]:
    return [doc_link(issue.code, catalog, uri, title=True), revision_label(issue.revision), day(issue.effective),
            ", ".join(record_link(r, uri) for r in issue.records) or NONE, missing_text(issue, catalog),
            state_badge(issue.state)]


ISSUE_HEADER = [field_label(KIND, "documents"), field_label(KIND, "documents", "revision"), DL.EFFECTIVE,
                L.RECORD_ID, L.MISSING_UNITS, L.STATE_COLUMN]


def details(record: CycleRecord, catalog: Catalog, uri: str) -> str:
    documents = [[doc_link(d.get("code"), catalog, uri, title=True), revision_label(d.get("revision")),
                  day(issue_dates(catalog, d.get("code") or "").get(d.get("revision"), (None, None))[0])]
                 for d in record.items("documents")]
    confirmations = [[unit(catalog, c.get("unit")), person(catalog, c.get("by")), day(c.get("date"))]
                     for c in record.items("confirmations")]
    missing = missing_confirmations(catalog, record)
    out = [bullets([(field_label(KIND, "units"), units(catalog, acknowledgement_units(catalog, record))),
                    (L.MISSING_UNITS, f'<span data-missing="{len(missing)}">{units(catalog, missing)}</span>'
                     if missing else NONE)]),
           f"## {field_label(KIND, 'documents')}",
           table([field_label(KIND, "documents"), field_label(KIND, "documents", "revision"), DL.EFFECTIVE],
                 documents) if documents else NONE,
           f"## {L.CONFIRMATIONS}",
           table([field_label(KIND, "confirmations", k) for k in ("unit", "by", "date")], confirmations)
           if confirmations else NONE]
    return "\n\n".join(out)


def register_table(issues: list[IssueAcknowledgement], catalog: Catalog) -> str:
    """Issues newest first, the year they took effect as the first column."""
    rows = [[str(i.effective.year) if i.effective else NONE] + issue_row(i, catalog, ACKS_PAGE) for i in issues]
    return unindexed(table([L.YEAR] + ISSUE_HEADER, rows))


def acknowledgements_page(catalog: Catalog) -> GeneratedPage:
    issues = issue_acknowledgements(catalog)
    named = [i for i in issues if i.records]
    unnamed = [i for i in issues if not i.records and i.in_force]
    days = catalog.record_settings.acknowledgement_days
    out = [f"# {L.REGISTER_TITLES[KIND]}",
           f"Các đơn vị xác nhận đã đọc từng lần ban hành mới của tài liệu; quá {days} ngày kể từ ngày hiệu lực mà "
           "còn đơn vị chưa xác nhận thì lần ban hành đó được nêu trên trang chủ."]
    out.append(register_table(named, catalog) if named else L.REGISTER_EMPTY)
    if unnamed:
        out += [f"## {L.ACK_NO_RECORD}", register_table(unnamed, catalog)]
    return GeneratedPage(ACKS_PAGE, "\n\n".join(out) + "\n")


def home_section(catalog: Catalog, from_uri: str, limit: int) -> str:
    """The home page's list of issues still waiting for read-and-understood confirmations."""
    issues = overdue_acknowledgements(catalog)
    if not issues:
        return ""
    link = f"[{L.REGISTER_TITLES[KIND]}]({md_link(from_uri, ACKS_PAGE)})"
    note = L.ACK_HOME_NOTE.format(count=len(issues), days=catalog.record_settings.acknowledgement_days, link=link)
    rows = [issue_row(i, catalog, from_uri) for i in issues[:limit]]
    return f"## {L.ACK_HOME}\n\n{note}\n\n" + unindexed(table(ISSUE_HEADER, rows))
