"""What the record pages, the registers and the cycle page share: where each register lives,
which records get a page, links to records and documents, names of people and units, and the
badges of states. Every string a record supplies goes through `cell` here or at its caller."""
from __future__ import annotations

from datetime import date
from itertools import groupby

from builder.addresses import page_uri, record_page_uri
from builder.catalog import Catalog
from builder.documents import labels as DL
from builder.documents.dates import vn_date
from builder.documents.field_types import ListOf, Struct
from builder.markup.literal import cell
from builder.records import labels as L
from builder.records.kinds import KINDS, STATUSES, fields_for
from builder.records.model import CycleRecord
from builder.records.queries import action_state
from builder.site.markdown import badge, md_link

# The registers, one per kind, beside the other registers of the site.
REGISTER_URIS = {
    "audit": "so-theo-doi/danh-gia-noi-bo.md",
    "corrective_action": "so-theo-doi/hanh-dong-khac-phuc.md",
    "risk": "so-theo-doi/rui-ro-va-co-hoi.md",
    "survey": "so-theo-doi/khao-sat-su-hai-long.md",
    "review": "so-theo-doi/xem-xet-cua-lanh-dao.md",
    "training": "so-theo-doi/dao-tao.md",
    "inspection": "so-theo-doi/kiem-tra-cua-cap-tren.md",
    "acknowledgement": "so-theo-doi/tiep-nhan-tai-lieu.md",
    "assessment": "so-theo-doi/iso-18091.md",      # the ISO 18091 page (pages/records/iso18091.py)
}
ACTION_TONES = {"closed": "ok", "open": "info", "overdue": "bad"}
NONE = DL.NONE


def field_label(kind: str, *path: str) -> str:
    """The schema's Vietnamese label of a field (kinds.py), nested keys included: field_label(
    'corrective_action', 'verification', 'by') is 'Người xác nhận'. One wording for the form
    staff fill in and the page they read."""
    fields, label = fields_for(kind), path[-1]
    for key in path:
        found = next((f for f in fields if f.key == key), None)
        if found is None:
            return key
        label = found.label
        shape = found.shape.item if isinstance(found.shape, ListOf) else found.shape
        fields = shape.fields if isinstance(shape, Struct) else []
    return label


def published(catalog: Catalog) -> list[CycleRecord]:
    """Records that have a page (an id; the first file of an id that is used twice, which a rule
    reports), newest first: by date, then by id."""
    return catalog.memo("records-published", lambda: sorted(
        (r for r in catalog.records.by_id.values() if r.id and r.kind in KINDS),
        key=lambda r: (r.date or date.min, r.id), reverse=True))


def of_kind(catalog: Catalog, kind: str, year: int | None = None) -> list[CycleRecord]:
    return [r for r in published(catalog) if r.kind == kind and (year is None or r.year == year)]


def by_year(records: list[CycleRecord]) -> list[tuple[int | None, list[CycleRecord]]]:
    """Records (already newest first) grouped by their year."""
    return [(year, list(items)) for year, items in groupby(records, key=lambda r: r.year)]


def year_heading(year: int | None, level: str = "##") -> str:
    return f"{level} {L.YEAR_HEADING.format(year=year) if year else NONE}"


def record_link(record: CycleRecord, from_uri: str) -> str:
    """Markdown link to a record's page, its id as the text."""
    return f"[{cell(record.id)}]({md_link(from_uri, record_page_uri(record))})"


def doc_link(code: str, catalog: Catalog, from_uri: str, title: bool = False) -> str:
    """Markdown link to a document's page (with its title), or the code alone when there is no
    such document."""
    doc = catalog.get(code or "")
    if doc is None or not doc.code:
        return cell(code) if code else NONE
    text = f"{cell(doc.code)} {cell(doc.title)}" if title else cell(doc.code)
    return f"[{text}]({md_link(from_uri, page_uri(doc))})"


def ref_link(ref: str, catalog: Catalog, from_uri: str) -> str:
    """A reference as records write them: a record id opens the record's page, a document code
    the document's page; anything else is shown as written."""
    record = catalog.records.get(ref)
    if record is not None and record.id and record.kind in KINDS:
        return record_link(record, from_uri)
    return doc_link(ref, catalog, from_uri)


def ref_links(refs, catalog: Catalog, from_uri: str) -> str:
    return ", ".join(ref_link(r, catalog, from_uri) for r in refs or () if r) or NONE


def person(catalog: Catalog, person_id: str | None) -> str:
    return cell(catalog.organisation.person_name(person_id)) if person_id else NONE


def people(catalog: Catalog, ids) -> str:
    return ", ".join(person(catalog, p) for p in ids or () if p) or NONE


def unit(catalog: Catalog, unit_id: str | None) -> str:
    return cell(catalog.organisation.unit_name(unit_id)) if unit_id else NONE


def units(catalog: Catalog, ids) -> str:
    return ", ".join(unit(catalog, u) for u in ids or () if u) or NONE


def day(value: date | None) -> str:
    return vn_date(value) or NONE


def period(value: dict | None) -> str:
    """'14/09/2026 – 25/09/2026' for a from/to period (one date when both are the same day)."""
    value = value or {}
    start, end = value.get("from"), value.get("to")
    if start and end and start != end:
        return f"{vn_date(start)} – {vn_date(end)}"
    return vn_date(start or end) or NONE


def text(value) -> str:
    return cell(value) if value not in (None, "") else NONE


def status_badge(record: CycleRecord) -> str:
    """'Đang thực hiện' or 'Đã đóng' (kinds.STATUSES)."""
    return badge(STATUSES.get(record.status, record.status), "ok" if record.is_closed else "info")


def action_badge(record: CycleRecord, today: date) -> str:
    """A corrective action's state (closed / open / overdue, queries.action_state) as a badge
    that also carries the state for scripts and tests."""
    state = action_state(record, today)
    return f'<span data-action-state="{state}">{badge(L.ACTION_STATES[state], ACTION_TONES[state])}</span>'


def action_links(actions: list[CycleRecord], today: date, from_uri: str) -> str:
    """The corrective actions raised from something, each linked with its state."""
    return "<br>".join(f"{record_link(a, from_uri)} {action_badge(a, today)}" for a in actions)


def bullets(rows: list[tuple[str, str]]) -> str:
    """'- **Label:** value' lines for the short fields of a record (values already safe)."""
    return "\n".join(f"- **{label}:** {value}" for label, value in rows)


def paragraphs(rows: list[tuple[str, str | None]]) -> str:
    """Long text fields (a description, a cause) as a bold label over a paragraph; empty ones left out."""
    return "\n\n".join(f"**{label}**\n\n{cell(value)}" for label, value in rows if value)


def count_label(count: int) -> str:
    return L.COUNT_RECORDS.format(count=count)
