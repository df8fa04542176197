"""Where every document, issue and print file is published.

These addresses are a contract printed on paper (the QR code of every page leads to the issue page),
so they are ours, not the site generator's: the generator adapter must publish pages at exactly these URLs."""
from __future__ import annotations

import re

from builder.documents.model import Document
from builder.documents.text import slug


def diff_page_uri(code: str, revision: int) -> str:
    return f"{DOCS_FOLDER}/{slug(code)}/lan-{revision:02d}-so-sanh.md"


DOCS_FOLDER = "tai-lieu"


def page_uri(doc: Document) -> str:
    """Where a document's page lives in the site (stable: derived from its code)."""
    return f"{DOCS_FOLDER}/{slug(doc.code)}.md"


def page_url(doc: Document) -> str:
    return f"{DOCS_FOLDER}/{slug(doc.code)}/"


def issue_page_uri(code: str, revision: int) -> str:
    """Page of one issue of a document: the canonical URL printed (as a QR code) on its PDFs."""
    return f"{DOCS_FOLDER}/{slug(code)}/lan-{revision:02d}.md"


def issue_page_url(code: str, revision: int) -> str:
    return f"{DOCS_FOLDER}/{slug(code)}/lan-{revision:02d}/"


def canonical_issue_url(base_url: str, code: str, revision: int) -> str:
    """Absolute intranet URL of a document issue (`base_url` from organisation.yml)."""
    return base_url.rstrip("/") + "/" + issue_page_url(code, revision)


def page_url_of(uri: str) -> str:
    """URL of a page from its source path, as MkDocs builds it with use_directory_urls."""
    stem = uri[:-3] if uri.endswith(".md") else uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def superseded_pdf_path(code: str, revision: int) -> str:
    """Site path of a superseded issue's PDF, beside its page: tai-lieu/qt-01/lan-02/QT.01-lan-02.pdf."""
    return f"{issue_page_url(code, revision)}{code}-lan-{revision:02d}.pdf"


def download_path(doc: Document, extension: str) -> str:
    """Site path of a document's file, e.g. tai-lieu/qt-01/QT.01.pdf."""
    return f"{DOCS_FOLDER}/{slug(doc.code)}/{doc.code}.{extension}"


RECORDS_FOLDER = "ho-so"
_UNSAFE_NAME = re.compile(r"[^\w.-]")


def record_page_uri(record) -> str:
    """Page of a record of the yearly cycle, by year and id: ho-so/2026/dgnb-2026-01.md."""
    return f"{RECORDS_FOLDER}/{record.year or 'khong-ngay'}/{slug(record.id)}.md"


def record_page_url(record) -> str:
    return page_url_of(record_page_uri(record))


def file_stem(text: str) -> str:
    """A record id as part of a file name: as written, any character that could leave the folder
    (a '/', a '\\') or trouble a file system replaced ('01/2026/ĐT-VP' → '01-2026-ĐT-VP'); the id
    comes from the record's own file, or from an agency's numbering pattern."""
    return _UNSAFE_NAME.sub("-", text).strip("-.") or "ho-so"


def record_file_name(record, extension: str = "pdf") -> str:
    """DGNB-2026-01.pdf: the record's file name on the site and in the print folder."""
    return f"{file_stem(record.id)}.{extension}"


def record_pdf_path(record) -> str:
    """Site path of a closed record's PDF, beside its page: ho-so/2026/dgnb-2026-01/DGNB-2026-01.pdf."""
    return f"{record_page_url(record)}{record_file_name(record)}"


def cycle_page_uri(year: int) -> str:
    """The 'Chu kỳ HTQLCL năm <year>' page: ho-so/2026/chu-ky/ (not the folder's index page, which
    the theme would make the link of a navigation section)."""
    return f"{RECORDS_FOLDER}/{year}/chu-ky.md"
