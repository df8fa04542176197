"""Editing one top-level front-matter key as text, leaving every other byte as it was.

Used by the commands that write (approve, reassign): comments, key order, line endings,
Unicode form and the body of the file are never rewritten.
"""
from __future__ import annotations

from builder.documents import yaml_source as yamlsrc
from builder.documents.loader import split_front_matter
from builder.findings.rule_texts import FRONT_MATTER_MISSING


class FrontMatterError(Exception):
    """The front matter cannot be edited safely (syntax error); the message is Vietnamese."""


def top_level_lines(text: str) -> tuple[dict[str, int], int]:
    """1-based file line of each top-level key, and the line of the closing fence."""
    split = split_front_matter(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    if isinstance(split, str):
        raise FrontMatterError(FRONT_MATTER_MISSING.text(split))
    fm_text, _, body_line = split
    located = yamlsrc.parse(fm_text, first_line=2)
    if isinstance(located, yamlsrc.YamlProblem) or not isinstance(located.data, dict):
        raise FrontMatterError("Phần khai báo có lỗi cú pháp; sửa lỗi (qms check) trước khi ghi.")
    return {path[0]: line for path, line in located.lines.items() if len(path) == 1}, body_line - 1


def set_key(raw: bytes, key: str, new_line: str, insert_after: tuple[str, ...] = ()) -> bytes:
    """Replace the lines of `key` by `new_line` (or insert it after the first present key of
    `insert_after`, else at the end of the front matter)."""
    text = raw.decode("utf-8")
    keys, fence = top_level_lines(text)
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    starts = sorted(keys.values()) + [fence]
    if key in keys:
        start = keys[key]
        end = next(s for s in starts if s > start)  # exclusive, 1-based
        while end - 1 > start and (not lines[end - 2].strip() or lines[end - 2].lstrip().startswith("#")):
            end -= 1  # comments and blank lines before the next key stay where they are
        lines[start - 1:end - 1] = [new_line + newline]
    else:
        anchor = next((k for k in insert_after if k in keys), None)
        position = fence - 1 if anchor is None else next(s for s in starts if s > keys[anchor]) - 1
        lines.insert(position, new_line + newline)
    return "".join(lines).encode("utf-8")
