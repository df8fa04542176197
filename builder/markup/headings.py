"""Heading anchors that keep Vietnamese readable: 'Định nghĩa' gives '#dinh-nghia'."""
from __future__ import annotations

import re
import unicodedata

from builder.documents.text import fold


def heading_id(text: str, separator: str = "-") -> str:
    """Python-Markdown's slug of the folded text, so that anchors of body headings and of the
    generated headings follow one scheme (and old links to '#dinh-nghia' keep working)."""
    value = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


def heading_text(inline) -> str:
    """Visible text of a heading's inline token: what a reader sees, and what its id is made
    from (the renderer and the link check must agree on it)."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


class HeadingIds:
    """Unique ids within one page: a second 'Mục đích' gets 'muc-dich_1', as the toc extension does."""

    def __init__(self):
        self.seen: set[str] = set()

    def __call__(self, text: str) -> str:
        base = heading_id(text) or "muc"
        candidate, n = base, 0
        while candidate in self.seen:
            n += 1
            candidate = f"{base}_{n}"
        self.seen.add(candidate)
        return candidate
