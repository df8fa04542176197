"""What the core hands to a site generator: pages (a source path and Markdown) and a navigation tree."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str      # path as if inside docs_dir
    content: str
    # HTML placed where the content says html_marker(i): tables of every document, which the
    # Markdown parser would otherwise read tag by tag (see site/markdown.py, html_table)
    html: tuple[str, ...] = ()


def html_marker(index: int) -> str:
    """Where block `index` of GeneratedPage.html goes: an HTML comment Markdown leaves alone."""
    return f"<!-- qms-html {index} -->"


def place_html(page_html: str, blocks: tuple[str, ...]) -> str:
    """The rendered page with each block in place of its marker."""
    for index, block in enumerate(blocks):
        page_html = page_html.replace(html_marker(index), block, 1)
    return page_html


@dataclass(frozen=True)
class NavItem:
    """A title with its page (a source path) and/or the items beneath it."""
    title: str
    page: str | None = None
    children: tuple[NavItem, ...] = ()
