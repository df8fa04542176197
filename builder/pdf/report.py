"""The yearly report's PDF (Nghị định 30 layout, site_config/print/bao-cao.typ) and DOCX (for the
văn thư's final editing), from the report's one Markdown (builder/reporting/report.py).

The same tools as every printed document: the body rendered by builder/markup, converted by
pandoc (one batch for both files, builder/pdf/convert.py), laid out by typst in the fonts the
documents use (builder/pdf/compile.py), cached by a hash of everything that goes in
(.qms-cache/reports/): an unchanged report is never made twice. The PDF's header and signature
block come from the template; the DOCX carries the same header, title, addressees, recipients
and signature as tables and styled paragraphs (site_config/print/bao-cao.docx), so that it can
be edited and registered like any outgoing document.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from builder.catalog import Catalog
from builder.findings.rule_texts import PDF_RENDER
from builder.pdf import compile as typst_compile
from builder.pdf import convert
from builder.pdf.master import Planner, _digest, _prune, cached
from builder.pdf.paths import REFERENCE_DOCX, cache_dir
from builder.pdf.source import parts_html
from builder.reporting.header import ReportHeader, report_header
from builder.reporting.paths import FORMATS, report_stem
from builder.reporting.report import report_markdown
from builder.storage.atomic import atomic_write_bytes

REPORT_TEMPLATE = "site_config/print/bao-cao.typ"
REPORT_REFERENCE = "site_config/print/bao-cao.docx"     # styles of the DOCX; else the forms' reference
CACHE_KIND = "reports"
MAIN = (f'#import "/{REPORT_TEMPLATE}": layout, horizontalrule, wide-table\n'
        '#show: layout.with(json(bytes(sys.inputs.data)))\n')
RENDERER = "1"          # bump when this module changes what a report file looks like


@dataclass
class ReportFiles:
    """The cache files of one report (None when not asked for or not made) and what went wrong."""
    pdf: Path | None = None
    docx: Path | None = None
    findings: list = field(default_factory=list)

    def path(self, extension: str) -> Path | None:
        return self.pdf if extension == "pdf" else self.docx


def render_report(catalog: Catalog, year: int, header: ReportHeader | None = None,
                  formats: tuple[str, ...] = FORMATS) -> ReportFiles:
    """Make (or find in the cache) the report's files. Never raises for a rendering failure:
    it comes back as a `pdf-render` finding at the template."""
    header = header or report_header(catalog, year)
    body = report_markdown(catalog, year)
    planner = Planner(catalog)
    root = Path(catalog.root)
    template = root / REPORT_TEMPLATE
    if "pdf" in formats and not template.is_file():
        return ReportFiles(findings=[_failure(1, year, f"không tìm thấy mẫu trình bày {REPORT_TEMPLATE}")])
    reference = _reference(root)
    data = dict(header.data(), fonts=list(planner.fonts.families))
    key = _digest(planner.common, "report", RENDERER, body, data, _file_hash(template), _file_hash(reference))
    targets = {ext: cache_dir(root, CACHE_KIND) / f"{report_stem(year)}-{key[:20]}.{ext}" for ext in formats}
    missing = {ext: path for ext, path in targets.items() if not cached(path)}
    findings = _make(missing, body, header, data, planner, root, reference, catalog) if missing else []
    done = {ext: path if cached(path) else None for ext, path in targets.items()}
    return ReportFiles(done.get("pdf"), done.get("docx"), findings)


def _file_hash(path: Path | None) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path is not None and path.is_file() else ""


def _reference(root: Path) -> Path | None:
    for name in (REPORT_REFERENCE, REFERENCE_DOCX):
        if (root / name).is_file():
            return root / name
    return None


def _make(missing: dict[str, Path], body: str, header: ReportHeader, data: dict, planner: Planner,
          root: Path, reference: Path | None, catalog: Catalog) -> list:
    """One pandoc batch for both files, then typst for the PDF."""
    for path in missing.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    body_html = parts_html([body])
    jobs = []
    if "pdf" in missing:
        jobs.append(convert.Job("pdf", body_html, ""))
    if "docx" in missing:
        jobs.append(convert.Job("docx", docx_html(header, body_html), "", "docx", str(_partial(missing["docx"])),
                                str(reference) if reference else None))
    results = convert.convert(jobs, root, workers=1)
    findings = []
    if "docx" in missing:
        if results["docx"].error:
            findings.append(_failure(1, header.year, f"pandoc: {results['docx'].error}", "bản Word (DOCX)"))
        else:
            os.replace(_partial(missing["docx"]), missing["docx"])
            _prune(missing["docx"])
    if "pdf" in missing:
        result = results["pdf"]
        if result.error:
            return findings + [_failure(1, header.year, f"pandoc: {result.error}")]
        task = typst_compile.Task("report", str(root), planner.fonts.dirs, (MAIN + result.typst).encode("utf-8"),
                                  {"data": json.dumps(data, ensure_ascii=False)}, catalog.today)
        output = typst_compile.run(task)
        if output.pdf is None:
            line = output.where[1] if output.where and output.where[0].lstrip("/") == REPORT_TEMPLATE else 1
            findings.append(_failure(line, header.year, output.error or ""))
        else:
            atomic_write_bytes(missing["pdf"], output.pdf, durable=False)
            _prune(missing["pdf"])
    return findings


def _failure(line: int, year: int, detail: str, what: str = "bản PDF"):
    return PDF_RENDER.finding(REPORT_TEMPLATE, line, what=f"{what} của báo cáo năm {year}", detail=detail.rstrip("."))


def _partial(path: Path) -> Path:
    return path.with_name(path.name + ".part")


# ---- The DOCX: the header and the signature block as Word tables and styled paragraphs ----------

def _lines(*parts: str) -> str:
    return "<br>".join(parts)


def _styled(style: str, inner: str) -> str:
    """A paragraph in one of the reference document's styles (pandoc's custom-style)."""
    return f'<div data-custom-style="{html.escape(style)}"><p>{inner}</p></div>'


def docx_html(header: ReportHeader, body_html: str) -> str:
    """The report as the DOCX shows it: header table (ô 1-4), title, subject and addressees, the
    body, then the table of recipients and signature (ô 9b and 7). Every value escaped."""
    e, labels = html.escape, header.data()["labels"]
    centre = 'style="text-align:center"'
    agency = _lines(e(header.parent.upper()), f"<strong>{e(header.agency.upper())}</strong>")
    nation = _lines(f"<strong>{e(labels['national-name'])}</strong>", f"<strong>{e(labels['national-motto'])}</strong>")
    top = (f"<table><tbody><tr><td {centre}>{agency}</td><td {centre}>{nation}</td></tr>"
           f"<tr><td {centre}>{e(header.number)}</td><td {centre}><em>{e(header.place_date)}</em></td></tr>"
           "</tbody></table>")
    to = (f"{e(labels['to'])}: {e(header.addressees[0])}" if len(header.addressees) == 1 else
          _lines(f"{e(labels['to'])}:", *(f"- {e(a)};" for a in header.addressees)))
    title = (_styled("Tên loại văn bản", f"<strong>{e(header.title)}</strong>")
             + _styled("Trích yếu", f"<strong>{e(header.subject)}</strong>") + _styled("Kính gửi", to))
    last = len(header.recipients) - 1
    recipients = _lines(f"<strong><em>{e(labels['recipients'])}:</em></strong>",
                        *(f"- {e(r)}{'.' if i == last else ';'}" for i, r in enumerate(header.recipients)))
    s = header.signer
    signature = _lines(*(f"<strong>{e(x)}</strong>" for x in (s.authority, s.position) if x), "", "", "", "",
                       f"<strong>{e(s.name)}</strong>")
    bottom = f"<table><tbody><tr><td>{recipients}</td><td {centre}>{signature}</td></tr></tbody></table>"
    return top + title + body_html + bottom


# ---- Writing the files for the văn thư (`qms report`) --------------------------------------------

WRITTEN = "written.json"      # in .qms-cache/reports/: the hash of every file `qms report` wrote, by path


class ReportOverwrite(Exception):
    """A file in the way that `qms report` did not write (or that someone edited since)."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def save_report(catalog: Catalog, files: dict[Path, bytes]) -> list[Path]:
    """Write each file atomically, but never over a file this command did not write as it is now:
    the DOCX is for editing, and an edited copy must not be lost to a second run. Checks every
    target first, so either all are written or none."""
    record = cache_dir(Path(catalog.root), CACHE_KIND) / WRITTEN
    try:
        written = json.loads(record.read_text(encoding="utf-8")) if record.is_file() else {}
    except (OSError, ValueError):
        written = {}
    for path, data in files.items():
        if path.is_file():
            current = _sha256(path.read_bytes())
            if current not in (written.get(str(path.resolve())), _sha256(data)):
                raise ReportOverwrite(path)
    for path, data in files.items():
        atomic_write_bytes(path, data)
        written[str(path.resolve())] = _sha256(data)
    atomic_write_bytes(record, json.dumps(written, ensure_ascii=False, indent=1).encode("utf-8"), durable=False)
    return list(files)
