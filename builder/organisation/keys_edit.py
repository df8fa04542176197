"""`qms keys add`: put a person's public key into organisation.yml, as a text edit.

Only lines are inserted; every other byte (comments, order, other people) stays as written,
so the pull request shows exactly the new key for the ISO secretary to check.
"""
from __future__ import annotations

import re
from datetime import date


class KeyEditError(Exception):
    """Why the key cannot be added, in Vietnamese."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def add_key(text: str, person: str, key_line: str, since: date | None, comment: str = "") -> str:
    """organisation.yml with `key_line` appended to `person`'s keys (the list is made if absent)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.fullmatch(rf"\s*- id: {re.escape(person)}\s*(#.*)?", line)),
                 None)
    if start is None:
        raise KeyEditError(f"Không tìm thấy dòng '- id: {person}' trong mục people (viết mỗi nhân sự dạng khối, "
                           "mỗi trường một dòng).")
    item = _indent(lines[start])
    field = " " * (item + 2)
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > item):
        end += 1
    while end - 1 > start and not lines[end - 1].strip():
        end -= 1
    has_keys = any(re.fullmatch(rf"{field}keys:\s*(#.*)?", lines[i]) for i in range(start + 1, end))
    note = f"   # {comment}" if comment else ""
    new = ([] if has_keys else [f"{field}keys:"]) + [f"{field}  - key: {key_line}{note}"]
    if since:
        new.append(f"{field}    from: {since.isoformat()}")
    return "\n".join(lines[:end] + new + lines[end:])
