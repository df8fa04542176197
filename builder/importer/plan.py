"""From what a Word file holds to the document this project stores: front matter, body, files.

Everything is decided in memory (a Plan); writing is a separate step (output.py), so a file
that fails half way leaves nothing behind. Whatever the file does not say becomes a
'CẦN ĐIỀN' placeholder and a line of the report, never a guess presented as fact.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from builder.documents.loader import parse_document
from builder.documents.schema import FORM_PARENT_KINDS, KINDS
from builder.documents.text import slug
from builder.importer import texts as T
from builder.importer.analyse import Analysis
from builder.importer.batch import Batch, Options, source_name
from builder.importer.codes import conflict, kind_and_code
from builder.importer.frontmatter import render
from builder.importer.paths import (attachment_of, file_code, image_writer,
                                    target_paths)
from builder.importer.sources import Skip
from builder.importer.values import (ROLES, changes_of, effective_of, legal_of,
                                     preparer_unit, procedure_of, records_of,
                                     revision_of, signoff_of, unit_of)
from builder.importer.words import sentence_case

__all__ = ["Batch", "Options", "Plan", "plan_document", "source_name"]


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


def plan_document(source: Path, analysis: Analysis, media: dict[str, bytes], losses: list[str],
                  options: Options, batch: Batch) -> Plan | Skip:
    """Decide the document of one Word file."""
    org = batch.organisation
    notes: list[str] = []
    todo: list[str] = []
    control = analysis.control
    kind, code, code_note = kind_and_code(source, analysis, options, batch, todo,
                                            preparer_unit(analysis, org))
    refused = conflict(code, source, batch)
    if refused:
        return refused
    notes.append(code_note)
    notes.append(T.CAPTURED["kind"].format(value=f"{kind} ({KINDS[kind]})"))

    title = sentence_case(control.get("title", "")).strip()
    _note(notes, todo, T.CAPTURED["title"].format(value=title) if title else None, T.TODO["title"])

    revision, rev_note = revision_of(analysis)
    _note(notes, todo, rev_note, T.TODO["revision"])
    effective, eff_note = effective_of(analysis)
    _note(notes, todo, eff_note, T.TODO["effective"])

    signoffs = {role: signoff_of(role, analysis.signoffs, org, notes, todo) for role in ROLES}
    if analysis.signoffs is None:
        todo.insert(0, T.TODO["signoffs-missing"])
    for table, texts in analysis.unmapped:
        name, fields_of = T.UNMAPPED_TABLES[table]
        todo.append(T.TODO["unmapped"].format(table=name, fields=fields_of,
                                              items="; ".join(f"'{t}'" for t in texts[:12])))
    procedure = procedure_of(options, analysis, org, code, notes, todo) if kind == "form" else None
    unit = unit_of(options, code, kind, signoffs, batch, procedure, notes, todo)

    status = "draft"
    if options.status == "effective":
        complete = analysis.signoffs is not None and all(analysis.signoffs.get(r) and analysis.signoffs[r].name
                                                         for r in ROLES) and effective is not None
        status = "effective" if complete else "draft"
        _note(notes, todo, T.CAPTURED["status-effective"] if complete else None, T.TODO["status-draft"])

    changes = changes_of(analysis, revision, effective, notes, todo)
    path, stale = target_paths(source, kind, code, title, options, batch)
    media_dir = str(PurePosixPath(path).parent / "media" / slug(code))
    writer, files = image_writer(analysis, media, media_dir, path, todo)
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
            attachment = attachment_of(source, path, code)
            reasons = ", ".join(T.LAYOUT_REASONS[r] for r in losses)
            notes.append(T.CAPTURED["attachment"].format(value=attachment[0], reasons=reasons))
            fields.append(("attachment", attachment[2]))
            link = T.ATTACHMENT_LINK.format(name=PurePosixPath(attachment[0]).name, target=attachment[2])
            body = link + "\n\n" + body
    if kind in FORM_PARENT_KINDS:
        legal = legal_of(analysis, notes, todo)
        fields += [("legal_basis", legal), ("forms", list(analysis.forms))]
        if analysis.forms:
            notes.append(T.CAPTURED["forms"].format(value=", ".join(analysis.forms)))
        fields.append(("records", records_of(analysis, org, notes, todo) or None))
    if kind in ("objectives", "plan"):
        fields.append(("year", effective.year if effective else batch.year))
        fields.append(("targets" if kind == "objectives" else "tasks", []))
    fields.append(("changes", changes))
    if attachment is None:
        stale.append(str(PurePosixPath(path).parent / "attachments" / f"{file_code(code)}.docx"))

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


def _note(notes: list[str], todo: list[str], captured: str | None, missing: str) -> None:
    """What was found goes to the captured list, else what a person must fill goes to todo."""
    if captured:
        notes.append(captured)
    else:
        todo.append(missing)
