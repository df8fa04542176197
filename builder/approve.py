"""`qms approve`: record a sign-off bound to a fingerprint of the controlled content.

The front matter is edited as text: only the lines of the sign-off key change, so comments,
key order, line endings, Unicode form and the body stay byte for byte as they were.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import yamlsrc
from .catalog import Catalog
from .fingerprint import fingerprint
from .fsutil import atomic_write_bytes
from .loader import split_front_matter

INSERT_AFTER = {"approved": ("reviewed", "prepared", "status"), "reviewed": ("prepared", "status")}
ROLE_WORDS = {"approved": "phê duyệt", "reviewed": "xem xét"}


@dataclass
class ApprovalError(Exception):
    message: str


@dataclass(frozen=True)
class Approval:
    path: Path
    key: str
    line: str
    fingerprint: str


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def signoff_line(key: str, person: str, when: date, decision: str | None, print_: str) -> str:
    parts = [f"by: {person}", f"date: {when.isoformat()}"]
    if decision:
        parts.append(f"decision: {_quote(decision)}")
    parts.append(f"fingerprint: {_quote(print_)}")
    return f"{key}: {{{', '.join(parts)}}}"


def _top_level_lines(text: str) -> tuple[dict[str, int], int]:
    """1-based file line of each top-level key, and the line of the closing fence."""
    split = split_front_matter(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    if isinstance(split, str):
        raise ApprovalError(split)
    fm_text, _, body_line = split
    located = yamlsrc.parse(fm_text, first_line=2)
    if isinstance(located, yamlsrc.YamlProblem) or not isinstance(located.data, dict):
        raise ApprovalError("Phần khai báo có lỗi cú pháp; sửa lỗi (qms check) trước khi ký.")
    return {path[0]: line for path, line in located.lines.items() if len(path) == 1}, body_line - 1


def replace_signoff(raw: bytes, key: str, new_line: str) -> bytes:
    """Return the file with the `key` block replaced (or inserted); every other byte kept."""
    text = raw.decode("utf-8")
    keys, fence = _top_level_lines(text)
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
        anchor = next((k for k in INSERT_AFTER[key] if k in keys), None)
        if anchor is None:
            position = fence - 1
        else:
            position = next(s for s in starts if s > keys[anchor]) - 1
        lines.insert(position, new_line + newline)
    return "".join(lines).encode("utf-8")


def approve(catalog: Catalog, code: str, person_id: str, when: date, decision: str | None = None,
            key: str = "approved") -> Approval:
    """Check who signs, then write the sign-off with the content fingerprint atomically."""
    doc = catalog.get(code)
    if doc is None:
        raise ApprovalError(f"Không có tài liệu mã hiệu '{code}'.")
    org = catalog.organisation
    person = org.people.get(person_id)
    if person is None:
        raise ApprovalError(f"Không có nhân sự mã '{person_id}' trong site_config/organisation.yml.")
    if not org.may(person, key):
        raise ApprovalError(f"{person.name} ({org.position_name(person.position)}) không có quyền "
                            f"{ROLE_WORDS[key]} tài liệu.")
    prepared = doc.signoffs.get("prepared")
    if key == "approved" and prepared and prepared.by == person_id:
        raise ApprovalError(f"{person.name} là người soạn thảo nên không được phê duyệt tài liệu này.")
    path = catalog.root / doc.path
    print_ = fingerprint(doc)
    line = signoff_line(key, person_id, when, decision, print_)
    atomic_write_bytes(path, replace_signoff(path.read_bytes(), key, line))
    return Approval(path, key, line, print_)
