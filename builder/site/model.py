"""What the core hands to a site generator: pages (a source path and Markdown) and a navigation tree."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str      # path as if inside docs_dir
    content: str


@dataclass(frozen=True)
class NavItem:
    """A title with its page (a source path) and/or the items beneath it."""
    title: str
    page: str | None = None
    children: tuple[NavItem, ...] = ()
