"""Rendering many document issues at once: the site's PDFs and DOCX forms, `qms pdf`, and the
superseded issues from history (pass the old Document with `Variant.withdrawn(...)`).

Steps: plan every master (cache keys), create the missing ones (one pandoc batch, typst in
parallel), render each distinct stamp once, lay the stamps over the masters.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from builder.addresses import superseded_pdf_path
from builder.catalog import Catalog
from builder.documents.model import Document
from builder.pdf import master as masters_mod
from builder.pdf import record as records_mod
from builder.pdf.cache_files import Publisher, prune_stale, stamped_family
from builder.pdf.paths import cache_dir, has_docx, has_pdf, site_file
from builder.pdf.report import render_report
from builder.pdf.signature import (AgencySigner, CertificateError,
                                   agency_signer, certificate_finding)
from builder.pdf.source import subject
from builder.pdf.stamp import StampError, render_stamps, stamp
from builder.pdf.variants import Variant, site_variant
from builder.records.model import CycleRecord
from builder.reporting.paths import published_report_files
from builder.storage.atomic import atomic_write_bytes

ORIENTATIONS = [False, True]
Progress = Callable[[int], None]


@dataclass
class Rendered:
    doc: Document
    variant: Variant
    path: Path | None          # the stamped file in the cache; None when rendering failed

    @property
    def pdf(self) -> bytes | None:
        return self.path.read_bytes() if self.path is not None else None


def render(items: list[tuple[Document, Variant]], catalog: Catalog, progress: Progress | None = None,
           workers: int | None = None, docx: list[Document] = ()) -> tuple[list[Rendered], dict, list]:
    """Render (document, variant) pairs and, for `docx`, DOCX masters. Returns the stamped PDFs,
    {code: DOCX cache path}, and findings. Never raises for one document's failure."""
    rendered, docx_paths, _, findings = _render_all(items, catalog, progress, workers, docx)
    return rendered, docx_paths, findings


def _render_all(items, catalog: Catalog, progress: Progress | None, workers: int | None, docx,
                records: list[CycleRecord] = ()) -> tuple[list[Rendered], dict, list, list]:
    """`render`, plus closed records' PDFs in the same pandoc and typst batch: also returns, for
    each record, the file to publish (None when it failed)."""
    planner = masters_mod.Planner(catalog)
    pdf_masters = [planner.pdf(doc) for doc, _ in items]
    docx_masters = [planner.docx(doc) for doc in docx]
    record_masters = [records_mod.plan(record, planner) for record in records]
    unique = list({m.key: m for m in pdf_masters + docx_masters + record_masters}.values())
    fresh = [m for m in unique if not masters_mod.cached(m.path)]
    stamp_findings: list = []
    stamper = _Stamper(items, pdf_masters, catalog, stamp_findings)
    findings = masters_mod.ensure(unique, planner, progress, workers, ready=stamper.master_ready)
    # What this build really rendered (the cache spares the rest): shown in manifest.json.
    stats = catalog.memo("pdf_stats", dict)
    stats.update(rendered=stats.get("rendered", 0) + len(fresh),
                 codes=sorted(set(stats.get("codes", [])) | {m.name for m in fresh}))
    rendered = stamper.finish()
    findings += stamp_findings
    record_files = records_mod.finished(record_masters, catalog, findings) if record_masters else []
    docx_paths = {m.doc.code: m.path for m in docx_masters if masters_mod.cached(m.path)}
    return rendered, docx_paths, record_files, findings


def _stamped_path(root: Path, master: masters_mod.Master, variant: Variant, signer: AgencySigner | None) -> Path:
    """Stamped variants are cached too: with a thousand documents, an unchanged site costs file
    copies, not a thousand stamping (and signing) passes. Named issue, master key, variant key;
    the variant key covers the certificate that signs it, if any."""
    key = hashlib.sha256(json.dumps([variant.stamp(), variant.subject_suffix(), signer and signer.fingerprint],
                                    ensure_ascii=False).encode("utf-8")).hexdigest()
    return cache_dir(root, "stamped") / f"{master.path.stem}-{key[:12]}.pdf"


class _Stamper:
    """Each distinct stamp rendered once, then laid over each master not stamped before, then
    (with the agency's certificate) signed over all of it. A master is stamped as soon as typst
    has written it (`master_ready`), while the workers render the next ones: stamping after all of
    them left one core idle for seconds at the end of a cold build."""

    def __init__(self, items, pdf_masters, catalog: Catalog, findings: list):
        self.items, self.masters, self.catalog, self.findings = items, pdf_masters, catalog, findings
        self.failed, self.signer, self.stamps = False, None, None
        try:
            self.signer = agency_signer(catalog)
        except CertificateError as exc:
            findings.append(certificate_finding(catalog.root, str(exc)))
            self.failed = True
        self.targets = [_stamped_path(catalog.root, m, v, self.signer) for (_, v), m in zip(items, pdf_masters)]
        self.todo = {i for i, target in enumerate(self.targets) if not masters_mod.cached(target)}
        self.by_master: dict[str, list[int]] = {}
        for i in sorted(self.todo):
            self.by_master.setdefault(pdf_masters[i].key, []).append(i)
        self.variants = list(dict.fromkeys(items[i][1] for i in sorted(self.todo)))
        self.variant_index = {v: n for n, v in enumerate(self.variants)}
        self.written: list[Path] = []

    def master_ready(self, master: masters_mod.Master) -> None:
        for i in self.by_master.pop(master.key, []):
            self._stamp(i)

    def finish(self) -> list[Rendered]:
        """Stamp what is left (masters found in the cache); the stamped file of each item, None
        where its master or its stamp could not be made."""
        for key in list(self.by_master):
            if masters_mod.cached(self.masters[self.by_master[key][0]].path):
                self.master_ready(self.masters[self.by_master[key][0]])
        prune_stale(self.written, stamped_family)
        return [Rendered(doc, v, target if not self.failed and masters_mod.cached(m.path) else None)
                for (doc, v), m, target in zip(self.items, self.masters, self.targets)]

    def _stamp(self, i: int) -> None:
        if self.failed or not self._stamps_ready(i):
            return
        doc, variant = self.items[i]
        described = subject(doc) + variant.subject_suffix()
        pdf = stamp(self.masters[i].path.read_bytes(), self.stamps, self.variant_index[variant], ORIENTATIONS,
                    {"/Subject": described})
        atomic_write_bytes(self.targets[i], self.signer.sign(pdf, described) if self.signer else pdf, durable=False)
        self.written.append(self.targets[i])

    def _stamps_ready(self, i: int) -> bool:
        """Render the stamp pages once, on first need (one typst run for all variants)."""
        if self.stamps is None:
            try:
                self.stamps = render_stamps(self.catalog.root, self.variants, ORIENTATIONS)
            except StampError as exc:
                self.findings.append(masters_mod.render_failure(self.items[i][0], "dấu của bản in", str(exc)))
                self.failed = True
        return not self.failed


def render_pdf(doc: Document, catalog: Catalog, variant: Variant) -> tuple[bytes | None, list]:
    """One document issue in one variant (and its findings when it could not be rendered)."""
    rendered, _, findings = render([(doc, variant)], catalog)
    return rendered[0].pdf, findings


def superseded_issues(catalog: Catalog) -> list[tuple[Document, Variant, str]]:
    """(old issue, its 'HẾT HIỆU LỰC' stamp dated the day the next issue took effect, site path)
    for every issue a later one replaced, read from git history. The old issue is placed at the
    current file's path, so that its images resolve as they did."""
    out = []
    for doc in catalog.documents:
        if not doc.code or not doc.revision:
            continue
        issues = {rev: v.document for rev, v in catalog.history.issues(doc.code).items()}
        if doc.in_force:
            issues[doc.revision] = doc
        for rev, old in sorted(issues.items()):
            following = issues.get(rev + 1)
            if rev >= doc.revision or following is None:
                continue
            variant = Variant.withdrawn(since=following.effective, replaced_by=rev + 1)
            out.append((replace(old, path=doc.path), variant, superseded_pdf_path(doc.code, rev)))
    return out


def site_targets(catalog: Catalog) -> dict[str, tuple[Document, Variant]]:
    """Every printed file of the site by its path under site/: each printed document's PDF (and
    the DOCX of each effective form, as variant None), and each superseded issue's stamped PDF."""
    docs = [d for d in catalog.documents if has_pdf(d)]
    targets = {site_file(d, "pdf"): (d, site_variant(d)) for d in docs}
    targets.update({path: (d, v) for d, v, path in superseded_issues(catalog)})
    targets.update({site_file(d, "docx"): (d, None) for d in docs if has_docx(d)})
    return targets


def printed_paths(catalog: Catalog) -> set[str]:
    """Every printed file the site publishes: documents', closed records' and the yearly report's
    (what the preview's printer may make on request)."""
    return (set(site_targets(catalog)) | set(records_mod.record_targets(catalog))
            | set(published_report_files(catalog)))


def build_site_files(catalog: Catalog, site_dir: Path, progress: Progress | None = None,
                     workers: int | None = None, only: set[str] | None = None) -> list:
    """Write the PDF of every printed document (and the DOCX of every effective form) next to
    its page in the built site, the stamped PDF of every superseded issue next to that issue's
    page, the PDF of every closed record next to its page, and the current year's report (PDF and
    DOCX) next to its page; return findings for those that failed. `only`: just these site paths
    (the preview prints the file being downloaded)."""
    targets = {path: item for path, item in site_targets(catalog).items() if only is None or path in only}
    records = {path: r for path, r in records_mod.record_targets(catalog).items() if only is None or path in only}
    pdfs = [(path, item) for path, item in targets.items() if item[1] is not None]
    forms = [doc for doc, variant in targets.values() if variant is None]
    originals = {d.code: original_word_file(d, catalog.root) for d in forms}
    converted = [d for d in forms if originals[d.code] is None]
    site_dir, publish = Path(site_dir), Publisher()
    # The yearly report first: one document, rendered on its own, which at the end of a cold build
    # kept one core waiting for it.
    reports = {path: item for path, item in published_report_files(catalog).items() if only is None or path in only}
    report_findings = _write_reports(catalog, reports, site_dir, publish)
    rendered, docx_paths, record_files, findings = _render_all(
        [item for _, item in pdfs], catalog, progress, workers, converted, list(records.values()))
    for (target, _), item in zip(pdfs, rendered):
        if item.path is not None:
            publish.cached(item.path, site_dir / target)
    for target, source in zip(records, record_files):
        if source is not None:
            publish.cached(source, site_dir / target)
    for doc in forms:
        if originals[doc.code] is not None:
            publish.copy(originals[doc.code], site_dir / site_file(doc, "docx"))
        elif doc.code in docx_paths:
            publish.cached(docx_paths[doc.code], site_dir / site_file(doc, "docx"))
    return findings + report_findings


def _write_reports(catalog: Catalog, reports: dict[str, tuple[int, str]], site_dir: Path,
                   publish: Publisher) -> list:
    """The current year's report (PDF and DOCX, builder/pdf/report.py) beside its page."""
    if not reports:
        return []
    year = next(iter(reports.values()))[0]
    made = render_report(catalog, year, formats=tuple(ext for _, ext in reports.values()))
    for path, (_, ext) in reports.items():
        if made.path(ext) is not None:
            publish.cached(made.path(ext), site_dir / path)
    return made.findings


def original_word_file(doc: Document, root: Path) -> Path | None:
    """The Word file a form was imported from, when `qms import` kept it because the converted
    form lost its layout (merged cells, text boxes): staff download that one, not a conversion."""
    if doc.attachment and doc.attachment.lower().endswith(".docx"):
        path = Path(root) / doc.attachment
        return path if path.is_file() else None
    return None

