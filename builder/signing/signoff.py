"""What a sign-off signature covers, and where it is kept.

Each signed sign-off is two small files under `signatures/<code>/`:
- `<revision>-<role>.txt`, the signed text: code, revision, role, person, sign-off date, content
  fingerprint and the day it was signed, one `key: value` per line;
- `<revision>-<role>.txt.sig`, the SSH signature of exactly those bytes.

Plain files, so that anyone can check one with `ssh-keygen -Y verify` and the allowed-signers
file, without our tools; named by code and issue, so that the signatures of earlier issues
stay next to the current ones.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from builder.documents.dates import parse_date

FOLDER = "signatures"
ROLES = {"prepared": "prepare", "reviewed": "review", "approved": "approve"}
HEADER = "Ký duyệt tài liệu hệ thống quản lý chất lượng (qms-signoff v1)"
FIELDS = ("code", "revision", "role", "by", "date", "fingerprint", "signed")


@dataclass(frozen=True)
class SignedText:
    """The fields of a signed sign-off text."""
    code: str
    revision: int | None
    role: str
    by: str
    date: datetime.date | None
    fingerprint: str
    signed: datetime.date | None

    def render(self) -> bytes:
        values = {"code": self.code, "revision": self.revision, "role": self.role, "by": self.by,
                  "date": self.date.isoformat() if self.date else "", "fingerprint": self.fingerprint,
                  "signed": self.signed.isoformat() if self.signed else ""}
        return (HEADER + "\n" + "".join(f"{k}: {values[k]}\n" for k in FIELDS)).encode("utf-8")


def parse_text(data: bytes) -> SignedText | None:
    """The fields of a signed text, or None when it is not one (edited by hand, another format)."""
    try:
        lines = data.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        return None
    if not lines or lines[0] != HEADER:
        return None
    values = {}
    for line in lines[1:]:
        key, sep, value = line.partition(": ")
        if sep and key in FIELDS:
            values[key] = value
    if set(values) != set(FIELDS):
        return None
    revision = values["revision"]
    number = int(revision) if re.fullmatch(r"[0-9]{1,6}", revision) else None   # not '²', which isdigit()
    return SignedText(values["code"], number, values["role"],
                      values["by"], parse_date(values["date"]), values["fingerprint"], parse_date(values["signed"]))


SAFE_CODE = re.compile(r"[0-9A-Za-zÀ-ỹĐđ][0-9A-Za-zÀ-ỹĐđ._-]{0,63}")


class UnsafeCode(ValueError):
    """A code that cannot name a folder under signatures/ ('..', a slash): never a path."""


def text_path(code: str, revision: int | None, key: str) -> str:
    """signatures/QT.02/02-approve.txt: the file of one issue's sign-off (key: prepared...)."""
    if not SAFE_CODE.fullmatch(code or "") or ".." in code:
        raise UnsafeCode(code)
    return f"{FOLDER}/{code}/{revision or 0:02d}-{ROLES[key]}.txt"


def signature_path(code: str, revision: int | None, key: str) -> str:
    return text_path(code, revision, key) + ".sig"
