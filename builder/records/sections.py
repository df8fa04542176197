"""A record's front-matter content as Markdown sections, written once for its site page and its
printed copy (as builder/structured.py does for documents), so the paper file an inspector opens
says what the site says. Driven by the schema of kinds.py: a field added there shows up here with
its Vietnamese label, without a line per kind.

`catalog` is anything with `organisation`, `record_settings` and `get(code)` (the Catalog; the
records package sits below it and does not import it). Every string from a record goes through
`cell`, so it shows literally wherever the Markdown is rendered."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from builder.documents.dates import vn_date
from builder.documents.field_types import (Date, Enum, Int, ListOf, Number,
                                           Revision, Struct)
from builder.documents.labels import revision_label
from builder.markup.literal import cell
from builder.records import labels as R
from builder.records.kinds import (ACTION_SOURCES, BY_KIND, COMMON,
                                   EVALUATION_RESULTS, FINDING_TYPES, KINDS,
                                   LEVELS, REVIEW_INPUTS, REVIEW_OUTPUTS,
                                   RISK_TYPES, STATUSES, VERIFICATION_RESULTS)
from builder.records.model import CycleRecord

# Keys that hold people's or units' ids (kinds.py describes them as "Mã nhân sự" / "Mã đơn vị"):
# shown by name, as on paper.
PERSON_KEYS = frozenset({"person", "by", "owner", "chair", "attendees", "council"})
UNIT_KEYS = frozenset({"unit", "units", "responsible"})
# Vietnamese words of each enum of the schema, found by its choices.
ENUM_WORDS = (FINDING_TYPES, ACTION_SOURCES, VERIFICATION_RESULTS, RISK_TYPES, EVALUATION_RESULTS,
              REVIEW_INPUTS, REVIEW_OUTPUTS, STATUSES, LEVELS)
# Int fields read on the agency's scale (site_config/records.yml): value → (attribute of the settings).
SCALES = {"likelihood": "likelihood", "impact": "impact"}
COMMON_LABELS = {f.key: f.label for f in COMMON}


def written_date(value: date | None) -> str:
    """'ngày 05 tháng 3 năm 2014', as Nghị định 30/2020/NĐ-CP writes a date in full: a day below
    10 and the months 1 and 2 take a leading zero."""
    if value is None:
        return ""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return R.WRITTEN_DATE.format(day=f"{value.day:02d}", month=month, year=value.year)


def number(value: float) -> str:
    """Vietnamese decimal comma (96,5), like the objectives' tables."""
    return f"{value:g}".replace(".", ",")


def _enum_word(shape: Enum, value: str) -> str:
    words = next((w for w in ENUM_WORDS if set(shape.values) == set(w)), {})
    return words.get(value, value)


def _scalar(key: str, shape, value, catalog) -> str:
    """One value as a reader reads it (plain text, not yet escaped)."""
    org = catalog.organisation
    if isinstance(shape, Date):
        return vn_date(value)
    if isinstance(shape, Enum):
        return _enum_word(shape, value)
    if isinstance(shape, Revision):
        return revision_label(value)
    if isinstance(shape, Int) and key in SCALES:
        levels = getattr(catalog.record_settings, SCALES[key])
        return R.SCALE_LEVEL.format(n=value, level=levels[value - 1]) if 1 <= value <= len(levels) else str(value)
    if isinstance(shape, Number):
        return number(value)
    if key in PERSON_KEYS:
        return org.person_name(value)
    if key in UNIT_KEYS:
        return org.unit_name(value)
    return str(value)


def value_text(key: str, shape, value, catalog) -> str:
    """Any field's value as one line of text: lists joined, a period as 'từ … đến …', another
    group as 'label: value; …'."""
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(shape, ListOf):
        return ", ".join(t for t in (value_text(key, shape.item, v, catalog) for v in value) if t)
    if isinstance(shape, Struct):
        keys = {f.key for f in shape.fields}
        if keys == {"from", "to"}:
            return R.PERIOD.format(start=vn_date(value.get("from")) or "…", end=vn_date(value.get("to")) or "…")
        parts = [(f.label, value_text(f.key, f.shape, value.get(f.key), catalog)) for f in shape.fields]
        return "; ".join(f"{label}: {text}" for label, text in parts if text)
    return _scalar(key, shape, value, catalog)


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table of already escaped cells."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def _code_and_title(code: str, catalog) -> str:
    doc = catalog.get(code) if code else None
    return f"{code} {doc.title}" if doc is not None else code


def general_table(record: CycleRecord, catalog) -> str:
    """What the record is: id, kind, keeping unit, date, the form issue and procedure it belongs to."""
    form = R.FORM_ISSUE.format(code=record.form_code, revision=revision_label(record.form_revision))
    form_doc = catalog.get(record.form_code) if record.form_code else None
    rows = [(R.RECORD_ID, record.id), (COMMON_LABELS["kind"], KINDS.get(record.kind, record.kind)),
            (R.RECORD_UNIT, catalog.organisation.unit_name(record.unit)), (R.RECORD_DATE, vn_date(record.date)),
            (R.RECORD_FORM, f"{form} {form_doc.title}" if form_doc is not None else form),
            (R.RECORD_PROCEDURE, _code_and_title(record.procedure, catalog)),
            (R.RECORD_REFERENCES, ", ".join(record.references))]
    body = [[cell(label), cell(text)] for label, text in rows if text]
    return f"## {R.RECORD_GENERAL}\n\n" + _table([R.RECORD_ITEM, R.RECORD_VALUE], body)


def _is_table(shape) -> bool:
    return isinstance(shape, ListOf) and isinstance(shape.item, Struct)


def list_table(field, items: list[dict], catalog) -> str:
    """A list of groups (findings, inputs, recommendations...) as a titled table, one column per
    key that any item fills."""
    columns = [f for f in field.shape.item.fields if any(item.get(f.key) not in (None, "", []) for item in items)]
    rows = [[cell(value_text(f.key, f.shape, item.get(f.key), catalog)) for f in columns] for item in items]
    return f"## {field.label}\n\n" + _table([cell(f.label) for f in columns], rows)


def content_sections(record: CycleRecord, catalog) -> list[str]:
    """The kind's own fields: single values in one two-column table, each list of groups in its
    own table, in the schema's order."""
    fields = BY_KIND.get(record.kind, [])
    rows = [[cell(f.label), cell(value_text(f.key, f.shape, record.get(f.key), catalog))]
            for f in fields if not _is_table(f.shape)]
    rows = [row for row in rows if row[1]]
    out = [f"## {R.RECORD_CONTENT}\n\n" + _table([R.RECORD_ITEM, R.RECORD_VALUE], rows)] if rows else []
    out += [list_table(f, record.items(f.key), catalog) for f in fields
            if _is_table(f.shape) and record.items(f.key)]
    return out


def record_sections(record: CycleRecord, catalog) -> list[str]:
    """Every section of a record's content held in front matter (its body comes after them)."""
    return [general_table(record, catalog), *content_sections(record, catalog)]


@dataclass(frozen=True)
class Signer:
    role: str                 # the column title, e.g. "Chủ trì"
    person: str               # id in organisation.yml
    date: date | None = None  # when this person signed, if the record says


def _label(kind: str, *keys: str) -> str:
    """The schema's label of a (nested) field, so a signature column is titled as the form's field."""
    fields, found = BY_KIND.get(kind, []), None
    for key in keys:
        found = next(f for f in fields if f.key == key)
        group = found.shape.item if isinstance(found.shape, ListOf) else found.shape
        fields = group.fields if isinstance(group, Struct) else []
    return found.label


def signers(record: CycleRecord) -> list[Signer]:
    """Who signs the record on paper: the people its kind names (the review's chair, the audit's
    auditors, who verified a corrective action or evaluated a risk treatment), then who closed it
    (last: on the right, where the leader signs)."""
    out: list[Signer] = []
    if record.kind == "review" and record.get("chair"):
        out.append(Signer(_label("review", "chair"), record.get("chair"), record.date))
    if record.kind == "assessment":
        out += [Signer(R.COUNCIL_MEMBER, p, record.date) for p in record.get("council") or [] if p]
    if record.kind == "audit":
        dates = record.get("dates") or {}
        out += [Signer(_label("audit", "auditors", "person"), a["person"], dates.get("to"))
                for a in record.items("auditors") if a.get("person")]
    for kind, key in (("corrective_action", "verification"), ("risk", "evaluation")):
        signed = record.get(key) or {}
        if record.kind == kind and signed.get("by"):
            out.append(Signer(_label(kind, key, "by"), signed["by"], signed.get("date")))
    if record.closed is not None:
        out.append(Signer(R.CLOSED_BY, record.closed.by, record.closed.date))
    return out
