"""site/manifest.json: the machine-readable list of published documents."""
from __future__ import annotations

import json
from pathlib import Path

from builder.addresses import page_url, record_page_url, record_pdf_path
from builder.catalog import Catalog
from builder.pdf.paths import has_docx, has_pdf, site_file
from builder.storage.atomic import atomic_write_text


def manifest(catalog: Catalog) -> dict:
    documents = []
    for doc in sorted(catalog.documents, key=lambda d: d.code):
        documents.append({
            "code": doc.code,
            "kind": doc.kind,
            "title": doc.title,
            "revision": doc.revision,
            "status": doc.status,
            "effective": doc.effective.isoformat() if doc.effective else None,
            "unit": doc.unit,
            "unit_name": catalog.organisation.unit_name(doc.unit),
            "url": page_url(doc),
            "pdf": site_file(doc, "pdf") if has_pdf(doc) else None,
            "docx": site_file(doc, "docx") if has_docx(doc) else None,
            "source": doc.path,
            "parent": doc.procedure,
            "forms": doc.forms,
            "legal_basis": doc.legal_basis,
        })
    return {"agency": catalog.organisation.agency_name, "generated": catalog.today.isoformat(),
            "documents": documents, "records": records(catalog)}


def records(catalog: Catalog) -> list[dict]:
    """The records of the yearly cycle: what each is, which form issue and procedure it belongs to,
    whether it is closed, where its page and (closed) PDF are."""
    out = []
    for record in sorted(catalog.records, key=lambda r: (r.year or 0, r.id)):
        out.append({
            "id": record.id,
            "kind": record.kind,
            "title": record.title,
            "date": record.date.isoformat() if record.date else None,
            "unit": record.unit,
            "status": record.status,
            "closed": record.closed.date.isoformat() if record.closed and record.closed.date else None,
            "form": {"code": record.form_code, "revision": record.form_revision},
            "procedure": record.procedure,
            "url": record_page_url(record),
            "pdf": record_pdf_path(record) if record.is_closed else None,
            "source": record.path,
        })
    return out


def write_manifest(catalog: Catalog, site_dir: Path) -> Path:
    path = Path(site_dir) / "manifest.json"
    data = manifest(catalog)
    data["pdf_stats"] = catalog.memo("pdf_stats", dict)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return path
