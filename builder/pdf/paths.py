"""Where print files live: in the built site, in the cache, and for the printouts of `qms`.

Kept free of heavy imports so that the manifest and the pages can ask for paths cheaply.
"""
from __future__ import annotations

from pathlib import Path

from builder.addresses import download_path
from builder.cache.folder import CACHE_DIR
from builder.documents.model import Document
from builder.documents.text import slug

TEMPLATE = "site_config/print/tai-lieu.typ"
FONTS_DIR = "site_config/print/fonts"
REFERENCE_DOCX = "site_config/print/bieu-mau.docx"
PRINT_DIR = "ban-in"          # default output folder of `qms pdf` and `qms issue-copy`
PRINTED_STATUSES = ("effective", "withdrawn")


def has_pdf(doc: Document) -> bool:
    """Documents whose current issue is published as a PDF: effective ones, and withdrawn ones
    (stamped 'HẾT HIỆU LỰC') so that a holder of an old paper copy can still check it."""
    return bool(doc.code and doc.revision and doc.status in PRINTED_STATUSES)


def has_docx(doc: Document) -> bool:
    """Staff fill in forms in a word processor: effective forms also come as DOCX."""
    return doc.kind == "form" and doc.status == "effective" and has_pdf(doc)


def site_file(doc: Document, extension: str) -> str:
    """Site path of a document's PDF or DOCX, relative to site/ (shared with the site pages)."""
    return download_path(doc, extension)


def issue_stem(code: str, revision: int) -> str:
    """File name stem of one issue: 'QT.01-lan-03'."""
    return f"{code}-lan-{revision:02d}"


def cache_dir(root: Path, kind: str) -> Path:
    return Path(root) / CACHE_DIR / kind


def cache_file(root: Path, kind: str, code: str, revision: int, key: str, extension: str) -> Path:
    """Cache entry of one issue, named by its content hash: a changed input is a new file."""
    return cache_dir(root, kind) / f"{slug(code)}-lan-{revision:02d}-{key[:20]}.{extension}"
