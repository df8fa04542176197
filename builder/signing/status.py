"""Whether a sign-off's signature holds: read its two files, verify, compare with the document.

One verdict per sign-off, computed once per document and shared by the rules, the page's
sign-off block and the PDF. The verdict says which rule is broken; the rules turn it into a
finding, the page into a line such as "Đã ký số, hợp lệ".
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.documents.model import Document, SignOff
from builder.organisation.keys import NAMESPACE, SigningKey
from builder.organisation.model import Organisation
from builder.signing import sshsig
from builder.signing.signoff import (FOLDER, ROLES, UnsafeCode, parse_text,
                                     signature_path, text_path)

VERIFIED = "verified"
MISSING = "missing"          # no signature file
INVALID = "invalid"          # the signature does not verify over its text (or a file is damaged)
OWNER = "owner"              # signed with a key that is not the named person's
KEY_DATE = "key-date"        # the key was revoked, expired or not yet valid on the signing day
CONTENT = "content"          # a valid signature over other values (another fingerprint, person, date)


@dataclass(frozen=True)
class Verdict:
    state: str
    detail: dict = field(default_factory=dict)   # values for the finding's message
    key: SigningKey | None = None

    @property
    def ok(self) -> bool:
        return self.state == VERIFIED


MAX_BYTES = 65536     # a signature or its text is a few hundred bytes; never read a large file


def _read(path: Path) -> bytes | None:
    """The file's bytes; None when it does not exist (or is not a regular file); b"" when it
    cannot be one of ours (too large, unreadable)."""
    try:
        if path.is_symlink() or not path.is_file():
            return None
        return path.read_bytes() if path.stat().st_size <= MAX_BYTES else b""
    except OSError:
        return b""


def verdict(doc: Document, key: str, catalog) -> Verdict:
    """The verdict on sign-off `key` (prepared/reviewed/approved) of this issue, computed once
    per catalog: the rules, the page and the PDF ask for it. Not kept on the document, which
    outlives the catalog in memory while signature files and keys may change."""
    memo = catalog.memo("signature-verdicts", dict)
    signoff = doc.signoffs[key]
    index = (doc.code, doc.revision, key, signoff)
    found = memo.get(index)
    if found is None:
        fresh = catalog.base.changed_paths if getattr(catalog, "base", None) is not None else frozenset()
        root = Path(catalog.root)
        # Only whether THIS signature file is new in the change: the whole set of changed files
        # grows with every save in the preview, and made every sign-off be judged again.
        inputs = (index, _file_states(root, doc, key), catalog.memo("signing-keys", lambda: repr(
            catalog.organisation.signing_keys)), _is_fresh(doc, key, fresh), catalog.today)
        found = _REMEMBERED.get(inputs)
        if found is None:
            if len(_REMEMBERED) > 100_000:
                _REMEMBERED.clear()
            found = _REMEMBERED[inputs] = _verdict(doc, key, signoff, catalog.organisation, root, fresh,
                                                  catalog.today)
        memo[index] = found
    return found


# Verdicts by everything they depend on: the sign-off, its two files (as the file system
# describes them), the keys of organisation.yml, the change being checked and the day. A build
# is a fresh process and judges every signature; the preview, which takes in one saved file at
# a time, judges again only the sign-offs whose inputs changed.
_REMEMBERED: dict[tuple, Verdict] = {}


def _is_fresh(doc: Document, key: str, fresh) -> bool:
    """The sign-off's signature file is new or changed in the change being checked."""
    try:
        return signature_path(doc.code, doc.revision, key) in fresh
    except UnsafeCode:
        return False


def _file_states(root: Path, doc: Document, key: str) -> tuple:
    try:
        base = str(root)
        paths = (os.path.join(base, signature_path(doc.code, doc.revision, key)),
                 os.path.join(base, text_path(doc.code, doc.revision, key)))
    except UnsafeCode:
        return ()
    states = []
    for path in paths:
        try:
            st = os.lstat(path)
            states.append((st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_mode))
        except OSError:
            states.append(None)
    return tuple(states)


def _verdict(doc: Document, key: str, signoff: SignOff, org: Organisation, root: Path,
             fresh: set[str], today) -> Verdict:
    """`fresh`: signature files new or changed in this change (against the base commit), whose
    key must be valid today, whatever day the signed text claims: a revoked key cannot sign
    again by writing an earlier day."""
    try:
        sig_rel, text_rel = signature_path(doc.code, doc.revision, key), text_path(doc.code, doc.revision, key)
    except UnsafeCode:
        return Verdict(INVALID, {"file": FOLDER, "why": f"mã hiệu '{doc.code}' không dùng được làm tên thư mục"})
    armored, text = _read(root / sig_rel), _read(root / text_rel)
    if armored is None:
        return Verdict(MISSING, {"file": sig_rel})
    if not text:
        return Verdict(INVALID, {"file": text_rel, "why": "thiếu hoặc hỏng tệp nội dung đã ký " + text_rel})
    try:
        signature = sshsig.parse(armored.decode("ascii", "replace"))
    except sshsig.SignatureFormatError as exc:
        return Verdict(INVALID, {"file": sig_rel, "why": f"tệp chữ ký hỏng: {exc}"})
    if not _verifies(signature, armored, text):
        return Verdict(INVALID, {"file": sig_rel, "why": "chữ ký không khớp nội dung tệp " + text_rel})
    signed = parse_text(text)
    if signed is None:
        return Verdict(INVALID, {"file": text_rel, "why": "nội dung đã ký không đúng mẫu"})
    owner = org.key_owner(signature.public_key)
    if owner is None:
        return Verdict(OWNER, {"file": sig_rel, "key": signature.key_fingerprint, "owner": ""})
    if owner.person != signoff.by or signed.by != signoff.by:
        return Verdict(OWNER, {"file": sig_rel, "key": signature.key_fingerprint, "owner": owner.person}, owner)
    differences = _differences(doc, key, signoff, signed)
    if differences:
        return Verdict(CONTENT, {"file": text_rel, "differences": differences}, owner)
    day = signed.signed
    if day and sig_rel in fresh and today > day:
        day = today                          # a signature added now: the key must be valid now
    problem = owner.problem_on(day) if day else ("early", None)
    if problem:
        return Verdict(KEY_DATE, {"file": sig_rel, "key": owner.fingerprint, "why": problem[0],
                                  "when": problem[1], "signed": signed.signed}, owner)
    return Verdict(VERIFIED, {"file": sig_rel, "key": owner.fingerprint, "signed": signed.signed}, owner)


_VERIFIED: dict[bytes, bool] = {}   # (text, signature) digest -> verdict of the cryptography


def _verifies(signature: sshsig.Signature, armored: bytes, text: bytes) -> bool:
    """The signature check, remembered for the life of the process: `mkdocs serve` rebuilds
    many times, and an Ed25519 check costs about 0.1 ms (a third of a second per 1,000 documents).
    Only the mathematics is remembered; key owner and dates are judged on every build."""
    index = hashlib.sha256(len(text).to_bytes(8, "big") + text + armored).digest()
    if index not in _VERIFIED:
        if len(_VERIFIED) > 200_000:
            _VERIFIED.clear()
        _VERIFIED[index] = sshsig.verify(signature, text, NAMESPACE)
    return _VERIFIED[index]


def _differences(doc: Document, key: str, signoff: SignOff, signed) -> list[tuple[str, str, str]]:
    """(field, signed value, value in the document) for every value that differs."""
    expected = {"code": doc.code, "revision": str(doc.revision), "role": ROLES[key],
                "date": signoff.date.isoformat() if signoff.date else "", "fingerprint": signoff.fingerprint or ""}
    actual = {"code": signed.code, "revision": str(signed.revision), "role": signed.role,
              "date": signed.date.isoformat() if signed.date else "", "fingerprint": signed.fingerprint}
    out = [(k, actual[k], expected[k]) for k in expected if actual[k] != expected[k]]
    if signed.signed and signed.date and signed.signed < signed.date:
        out.append(("signed", signed.signed.isoformat(), f"≥ {signed.date.isoformat()}"))
    return out


def describe(found: Verdict) -> str:
    """The verdict in a few words for the sign-off block: '✓ Hợp lệ (khóa SHA256:…, ký ngày …)'."""
    text = L.SIGNATURE_STATES[found.state]
    if found.ok:
        text += " (" + L.SIGNATURE_DETAIL.format(key=found.detail["key"][:19] + "…",
                                                 signed=vn_date(found.detail["signed"])) + ")"
    return text
