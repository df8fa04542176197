"""Master files of document issues (PDF for every printed document, DOCX for forms), cached by
content hash under .qms-cache/: an issue whose inputs did not change is never converted or
rendered again. The key covers the body, the control data, the template, the fonts and the
versions of pandoc and typst."""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from builder.catalog import Catalog
from builder.documents.labels import revision_label
from builder.documents.model import Document
from builder.findings.rule_texts import PDF_RENDER
from builder.pdf import compile as typst_compile
from builder.pdf import convert
from builder.pdf.cache_files import master_family, prune_stale
from builder.pdf.fonts import font_setup
from builder.pdf.paths import REFERENCE_DOCX, TEMPLATE, cache_file
from builder.pdf.source import (MAIN, body_dir, document_data, docx_parts,
                                parts_html, print_parts, qr_svg)
from builder.storage.atomic import atomic_write_bytes

RENDERER = "9"        # bump when Python code (not the template, not markdown.lua) changes what a master looks like


@dataclass
class Master:
    doc: Document
    kind: str          # "pdf" or "docx"
    key: str
    path: Path         # cache file
    data: dict | None = None
    parts: tuple = ()  # the Markdown pandoc converts once builder/markup has rendered it

    # What differs for a master of another source (a closed record, builder/pdf/record.py):
    @property
    def name(self) -> str:
        """What manifest.json lists as rendered: the document's code."""
        return self.doc.code

    @property
    def when(self):
        """Creation date written into the PDF (reproducible masters): the issue's effective date."""
        return self.doc.effective

    def failure(self, detail: str):
        """The finding when this master could not be made."""
        return render_failure(self.doc, _what(self), detail)


def typst_version() -> str:
    return version("typst")


def _digest(*parts) -> str:
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Planner:
    """Computes cache keys; reads the template and fonts once for a whole build."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.root = Path(catalog.root)
        template = self.root / TEMPLATE
        self.template = template.read_bytes() if template.is_file() else None
        self.fonts = font_setup(self.root)
        self.html_memo: dict = {}     # see source.parts_html
        reference = self.root / REFERENCE_DOCX
        self.reference = str(reference) if reference.is_file() else None
        self.reference_hash = hashlib.sha256(reference.read_bytes() if self.reference else b"").hexdigest()
        # the key holds the Markdown, so it also holds the parser that turns it into HTML
        self.common = [RENDERER, convert.pandoc_version(), typst_version(), version("markdown-it-py"),
                       version("mdit-py-plugins"), self.fonts.families, self.fonts.signature,
                       hashlib.sha256(self.template or b"").hexdigest(),
                       # the Lua filter decides links, images, column widths and alignment
                       hashlib.sha256(convert.SCRIPT.read_bytes()).hexdigest()]

    def pdf(self, doc: Document) -> Master:
        data = dict(document_data(doc, self.catalog), fonts=list(self.fonts.families))
        parts = tuple(print_parts(doc, self.catalog))
        key = _digest(self.common, parts, data)
        return Master(doc, "pdf", key, cache_file(self.root, "pdf", doc.code, doc.revision, key, "pdf"), data, parts)

    def docx(self, doc: Document) -> Master:
        parts = tuple(docx_parts(doc))
        key = _digest(self.common, "docx", parts, self.reference_hash)
        return Master(doc, "docx", key, cache_file(self.root, "docx", doc.code, doc.revision, key, "docx"),
                      parts=parts)


def render_failure(doc: Document, what: str, detail: str):
    """A finding naming the document, pointed at the body line that mentions the failing file."""
    return PDF_RENDER.finding(doc.path, failing_line(doc, detail), detail=detail.rstrip("."),
                   what=f"{what} của {doc.code} lần ban hành {revision_label(doc.revision)}")


def failing_line(source, detail: str) -> int:
    """The body line of a document (or record) that mentions the file an error names, else the
    body's first line."""
    for name in re.findall(r"[\w./-]+\.(?:png|jpe?g|svg|gif|webp)", detail):
        base = name.rsplit("/", 1)[-1]
        hit = next((n for n, text in source.body_lines() if base in text), None)
        if hit:
            return hit
    return source.body_line


def template_missing():
    return template_failure(1, f"không tìm thấy mẫu trình bày {TEMPLATE}")


def template_failure(line: int, detail: str):
    """The template itself is broken: one finding at its line, for every document at once."""
    return PDF_RENDER.finding(TEMPLATE, line, what="bản in của mọi tài liệu",
                   detail=f"lỗi trong mẫu trình bày: {detail.rstrip('.')}")


def ensure(masters: list[Master], planner: Planner, progress: Callable[[int], None] | None = None,
           workers: int | None = None, ready: Callable[[Master], None] | None = None) -> list:
    """Create every master missing from the cache; return findings for those that failed.
    `progress(n)` reports n more masters done (cached ones at once); `ready(master)` is called as
    each new PDF master is written, while typst goes on with the others."""
    missing = [m for m in masters if not cached(m.path)]
    if progress and len(masters) > len(missing):
        progress(len(masters) - len(missing))
    if not missing:
        return []
    if planner.template is None and any(m.kind == "pdf" for m in missing):
        return [template_missing()]
    for folder in {m.path.parent for m in missing}:
        folder.mkdir(parents=True, exist_ok=True)
    results = convert.convert([_job(m, planner) for m in missing], planner.root, workers)
    findings, tasks, by_key, written_paths = [], [], {m.key: m for m in missing}, []
    for m in missing:
        result = results[m.key]
        if result.error:
            findings.append(m.failure(f"pandoc: {result.error}"))
            _done(progress)
        elif m.kind == "docx":
            os.replace(_partial(m), m.path)
            written_paths.append(m.path)
            _done(progress)
        else:
            tasks.append(_task(m, planner, result))

    def written(output: typst_compile.Output) -> None:
        m = by_key[output.key]
        if output.pdf is not None:
            atomic_write_bytes(m.path, output.pdf, durable=False)
            written_paths.append(m.path)
            if ready:
                ready(m)
        elif output.where and output.where[0].lstrip("/") == TEMPLATE:
            findings.append(template_failure(output.where[1], output.error or ""))
        else:
            findings.append(m.failure(output.error or ""))

    typst_compile.run_all(tasks, workers, progress, written)
    prune_stale(written_paths, master_family)
    return list(dict.fromkeys(findings))   # a broken template: one finding, not one per document


def cached(path: Path) -> bool:
    """A cache file that can be used (cache files are not flushed to disk: after a power cut
    one may be empty, and is then made again)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _what(m: Master) -> str:
    return "bản PDF" if m.kind == "pdf" else "bản Word (DOCX)"


def _done(progress):
    if progress:
        progress(1)


def _prune(path: Path) -> None:
    """Drop older cache entries of the same issue: the cache holds one master per issue."""
    prune_stale([path], master_family)


def _partial(m: Master) -> Path:
    return m.path.with_name(m.path.name + ".part")


def _job(m: Master, planner: Planner) -> convert.Job:
    html = parts_html(m.parts, planner.html_memo)
    if m.kind == "docx":
        return convert.Job(m.key, html, body_dir(m.doc), "docx", str(_partial(m)), planner.reference)
    return convert.Job(m.key, html, body_dir(m.doc))


def _task(m: Master, planner: Planner, result: convert.Result) -> typst_compile.Task:
    data = dict(m.data, columns=result.columns)
    inputs = {"data": json.dumps(data, ensure_ascii=False), "qr": qr_svg(data["url"])}
    return typst_compile.Task(m.key, str(planner.root), planner.fonts.dirs,
                              (MAIN + result.typst).encode("utf-8"), inputs, m.when)
