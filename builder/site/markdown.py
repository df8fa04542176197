"""Markdown and small HTML pieces shared by the generated pages: escaped cells, tables, links, badges, filter bars.

Pages are Markdown (so the generator checks and rewrites the links between pages); raw HTML is used
where Markdown cannot say it (filter bars, badges, charts, download links to files that are not pages)
and for the control data every document's page repeats and the lists of every document, written as
HTML the Markdown parser passes over (`html_table`, `page_link`, site/model.py's `embed_html`).
`cell` escapes text for Markdown, `esc` for HTML."""
from __future__ import annotations

import html
import posixpath

from builder.addresses import page_uri, page_url_of
from builder.documents import labels as L
from builder.documents.labels import status_label
from builder.documents.model import Document


def link(doc: Document, from_uri: str) -> str:
    """Relative Markdown link from the page `from_uri` to a document's page."""
    depth = from_uri.count("/")
    return "../" * depth + page_uri(doc)


def status_badge(status: str) -> str:
    return f'<span class="qms-badge qms-badge-{html.escape(status)}">{html.escape(status_label(status))}</span>'


BADGE_CLASSES = {"ok": "effective", "warn": "draft", "bad": "withdrawn", "muted": "muted", "info": "info"}


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
    """A coloured pill ('ok' green, 'warn' orange, 'bad' red, 'info' blue, 'muted' grey)."""
    return f'<span class="qms-badge qms-badge-{BADGE_CLASSES[tone]}">{esc(text)}</span>'


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be safe (see pages.cell)."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


def html_table(header: list[str], rows: list[list[str]]) -> str:
    """The same table as `table`, written as HTML: for lists of every document, which Markdown
    would parse cell by cell (half a second for a thousand rows, at every save in the preview).
    Cells must already be HTML (see `page_link`, `esc`)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def page_link(from_uri: str, to_uri: str, text: str) -> str:
    """An HTML link from one generated page to another (by source paths), text escaped."""
    return f'<a href="{esc(href(from_uri, page_url_of(to_uri)))}">{esc(text)}</a>'


def filter_bar(columns: list[str], text: bool = True) -> str:
    """Placeholder the site's filter script turns into drop-downs over the named columns of
    the next table (and a text box that ignores diacritics). Without script the table is
    simply shown whole."""
    cols = "|".join(columns)
    return (f'<div class="qms-filter" data-columns="{esc(cols)}" data-text="{esc(L.FILTER_TEXT) if text else ""}" '
            f'data-all="{esc(L.FILTER_ALL)}" data-count="{esc(L.FILTER_COUNT)}" '
            f'data-empty="{esc(L.FILTER_EMPTY)}" data-hint="{esc(L.FILTER_HINT)}"></div>')
