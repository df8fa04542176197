"""People's public signing keys, as organisation.yml lists them.

A key is written as git and OpenSSH write it (`ssh-ed25519 AAAA... comment`), with the days it
may sign: `from` (valid-after), `until` (valid-before, the key's expiry) and `revoked` (from that
day on it signs nothing). The same data makes the allowed-signers file that
`ssh-keygen -Y verify` reads, so anyone can check a signature without our tools.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import struct
from dataclasses import dataclass
from datetime import date, timedelta

KEY_TYPES = ("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa")
NAMESPACE = "qms-signoff"     # the purpose a sign-off signature is made for (ssh-keygen -n)


@dataclass(frozen=True)
class SigningKey:
    person: str
    key_type: str
    blob: bytes
    since: date | None = None      # valid from this day
    until: date | None = None      # expires after this day
    revoked: date | None = None    # signs nothing from this day

    @property
    def text(self) -> str:
        return f"{self.key_type} {base64.b64encode(self.blob).decode()}"

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.blob)

    def problem_on(self, day: date) -> tuple[str, date] | None:
        """Why this key could not sign on `day`: ('revoked'|'expired'|'early', the date), or None."""
        if self.revoked and day >= self.revoked:
            return "revoked", self.revoked
        if self.until and day > self.until:
            return "expired", self.until
        if self.since and day < self.since:
            return "early", self.since
        return None


def key_fingerprint(blob: bytes) -> str:
    """As `ssh-keygen -l` prints it: SHA256:<base64 without padding>."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def parse_key_line(text: str) -> tuple[str, bytes] | str:
    """(type, blob) of an `ssh-<type> <base64> [comment]` line, or why it is not one."""
    parts = text.split()
    if len(parts) < 2:
        return "cần dạng 'ssh-ed25519 AAAA...' (nội dung tệp .pub)"
    key_type, encoded = parts[0], parts[1]
    if key_type not in KEY_TYPES:
        return f"kiểu khóa '{key_type}' không được hỗ trợ (dùng {', '.join(KEY_TYPES)})"
    try:
        blob = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return "phần mã base64 của khóa bị hỏng"
    if len(blob) < 4 or blob[4:4 + struct.unpack(">I", blob[:4])[0]] != key_type.encode():
        return "phần mã của khóa không khớp kiểu khóa ghi ở đầu dòng"
    return key_type, blob


def allowed_signers(keys: list[SigningKey]) -> str:
    """The allowed-signers file (ssh-keygen(1), ALLOWED SIGNERS) for sign-off signatures.

    A revoked key is valid before its revocation day only; `ssh-keygen -Y verify` must then be
    told the signing day with `-Overify-time=YYYYMMDD` (README, "Kiểm tra chữ ký")."""
    lines = ["# Khóa ký của nhân sự, sinh từ site_config/organisation.yml (lệnh 'qms keys allowed-signers').",
             "# Kiểm tra: ssh-keygen -Y verify -f allowed_signers -I <mã nhân sự> -n "
             f"{NAMESPACE} -s <tệp .sig> -Overify-time=<ngày ký YYYYMMDD> < <tệp .txt>"]
    for key in keys:
        options = [f'namespaces="{NAMESPACE}"']
        if key.since:
            options.append(f'valid-after="{key.since:%Y%m%d}"')
        ends = [d for d in (key.until and key.until + timedelta(days=1), key.revoked) if d]
        if ends:
            options.append(f'valid-before="{min(ends):%Y%m%d}"')
        lines.append(f"{key.person} {','.join(options)} {key.text}")
    return "\n".join(lines) + "\n"
