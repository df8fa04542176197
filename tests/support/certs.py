"""A test CA and an agency certificate made at test time (never committed): the PKCS#12 file
an agency would get from its certification authority, and the CA a verifier trusts."""
from __future__ import annotations

import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

AGENCY = "Sở Khoa học và Công nghệ tỉnh Hòa Phong"
PASSWORD = "mat-khau-thu-nghiem"


def _usage(ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=True, content_commitment=not ca, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """(agency.p12 protected by PASSWORD, ca.pem) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA thử nghiệm (chỉ dùng cho kiểm thử)")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(1).not_valid_before(start).not_valid_after(start + datetime.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(_usage(True), critical=True).sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, AGENCY),
                      x509.NameAttribute(NameOID.COMMON_NAME, AGENCY)])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(ca_name).public_key(key.public_key())
            .serial_number(2).not_valid_before(start).not_valid_after(start + datetime.timedelta(days=1000))
            .add_extension(_usage(False), critical=True).sign(ca_key, hashes.SHA256()))
    p12 = folder / "agency.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"agency", key, cert, [ca], serialization.BestAvailableEncryption(PASSWORD.encode())))
    pem = folder / "ca.pem"
    pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return p12, pem


def use_certificate(root: Path, p12: Path, password_env: str = "QMS_TEST_P12_PASSWORD") -> None:
    """Name the certificate in the repository's organisation.yml (its file stays outside the repository)."""
    path = Path(root) / "site_config" / "organisation.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"\ncertificate:\n  file: {p12}\n  password_env: {password_env}\n",
                    encoding="utf-8")
