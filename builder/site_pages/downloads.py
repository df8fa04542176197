"""Where a document's downloadable files live in the built site (PDF, and DOCX for forms).

One place, so that the forms index, the home page and the document pages agree with the PDF
builder: the files sit next to the document's page, named by its code.
"""
from __future__ import annotations

from .. import labels as L
from ..model import Document
from ..pages import DOCS_FOLDER
from ..text import slug
from .common import esc, href


def download_path(doc: Document, extension: str) -> str:
    """Site path of a document's file, e.g. tai-lieu/qt-01/QT.01.pdf."""
    return f"{DOCS_FOLDER}/{slug(doc.code)}/{doc.code}.{extension}"


def published_files(doc: Document) -> list[str]:
    """Extensions of the files the PDF builder publishes for this document (drafts have none)."""
    from ..pdf.paths import has_docx, has_pdf  # the PDF builder decides; it names files with download_path

    return [ext for ext, published in (("pdf", has_pdf(doc)), ("docx", has_docx(doc))) if published]


def download_links(doc: Document, from_uri: str) -> str:
    """'PDF · Word' links from a page to the document's files (raw HTML: they are not pages)."""
    names = {"pdf": L.PDF, "docx": L.DOCX}
    links = [f'<a href="{esc(href(from_uri, download_path(doc, ext)))}" download>{names.get(ext, ext)}</a>'
             for ext in published_files(doc)]
    return " · ".join(links) or L.NONE
