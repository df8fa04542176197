"""The adapter to the site generator: what is specific to MkDocs and Material for MkDocs.

A move to another site generator replaces this module (and plugins/, and the theme overrides in
site_config/theme/): the search-exclusion markup Material reads, Material's front matter (hide,
search.exclude), the shape of MkDocs' nav, the heading slug of Python-Markdown's toc, and the
rewrite of Material's search index. Everything else in builder/ produces plain Markdown pages,
a neutral navigation tree and files; see docs/site-generators.md.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml
from mkdocs.structure.toc import TableOfContents, get_toc

from builder.markup.headings import heading_id
from builder.site.model import GeneratedPage, NavItem

# Material leaves out of its search index every element carrying this attribute.
SEARCH_EXCLUDE = "data-search-exclude"
SEARCH_INDEX = Path("search") / "search_index.json"
# The addresses of builder/addresses.py (printed as QR codes) are MkDocs' directory URLs.
DIRECTORY_URLS_REQUIRED = ("mkdocs.yml phải giữ 'use_directory_urls: true': địa chỉ các lần ban hành (in thành mã QR "
                           "trên bản in) có dạng tai-lieu/<mã>/lan-NN/. Sửa mkdocs.yml rồi dựng lại.")


def unindexed_heading(title: str) -> str:
    """A heading over control data or lists repeated across pages (sign-offs, issue history,
    print files, lists of documents): its section stays out of the search index, so a search
    is answered by the document that holds the words, not by every page that repeats them."""
    return f"## {title} {{ {SEARCH_EXCLUDE} }}"


def unindexed(block: str) -> str:
    """A Markdown block (a list of documents) shown on the page but left out of search."""
    return f'<div {SEARCH_EXCLUDE}="1" markdown>\n\n{block}\n\n</div>'


def unindexed_html(block: str) -> str:
    """An HTML block (a table of every document) shown on the page but left out of search."""
    return f'<div {SEARCH_EXCLUDE}="1">\n{block}\n</div>'


def with_meta(page: GeneratedPage, **meta) -> GeneratedPage:
    """Prepend YAML front matter (e.g. search: {exclude: true}) to a generated page."""
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True).strip()
    return GeneratedPage(page.src_uri, f"---\n{head}\n---\n\n{page.content}")


def wide(page: GeneratedPage) -> GeneratedPage:
    """Hide the right-hand table of contents: registers are wide tables, not long texts."""
    return with_meta(page, hide=["toc"])


def not_searchable(page: GeneratedPage) -> GeneratedPage:
    """Keep a page out of the search index: superseded issues, change views and QR landing
    pages repeat the current text and would push the current document down the results."""
    return with_meta(page, search={"exclude": True})


def heading_slug(value: str, separator: str = "-") -> str:
    """Heading anchors for Python-Markdown's toc (set by the plugin): the same ids as the body's
    headings, so 'Định nghĩa' gives '#dinh-nghia' rather than dropping the đ ('#inh-nghia')."""
    return heading_id(value, separator)


_HEADING = re.compile(r"<h([1-6]) id=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.S)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def page_toc(page_html: str) -> TableOfContents:
    """The page's table of contents from its final HTML: a document body is a raw HTML block the
    Markdown toc extension does not see, so the right-hand contents are rebuilt from every
    heading with an id, generated or from the body, in page order."""
    root: list[dict] = []
    stack: list[dict] = []
    for level, anchor, inner in _HEADING.findall(page_html):
        name = html.unescape(_TAG.sub("", _PERMALINK.sub("", inner))).strip()
        token = {"level": int(level), "id": html.unescape(anchor), "name": html.escape(name), "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return get_toc(root)


def mkdocs_nav(items: list[NavItem]) -> list:
    """MkDocs' nav (a list of one-key dicts) from the neutral tree; a section's own page comes
    first in its list, which Material's navigation.indexes shows as the section's index page.
    Titles are escaped: Material writes nav titles (and the page title they become) as HTML, so
    a document titled '<tên đơn vị>' would otherwise lose its words, or run a script."""
    out = []
    for item in items:
        title = html.escape(item.title)        # quotes too: Material puts titles in attributes
        if item.children:
            out.append({title: ([item.page] if item.page else []) + mkdocs_nav(item.children)})
        else:
            out.append({title: item.page})
    return out


def site_name(name: str) -> str:
    """The site name as Material writes it (HTML, in the header and the browser title)."""
    return html.escape(name)                 # quotes too: it is written in title= and aria-label=


def nav_items(entries: list) -> list[NavItem]:
    """The neutral tree from MkDocs-style entries ({title: page} or {title: [...]}), as the
    plugin's `guide` option is written in mkdocs.yml."""
    items = []
    for entry in entries:
        for title, value in entry.items():
            if isinstance(value, list):
                page = next((v for v in value if isinstance(v, str)), None)
                items.append(NavItem(title, page, tuple(nav_items([v for v in value if isinstance(v, dict)]))))
            else:
                items.append(NavItem(title, value))
    return items


def compact_search_index(site_dir: Path) -> None:
    """Rewrite Material's index as compact UTF-8 JSON (Material escapes every Vietnamese letter
    as \\uXXXX); the data is unchanged. No index, nothing to do."""
    path = Path(site_dir) / SEARCH_INDEX
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
