"""A readable 'what changed' view: the new text with insertions and deletions highlighted.

Works on Markdown lines so the result still renders as the document (headings, lists,
tables), with <ins>/<del> around the words that changed: what a non-programmer expects,
not a unified diff.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

_PREFIX = re.compile(r"^(\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)?)(.*)$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")
_TOKENS = re.compile(r"\s+|[^\s]+")


def _wrap(text: str, tag: str) -> str:
    return f"<{tag}>{text}</{tag}>" if text.strip() else text


def _cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if not stripped.startswith("|") or _SEPARATOR.match(stripped):
        return None
    return stripped.strip("|").split("|")


def mark_line(line: str, tag: str) -> str:
    """A whole line inserted or deleted, keeping its Markdown structure."""
    cells = _cells(line)
    if cells is not None:
        return "| " + " | ".join(_wrap(c.strip(), tag) for c in cells) + " |"
    if _SEPARATOR.match(line.strip()) or not line.strip():
        return line
    prefix, rest = _PREFIX.match(line).groups()
    return prefix + _wrap(rest, tag)


def _word_diff(old: str, new: str) -> str:
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append("".join(b[j1:j2]))
            continue
        if i2 > i1:
            out.append(_wrap("".join(a[i1:i2]), "del"))
        if j2 > j1:
            out.append(_wrap("".join(b[j1:j2]), "ins"))
    return "".join(out)


def diff_line(old: str, new: str) -> str:
    """One changed line: word-level changes, cell by cell for table rows."""
    old_cells, new_cells = _cells(old), _cells(new)
    if old_cells is not None and new_cells is not None and len(old_cells) == len(new_cells):
        return "| " + " | ".join(_word_diff(o.strip(), n.strip()) for o, n in zip(old_cells, new_cells)) + " |"
    old_prefix, old_rest = _PREFIX.match(old).groups()
    new_prefix, new_rest = _PREFIX.match(new).groups()
    if old_prefix.strip() != new_prefix.strip():
        return mark_line(old, "del") + "\n" + mark_line(new, "ins")
    return new_prefix + _word_diff(old_rest, new_rest)


def diff_markdown(old: str, new: str) -> tuple[str, int]:
    """The new Markdown with changes marked, and the number of changed lines."""
    a, b = old.strip("\n").split("\n"), new.strip("\n").split("\n")
    out, changed = [], 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += b[j1:j2]
            continue
        changed += max(i2 - i1, j2 - j1)
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            if k < len(olds) and k < len(news):
                out.append(diff_line(olds[k], news[k]))
            elif k < len(olds):
                out.append(mark_line(olds[k], "del"))
            else:
                out.append(mark_line(news[k], "ins"))
    return "\n".join(out), changed
