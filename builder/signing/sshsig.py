"""SSH signatures (the SSHSIG format of `ssh-keygen -Y sign`, which git uses to sign commits).

Verified here, in process, with `cryptography`: a thousand documents carry thousands of
signatures, and one `ssh-keygen -Y verify` process per signature would cost seconds. The format
is small and fixed (OpenSSH's PROTOCOL.sshsig); `ssh-keygen -Y verify` reaches the same verdict,
which the tests check. Signing goes through `ssh-keygen -Y sign` itself, once per approval, so
that keys held by ssh-agent, passphrases and hardware tokens work as they do for git.
"""
from __future__ import annotations

import base64
import hashlib
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import \
    encode_dss_signature
from cryptography.hazmat.primitives.serialization import (Encoding,
                                                          PublicFormat,
                                                          load_ssh_public_key)

from builder.organisation.keys import KEY_TYPES, key_fingerprint

MAGIC = b"SSHSIG"
BEGIN, END = "-----BEGIN SSH SIGNATURE-----", "-----END SSH SIGNATURE-----"
HASHES = {"sha256": hashlib.sha256, "sha512": hashlib.sha512}
_EC_HASH = {"nistp256": hashes.SHA256(), "nistp384": hashes.SHA384(), "nistp521": hashes.SHA512()}
_RSA_HASH = {"rsa-sha2-256": hashes.SHA256(), "rsa-sha2-512": hashes.SHA512()}


class SignatureFormatError(ValueError):
    """The text is not an SSH signature (cut, edited or another format)."""


@dataclass(frozen=True)
class Signature:
    public_key: bytes        # the signer's key blob, as in an authorized_keys line
    namespace: str
    hash_algorithm: str
    sig_format: str
    sig_bytes: bytes

    @property
    def key_type(self) -> str:
        return _Reader(self.public_key).string().decode("ascii", "replace")

    @property
    def key_fingerprint(self) -> str:
        """As `ssh-keygen -l` prints it: SHA256:<base64 without padding>."""
        return key_fingerprint(self.public_key)


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise SignatureFormatError("dữ liệu bị cắt cụt")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def uint32(self) -> int:
        return struct.unpack(">I", self.take(4))[0]

    def string(self) -> bytes:
        return self.take(self.uint32())

    def done(self) -> bool:
        return self.pos == len(self.data)


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def parse(armored: str) -> Signature:
    """The fields of an armored SSH signature; SignatureFormatError when it is not one."""
    lines = [line.strip() for line in armored.strip().splitlines()]
    if len(lines) < 3 or lines[0] != BEGIN or lines[-1] != END:
        raise SignatureFormatError("không có khối BEGIN/END SSH SIGNATURE")
    try:
        blob = base64.b64decode("".join(lines[1:-1]), validate=True)
    except ValueError:
        raise SignatureFormatError("phần mã base64 bị hỏng") from None
    reader = _Reader(blob)
    if reader.take(6) != MAGIC or reader.uint32() != 1:
        raise SignatureFormatError("không phải chữ ký SSHSIG phiên bản 1")
    public_key, namespace = reader.string(), reader.string()
    reader.string()                                   # reserved
    hash_algorithm, signature = reader.string(), reader.string()
    if not reader.done():
        raise SignatureFormatError("có dữ liệu thừa sau chữ ký")
    inner = _Reader(signature)
    sig_format, sig_bytes = inner.string(), inner.string()
    if not inner.done():                      # ssh-keygen refuses trailing bytes too
        raise SignatureFormatError("có dữ liệu thừa sau chữ ký")
    try:
        return Signature(public_key, namespace.decode("utf-8"), hash_algorithm.decode("ascii"),
                         sig_format.decode("ascii"), sig_bytes)
    except UnicodeDecodeError:
        raise SignatureFormatError("trường văn bản không hợp lệ") from None


def signed_data(namespace: str, hash_algorithm: str, message: bytes) -> bytes:
    """What the key really signs: the namespace binds the signature to its purpose."""
    digest = HASHES[hash_algorithm](message).digest()
    return MAGIC + _string(namespace.encode()) + _string(b"") + _string(hash_algorithm.encode()) + _string(digest)


def verify(signature: Signature, message: bytes, namespace: str) -> bool:
    """Whether `signature` is a signature of `message` in `namespace` by its embedded key."""
    if signature.namespace != namespace or signature.hash_algorithm not in HASHES:
        return False
    if signature.key_type not in KEY_TYPES:
        return False
    data = signed_data(namespace, signature.hash_algorithm, message)
    try:
        key = load_ssh_public_key(b"%s %s" % (signature.key_type.encode(), base64.b64encode(signature.public_key)))
        if isinstance(key, ed25519.Ed25519PublicKey) and signature.sig_format == "ssh-ed25519":
            key.verify(signature.sig_bytes, data)
        elif isinstance(key, rsa.RSAPublicKey) and signature.sig_format in _RSA_HASH:
            key.verify(signature.sig_bytes, data, padding.PKCS1v15(), _RSA_HASH[signature.sig_format])
        elif isinstance(key, ec.EllipticCurvePublicKey) and signature.sig_format == signature.key_type:
            inner = _Reader(signature.sig_bytes)
            r = int.from_bytes(inner.string(), "big")
            s = int.from_bytes(inner.string(), "big")
            if not inner.done():
                return False
            curve = signature.key_type.rsplit("-", 1)[-1]
            key.verify(encode_dss_signature(r, s), data, ec.ECDSA(_EC_HASH[curve]))
        else:
            return False
    except (InvalidSignature, UnsupportedAlgorithm, ValueError, KeyError, SignatureFormatError, TypeError):
        return False
    return True


class SigningError(Exception):
    """`ssh-keygen -Y sign` could not sign; the message is for the person signing."""


def sign(message: bytes, key_file: Path, namespace: str) -> str:
    """The armored signature of `message`, made by `ssh-keygen -Y sign` with `key_file` (a
    private key, or a public key whose private half ssh-agent holds)."""
    program = shutil.which("ssh-keygen")
    if program is None:
        raise SigningError("không tìm thấy chương trình ssh-keygen (cài gói openssh-client)")
    if not Path(key_file).is_file():
        raise SigningError(f"không có tệp khóa {key_file}")
    try:
        done = subprocess.run([program, "-q", "-Y", "sign", "-f", str(key_file), "-n", namespace],
                              input=message, capture_output=True, timeout=300)
    except subprocess.TimeoutExpired:
        raise SigningError("ssh-keygen không trả lời (chờ nhập mật khẩu khóa?)") from None
    if done.returncode != 0 or BEGIN.encode() not in done.stdout:
        said = done.stderr.decode("utf-8", "replace")
        if "UNPROTECTED PRIVATE KEY FILE" in said:
            raise SigningError(f"tệp khóa bí mật {key_file} để người khác đọc được nên ssh-keygen không dùng; "
                               f"chạy 'chmod 600 {key_file}' rồi ký lại")
        raise SigningError("ssh-keygen báo lỗi: " + said.strip())
    return done.stdout.decode("ascii")


def armor(public_key: bytes, namespace: str, hash_algorithm: str, sig_format: str, sig_bytes: bytes) -> str:
    """The armored text of an SSHSIG signature, wrapped at 70 columns as ssh-keygen writes it."""
    blob = (MAGIC + struct.pack(">I", 1) + _string(public_key) + _string(namespace.encode()) + _string(b"")
            + _string(hash_algorithm.encode()) + _string(_string(sig_format.encode()) + _string(sig_bytes)))
    encoded = base64.b64encode(blob).decode()
    return "\n".join([BEGIN, *(encoded[i:i + 70] for i in range(0, len(encoded), 70)), END]) + "\n"


def sign_in_process(message: bytes, private_key: ed25519.Ed25519PrivateKey, namespace: str) -> str:
    """The same signature `ssh-keygen -Y sign` makes with an Ed25519 key, made in process: for
    generating large test corpora (a thousand documents, three sign-offs each) in seconds."""
    line = private_key.public_key().public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)
    public_key = base64.b64decode(line.split()[1])
    signature = private_key.sign(signed_data(namespace, "sha512", message))
    return armor(public_key, namespace, "sha512", "ssh-ed25519", signature)
