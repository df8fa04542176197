"""`qms approve` records a sign-off bound to a fingerprint of the controlled content, signed with
the signer's key; `qms sign` signs a sign-off already recorded (when an agency adopts signatures).

The front matter is edited as text: only the lines of the sign-off key change, so comments,
key order, line endings, Unicode form and the body stay byte for byte as they were.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.catalog import Catalog
from builder.documents.front_matter_edit import FrontMatterError, set_key
from builder.documents.labels import SIGNOFF_VERBS as ROLE_WORDS
from builder.documents.labels import did_you_mean
from builder.documents.model import Document
from builder.revisions.fingerprint import fingerprint, scheme_of
from builder.signing import record
from builder.signing.signoff import ROLES, SignedText
from builder.storage.atomic import atomic_write_bytes

INSERT_AFTER = {"approved": ("reviewed", "prepared", "status"), "reviewed": ("prepared", "status"),
                "prepared": ("effective", "status")}
KEY_OF_ROLE = {role: key for key, role in ROLES.items()}   # 'approve' -> 'approved'

NO_KEY = object()   # approve without signing (signatures off and no key given)


@dataclass
class ApprovalError(Exception):
    message: str


@dataclass(frozen=True)
class Approval:
    path: Path
    key: str
    line: str
    fingerprint: str
    signature: record.Signature | None = None


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


def _document(catalog: Catalog, code: str) -> Document:
    doc = catalog.get(code)
    if doc is None:
        raise ApprovalError(f"Không có tài liệu mã hiệu '{code}'."
                            + did_you_mean(code, [d.code for d in catalog.documents if d.code]))
    return doc


def approve(catalog: Catalog, code: str, person_id: str, when: date, decision: str | None = None,
            key: str = "approved", key_file=NO_KEY) -> Approval:
    """Check who signs, sign when a key is given, then write the signature files and the
    sign-off with the content fingerprint, each atomically."""
    doc = _document(catalog, code)
    org = catalog.organisation
    person = org.people.get(person_id)
    if person is None:
        raise ApprovalError(f"Không có nhân sự mã '{person_id}' trong site_config/organisation.yml."
                            + did_you_mean(person_id, list(org.people)))
    if not org.may(person, key):
        raise ApprovalError(f"{person.name} ({org.position_name(person.position)}) không có quyền "
                            f"{ROLE_WORDS[key]} tài liệu.")
    prepared = doc.signoffs.get("prepared")
    if key == "approved" and prepared and prepared.by == person_id:
        raise ApprovalError(f"{person.name} là người soạn thảo nên không được phê duyệt tài liệu này.")
    path = catalog.root / doc.path
    print_ = fingerprint(doc)
    signature = None
    if key_file is not NO_KEY:
        if when > catalog.today:
            raise ApprovalError(f"Ngày ký {when:%d/%m/%Y} sau hôm nay: chữ ký số chỉ ghi việc đã xảy ra.")
        signature = _sign(SignedText(doc.code, doc.revision, ROLES[key], person_id, when, print_, catalog.today),
                          key, org, key_file)
    line = signoff_line(key, person_id, when, decision, print_)
    _write(catalog, path, replace_signoff(path.read_bytes(), key, line), signature)
    return Approval(path, key, line, print_, signature)


def sign_recorded(catalog: Catalog, code: str, key: str, key_file) -> Approval:
    """Sign the sign-off `key` as it is recorded. Its fingerprint must still be the content's:
    a signature says 'I signed this content', so stale content is approved again instead. A
    sign-off recorded without a fingerprint (typed by hand) gets the current one."""
    doc = _document(catalog, code)
    signoff = doc.signoffs.get(key)
    if signoff is None:
        raise ApprovalError(f"Tài liệu {code} chưa ghi ký {ROLE_WORDS[key]}: ghi và ký bằng 'qms approve {code} "
                            f"--role {ROLES[key]} --by <mã nhân sự>'.")
    if signoff.by not in catalog.organisation.people:
        raise ApprovalError(f"Người ký '{signoff.by}' không có trong site_config/organisation.yml.")
    path, raw = catalog.root / doc.path, (catalog.root / doc.path).read_bytes()
    recorded = signoff.fingerprint
    if recorded and recorded != fingerprint(doc, scheme_of(recorded)):
        raise ApprovalError(f"Nội dung {code} đã đổi sau lần ký {ROLE_WORDS[key]} ngày {signoff.date}: không ký "
                            f"cho nội dung chưa được duyệt. Ký duyệt lại bằng 'qms approve {code} --role "
                            f"{ROLES[key]} --by {signoff.by}'.")
    if not recorded:
        recorded = fingerprint(doc)
        raw = replace_signoff(raw, key, signoff_line(key, signoff.by, signoff.date, signoff.decision, recorded))
    signature = _sign(SignedText(doc.code, doc.revision, ROLES[key], signoff.by, signoff.date, recorded,
                                 catalog.today), key, catalog.organisation, key_file)
    _write(catalog, path, raw, signature)
    return Approval(path, key, "", recorded, signature)


def _sign(text: SignedText, key: str, org, key_file) -> record.Signature:
    try:
        return record.make(text, key, org, key_file)
    except record.SignError as exc:
        raise ApprovalError(str(exc)) from None


def _write(catalog: Catalog, path: Path, data: bytes, signature: record.Signature | None) -> None:
    """The signature files first, then the document; if the document cannot be written, the
    signature files are put back as they were."""
    undo = record.write(catalog.root, signature) if signature else None
    try:
        if data != path.read_bytes():
            atomic_write_bytes(path, data)
    except BaseException:
        if undo:
            undo()
        raise
