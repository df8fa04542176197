"""Published PDFs and controlled copies signed with the agency's certificate (PAdES), checked with
pyHanko and with poppler's pdfsig; the stamp and copy number lie inside the signed bytes."""
from __future__ import annotations

import io
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from support.certs import AGENCY, PASSWORD, make_certificate, use_certificate
from support.gitutil import init
from support.pdfutil import all_text

ENV = "QMS_TEST_P12_PASSWORD"


@pytest.fixture
def certified(repo, tmp_path, monkeypatch):
    p12, ca = make_certificate(tmp_path / "ca")          # outside the repository, as in real use
    use_certificate(repo.root, p12, ENV)
    monkeypatch.setenv(ENV, PASSWORD)
    init(repo.root)
    return repo, ca


def validate(signature, ca):
    """pyHanko's validation, in a thread of its own: it runs asyncio.run(), which cannot start
    while the browser tests' Playwright loop is running in this thread."""
    context = ValidationContext(trust_roots=[load_cert_from_pemder(ca)])
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(validate_pdf_signature, signature, context).result()


def certificate_line(repo) -> int:
    lines = repo.read("site_config/organisation.yml").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.startswith("certificate:"))


def check_signature(pdf: bytes, ca) -> tuple[int, int]:
    """Validate with pyHanko against the test CA; return the signed byte ranges' gap (start, end)."""
    reader = PdfFileReader(io.BytesIO(pdf))
    assert len(reader.embedded_signatures) == 1
    signature = reader.embedded_signatures[0]
    status = validate(signature, ca)
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.coverage.name == "ENTIRE_FILE"
    assert signature.signer_cert.subject.native["common_name"] == AGENCY
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"        # PAdES baseline
    start, first, second, rest = (int(x) for x in signature.sig_object["/ByteRange"])
    assert start == 0 and second + rest == len(pdf)
    return first, second


def pdfsig(path):
    if shutil.which("pdfsig") is None:
        pytest.fail("pdfsig missing: the test set-up installs poppler-utils (tests/support/debian.py)")
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def test_controlled_copy_is_signed_over_its_stamp(certified, tmp_path):
    repo, ca = certified
    result = repo.qms("issue-copy", "QT.01", "--to", "KHTC", "--copies", "2", "--by", "phthu",
                      "--output", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert f"ký số bằng chứng thư số của {AGENCY}" in result.output
    path = tmp_path / "out" / "QT.01-lan-02-ban-so-02.pdf"
    pdf = path.read_bytes()
    gap_start, _ = check_signature(pdf, ca)
    stamp_at = pdf.rindex(b"/QmsStamp")                 # the stamp's incremental update...
    assert stamp_at < gap_start                           # ...lies inside the first signed range
    text = all_text(pdf)
    assert "BẢN KIỂM SOÁT" in text and "02" in text and "Phòng Kế hoạch - Tài chính" in text
    report = pdfsig(path)
    assert "Signature is Valid." in report and "Total document signed" in report, report
    assert AGENCY in report


def test_changing_a_signed_copy_breaks_its_signature(certified, tmp_path):
    repo, ca = certified
    repo.qms("issue-copy", "QT.01", "--to", "KHTC", "--by", "phthu", "--output", str(tmp_path / "out"))
    path = tmp_path / "out" / "QT.01-lan-02-ban-so-01.pdf"
    pdf = bytearray(path.read_bytes())
    at = pdf.index(b"/QmsStamp")
    pdf[at + 1:at + 4] = b"Qms"[::-1]                     # one changed byte inside the signed range
    path.write_bytes(bytes(pdf))
    status = validate(PdfFileReader(io.BytesIO(bytes(pdf))).embedded_signatures[0], ca)
    assert not status.intact
    assert "Signature is Valid." not in pdfsig(path)


def test_published_pdfs_are_signed(certified, tmp_path):
    repo, ca = certified
    result = repo.qms("pdf", "QT.01", "BM.01", "--output", str(tmp_path / "in"))
    assert result.exit_code == 0, result.output
    for name in ("QT.01-lan-02.pdf", "BM.01-lan-01.pdf"):
        check_signature((tmp_path / "in" / name).read_bytes(), ca)
        assert "Signature is Valid." in pdfsig(tmp_path / "in" / name)


def test_unusable_certificate_publishes_nothing_unsigned(certified, tmp_path, monkeypatch):
    repo, _ = certified
    monkeypatch.setenv(ENV, "sai-mat-khau")
    result = repo.qms("pdf", "QT.01", "--output", str(tmp_path / "in"))
    assert result.exit_code == 1 and "sai mật khẩu" in result.output
    rule = "pdf-certificate"
    assert f"site_config/organisation.yml:{certificate_line(repo)}: LỖI [{rule}]" in result.output
    assert not (tmp_path / "in" / "QT.01-lan-02.pdf").exists()
    monkeypatch.delenv(ENV)
    result = repo.qms("issue-copy", "QT.01", "--to", "KHTC", "--by", "phthu", "--output", str(tmp_path / "out"))
    assert result.exit_code == 1 and f"Chưa đặt biến môi trường {ENV}" in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    assert not (repo.root / "registers" / "distribution.csv").exists()


def test_without_a_certificate_the_pdfs_say_once_they_are_unsigned(repo, tmp_path):
    init(repo.root)
    result = repo.qms("pdf", "QT.01", "--output", str(tmp_path / "in"))
    assert result.exit_code == 0 and result.output.count("chưa có chữ ký số") == 1
    assert not PdfFileReader(io.BytesIO((tmp_path / "in" / "QT.01-lan-02.pdf").read_bytes())).embedded_signatures
