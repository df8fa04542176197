"""Rules every record of the yearly cycle follows, whatever its kind: its id and folder, its
dates, what it names (units, people, documents, other records), the form issue it was made on,
who closed it and that a closed record never changes, and how long it is kept."""
from __future__ import annotations

from builder.documents.dates import vn_date
from builder.documents.field_types import key_name
from builder.documents.labels import did_you_mean
from builder.documents.schema import FORM_PARENT_KINDS
from builder.documents.schema import KINDS as DOCUMENT_KINDS
from builder.documents.text import slug
from builder.findings.rule_texts import (RECORD_CLOSED_CHANGED,
                                         RECORD_CLOSED_REWRITTEN,
                                         RECORD_CLOSER, RECORD_DATE,
                                         RECORD_DOCUMENT, RECORD_FOLDER,
                                         RECORD_FORM_ISSUE, RECORD_ID,
                                         RECORD_LINK, RECORD_PERSON,
                                         RECORD_RETENTION, RECORD_UNIT)
from builder.records.fingerprint import record_content, record_fingerprint
from builder.records.kinds import KINDS
from builder.records.queries import issue_dates, retention_end, retention_of
from builder.records.references import (DATE_FIELDS, DOCUMENT_FIELDS,
                                        LINK_FIELDS, PERSON_FIELDS,
                                        UNIT_FIELDS, values_at)
from builder.rules.registry import catalog_rule, problem, record_rule

PROCEDURE_KINDS = FORM_PARENT_KINDS


@record_rule(RECORD_ID)
def record_id_pattern(record, catalog):
    """The id follows the kind's pattern, carries the record's year and is used once."""
    pattern = catalog.record_settings.ids.get(record.kind)
    if not record.id or pattern is None:
        return
    line = record.line("id")
    if not pattern.regex.match(record.id):
        example = pattern.make(1, record.year or catalog.today.year, record.unit)
        yield problem(record.path, line, id=record.id, template=pattern.template, kind=KINDS[record.kind],
                      example=example)
    elif "{year}" in pattern.template and record.year and str(record.year) not in record.id:
        yield problem(record.path, line, "year", id=record.id, year=record.year)
    others = [r.path for r in _sharing_ids(catalog).get(slug(record.id), ()) if r is not record]
    if others:
        yield problem(record.path, line, "twice", id=record.id, other=", ".join(others))


def _sharing_ids(catalog) -> dict:
    """Records by id, for ids that more than one file carries."""
    def compute():
        by_id: dict = {}
        for record in catalog.records:
            if record.id:       # one page per id: ids that differ only in case or punctuation share it
                by_id.setdefault(slug(record.id), []).append(record)
        return {k: v for k, v in by_id.items() if len(v) > 1}
    return catalog.memo("record-ids-shared", compute)


@record_rule(RECORD_FOLDER)
def record_in_its_year_folder(record, catalog):
    """records/<year>/...: the year of the record's date."""
    if record.year and not record.path.startswith(f"records/{record.year}/"):
        yield problem(record.path, record.line("date"), date=vn_date(record.date), year=record.year)


@record_rule(RECORD_DATE)
def record_dates_are_facts(record, catalog):
    """No date after today; a record is not closed before it was made."""
    for keys, value in values_at(record, DATE_FIELDS):
        if value > catalog.today:
            yield problem(record.path, record.line(*keys), key=key_name(keys), date=vn_date(value),
                          today=vn_date(catalog.today))
    for key in ("dates", "period"):
        span = record.get(key) or {}
        if span.get("from") and span.get("to") and span["from"] > span["to"]:
            yield problem(record.path, record.line(key, "from"), "order", key=key, start=vn_date(span["from"]),
                          end=vn_date(span["to"]))
    closed = record.closed
    if closed and closed.date and record.date and closed.date < record.date:
        yield problem(record.path, record.line("closed", "date"), "before", date=vn_date(closed.date),
                      made=vn_date(record.date))


@record_rule(RECORD_UNIT)
def record_units_exist(record, catalog):
    units = catalog.organisation.units
    for keys, value in values_at(record, UNIT_FIELDS):
        if value not in units:
            yield problem(record.path, record.line(*keys), key=key_name(keys), value=value,
                          hint=did_you_mean(value, list(units)))


@record_rule(RECORD_PERSON)
def record_people_exist(record, catalog):
    people = catalog.organisation.people
    for keys, value in values_at(record, PERSON_FIELDS):
        if value not in people:
            yield problem(record.path, record.line(*keys), key=key_name(keys), value=value,
                          hint=did_you_mean(value, list(people)))


def _hint(value: str, candidates) -> str:
    """'Có phải ý bạn là ...?' among the candidates starting like the value: a fuzzy match over
    every record id and code, per broken reference, would cost seconds on thousands of records."""
    head = value[:2].casefold()
    return did_you_mean(value, [c for c in candidates if c[:2].casefold() == head])


def _codes(catalog) -> list[str]:
    return catalog.memo("document-codes", lambda: [d.code for d in catalog.documents if d.code])


@record_rule(RECORD_DOCUMENT)
def record_documents_exist(record, catalog):
    """Forms are forms, procedures are procedures, and the form belongs to the procedure."""
    for keys, value in values_at(record, DOCUMENT_FIELDS):
        doc = catalog.get(value)
        at = record.line(*keys)
        if doc is None:
            yield problem(record.path, at, key=key_name(keys), value=value, hint=_hint(value, _codes(catalog)))
        elif keys == ("form", "code") and doc.kind != "form":
            yield problem(record.path, at, "not-form", key=key_name(keys), value=value,
                          kind=DOCUMENT_KINDS.get(doc.kind, doc.kind or "?"))
        elif keys[-1] in ("procedure", "procedures") or (keys and keys[0] == "scope") or keys == ("procedure",):
            if doc.kind not in PROCEDURE_KINDS:
                yield problem(record.path, at, "not-procedure", key=key_name(keys), value=value,
                              kind=DOCUMENT_KINDS.get(doc.kind, doc.kind or "?"))
    form = catalog.get(record.form_code)
    if form is not None and form.kind == "form" and form.procedure and record.procedure \
            and catalog.get(record.procedure) is not None and form.procedure != record.procedure:
        yield problem(record.path, record.line("procedure"), "other-procedure", form=form.code,
                      parent=form.procedure, value=record.procedure)


@record_rule(RECORD_LINK)
def record_links_resolve(record, catalog):
    """Records named as a source, evidence or reference exist (or, where allowed, documents)."""
    for keys, value, documents_too in values_at(record, LINK_FIELDS, with_flag=True):
        if catalog.records.get(value) is None and not (documents_too and catalog.get(value) is not None):
            candidates = list(catalog.records.by_id) + (_codes(catalog) if documents_too else [])
            yield problem(record.path, record.line(*keys), key=key_name(keys), value=value,
                          hint=_hint(value, candidates))
    source = record.get("source") or {}
    origin = catalog.records.get(source.get("record"))
    item = source.get("item")
    if origin is not None and item:
        listed = {str(i.get("id")) for key in ("findings", "recommendations") for i in origin.items(key)}
        if listed and str(item) not in listed:
            yield problem(record.path, record.line("source", "item"), "item", key="source.item", value=item,
                          record=origin.id)


@record_rule(RECORD_FORM_ISSUE)
def record_made_on_issue_in_force(record, catalog):
    """The form issue written on the record was the one in force on its date (git history)."""
    form = catalog.get(record.form_code)
    if form is None or form.kind != "form" or not record.date or not record.form_revision:
        return
    dates = issue_dates(catalog, form.code)
    in_force = next((rev for rev, (start, end) in dates.items()
                     if start and start <= record.date and (end is None or record.date < end)), None)
    if in_force == record.form_revision:
        return
    at = record.line("form", "revision")
    if in_force is None:
        yield problem(record.path, at, "none", code=form.code, date=vn_date(record.date))
    else:
        yield problem(record.path, at, code=form.code, revision=record.form_revision, date=vn_date(record.date),
                      in_force=in_force)


@record_rule(RECORD_CLOSER)
def record_closed_by_allowed_person(record, catalog):
    closed = record.closed
    person = catalog.organisation.people.get(closed.by) if closed else None
    if person is None:
        return          # missing closing: record-closed-changed; unknown person: record-person
    allowed = catalog.record_settings.closers(record.kind)
    if person.position not in allowed:
        org = catalog.organisation
        yield problem(record.path, record.line("closed", "by"), name=person.name,
                      position=org.position_name(person.position), kind=KINDS.get(record.kind, record.kind).lower(),
                      allowed=", ".join(org.position_name(p) for p in allowed))


@record_rule(RECORD_CLOSED_CHANGED)
def closed_record_unchanged(record, catalog):
    """A closed record's content still has the fingerprint taken when it was closed."""
    if not record.is_closed or record.closed is None:
        return
    recorded = record.closed.fingerprint
    if not recorded:
        yield problem(record.path, record.line("closed"), "unsigned", id=record.id)
    elif recorded != record_fingerprint(record):
        yield problem(record.path, record.line("closed"), id=record.id, date=vn_date(record.closed.date),
                      file=record.path)


def _rewrite(base, current) -> str | None:
    """How a record closed at the base differs now: deleted, reopened, changed, or not at all."""
    if current is None:
        return "xóa"
    if not current.is_closed:
        return "mở lại"
    same_closing = (current.closed and base.closed and current.closed.by == base.closed.by
                    and current.closed.date == base.closed.date)
    if record_content(current) != record_content(base) or not same_closing:   # the content itself, not a hash of it
        return "sửa"
    return None


@catalog_rule(RECORD_CLOSED_REWRITTEN)
def closed_records_stay_as_committed(catalog):
    """A record closed in git stays as it was committed, even when closed again after an edit."""
    if catalog.base is None:
        return
    base_name = catalog.base.ref if catalog.base.ref != catalog.base.commit else catalog.base.commit[:8]
    for record_id, base in catalog.closed_base.items():
        current = catalog.records.get(record_id)
        what = _rewrite(base, current)
        if what:
            path = current.path if current is not None else base.path
            yield problem(path, 1, id=record_id, base=base_name, what=what, file=base.path)


@record_rule(RECORD_RETENTION)
def record_within_retention(record, catalog):
    """The procedure's 'Hồ sơ cần lưu' table says how long: past it, the record is due for disposal."""
    end = retention_end(catalog, record)
    if end is not None and end < catalog.today:
        procedure, retention = retention_of(catalog, record)
        yield problem(record.path, record.line("date"), id=record.id, retention=retention, procedure=procedure.code,
                      end=vn_date(end))
