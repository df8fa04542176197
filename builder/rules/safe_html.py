"""Raw HTML that could run script in a reader's browser (see builder/sanitize.py, which removes
it from the published page). Reported so that the document controller cleans the source:
what was pasted is not what staff will see."""
from __future__ import annotations

import html
import re

from builder.documents.html_safety import DROPPED
from builder.findings.rule_texts import UNSAFE_HTML
from builder.rules.registry import document_rule, problem

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+\1")
PATTERNS = [
    (re.compile(r"<\s*(" + "|".join(sorted(DROPPED)) + r")\b", re.I), lambda m: f"thẻ <{m.group(1).lower()}>"),
    (re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I), lambda m: f"thuộc tính sự kiện {m.group(1).lower()}="),
    (re.compile(r"(javascript|vbscript)\s*:", re.I), lambda m: f"liên kết {m.group(1).lower()}:"),
]


def unsafe_parts(line: str) -> list[str]:
    """What in one Markdown line could run script (entities decoded, code spans ignored)."""
    text = html.unescape(INLINE_CODE.sub("", line))
    found = []
    for pattern, describe in PATTERNS:
        found += [describe(m) for m in pattern.finditer(text)]
    return list(dict.fromkeys(found))


@document_rule(UNSAFE_HTML)
def no_script_in_content(doc, catalog):
    """No <script>, event-handler attribute or javascript: URL in the body (outside code blocks)."""
    fenced = False
    for line, text in doc.body_lines():
        if FENCE.match(text):
            fenced = not fenced
            continue
        if fenced:
            continue
        parts = unsafe_parts(text)
        if parts:
            yield problem(doc.path, line, what=", ".join(parts))
