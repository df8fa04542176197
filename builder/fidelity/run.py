"""One pass over a built site: for each document, the reference (GFM) rendering, the body of
its published page, what pandoc read for the print, and the text of its published PDF."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from builder.addresses import page_url
from builder.catalog import Catalog
from builder.documents.model import Document
from builder.fidelity.compare import Difference, compare_units, missing_words
from builder.fidelity.meaning import meaning, words
from builder.fidelity.reference import reference_html
from builder.findings.finding import Finding
from builder.findings.rule_texts import (GITHUB_ONLY, HIDDEN_TAG, LINK_TARGET,
                                         PRINT_GLYPH, UNSAFE_HTML)
from builder.markup.render import BODY_CLASS, for_print, render_body
from builder.pdf import convert
from builder.pdf.paths import has_pdf, site_file
from builder.pdf.source import body_dir
from builder.rules.runner import run_checks

SITE, PANDOC, PDF = "trang", "bản in (pandoc)", "bản in (PDF)"
_DIV = re.compile(r"<div\b|</div>", re.I)


# Rules that report, at its line, a construct that cannot mean the same everywhere: a
# difference in a document they flag is explained by the finding, not silent.
CONSTRUCT_RULES = (HIDDEN_TAG.id, LINK_TARGET.id, PRINT_GLYPH.id, GITHUB_ONLY.id, UNSAFE_HTML.id)


@dataclass
class FidelityReport:
    documents: int = 0
    pdfs: int = 0
    differences: list[Difference] = field(default_factory=list)
    explained: list[tuple[Difference, list[Finding]]] = field(default_factory=list)

    def by_where(self) -> dict[str, int]:
        out = {SITE: 0, PANDOC: 0, PDF: 0}
        for d in self.differences:
            out[d.where] = out.get(d.where, 0) + 1
        return out


def site_body(page_html: str) -> str | None:
    """The body block of a published page (the div builder/markup wrote), or None."""
    start = page_html.find(f'<div class="{BODY_CLASS}"')
    if start < 0:
        return None
    open_end = page_html.index(">", start) + 1
    depth = 1
    for match in _DIV.finditer(page_html, open_end):
        depth += 1 if match.group(0).lower() == "<div" else -1
        if depth == 0:
            return page_html[open_end:match.start()]
    return None


def pdf_words(path: Path) -> list[str]:
    """The words of a PDF as PDFium reads them (pypdf garbles stacked diacritics: see pyproject)."""
    import pypdfium2  # start-up cost: paid only by `qms fidelity`

    document = pypdfium2.PdfDocument(str(path))
    try:
        return words(" ".join(page.get_textpage().get_text_range() for page in document))
    finally:
        document.close()


def check_fidelity(catalog: Catalog, site_dir: Path, expected: dict[str, str] | None = None,
                   workers: int | None = None) -> FidelityReport:
    """Every difference between the three renderings of every document with a body. `expected`
    maps a code to the reference HTML to use instead of the GFM rendering (a spec's own HTML)."""
    expected = expected or {}
    docs = [d for d in catalog.documents if d.code and d.body.strip()]
    report = FidelityReport(documents=len(docs))
    sites = {}
    for doc in docs:
        page = site_dir / page_url(doc) / "index.html"
        html = site_body(page.read_text(encoding="utf-8")) if page.is_file() else None
        if html is None:
            report.differences.append(Difference(doc.path, doc.body_line, SITE, "nội dung tài liệu trên trang",
                                                 f"không có trang {page_url(doc)} (chạy mkdocs build trước)"))
        else:
            sites[doc.code] = html
    jobs = [convert.Job(doc.code, for_print(render_body(doc.body).html), body_dir(doc), "html") for doc in docs]
    read_back = convert.convert(jobs, Path(catalog.root), workers)
    flagged: dict[str, list[Finding]] = {}
    for finding in run_checks(catalog, only=set(CONSTRUCT_RULES)):
        if finding.rule in CONSTRUCT_RULES:
                flagged.setdefault(finding.path, []).append(finding)
    for doc in docs:
        for difference in _document(doc, catalog, site_dir, expected.get(doc.code), sites.get(doc.code),
                                    read_back.get(doc.code), report):
            if doc.path in flagged:
                report.explained.append((difference, flagged[doc.path]))
            else:
                report.differences.append(difference)
    return report


def _document(doc: Document, catalog: Catalog, site_dir: Path, expected: str | None, site: str | None,
              printed, report: FidelityReport) -> list[Difference]:
    ref = meaning(expected if expected is not None else reference_html(doc.body, doc.body_line))
    out = []
    if site is not None:
        out += compare_units(ref, meaning(site), doc.path, doc.body_line, SITE)
    if printed is not None and printed.error is None:
        out += compare_units(ref, meaning(printed.typst or ""), doc.path, doc.body_line, PANDOC)
    if printed is not None and printed.error:
        out.append(Difference(doc.path, doc.body_line, PANDOC, "pandoc đọc được nội dung", printed.error))
    if has_pdf(doc):
        pdf = site_dir / site_file(doc, "pdf")
        if not pdf.is_file():
            out.append(Difference(doc.path, doc.body_line, PDF, "bản PDF đã xuất bản", f"không có {pdf.name}"))
        else:
            report.pdfs += 1
            out += missing_words(ref.words(), pdf_words(pdf), doc.path, doc.body_line)
    return out
