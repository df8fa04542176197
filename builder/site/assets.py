"""Files a document or record links to (images, a form's original Word file, a scanned minute), placed for the site.

A document's page is generated at tai-lieu/<code>.md, away from its source file, so a relative
link such as `media/qt-09/image1.png` (written by `qms import` next to procedures/QT.09-...md)
must find the file at the same relative place from the page. Each link of the body that
names an existing file beside the source is published at that place.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath

from builder.addresses import record_page_uri
from builder.catalog import Catalog

# Markdown links and images: [text](target) and ![alt](target); the target up to a space or ')'.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.I)


def is_remote(target: str) -> bool:
    """A URL with a scheme, an absolute path or an anchor: not a file beside the document."""
    return bool(_REMOTE.match(target))


# Only what sits with the documents is published beside them: a link cannot carry the keys of
# signatures/, the configuration, the tests' sample keys or git's own files onto the site.
PUBLISHED_FROM = ("procedures", "forms", "records")
# What a body may publish beside its page: images and office files staff download. Never a page
# or a script, which the browser would run on the intranet's own origin; an SVG (Word keeps some)
# only when it holds nothing that runs (see _inert_svg).
PUBLISHED_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg", ".pdf", ".doc", ".docx", ".xls",
                   ".xlsx", ".odt", ".ods", ".ppt", ".pptx", ".txt", ".csv", ".zip")
_ACTIVE_SVG = re.compile(rb"<script|<foreignobject|<iframe|<embed|<object|\bon[a-z]+\s*=|javascript:|"
                         rb"<use[^>]+href\s*=\s*[\"']?(?!#)|@import|<a\b", re.I)


def _inert_svg(disk: Path) -> bool:
    """An SVG with no script, no event attribute, no foreign content and no outside reference."""
    try:
        return not _ACTIVE_SVG.search(disk.read_bytes())
    except OSError:
        return False


def _publishable(disk: Path, root: Path) -> bool:
    if not disk.is_relative_to(root):
        return False
    parts = disk.relative_to(root).parts
    return len(parts) > 1 and parts[0] in PUBLISHED_FROM and not any(p.startswith(".") for p in parts)


def linked_files(catalog: Catalog, page_uri) -> list[tuple[str, Path]]:
    """(site path as if in docs_dir, file on disk) for every local non-Markdown file a document
    or record body links to; `page_uri(doc)` is where a document's page is generated (a record's
    is `record_page_uri`)."""
    out: dict[str, Path] = {}
    root = catalog.root.resolve()
    pages = [(doc, page_uri(doc)) for doc in [*catalog.documents, *catalog.pending.values()]]  # pending previews too
    pages += [(record, record_page_uri(record)) for record in catalog.records]
    for doc, uri in pages:
        source_dir = PurePosixPath(doc.path).parent
        page_dir = PurePosixPath(uri).parent
        for target in _LINK.findall(doc.body):
            target = target.split("#", 1)[0].split("?", 1)[0]
            if not target or is_remote(target) or target.endswith(".md"):
                continue
            disk = catalog.root / posixpath.normpath(str(source_dir / target))
            site = posixpath.normpath(str(page_dir / target))
            section = PurePosixPath(uri).parts[0]     # tai-lieu/ or ho-so/: a file never lands elsewhere
            if (not site.startswith(section + "/") or not target.lower().endswith(PUBLISHED_TYPES)
                    or not disk.is_file() or not _publishable(disk.resolve(), root)
                    or (target.lower().endswith(".svg") and not _inert_svg(disk))):
                continue
            out.setdefault(site, disk)
    return sorted(out.items())
