"""The agency's digital signature (chữ ký số) on published PDFs and controlled copies.

When organisation.yml names a certificate (a PKCS#12 file kept outside git, its password in an
environment variable), every PDF the build publishes and every controlled copy is signed as a
PAdES signature (ETSI.CAdES.detached) with pyHanko. The signature is the last incremental update:
the stamp, the copy number and the receiving unit were laid over the master before it, so the
signed byte range covers exactly what is printed. Any standard reader (Adobe, Foxit, poppler's
pdfsig, the Ban Cơ yếu's tools) can check it.
"""
from __future__ import annotations

import asyncio
import hashlib
import io
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ec import (
    ECDSA, EllipticCurvePrivateKey)
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from cryptography.hazmat.primitives.serialization import load_der_private_key
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.general import get_pyca_cryptography_hash

from builder.findings.rule_texts import PDF_CERTIFICATE
from builder.organisation.config_file import ORG_FILE
from builder.organisation.model import Organisation

FIELD = "ChuKySoCoQuan"
RESERVED = 32768      # bytes kept for the signature container (certificate chain included)


class CertificateError(Exception):
    """The certificate cannot be used; the message says what to fix, in Vietnamese."""


class _Signer(signers.SimpleSigner):
    """pyHanko's SimpleSigner, with the private key parsed once instead of once per signature:
    a thousand PDFs then cost a thousand RSA signatures, not a thousand key loads."""

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        key = getattr(self, "_parsed", None)
        if key is None:
            key = self._parsed = load_der_private_key(self.signing_key.dump(), password=None)
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        hash_algorithm = get_pyca_cryptography_hash(digest_algorithm)
        if mechanism == "rsassa_pkcs1v15" and isinstance(key, RSAPrivateKey):
            return key.sign(data, PKCS1v15(), hash_algorithm)
        if mechanism == "ecdsa" and isinstance(key, EllipticCurvePrivateKey):
            return key.sign(data, ECDSA(hash_algorithm))
        return super().sign_raw(data, digest_algorithm)


@dataclass
class AgencySigner:
    signer: signers.SimpleSigner
    name: str
    fingerprint: str          # SHA-256 of the certificate: part of the cache key of signed files

    def sign(self, pdf: bytes, reason: str) -> bytes:
        """`pdf` with the agency's signature appended as an incremental update."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return self._sign(pdf, reason)
        # pyHanko signs through asyncio.run(), which cannot start inside a running event loop
        # (a caller that is itself asynchronous): sign in a thread of its own then.
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(self._sign, pdf, reason).result()

    def _sign(self, pdf: bytes, reason: str) -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        meta = signers.PdfSignatureMetadata(field_name=FIELD, md_algorithm="sha256", reason=reason,
                                            name=self.name, subfilter=fields.SigSeedSubFilter.PADES)
        return signers.sign_pdf(writer, meta, signer=self.signer, bytes_reserved=RESERVED).getvalue()


def certificate_path(root: Path, org: Organisation) -> Path | None:
    if org.certificate is None:
        return None
    path = Path(os.path.expanduser(org.certificate.file))
    return path if path.is_absolute() else Path(root) / path


def load_signer(root: Path, org: Organisation) -> AgencySigner | None:
    """The agency's signer, or None when organisation.yml names no certificate. Raises
    CertificateError when one is named but cannot be used (missing file, wrong password)."""
    path = certificate_path(root, org)
    if path is None:
        return None
    if not path.is_file():
        raise CertificateError(f"Không tìm thấy tệp chứng thư số {path} (khai báo ở certificate.file của "
                               "site_config/organisation.yml). Chép tệp .p12 vào máy dựng, ngoài kho git.")
    variable = org.certificate.password_env
    password = os.environ.get(variable) if variable else None
    if variable and password is None:
        raise CertificateError(f"Chưa đặt biến môi trường {variable} (mật khẩu của tệp chứng thư số {path.name}).")
    try:
        loaded = signers.SimpleSigner.load_pkcs12(str(path), passphrase=password.encode("utf-8") if password else None)
        signer = _Signer(loaded.signing_cert, loaded.signing_key, loaded.cert_registry) if loaded else None
    except (ValueError, OSError, TypeError) as exc:
        signer, why = None, str(exc)
    else:
        why = "" if signer else "không đọc được khóa trong tệp"
    if signer is None:
        raise CertificateError(f"Không mở được tệp chứng thư số {path.name} (sai mật khẩu hoặc tệp hỏng: {why}).")
    cert = signer.signing_cert
    name = cert.subject.native.get("common_name") or cert.subject.human_friendly
    return AgencySigner(signer, name, hashlib.sha256(cert.dump()).hexdigest())


def agency_signer(catalog) -> AgencySigner | None:
    """The signer, loaded once per catalog (the PKCS#12 file is read and decrypted once)."""
    return catalog.memo("agency-signer", lambda: load_signer(catalog.root, catalog.organisation))


def certificate_finding(root: Path, problem: str):
    """The finding for an unusable certificate, at the line of `certificate:` in organisation.yml."""
    try:
        lines = (Path(root) / ORG_FILE).read_text(encoding="utf-8").split("\n")
    except OSError:
        lines = []
    line = next((i for i, text in enumerate(lines, 1) if text.startswith("certificate:")), 1)
    return PDF_CERTIFICATE.finding(ORG_FILE, line, problem=problem)
