"""From what a Word file holds to the document this project stores: front matter, body, files.

Everything is decided in memory (a Plan); writing is a separate step (output.py), so a file
that fails half way leaves nothing behind. Whatever the file does not say becomes a
'CẦN ĐIỀN' placeholder and a line of the report, never a guess presented as fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from ..dates import vn_date
from ..loader import parse_document
from ..org import Organisation
from ..schema import FORM_PARENT_KINDS, KINDS
from ..text import nfc, slug
from . import texts as T
from .analyse import Analysis, code_regex, kind_of_title
from .control import SignOffFound
from .frontmatter import render
from .markdown import Writer
from .sources import Skip
from .words import find_date, find_revision, norm, sentence_case, strip_honorific

ROLES = ("prepared", "reviewed", "approved")
BROWSER_IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp"}


@dataclass
class Options:
    kind: str | None = None
    unit: str | None = None
    status: str = "draft"
    procedure: str | None = None
    out: str | None = None          # sub-folder inside procedures/ and forms/


@dataclass
class Batch:
    """What the files of one run share: the organisation, the codes in use, which document
    each earlier import produced (by source file name), and the codes claimed in this run."""

    organisation: Organisation
    documents: dict[str, str]                  # code → path of the existing documents
    sources: dict[str, str]                    # source file name → path of its imported document
    source_of: dict[str, str] = field(default_factory=dict)   # path → source file name
    claimed: dict[str, str] = field(default_factory=dict)     # code → source, in this run
    units: dict[str, str] = field(default_factory=dict)       # code → owning unit
    year: int = date.today().year

    def used(self) -> set[str]:
        return set(self.documents) | set(self.claimed)


@dataclass
class Plan:
    source: Path
    kind: str
    code: str
    title: str
    status: str
    unit: str
    path: str                                  # the Markdown file, relative to the root
    text: str
    media_dir: str
    media: dict[str, bytes] = field(default_factory=dict)     # file name → bytes
    attachment: tuple[str, bytes] | None = None               # path, bytes
    stale: list[str] = field(default_factory=list)            # files to remove after writing
    captured: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)


def source_name(path: Path) -> str:
    return nfc(path.name)


def plan_document(source: Path, analysis: Analysis, media: dict[str, bytes], losses: list[str],
                  options: Options, batch: Batch) -> Plan | Skip:
    """Decide the document of one Word file."""
    org = batch.organisation
    notes: list[str] = []
    todo: list[str] = []
    control = analysis.control
    kind, code, code_note = _kind_and_code(source, analysis, options, batch, todo)
    conflict = _conflict(code, source, batch)
    if conflict:
        return conflict
    notes.append(code_note)
    notes.append(T.CAPTURED["kind"].format(value=f"{kind} ({KINDS[kind]})"))

    title = sentence_case(control.get("title", "")).strip()
    notes.append(T.CAPTURED["title"].format(value=title)) if title else todo.append(T.TODO["title"])

    revision, rev_note = _revision(analysis)
    notes.append(rev_note) if rev_note else todo.append(T.TODO["revision"])
    effective, eff_note = _effective(analysis)
    notes.append(eff_note) if eff_note else todo.append(T.TODO["effective"])

    signoffs = {role: _signoff(role, analysis.signoffs, org, notes, todo) for role in ROLES}
    if analysis.signoffs is None:
        todo.insert(0, T.TODO["signoffs-missing"])
    procedure = _procedure(options, analysis, org, code, notes, todo) if kind == "form" else None
    unit = _unit(options, code, kind, signoffs, batch, procedure, notes, todo)

    status = "draft"
    if options.status == "effective":
        complete = analysis.signoffs is not None and all(analysis.signoffs.get(r) and analysis.signoffs[r].name
                                                         for r in ROLES) and effective is not None
        status = "effective" if complete else "draft"
        notes.append(T.CAPTURED["status-effective"]) if complete else todo.append(T.TODO["status-draft"])

    changes = _changes(analysis, revision, effective, notes, todo)
    path, stale = _paths(source, kind, code, title, options, batch)
    media_dir = str(PurePosixPath(path).parent / "media" / slug(code))
    writer, files = _image_writer(analysis, media, media_dir, path, todo)
    body = writer.blocks(analysis.blocks)
    if files:
        notes.append(T.CAPTURED["images"].format(value=len(files), folder=media_dir + "/"))
    if not analysis.sections and kind in FORM_PARENT_KINDS:
        todo.append(T.TODO["unnumbered"])

    fields: list[tuple[str, object]] = [
        ("code", code), ("kind", kind), ("title", title or T.placeholder()), ("unit", unit),
        ("revision", revision if revision is not None else T.placeholder()), ("status", status),
        ("effective", effective or T.placeholder()),
    ]
    fields += [(role, signoffs[role]) for role in ROLES]
    attachment = None
    if kind == "form":
        fields.append(("procedure", procedure))
        if losses:
            attachment = _attachment(source, path, code)
            reasons = ", ".join(T.LAYOUT_REASONS[r] for r in losses)
            notes.append(T.CAPTURED["attachment"].format(value=attachment[0], reasons=reasons))
            fields.append(("attachment", attachment[2]))
            link = T.ATTACHMENT_LINK.format(name=PurePosixPath(attachment[0]).name, target=attachment[2])
            body = link + "\n\n" + body
    if kind in FORM_PARENT_KINDS:
        legal = _legal(analysis, notes, todo)
        fields += [("legal_basis", legal), ("forms", list(analysis.forms))]
        if analysis.forms:
            notes.append(T.CAPTURED["forms"].format(value=", ".join(analysis.forms)))
        fields.append(("records", _records(analysis, org, notes, todo) or None))
    if kind in ("objectives", "plan"):
        fields.append(("year", effective.year if effective else batch.year))
        fields.append(("targets" if kind == "objectives" else "tasks", []))
    fields.append(("changes", changes))
    if attachment is None:
        stale.append(str(PurePosixPath(path).parent / "attachments" / f"{_file_code(code)}.docx"))

    text = render(fields, T.SOURCE_COMMENT.format(name=source_name(source))) + "\n" + body.strip() + "\n"
    doc, _ = parse_document(path, text.encode("utf-8"))
    if doc is None:
        return Skip("internal", "phần khai báo tạo ra không đọc lại được")
    if status == "effective":
        todo.append(T.TODO["approve"].format(code=code))
    if path in batch.source_of or path in batch.documents.values():
        notes.append(T.CAPTURED["overwrote"].format(value=path))
    plan = Plan(source, kind, code, title, status, unit, path, text, media_dir, files,
                (attachment[0], attachment[1]) if attachment else None, stale,
                [n for n in notes if n], todo)
    return plan


# --- code and kind ------------------------------------------------------------------------------

def _kind_and_code(source: Path, analysis: Analysis, options: Options, batch: Batch, todo: list[str]):
    org = batch.organisation
    raw = " ".join((analysis.control.get("code") or "").split())
    code, note = raw, T.CAPTURED["code"].format(value=raw)
    kind = options.kind or (_kind_of_code(raw, org) if raw else None)
    if not code:
        code, kind_found = _search_code(analysis.search_text, options.kind, org)
        note = T.CAPTURED["code"].format(value=code)
        if not code:
            code, kind_found = _search_code(nfc(source.stem), options.kind, org)
            note = T.CAPTURED["code-filename"].format(value=code)
        kind = kind or kind_found
    if not kind:
        kind = kind_of_title(analysis.control.get("title", "")) or None
    if not kind:
        kind = "procedure"
        todo.append(T.TODO["kind"])
    if not code:
        previous = batch.sources.get(source_name(source))
        previous_code = _code_of_path(previous, batch) if previous else None
        code = previous_code or _next_code(kind, options.unit or _preparer_unit(analysis, org), batch)
        note = T.CAPTURED["code-new"].format(value=code)
    return kind, code, note


def guess_kind(source: Path, analysis: Analysis, org: Organisation) -> str | None:
    """The kind the file's code (or title) says, before anything is decided."""
    code = " ".join((analysis.control.get("code") or "").split())
    if code:
        return _kind_of_code(code, org)
    found = _search_code(analysis.search_text, None, org)[1] or _search_code(nfc(source.stem), None, org)[1]
    return found or kind_of_title(analysis.control.get("title", ""))


def _preparer_unit(analysis: Analysis, org: Organisation) -> str | None:
    item = (analysis.signoffs or {}).get("prepared")
    person = resolve_person(item.name, org)[0] if item and item.name else None
    return org.people[person].unit if person else None


def _kind_of_code(code: str, org: Organisation) -> str | None:
    for kind, pattern in org.codes.items():
        if pattern.regex.match(code):
            return kind
    return None


def _search_code(text: str, kind: str | None, org: Organisation) -> tuple[str, str | None]:
    """The first code of the wanted kind in the text (any kind when none is wanted)."""
    kinds = [kind] if kind else list(org.codes)
    best = None
    for k in kinds:
        pattern = org.codes.get(k)
        if pattern is None:
            continue
        m = code_regex(pattern.regex).search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.group(0), k)
    return (best[1], best[2]) if best else ("", None)


def _code_of_path(path: str, batch: Batch) -> str | None:
    return next((code for code, p in batch.documents.items() if p == path), None)


def _next_code(kind: str, unit: str | None, batch: Batch) -> str:
    """One more than the highest number in use (existing documents and this run); a pattern
    with {unit} needs the unit."""
    pattern = batch.organisation.code_pattern(kind)
    if pattern is None or ("{unit}" in pattern.template and not unit):
        return T.placeholder()
    if not pattern.numbered:
        return pattern.make(1, batch.year, unit or "")
    numbers = [pattern.number_of(c, unit or "") for c in batch.used()]
    return pattern.make(max((n for n in numbers if n), default=0) + 1, batch.year, unit or "")


def _conflict(code: str, source: Path, batch: Batch) -> Skip | None:
    """Two different Word files claiming one code: the second is refused, never merged."""
    name = source_name(source)
    claimed = batch.claimed.get(code)
    if claimed and claimed != name:
        path = batch.sources.get(claimed, "")
        return Skip("code-conflict", values=(("code", code), ("path", path), ("other", claimed)))
    path = batch.documents.get(code)
    other = batch.source_of.get(path or "")
    if path and other and other != name:
        return Skip("code-conflict", values=(("code", code), ("path", path), ("other", other)))
    return None


# --- values -------------------------------------------------------------------------------------------

def _revision(analysis: Analysis) -> tuple[int | None, str | None]:
    value = find_revision(analysis.control.get("revision", ""))
    if value:
        return value, T.CAPTURED["revision"].format(value=value)
    numbers = [find_revision(row.revision) for row in analysis.changes or []]
    numbers = [n for n in numbers if n]
    if numbers:
        return max(numbers), T.CAPTURED["revision-changes"].format(value=max(numbers))
    return None, None


def _effective(analysis: Analysis) -> tuple[date | None, str | None]:
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


def _signoff(role: str, found: dict[str, SignOffFound] | None, org: Organisation,
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


def _unit(options: Options, code: str, kind: str, signoffs: dict, batch: Batch, procedure: str | None,
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


def _changes(analysis: Analysis, revision: int | None, effective: date | None,
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


def _legal(analysis: Analysis, notes: list[str], todo: list[str]) -> list[str]:
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


def _records(analysis: Analysis, org: Organisation, notes: list[str], todo: list[str]) -> list[dict]:
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


def _procedure(options: Options, analysis: Analysis, org: Organisation, code: str,
               notes: list[str], todo: list[str]) -> str:
    """The form's procedure: --procedure, else the first procedure or guide code in the file."""
    if options.procedure:
        notes.append(T.CAPTURED["procedure"].format(value=options.procedure))
        return options.procedure
    for text in (analysis.search_text, analysis.all_text):
        for kind in FORM_PARENT_KINDS:
            found, _ = _search_code(text, kind, org)
            if found and found != code:
                notes.append(T.CAPTURED["procedure"].format(value=found))
                return found
    todo.append(T.TODO["procedure"])
    return T.placeholder()


# --- files ----------------------------------------------------------------------------------------------

def _file_code(code: str) -> str:
    """A code as it can appear in a file name ('QT 02/STP' → 'QT-02-STP')."""
    return re.sub(r"[^\w.\-]+", "-", code).strip("-") or "tai-lieu"


def _paths(source: Path, kind: str, code: str, title: str, options: Options, batch: Batch):
    """The Markdown path and the files to remove once it is written.

    The document imported before from the same Word file, or else the document with the same
    code, is overwritten in place; when its code or kind changed (another name, another
    folder) the new file replaces it and the old one is removed, so one Word file always
    gives one document."""
    top = "forms" if kind == "form" else "procedures"
    sub = (options.out or "").strip("/")
    for prefix in ("procedures", "forms"):
        if sub == prefix or sub.startswith(prefix + "/"):
            sub = sub[len(prefix):].strip("/")
    folder = f"{top}/{sub}" if sub else top
    name_part = slug(title)[:60] or slug(source.stem)[:60] or "tai-lieu"
    fresh = f"{folder}/{_file_code(code)}-{name_part}.md"
    by_source, by_code = batch.sources.get(source_name(source)), batch.documents.get(code)
    if by_code and by_code.split("/", 1)[0] == top:
        target = by_code
    elif by_source and by_source.split("/", 1)[0] == top and _code_of_path(by_source, batch) in (code, None):
        target = by_source
    else:
        target = fresh
    return target, sorted({p for p in (by_source, by_code) if p and p != target})


def _attachment(source: Path, path: str, code: str) -> tuple[str, bytes, str]:
    """(path from the root, bytes, link from the form file) of the kept Word original."""
    link = f"attachments/{_file_code(code)}.docx"
    return str(PurePosixPath(path).parent / link), source.read_bytes(), link


def _image_writer(analysis: Analysis, media: dict[str, bytes], media_dir: str, path: str, todo: list[str]):
    """A Markdown writer whose images point at media/<code>/<name>, and the files it needs."""
    names: dict[str, str] = {}
    files: dict[str, bytes] = {}
    link_base = PurePosixPath(media_dir).relative_to(PurePosixPath(path).parent)

    def image(src: str) -> str | None:
        if re.match(r"^[a-z]+://", src):
            return src
        if src not in media:
            return None
        if src not in names:
            name = PurePosixPath(src).name or "hinh"
            if name in files:
                name = f"{len(files) + 1}-{name}"
            names[src] = name
            files[name] = media[src]
            suffix = PurePosixPath(name).suffix.lower()
            if suffix not in BROWSER_IMAGES:
                todo.append(T.TODO["image-format"].format(name=name, fmt=suffix.lstrip(".").upper() or "?"))
        return f"{link_base}/{names[src]}"

    return Writer(image=image), files
