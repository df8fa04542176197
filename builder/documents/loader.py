"""Reading document files into Documents: each file read once, every problem a finding."""
from __future__ import annotations

import os
from pathlib import Path

from builder.cache import parse_cache
from builder.documents import yaml_source as yamlsrc
from builder.documents.field_types import Context, missing, report_unknown
from builder.documents.model import (ChangeRow, Document, Record, Result,
                                     SignOff, Target, Task)
from builder.documents.schema import (KINDS, REQUIRED_WHEN_IN_FORCE, STATUSES,
                                      all_fields, fields_for)
from builder.documents.text import DecodeProblem, decode
from builder.findings.limits import MAX_FILE_MB
from builder.findings.rule_texts import (DUPLICATE_KEY, FILE_DIRECTORY,
                                         FILE_EXTENSION, FILE_SYMLINK,
                                         FRONT_MATTER_MISSING,
                                         FRONT_MATTER_NOT_MAPPING,
                                         REQUIRED_FIELD, UNKNOWN_KEY)

DOCUMENT_FOLDERS = ("procedures", "forms")
_FENCES = ("---", "...")


MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")


def document_paths(root: Path, folders=DOCUMENT_FOLDERS) -> list[Path]:
    """Every Markdown document file of the document folders, in a stable order: regular
    files named *.md, never through a symbolic link (see folder_problems)."""
    return [p for p, problem in _walk(root, folders) if problem is None]


def folder_problems(root: Path, folders=DOCUMENT_FOLDERS) -> list:
    """Files of the document folders that look like documents but are not read: symlinks
    (their content is not in git), other spellings of .md, folders named *.md."""
    findings = []
    for path, problem in _walk(root, folders):
        if problem is None:
            continue
        rel = path.relative_to(root).as_posix()
        if problem == "symlink":
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            findings.append(FILE_SYMLINK.finding(rel, 1, name=rel, target=target))
        elif problem == "directory":
            findings.append(FILE_DIRECTORY.finding(rel, 1, name=rel))
        else:
            findings.append(FILE_EXTENSION.finding(rel, 1, name=rel, suffix=path.suffix,
                                                   fixed=path.with_suffix(".md").name))
    return findings


def _walk(root: Path, folders=DOCUMENT_FOLDERS):
    """(path, None) for each document file, (path, problem) for each look-alike, without
    following any symbolic link."""
    for folder in folders:
        base = Path(root) / folder
        if not base.is_dir() or base.is_symlink():
            if base.is_symlink():
                yield base, "symlink"
            continue
        for current, dirs, files in os.walk(base, followlinks=False):
            here = Path(current)
            for name in sorted(dirs):
                path = here / name
                if path.is_symlink():
                    yield path, "symlink"
                elif name.lower().endswith(MARKDOWN_SUFFIXES):
                    yield path, "directory"
            dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink()
                             and not d.lower().endswith(MARKDOWN_SUFFIXES))
            for name in sorted(files):
                path = here / name
                if not name.lower().endswith(MARKDOWN_SUFFIXES):
                    continue
                if path.is_symlink():
                    yield path, "symlink"
                elif name.endswith(".md"):
                    yield path, None
                else:
                    yield path, "extension"


def split_front_matter(text: str):
    """Return (front matter text, body text, body start line), or what is wrong as a wording of
    rule front-matter-missing: '' (its own message: no opening '---') or 'unclosed'."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return ""
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _FENCES:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    return "unclosed"


def load_document(root: Path, path: Path, parse=None) -> tuple:
    """Read one file and parse it (`parse_document`, or the records' parser); a file that cannot
    be read is a finding."""
    rel = path.relative_to(root).as_posix()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [FRONT_MATTER_MISSING.finding(rel, 1, "unreadable", reason=exc.strerror)]
    return (parse or parse_document)(rel, raw)


def parse_document(rel: str, raw: bytes, blob: str | None = None) -> tuple[Document | None, list]:
    """Parse one file's bytes. Returns the document (None when unusable) and its findings.

    The same bytes at the same path parse to the same result, so the working tree, the base
    commit and the history share one parse of every unchanged file (see parse_cache)."""
    doc, findings = parse_cache.CACHE.parsed(rel, raw, blob, _parse_document)
    return doc, list(findings)


def _parse_document(rel: str, raw: bytes) -> tuple[Document | None, list]:
    parsed = read_front_matter(rel, raw)
    if isinstance(parsed, list):
        return None, parsed
    located, body, body_line, ctx = parsed
    values = _validate(located.data, ctx)
    return _build(rel, values, body, body_line, located), ctx.findings


def read_front_matter(rel: str, raw: bytes):
    """Decode a Markdown file with front matter and parse its YAML: (located, body, body line,
    context holding the duplicate-key findings), or the findings that make it unusable. Shared
    by documents and records, so both read files the same way."""
    text = decode(raw)
    if isinstance(text, DecodeProblem):
        return [text.rule.finding(rel, text.line, encoding=text.detail, size=text.detail, limit=MAX_FILE_MB)]
    split = split_front_matter(text)
    if isinstance(split, str):
        return [FRONT_MATTER_MISSING.finding(rel, 1, split)]
    fm_text, body, body_line = split
    located = yamlsrc.parse(fm_text, first_line=2)
    if isinstance(located, yamlsrc.YamlProblem):
        return [located.finding(rel)]
    if not isinstance(located.data, dict) or not located.data:
        found = "một danh sách" if isinstance(located.data, list) else "phần trống hoặc một dòng chữ"
        return [FRONT_MATTER_NOT_MAPPING.finding(rel, 2, found=found)]
    ctx = Context(rel, located)
    for keys, line in located.duplicates:
        ctx.findings.append(DUPLICATE_KEY.finding(rel, line, key=keys[-1], first=located.line(*keys)))
    return located, body, body_line, ctx


def convert_by_kind(raw: dict, ctx: Context, fields_for, everywhere: dict, kinds: dict, noun: str):
    """Convert every key by the shape its kind gives it (documents and records alike): `kind`
    first, then each key; a key of another kind or of none is reported. Returns the kind, the
    fields it allows and the converted values."""
    kind_field = next(f for f in fields_for(None) if f.key == "kind")
    kind = kind_field.shape.convert(raw.get("kind", ""), ("kind",), ctx) if "kind" in raw else None
    allowed = {f.key: f for f in fields_for(kind)}
    values: dict = {"kind": kind}
    for key, value in raw.items():
        if key == "kind":
            continue
        spec = allowed.get(key)
        if spec is None:
            if key in everywhere and kind:
                ctx.report(UNKNOWN_KEY, (key,), key=key, where=f" cho loại {noun} {kinds[kind]}",
                           hint=f" Xóa trường này hoặc sửa loại {noun}.")
            else:
                report_unknown(ctx, (key,), everywhere)
            continue
        values[key] = spec.shape.convert(value, (key,), ctx)
    return kind, allowed, values


def _validate(raw: dict, ctx: Context) -> dict:
    """Convert every key by its shape; report unknown, misplaced and missing keys."""
    kind, allowed, values = convert_by_kind(raw, ctx, fields_for, all_fields(), KINDS, "tài liệu")

    def require(key: str, label: str, why: str = "") -> None:
        """Missing, null, empty or blank: at the key's line when the key is written."""
        if missing(raw.get(key)):
            ctx.report(REQUIRED_FIELD, (key,) if key in raw else (), key=key, label=label, why=why)

    for spec in allowed.values():
        if spec.required:
            require(spec.key, spec.label)
    if values.get("status") in ("effective", "withdrawn"):
        why = f" (bắt buộc khi tình trạng là '{values['status']}' - {STATUSES[values['status']]})"
        for key in REQUIRED_WHEN_IN_FORCE:
            require(key, allowed[key].label, why)
    if values.get("status") == "withdrawn":
        require("withdrawn", allowed["withdrawn"].label, " (bắt buộc khi tình trạng là 'withdrawn')")
    return values


def _units(value) -> tuple[str, ...]:
    """Unit ids of a task: one, a list, or several in one text separated by commas ("VP, KHTC")."""
    items = value if isinstance(value, list) else [value] if value else []
    return tuple(u.strip() for item in items for u in str(item).split(",") if u.strip())


def _signoff(data) -> SignOff | None:
    if not data or not data.get("by"):
        return None
    return SignOff(data["by"], data.get("date"), data.get("decision"), data.get("fingerprint"))


def _build(rel, v: dict, body: str, body_line: int, located) -> Document:
    signoffs = {k: s for k in ("prepared", "reviewed", "approved") if (s := _signoff(v.get(k)))}
    return Document(
        path=rel,
        code=v.get("code") or "",
        kind=v.get("kind") or "",
        title=v.get("title") or "",
        unit=v.get("unit") or "",
        revision=v.get("revision"),
        status=v.get("status") or "",
        body=body,
        body_line=body_line,
        effective=v.get("effective"),
        withdrawn=v.get("withdrawn"),
        review_months=v.get("review_months"),
        signoffs=signoffs,
        legal_basis=v.get("legal_basis") or [],
        references=v.get("references") or [],
        changes=[ChangeRow(r.get("revision"), r.get("date"), r.get("section"), r.get("description"))
                 for r in v.get("changes") or [] if r],
        forms=v.get("forms") or [],
        records=[Record(r.get("name") or "", r.get("keeper") or "", r.get("retention") or "", r.get("form"))
                 for r in v.get("records") or [] if r],
        procedure=v.get("procedure"),
        tthc=v.get("tthc") or [],
        year=v.get("year"),
        targets=[Target(t.get("id") or "", t.get("name") or "", t.get("op") or ">=",
                        t.get("target") if t.get("target") is not None else 0.0,
                        t.get("measure") or "", t.get("unit"),
                        tuple(Result(r["period"], r["value"]) for r in t.get("results") or []
                              if r and r.get("period") and r.get("value") is not None))
                 for t in v.get("targets") or [] if t],
        tasks=[Task(t.get("content") or "", t.get("period") or "", _units(t.get("unit")),
                    t.get("status") or "planned", t.get("due"), t.get("completed"), t.get("type"))
               for t in v.get("tasks") or [] if t],
        front_matter=located.data,
        lines=located,
    )


def load_documents(root: Path) -> tuple[list[Document], list]:
    """Load every document of the repository once."""
    documents, findings = [], folder_problems(root)
    for path in document_paths(root):
        doc, found = load_document(root, path)
        findings += found
        if doc is not None:
            documents.append(doc)
    return documents, findings
