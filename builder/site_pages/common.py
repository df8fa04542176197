"""Small helpers shared by the site's generated pages: URLs, tables, filters, search metadata.

Pages are Markdown (so MkDocs checks and rewrites the links between pages); raw HTML is used
only where Markdown cannot say it: filter bars, badges, charts and download links to files
that are not pages.
"""
from __future__ import annotations

import html
import posixpath

from .. import labels as L
from ..pages import GeneratedPage

BADGE_CLASSES = {"ok": "effective", "warn": "draft", "bad": "withdrawn", "muted": "muted"}


def page_url_of(uri: str) -> str:
    """URL of a page from its source path, as MkDocs builds it with use_directory_urls."""
    stem = uri[:-3] if uri.endswith(".md") else uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(from_uri: str, target: str) -> str:
    """Relative URL from the page `from_uri` to a site path `target` (a file or a page URL).

    Used for raw-HTML links (MkDocs rewrites Markdown links only), e.g. to PDF files that are
    written after the pages."""
    base = page_url_of(from_uri) or "."
    rel = posixpath.relpath(target, base.rstrip("/") or ".")
    return rel + ("/" if target.endswith("/") and not rel.endswith("/") else "")


def md_link(from_uri: str, to_uri: str) -> str:
    """Relative Markdown link between two source pages (MkDocs turns it into the page URL)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def esc(text) -> str:
    return html.escape(str(text if text is not None else ""))


def badge(text: str, tone: str) -> str:
    """A coloured pill ('ok' green, 'warn' orange, 'bad' red, 'muted' grey)."""
    return f'<span class="qms-badge qms-badge-{BADGE_CLASSES[tone]}">{esc(text)}</span>'


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be safe (see pages.cell)."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


def filter_bar(columns: list[str], text: bool = True) -> str:
    """Placeholder the site's filter script turns into drop-downs over the named columns of
    the next table (and a text box that ignores diacritics). Without script the table is
    simply shown whole."""
    cols = "|".join(columns)
    return (f'<div class="qms-filter" data-columns="{esc(cols)}" data-text="{esc(L.FILTER_TEXT) if text else ""}" '
            f'data-all="{esc(L.FILTER_ALL)}" data-count="{esc(L.FILTER_COUNT)}"></div>')


def with_meta(page: GeneratedPage, **meta) -> GeneratedPage:
    """Prepend YAML front matter (e.g. search: {exclude: true}) to a generated page."""
    import yaml

    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True).strip()
    return GeneratedPage(page.src_uri, f"---\n{head}\n---\n\n{page.content}")


def wide(page: GeneratedPage) -> GeneratedPage:
    """Hide the right-hand table of contents: registers are wide tables, not long texts."""
    return with_meta(page, hide=["toc"])


def not_searchable(page: GeneratedPage) -> GeneratedPage:
    """Keep a page out of the search index: superseded issues, change views and QR landing
    pages repeat the current text and would push the current document down the results."""
    return with_meta(page, search={"exclude": True})
