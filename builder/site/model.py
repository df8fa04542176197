"""What the core hands to a site generator: pages (a source path and Markdown) and a navigation tree."""
from __future__ import annotations

import base64
import re
import secrets
from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str      # path as if inside docs_dir
    content: str


# HTML the core has already made (a document's body, a table of every document) goes into a
# page's Markdown inside a comment, which the Markdown parser skips in one step instead of reading
# it tag by tag (a second per thousand bodies, half a second for the master list), and is put back
# once the page is rendered. The mark holds a number drawn when the process starts, so a comment
# written in a document can never pass for one.
_NONCE = secrets.token_hex(8)
_EMBEDDED = re.compile(rf"<!-- qms-html-{_NONCE} ([A-Za-z0-9+/=]*) -->")


def embed_html(block: str) -> str:
    """`block` (HTML, already safe) as one comment line of a generated Markdown page."""
    return f"<!-- qms-html-{_NONCE} {base64.b64encode(block.encode('utf-8')).decode('ascii')} -->"


def place_html(page_html: str) -> str:
    """The rendered page (or a generated page's Markdown) with each embedded block in place."""
    return _EMBEDDED.sub(lambda m: base64.b64decode(m.group(1)).decode("utf-8"), page_html)


@dataclass(frozen=True)
class NavItem:
    """A title with its page (a source path) and/or the items beneath it."""
    title: str
    page: str | None = None
    children: tuple[NavItem, ...] = ()
