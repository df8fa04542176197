"""`qms approve`: record a sign-off bound to a fingerprint of the controlled content.

The front matter is edited as text: only the lines of the sign-off key change, so comments,
key order, line endings, Unicode form and the body stay byte for byte as they were.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.catalog import Catalog
from builder.documents.front_matter_edit import FrontMatterError, set_key
from builder.documents.labels import did_you_mean
from builder.revisions.fingerprint import fingerprint
from builder.storage.atomic import atomic_write_bytes

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


def replace_signoff(raw: bytes, key: str, new_line: str) -> bytes:
    """Return the file with the sign-off line replaced (or inserted); every other byte kept."""
    try:
        return set_key(raw, key, new_line, INSERT_AFTER[key])
    except FrontMatterError as exc:
        raise ApprovalError(str(exc)) from None


def approve(catalog: Catalog, code: str, person_id: str, when: date, decision: str | None = None,
            key: str = "approved") -> Approval:
    """Check who signs, then write the sign-off with the content fingerprint atomically."""
    doc = catalog.get(code)
    if doc is None:
        raise ApprovalError(f"Không có tài liệu mã hiệu '{code}'."
                            + did_you_mean(code, [d.code for d in catalog.documents if d.code]))
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
