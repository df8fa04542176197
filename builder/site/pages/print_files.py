"""The print sections of a document's page: its PDF (and DOCX) and its distribution register."""
from __future__ import annotations

from pathlib import Path

from builder.addresses import download_path
from builder.catalog import Catalog
from builder.distribution import register as reg
from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.labels import revision_label
from builder.documents.model import Document
from builder.markup.literal import cell
from builder.pdf.paths import has_docx, has_pdf
from builder.site.generator import unindexed_heading
from builder.site.markdown import esc, href
from builder.site.model import embed_html

_REGISTERS: dict = {}


def register_of(catalog: Catalog) -> list[reg.Copy]:
    """The register, read once per build (keyed by file state), not once per page."""
    path = Path(catalog.root) / reg.REGISTER
    stat = path.stat() if path.is_file() else None
    key = (str(path), stat.st_mtime_ns if stat else None, stat.st_size if stat else None)
    if key not in _REGISTERS:
        _REGISTERS.clear()
        _REGISTERS[key] = reg.load(catalog.root)[0]
    return _REGISTERS[key]


def print_section(doc: Document, uri: str) -> str:
    """'Bản in': links to the PDF (and the DOCX of a form) written next to the page."""
    if doc.status == "superseded" or not has_pdf(doc):
        return ""

    return (f"{unindexed_heading(L.PRINT_FILES)}\n\n"
            + embed_html(f"<p>{download_links(doc, uri)}</p>\n<p>{esc(L.PRINT_NOTE)}</p>"))


def _state(copy: reg.Copy, doc: Document) -> str:
    if not copy.out:
        return L.COPY_STATES["recalled"]
    if doc.status == "withdrawn" or (doc.revision and copy.revision < doc.revision):
        return f"**{L.COPY_STATES['recall']}**"
    return L.COPY_STATES["out"]


def distribution_section(doc: Document, catalog: Catalog) -> str:
    """'Sổ theo dõi phân phối': every controlled copy of this document, old issues included."""
    if doc.status in ("superseded", "draft") or not doc.code:
        return ""
    copies = reg.of_code(register_of(catalog), doc.code)
    if not copies:
        return f"{unindexed_heading(L.DISTRIBUTION)}\n\n{L.DISTRIBUTION_EMPTY}"
    org = catalog.organisation
    rows = ["| " + " | ".join(L.DISTRIBUTION_COLUMNS) + " |", "|" + "---|" * len(L.DISTRIBUTION_COLUMNS)]
    for c in copies:
        rows.append(f"| {c.copy:02d} | {revision_label(c.revision)} | {cell(org.unit_name(c.unit))} | "
                    f"{vn_date(c.issued)} | {cell(org.person_name(c.issued_by))} | "
                    f"{vn_date(c.recalled) or L.NONE} | {_state(c, doc)} |")
    return unindexed_heading(L.DISTRIBUTION) + "\n\n" + "\n".join(rows)


def published_files(doc: Document) -> list[str]:
    """Extensions of the files the PDF builder publishes for this document (drafts have none)."""
    return [ext for ext, published in (("pdf", has_pdf(doc)), ("docx", has_docx(doc))) if published]


def download_links(doc: Document, from_uri: str) -> str:
    """'PDF · Word' links from a page to the document's files (raw HTML: they are not pages)."""
    names = {"pdf": L.PDF, "docx": L.DOCX}
    links = [f'<a href="{esc(href(from_uri, download_path(doc, ext)))}" download>{names.get(ext, ext)}</a>'
             for ext in published_files(doc)]
    return " · ".join(links) or L.NONE
