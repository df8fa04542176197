"""A document body on its page: rendered by the one parser (builder/markup), with link and image
targets written for where the page lives rather than where the source file lives."""
from __future__ import annotations

import posixpath
from pathlib import PurePosixPath
from urllib.parse import unquote

from builder.addresses import page_uri, page_url, record_page_url
from builder.catalog import Catalog
from builder.documents.model import Document
from builder.markup.render import body_block, render_body
from builder.site.assets import is_remote
from builder.site.markdown import href
from builder.site.model import embed_html


def body_section(doc: Document, catalog: Catalog, uri: str, markdown: str | None = None) -> str:
    """The body (or `markdown` written in the document's place, e.g. a marked-up diff) as one
    raw HTML block of the page `uri`."""
    text = doc.body if markdown is None else markdown
    return rendered_section(text, url_resolver(doc, catalog, uri))


def rendered_section(text: str, resolve) -> str:
    """A body (a document's, a record's) rendered by the one parser, as one raw HTML block."""
    if not text.strip():
        return ""
    return embed_html(body_block(render_body(text, resolve, permalinks=True)))


def url_resolver(doc: Document, catalog: Catalog, uri: str):
    """Targets written relative to the source file, turned into URLs relative to the page `uri`:
    a link to another document's file opens its page; a linked file is published beside the
    document's page (see site/assets.py)."""
    return source_resolver(doc.path, page_uri(doc), catalog, uri)


def source_resolver(source_path: str, source_page: str, catalog: Catalog, uri: str):
    """The resolver of a body read from `source_path` whose page is `source_page` (a document,
    a record), written into the page `uri`: a link to a document's or a record's file opens its
    page."""
    source_dir = PurePosixPath(source_path).parent
    files_dir = PurePosixPath(source_page).parent
    by_path = catalog.memo("pages-by-path", lambda: {
        **{r.path: record_page_url(r) for r in catalog.records if r.id},
        **{d.path: page_url(d) for d in catalog.documents}})

    def resolve(target: str) -> str:
        if not target or is_remote(target):
            return target
        path, mark, fragment = target.partition("#")
        path = path.split("?", 1)[0]
        if path.endswith(".md"):
            other = by_path.get(posixpath.normpath(str(source_dir / unquote(path))))
            return href(uri, other) + mark + fragment if other else target
        return href(uri, posixpath.normpath(str(files_dir / path))) + mark + fragment

    return resolve
