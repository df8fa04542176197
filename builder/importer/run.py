"""One import run: collect files, sniff, convert (batched), plan, write, then check.

Errors are values: each file ends as a FileResult holding either its Plan or the Skip that
says why it was left out; nothing a Word file contains can raise out of here. The project's
own checks run once over the repository after every file is written, and their findings are
handed back per document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from builder.catalog import load_catalog
from builder.documents.loader import document_paths
from builder.documents.text import nfc
from builder.importer import texts as T
from builder.importer.analyse import analyse
from builder.importer.batch import Batch, Options, source_name
from builder.importer.codes import guess_kind
from builder.importer.convert import ConvertError, convert_all
from builder.importer.docx_xml import layout_losses, read_page_header
from builder.importer.output import write_plan
from builder.importer.plan import Plan, plan_document
from builder.importer.sources import Skip, collect, sniff
from builder.rules.runner import run_checks

Progress = Callable[[str, int, int], None]   # (phase, advance, total)
_SOURCE_LINE = re.compile(r"^" + re.escape(T.SOURCE_COMMENT_PREFIX) + r"(.+?)\s*$", re.M)


@dataclass
class FileResult:
    source: Path
    plan: Plan | None = None
    skip: Skip | None = None
    findings: list = field(default_factory=list)

    @property
    def imported(self) -> bool:
        return self.plan is not None


def import_files(root: Path, arguments: list[Path], options: Options, today: date | None = None,
                 progress: Progress | None = None) -> list[FileResult]:
    """Import every Word file named (folders: each .docx inside); results in input order."""
    root = Path(root)
    paths = collect([Path(a) for a in arguments])
    results = {path: FileResult(path) for path in paths}
    readable = []
    for path in paths:
        problem = sniff(path)
        if problem:
            results[path].skip = problem
        else:
            readable.append(path)
    tick = progress or (lambda phase, advance, total: None)
    converted = convert_all(readable, done=lambda n: tick(T.PROGRESS_CONVERT, n, len(readable)))
    batch = _batch(root, today)
    prepared = {}
    for path in readable:
        outcome = converted.get(path)
        if isinstance(outcome, ConvertError) or outcome is None:
            results[path].skip = Skip("pandoc", outcome.detail if outcome else "?")
        else:
            prepared[path] = _prepare(path, outcome, options, batch)
    # Procedures first: a form then finds its procedure's unit, imported in the same run.
    for path in sorted(prepared, key=lambda p: prepared[p][0] == "form"):
        results[path].plan, results[path].skip = _one(root, path, prepared[path], options, batch)
        tick(T.PROGRESS_BUILD, 1, len(readable))
    if any(r.imported for r in results.values()):
        _attach_findings(root, today, results.values())
    return [results[p] for p in paths]


def _prepare(path: Path, converted, options: Options, batch: Batch):
    """(guessed kind, analysis or Skip, images, layout losses) of one converted file."""
    try:
        header = read_page_header(path)
        analysis = analyse(converted.ast, header, batch.organisation, options.kind == "form")
        kind = options.kind or guess_kind(path, analysis, batch.organisation)
        if kind == "form" and options.kind != "form":
            analysis = analyse(converted.ast, header, batch.organisation, True)
        return kind, analysis, converted.media, layout_losses(path)
    except Exception as exc:  # noqa: BLE001 - an untrusted file's problem stays that file's
        return None, Skip("internal", f"{type(exc).__name__}: {exc}"), {}, []


def _one(root: Path, path: Path, prepared, options: Options, batch: Batch):
    """Plan and write one file; a failure is a Skip, and the batch knows the new document."""
    _, analysis, media, losses = prepared
    if isinstance(analysis, Skip):
        return None, analysis
    try:
        plan = plan_document(path, analysis, media, losses, options, batch)
    except Exception as exc:  # noqa: BLE001 - an untrusted file's problem stays that file's
        return None, Skip("internal", f"{type(exc).__name__}: {exc}")
    if isinstance(plan, Skip):
        return None, plan
    try:
        write_plan(root, plan)
    except OSError as exc:
        return None, Skip("write", exc.strerror or str(exc))
    _remember(batch, plan)
    return plan, None


def _batch(root: Path, today: date | None) -> Batch:
    """Organisation, existing codes and, from each document's first lines, the Word file it
    was imported from."""
    catalog = load_catalog(root, today, base_ref=None, with_git=False)
    documents = {d.code: d.path for d in catalog.documents if d.code}
    sources, source_of = {}, {}
    for path in document_paths(root):
        try:
            head = path.read_bytes()[:2048].decode("utf-8", errors="ignore")
        except OSError:
            continue
        m = _SOURCE_LINE.search(head)
        if m:
            rel = path.relative_to(root).as_posix()
            sources.setdefault(nfc(m.group(1)), rel)
            source_of[rel] = nfc(m.group(1))
    return Batch(catalog.organisation, documents, sources, source_of,
                 units={d.code: d.unit for d in catalog.documents if d.code}, year=(today or catalog.today).year,
                 effective={d.path for d in catalog.documents if d.status != "draft"})


def _remember(batch: Batch, plan: Plan) -> None:
    """The batch learns the document just written, so later files see its code and source."""
    name = source_name(plan.source)
    for stale in plan.stale:
        batch.source_of.pop(stale, None)
        for code in [c for c, p in batch.documents.items() if p == stale]:
            del batch.documents[code]
    batch.documents[plan.code] = plan.path
    batch.units[plan.code] = plan.unit
    batch.sources[name] = plan.path
    batch.source_of[plan.path] = name
    if T.PLACEHOLDER not in plan.code:
        batch.claimed[plan.code] = name


def _attach_findings(root: Path, today: date | None, results) -> None:
    """Run every check once over the repository; give each document its findings."""
    findings = run_checks(load_catalog(root, today))
    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    for result in results:
        if result.plan:
            result.findings = by_path.get(result.plan.path, [])

