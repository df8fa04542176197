"""Signing a sign-off: `qms approve` (a new sign-off) and `qms sign` (one already recorded).

The signature is made and checked before anything is written: the key must be one of the
named person's keys in organisation.yml and valid today, so a command never records a signature
that the build would reject. The two files are written atomically; `undo` puts back what was
there if writing the document then fails.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from builder.documents import labels as L
from builder.documents.dates import vn_date
from builder.organisation.keys import NAMESPACE, SigningKey, key_fingerprint
from builder.organisation.model import Organisation
from builder.signing import sshsig
from builder.signing.signoff import (SignedText, UnsafeCode, signature_path,
                                     text_path)
from builder.storage.atomic import atomic_write_bytes

DEFAULT_KEYS = ("id_ed25519", "id_ecdsa", "id_rsa")


class SignError(Exception):
    """Why the sign-off cannot be signed, in Vietnamese for the person signing."""


@dataclass(frozen=True)
class Signature:
    text_rel: str
    signature_rel: str
    text: bytes
    armored: str
    key: SigningKey


def default_key_file() -> Path | None:
    """The key a person signs with when --key is not given: QMS_SIGNING_KEY, then the key git
    signs commits with (user.signingKey), then ~/.ssh/id_ed25519, id_ecdsa, id_rsa."""
    named = os.environ.get("QMS_SIGNING_KEY")
    if named:
        return Path(named).expanduser()
    try:
        done = subprocess.run(["git", "config", "--get", "user.signingKey"], capture_output=True, timeout=30)
        configured = done.stdout.decode("utf-8", "replace").strip()
        if done.returncode == 0 and configured and Path(configured).expanduser().is_file():
            return Path(configured).expanduser()
    except (OSError, subprocess.SubprocessError):
        pass
    for name in DEFAULT_KEYS:
        path = Path.home() / ".ssh" / name
        if path.is_file():
            return path
    return None


def make(signed: SignedText, key: str, org: Organisation, key_file: Path | None) -> Signature:
    """Sign `signed` with `key_file`, then check that the key is the named person's and valid on
    the signing day. Raises SignError."""
    if key_file is None:
        raise SignError("Không tìm thấy khóa ký. Chỉ ra tệp khóa bằng --key (ví dụ ~/.ssh/id_ed25519) hoặc "
                        "biến môi trường QMS_SIGNING_KEY; cách tạo khóa xem README, mục 'Chữ ký số'.")
    try:
        paths = text_path(signed.code, signed.revision, key), signature_path(signed.code, signed.revision, key)
    except UnsafeCode:
        raise SignError(f"Mã hiệu '{signed.code}' không dùng được làm tên thư mục chữ ký.") from None
    text = signed.render()
    try:
        armored = sshsig.sign(text, Path(key_file), NAMESPACE)
    except sshsig.SigningError as exc:
        raise SignError(f"Không ký được: {exc}.") from None
    blob = sshsig.parse(armored).public_key
    owner = org.key_owner(blob)
    person = org.person_name(signed.by)
    if owner is None or owner.person != signed.by:
        whose = f"của {org.person_name(owner.person)}" if owner else "không có trong site_config/organisation.yml"
        raise SignError(f"Khóa {key_fingerprint(blob)} ({key_file}) {whose}, không phải khóa của {person}: "
                        f"chỉ {person} ký được bằng khóa của mình. Khai báo khóa ở mục keys của '{signed.by}' "
                        "nếu đây đúng là khóa của người này.")
    problem = owner.problem_on(signed.signed)
    if problem:
        why = L.KEY_PROBLEMS[problem[0]].format(when=vn_date(problem[1]))
        raise SignError(f"Khóa {owner.fingerprint} của {person} {why}: dùng khóa khác.")
    return Signature(*paths, text, armored, owner)


def write(root: Path, signature: Signature):
    """Write both files; return a function that restores what was there before."""
    root = Path(root)
    before = {rel: (root / rel).read_bytes() if (root / rel).is_file() else None
              for rel in (signature.text_rel, signature.signature_rel)}
    (root / signature.text_rel).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(root / signature.text_rel, signature.text)
    atomic_write_bytes(root / signature.signature_rel, signature.armored.encode("ascii"))

    def undo():
        for rel, data in before.items():
            if data is None:
                (root / rel).unlink(missing_ok=True)
            else:
                atomic_write_bytes(root / rel, data)
    return undo

