"""The printed copy of a closed record (hồ sơ), laid out on the form it was made on: the control
header of that form's issue (the issue in force on the record's date, read from git history when
the form has been reissued since), the record's content as the site shows it, its body, and the
signatures. So the paper file an inspector opens matches the site.

A record's master goes through the same batch as the documents' masters (one pandoc process for
all, typst in the same workers) and the same content-hash cache: a closed record cannot change,
so it is rendered once. It carries no control stamp (a record is not a controlled document); with
the agency's certificate it is signed like every published PDF. Open records are not printed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.addresses import record_page_url, record_pdf_path
from builder.catalog import Catalog
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.documents.schema import KINDS as DOCUMENT_KINDS
from builder.documents.text import slug
from builder.findings.rule_texts import PDF_RENDER
from builder.pdf.cache_files import prune_stale
from builder.pdf.master import Master, Planner, _digest, cached, failing_line
from builder.pdf.paths import cache_dir
from builder.pdf.signature import (CertificateError, agency_signer,
                                   certificate_finding)
from builder.pdf.source import labels
from builder.records import labels as R
from builder.records.model import CycleRecord
from builder.records.queries import issue_dates
from builder.records.sections import record_sections, signers, written_date
from builder.storage.atomic import atomic_write_bytes

CACHE_KIND = "records"              # .qms-cache/records/: masters of records
SIGNED_KIND = "records-signed"      # .qms-cache/records-signed/: the same, signed by the agency


@dataclass
class RecordMaster(Master):
    """A record's master: `doc` holds the CycleRecord."""

    @property
    def name(self) -> str:
        return self.doc.id

    @property
    def when(self) -> date | None:
        return self.doc.closed.date if self.doc.closed and self.doc.closed.date else self.doc.date

    def failure(self, detail: str):
        return PDF_RENDER.finding(self.doc.path, failing_line(self.doc, detail), detail=detail.rstrip("."),
                                  what=R.RECORD_PDF_FAILED.format(id=self.doc.id))


def printed(record: CycleRecord) -> bool:
    """Only a closed record is printed: an open one is still being written."""
    return record.is_closed and bool(record.id)


def record_targets(catalog: Catalog) -> dict[str, CycleRecord]:
    """Every closed record's PDF by its path under site/."""
    return {record_pdf_path(r): r for r in catalog.records if printed(r)}


def form_issue(catalog: Catalog, record: CycleRecord) -> tuple[str, date | None]:
    """Title and effective date of the form issue the record was made on: the form file when that
    is still its issue, else the issue as git history kept it."""
    current = catalog.get(record.form_code) if record.form_code else None
    if current is not None and current.revision == record.form_revision:
        return current.title, current.effective
    version = catalog.history.issues(record.form_code).get(record.form_revision) if record.form_code else None
    title = version.document.title if version is not None else (current.title if current is not None else "")
    start, _ = issue_dates(catalog, record.form_code).get(record.form_revision, (None, None)) \
        if record.form_code else (None, None)
    return title, start


def _signer_rows(record: CycleRecord, catalog: Catalog) -> list[dict]:
    """Signature columns: role, name, position; the date under each name but the closer's (the
    line above the signatures gives it in full)."""
    org = catalog.organisation
    closer = len(signers(record)) - 1 if record.closed is not None else -1
    out = []
    for index, s in enumerate(signers(record)):
        person = org.people.get(s.person)
        out.append({"role": s.role, "name": org.person_name(s.person),
                    "position": org.position_name(person.position) if person else "",
                    "date": "" if index == closer else vn_date(s.date)})
    return out


def record_data(record: CycleRecord, catalog: Catalog) -> dict:
    """What the template receives for a record (part of the master's cache key): the form
    issue's control data where a document has its own, and `record` for the record's header
    and signatures. The QR code opens the record's page."""
    org = catalog.organisation
    form_title, effective = form_issue(catalog, record)
    revision = revision_label(record.form_revision)
    closed = record.closed
    return {
        "agency": {"name": org.agency_name, "parent": org.agency_parent, "short": org.agency_short},
        "kind": DOCUMENT_KINDS["form"], "form": True,
        "code": record.form_code, "title": record.title, "revision": revision,
        "effective": vn_date(effective) or L.NONE,
        "subject": R.RECORD_PDF_SUBJECT.format(id=record.id, code=record.form_code, revision=revision),
        "url": org.base_url.rstrip("/") + "/" + record_page_url(record),
        "signoffs": [], "decision": None, "changes": [], "forms": [],
        "labels": dict(labels(), verify=R.RECORD_VERIFY_QR, **{
            "record-id": R.RECORD_ID, "sign-here": R.SIGN_HERE, "fingerprint": R.CLOSING_FINGERPRINT}),
        "record": {
            "id": record.id, "form-title": form_title,
            "closed": R.CLOSED_ON_LINE.format(date=written_date(closed.date)) if closed and closed.date else "",
            "fingerprint": (closed.fingerprint or "") if closed else "",
            "signers": _signer_rows(record, catalog),
        },
    }


def print_parts(record: CycleRecord, catalog: Catalog) -> list[str]:
    """The Markdown below the header: the record's sections, as its page shows them, then its body."""
    return [p for p in (*record_sections(record, catalog), record.body) if p.strip()]


def plan(record: CycleRecord, planner: Planner) -> RecordMaster:
    """The record's master and its cache key (template, fonts, tools, data and content)."""
    data = dict(record_data(record, planner.catalog), fonts=list(planner.fonts.families))
    parts = tuple(print_parts(record, planner.catalog))
    key = _digest(planner.common, "record", parts, data)
    path = cache_dir(planner.root, CACHE_KIND) / f"{slug(record.id)}-{key[:20]}.pdf"
    return RecordMaster(record, "pdf", key, path, data, parts)


def finished(masters: list[RecordMaster], catalog: Catalog, findings: list) -> list[Path | None]:
    """The file to publish for each master (None when it could not be made): the master itself,
    or its copy signed with the agency's certificate, cached beside it."""
    try:
        signer = agency_signer(catalog)
    except CertificateError as exc:
        finding = certificate_finding(catalog.root, str(exc))
        if finding not in findings:       # the documents' stamping reports it too
            findings.append(finding)
        return [None] * len(masters)
    out: list[Path | None] = []
    written = []
    for m in masters:
        if not cached(m.path) or signer is None:
            out.append(m.path if cached(m.path) else None)
            continue
        target = cache_dir(catalog.root, SIGNED_KIND) / f"{m.path.stem}-{signer.fingerprint[:12]}.pdf"
        if not cached(target):
            atomic_write_bytes(target, signer.sign(m.path.read_bytes(), m.data["subject"]), durable=False)
            written.append(target)
        out.append(target)
    prune_stale(written, _signed_family)
    return out


def _signed_family(name: str) -> tuple[str, str] | None:
    """'<record>-<master key>-<certificate>.pdf' -> (record, the rest): a record's signed files of
    older masters or certificates go."""
    parts = name.removesuffix(".pdf").rsplit("-", 2)
    return (parts[0], "-".join(parts[1:])) if name.endswith(".pdf") and len(parts) == 3 else None
