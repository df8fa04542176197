"""Front-matter values from what the Word file says: issue, dates, people, units, changes.

Each helper adds to `notes` what it captured and to `todo` what a person must still fill; what
the file does not say becomes a 'CẦN ĐIỀN' placeholder carrying what was read (a name, a unit).
"""
from __future__ import annotations

from datetime import date

from builder.documents.dates import vn_date
from builder.documents.schema import FORM_PARENT_KINDS
from builder.documents.text import nfc
from builder.importer import texts as T
from builder.importer.analyse import Analysis, code_regex
from builder.importer.batch import Batch, Options
from builder.importer.codes import search_code
from builder.importer.control import SignOffFound
from builder.importer.words import (find_date, find_revision, norm,
                                    strip_honorific)
from builder.organisation.model import Organisation

ROLES = ("prepared", "reviewed", "approved")


def preparer_unit(analysis: Analysis, org: Organisation) -> str | None:
    item = (analysis.signoffs or {}).get("prepared")
    person = resolve_person(item.name, org)[0] if item and item.name else None
    return org.people[person].unit if person else None


def revision_of(analysis: Analysis) -> tuple[int | None, str | None]:
    """Issue number from the header, else the highest row of the change table."""
    value = find_revision(analysis.control.get("revision", ""))
    if value:
        return value, T.CAPTURED["revision"].format(value=value)
    numbers = [find_revision(row.revision) for row in analysis.changes or []]
    numbers = [n for n in numbers if n]
    if numbers:
        return max(numbers), T.CAPTURED["revision-changes"].format(value=max(numbers))
    return None, None


def effective_of(analysis: Analysis) -> tuple[date | None, str | None]:
    """Effective date from the header (or its issue date), else the last change row."""
    control = analysis.control
    for key, note in (("effective", "effective"), ("issued", "effective-issued")):
        value = find_date(control.get(key, ""))
        if value:
            return value, T.CAPTURED[note].format(value=vn_date(value))
    dates = [find_date(row.date) for row in analysis.changes or [] if row.date]
    if dates and dates[-1]:
        return dates[-1], T.CAPTURED["effective-changes"].format(value=vn_date(dates[-1]))
    return None, None


def resolve_person(name: str, org: Organisation) -> tuple[str | None, int]:
    """Person id whose name is `name` (NFC, case-insensitive, titles such as 'Ông', 'ThS.'
    ignored); the number of matches tells unknown (0) from ambiguous (>1)."""
    wanted = nfc(strip_honorific(name)).casefold()
    matches = [p.id for p in org.people.values() if " ".join(nfc(p.name).split()).casefold() == wanted]
    return (matches[0] if len(matches) == 1 else None), len(matches)


def signoff_of(role: str, found: dict[str, SignOffFound] | None, org: Organisation,
             notes: list[str], todo: list[str]) -> dict:
    """{by, date} for one role: the person id when the name is in organisation.yml, else a
    placeholder carrying the name and position read from the file."""
    label, action = T.ROLE_LABELS[role], T.ROLE_ACTIONS[role]
    item = (found or {}).get(role)
    if found is not None and (item is None or not item.name):
        todo.append(T.TODO["signoff-missing"].format(role=label, key=role, action=action))
    by, when = T.placeholder(), item.date if item else None
    if item and item.name:
        person, count = resolve_person(item.name, org)
        position = f", {item.position}" if item.position else ""
        if person:
            by = person
            notes.append(T.CAPTURED["signoff"].format(
                role=label, name=item.name, position=f" ({item.position})" if item.position else "", person=person,
                date=f", ngày {vn_date(when)}" if when else ""))
            configured = org.position_name(org.people[person].position)
            if item.position and norm(configured) not in norm(item.position):
                notes.append(T.CAPTURED["position-differs"].format(role=label, word=item.position, config=configured))
        else:
            by = T.placeholder(f"{item.name}{position}")
            key = "signoff-ambiguous" if count > 1 else "signoff-person"
            todo.append(T.TODO[key].format(role=label, key=role, name=item.name,
                                           position=f" ({item.position})" if item.position else ""))
    if found is not None and item and item.name and not when:
        todo.append(T.TODO["signoff-date"].format(role=label, key=role))
    return {"by": by, "date": when or T.placeholder()}


def unit_of(options: Options, code: str, kind: str, signoffs: dict, batch: Batch, procedure: str | None,
          notes: list[str], todo: list[str]) -> str:
    """--unit, else the unit in the code, the preparer's unit, or (a form) its procedure's."""
    org = batch.organisation
    if options.unit:
        notes.append(T.CAPTURED["unit"].format(value=options.unit))
        return options.unit
    pattern = org.code_pattern(kind)
    if pattern is not None and "{unit}" in pattern.template:
        for unit in org.units:
            if pattern.number_of(code, unit) is not None or pattern.make(1, 0, unit) == code:
                notes.append(T.CAPTURED["unit"].format(value=unit))
                return unit
    preparer = org.people.get(signoffs["prepared"]["by"])
    if preparer and preparer.unit in org.units:
        notes.append(T.CAPTURED["unit-preparer"].format(value=preparer.unit))
        return preparer.unit
    if procedure and batch.units.get(procedure) in org.units:
        notes.append(T.CAPTURED["unit-procedure"].format(value=batch.units[procedure], code=procedure))
        return batch.units[procedure]
    todo.append(T.TODO["unit"])
    return T.placeholder()


def changes_of(analysis: Analysis, revision: int | None, effective: date | None,
             notes: list[str], todo: list[str]) -> list[dict]:
    """Rows of the change table; without one, issue 1 is 'Ban hành lần đầu' and later issues
    are placeholders."""
    if analysis.changes:
        rows = []
        for n, row in enumerate(analysis.changes, 1):
            number, when = find_revision(row.revision), find_date(row.date)
            missing = [what for what, ok in (("lần ban hành", number), ("ngày", when),
                                              ("nội dung sửa đổi", row.description)) if not ok]
            if missing:
                todo.append(T.TODO["change-row"].format(row=n, what=", ".join(missing)))
            rows.append({"revision": number or T.placeholder(row.revision),
                         "date": when or T.placeholder(row.date),
                         "section": " ".join(row.section.split()) or None,
                         "description": " ".join(row.description.split()) or T.placeholder()})
        notes.append(T.CAPTURED["changes"].format(value=len(rows)))
        return rows
    if revision == 1:
        notes.append(T.CAPTURED["changes-first"])
        return [{"revision": 1, "date": effective or T.placeholder(), "section": T.WHOLE_DOCUMENT,
                 "description": T.CHANGE_FIRST_ISSUE}]
    todo.append(T.TODO["changes-missing"])
    count = revision or 1
    return [{"revision": n if revision else T.placeholder(),
             "date": (effective if n == count and effective else T.placeholder()),
             "description": T.CHANGE_FIRST_ISSUE if n == 1 and revision else T.placeholder()}
            for n in range(1, count + 1)]


def legal_of(analysis: Analysis, notes: list[str], todo: list[str]) -> list[str]:
    if analysis.legal:
        notes.append(T.CAPTURED["legal"].format(value=", ".join(analysis.legal)))
    for text, why in analysis.legal_problems:
        todo.append(T.TODO["legal-malformed"].format(value=text, why=why))
    return list(analysis.legal)


def resolve_unit(text: str, org: Organisation) -> str | None:
    """Unit id named by a text: its id, its exact name, or the one unit whose name contains
    the text or is contained in it."""
    wanted = nfc(" ".join(text.split())).casefold()
    if not wanted:
        return None
    for unit in org.units.values():
        if wanted in (unit.id.casefold(), nfc(unit.name).casefold()):
            return unit.id
    close = [u.id for u in org.units.values() if not u.dissolved and len(wanted) >= 5
             and (wanted in nfc(u.name).casefold() or nfc(u.name).casefold() in wanted)]
    return close[0] if len(close) == 1 else None


def records_of(analysis: Analysis, org: Organisation, notes: list[str], todo: list[str]) -> list[dict]:
    """Records table rows; the keeper becomes a unit id of organisation.yml when it names one."""
    if not analysis.records:
        return []
    pattern = org.code_pattern("form")
    form_regex = code_regex(pattern.regex) if pattern else None
    rows = []
    for row in analysis.records:
        name = " ".join(row["name"].split())
        keeper = resolve_unit(row.get("keeper", ""), org)
        if keeper is None:
            todo.append(T.TODO["record-keeper"].format(name=name, value=row.get("keeper", "")))
        form = None
        if form_regex:
            m = form_regex.search(row.get("form", "") + " " + name)
            form = m.group(0) if m else None
        rows.append({"name": name, "keeper": keeper or T.placeholder(row.get("keeper", "")),
                     "retention": " ".join(row.get("retention", "").split()) or T.placeholder(), "form": form})
    notes.append(T.CAPTURED["records"].format(value=len(rows)))
    return rows


def procedure_of(options: Options, analysis: Analysis, org: Organisation, code: str,
               notes: list[str], todo: list[str]) -> str:
    """The form's procedure: --procedure, else the first procedure or guide code in the file."""
    if options.procedure:
        notes.append(T.CAPTURED["procedure"].format(value=options.procedure))
        return options.procedure
    for text in (analysis.search_text, analysis.all_text):
        for kind in FORM_PARENT_KINDS:
            found, _ = search_code(text, kind, org)
            if found and found != code:
                notes.append(T.CAPTURED["procedure"].format(value=found))
                return found
    todo.append(T.TODO["procedure"])
    return T.placeholder()
