"""site/manifest.json: the machine-readable list of published documents."""
from __future__ import annotations

import json
from pathlib import Path

from builder.addresses import page_url
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
            "documents": documents}


def write_manifest(catalog: Catalog, site_dir: Path) -> Path:
    path = Path(site_dir) / "manifest.json"
    data = manifest(catalog)
    data["pdf_stats"] = catalog.memo("pdf_stats", dict)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return path
