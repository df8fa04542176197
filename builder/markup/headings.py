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
