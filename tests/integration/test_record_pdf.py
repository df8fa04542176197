"""A closed record printed on its form's layout (issue 19, item 5), read back from real PDFs: real
pandoc, real typst, a real git history for the form's older issue, a real `mkdocs build`, pypdf."""
from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import pytest
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from support.certs import AGENCY, PASSWORD, make_certificate, use_certificate
from support.gitutil import commit_all, init
from support.pdfutil import all_text, decode_qr, reader
from support.records import ACTION, AUDIT
from support.records import RECORDS as SHARED
from support.records import close_record, write_records
from support.repos import BM01, TODAY, copy_sample, make_repo, mkdocs_build

from builder.addresses import record_page_url, record_pdf_path
from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.markup.render import render_body
from builder.pdf.build import build_site_files
from builder.pdf.record import record_targets
from builder.records.loader import parse_record
from builder.records.sections import record_sections, written_date

FINDING = "Sổ theo dõi hồ sơ đến chưa được cập nhật từ tháng 6/2026."
BASE_URL = "https://iso.skhcn.hoaphong.gov.vn/"
# The valid audit and corrective action of tests/support/records.py, the finding worded as printed here.
RECORDS = {rel: SHARED[rel].replace("Sổ theo dõi hồ sơ chưa cập nhật từ tháng 6.", FINDING) for rel in (AUDIT, ACTION)}


def sample_with_records(root):
    """The sample system with a closed audit report (closed on 22/10/2026 by the director) and
    the open corrective action raised from its nonconformity."""
    repo = copy_sample(root)
    write_records(root, RECORDS)
    close_record(root, AUDIT, by="ltminh", when="2026-10-22")
    return repo


def by_id(catalog, record_id):
    return catalog.records.get(record_id)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Both records asked for through the site's print entry point: only the closed one prints."""
    base = tmp_path_factory.mktemp("record-pdf")
    repo = sample_with_records(base / "repo")
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    closed, open_ = by_id(catalog, "DGNB-2026-01"), by_id(catalog, "KP-2026-01")
    paths = {record_pdf_path(closed), record_pdf_path(open_)}
    assert build_site_files(catalog, base / "site", only=paths) == []
    return {"repo": repo, "site": base / "site", "catalog": catalog, "closed": closed, "open": open_}


def test_only_closed_records_are_printed(printed):
    closed, open_ = printed["closed"], printed["open"]
    assert set(record_targets(printed["catalog"])) == {record_pdf_path(closed)}
    assert record_pdf_path(closed) == "ho-so/2026/dgnb-2026-01/DGNB-2026-01.pdf"
    assert (printed["site"] / record_pdf_path(closed)).is_file()
    assert not (printed["site"] / record_pdf_path(open_)).exists()


def test_the_pdf_carries_the_form_header_content_and_signatures(printed):
    pdf = (printed["site"] / record_pdf_path(printed["closed"])).read_bytes()
    text = all_text(pdf)
    first = reader(pdf).pages[0].extract_text()
    # the control header of the form's issue the record was made on (BM.08, issue 2 of 02/02/2026)
    for expected in ("Mã hiệu: BM.08", "Lần ban hành: 02", "Ngày hiệu lực: 02/02/2026", "BÁO CÁO ĐÁNH GIÁ NỘI BỘ",
                     "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH HÒA PHONG"):
        assert expected in first, expected
    # the record and its content, as the site shows it
    for expected in ("Số hồ sơ: DGNB-2026-01", "Báo cáo đánh giá nội bộ năm 2026", "Văn phòng Sở", "20/10/2026",
                     FINDING, "Sự không phù hợp", "7.5.3", "Phòng Kế hoạch - Tài chính",
                     "từ 05/10/2026 đến 16/10/2026", "Đoàn đánh giá đã đánh giá hai phòng theo kế hoạch"):
        assert expected in text, expected
    # the signatures: who closed it (name, position), the closing date in full, the auditors
    for expected in ("Ký đóng hồ sơ ngày 22 tháng 10 năm 2026", "NGƯỜI KÝ ĐÓNG", "Lê Thành Minh", "Giám đốc",
                     "CHUYÊN GIA ĐÁNH GIÁ", "Hoàng Minh Đức", printed["closed"].closed.fingerprint):
        assert expected in text, expected
    # a record is not a controlled document: no control stamp
    assert "KIỂM SOÁT" not in text


def test_the_qr_code_opens_the_record_page(printed):
    pdf = (printed["site"] / record_pdf_path(printed["closed"])).read_bytes()
    url = BASE_URL + record_page_url(printed["closed"])
    assert decode_qr(pdf, 0) == [url]
    assert "DGNB-2026-01 - Hồ sơ lập theo biểu mẫu BM.08 lần ban hành 02" in reader(pdf).metadata.subject


def test_an_unchanged_record_is_not_rendered_again(printed, tmp_path):
    catalog = load_catalog(printed["repo"].root, parse_date(TODAY), with_git=False)
    path = record_pdf_path(by_id(catalog, "DGNB-2026-01"))
    assert build_site_files(catalog, tmp_path, only={path}) == []
    assert catalog.memo("pdf_stats", dict)["rendered"] == 0
    assert (tmp_path / path).read_bytes() == (printed["site"] / path).read_bytes()


def test_sections_show_record_text_literally(printed):
    """Markup in a record's values is text, on the page and on paper."""
    raw = RECORDS[ACTION].replace("cause: Chưa phân công", "cause: <b>Chưa</b> | *phân công*")
    record, _ = parse_record(ACTION, raw.encode("utf-8"))
    html = "".join(render_body(part).html for part in record_sections(record, printed["catalog"]))
    assert "&lt;b&gt;Chưa&lt;/b&gt; | *phân công*" in html
    assert "<b>" not in html


def test_dates_are_written_in_full_as_decree_30_writes_them():
    assert written_date(parse_date("2026-10-22")) == "ngày 22 tháng 10 năm 2026"
    assert written_date(parse_date("2014-03-05")) == "ngày 05 tháng 3 năm 2014"
    assert written_date(parse_date("2026-02-04")) == "ngày 04 tháng 02 năm 2026"


BM01_REV2 = (BM01.replace("revision: 1", "revision: 2")
             .replace("effective: 2026-02-02", "effective: 2026-09-01")
             .replace("title: Phiếu đề nghị soạn thảo, sửa đổi tài liệu",
                      "title: Phiếu đề nghị soạn thảo, sửa đổi, hủy bỏ tài liệu")
             .replace("  - {revision: 1, date: 2026-02-02, description: Ban hành lần đầu}\n",
                      "  - {revision: 1, date: 2026-02-02, description: Ban hành lần đầu}\n"
                      "  - {revision: 2, date: 2026-09-01, description: Bổ sung đề nghị hủy bỏ}\n"))
OLD_FORM_RECORD = """---
id: KP-2026-05
kind: corrective_action
title: Bổ sung danh mục tài liệu nội bộ
unit: VP
date: 2026-05-12
form: {code: BM.01, revision: 1}
procedure: QT.01
status: open
source: {type: monitoring}
description: Danh mục tài liệu nội bộ thiếu hai hướng dẫn mới.
action: Bổ sung danh mục và thông báo các đơn vị.
responsible: VP
due: 2026-05-30
verification: {by: phthu, date: 2026-06-05, result: effective}
---
"""


def test_a_record_made_on_an_older_form_issue_prints_that_issue(tmp_path):
    """BM.01 issue 1 (in force from 02/02/2026) committed, then issue 2 from 01/09/2026; a record
    of May is printed under issue 1's header, with issue 1's title and date."""
    repo = make_repo(tmp_path / "repo", approved=False)
    init(repo.root)
    repo.write("forms/BM.01-phieu-de-nghi.md", BM01_REV2)
    commit_all(repo.root, "BM.01 lần ban hành 2")
    repo.write("records/2026/KP-2026-05-bo-sung-danh-muc.md", OLD_FORM_RECORD)
    close_record(repo.root, "records/2026/KP-2026-05-bo-sung-danh-muc.md", by="ltminh", when="2026-06-08")
    commit_all(repo.root, "Hồ sơ KP-2026-05")
    catalog = load_catalog(repo.root, parse_date(TODAY))
    record = by_id(catalog, "KP-2026-05")
    assert catalog.get("BM.01").revision == 2
    assert build_site_files(catalog, tmp_path / "site", only={record_pdf_path(record)}) == []
    pdf = (tmp_path / "site" / record_pdf_path(record)).read_bytes()
    first, text = reader(pdf).pages[0].extract_text(), all_text(pdf)
    assert "Lần ban hành: 01" in first and "Ngày hiệu lực: 02/02/2026" in first
    assert "PHIẾU ĐỀ NGHỊ SOẠN THẢO, SỬA ĐỔI TÀI LIỆU" in first
    assert "HỦY BỎ" not in text and "01/09/2026" not in text
    # a corrective action is signed by who verified it, then by who closed it
    for expected in ("NGƯỜI XÁC NHẬN", "Phạm Hoài Thu", "05/06/2026", "Lê Thành Minh",
                     "Ký đóng hồ sơ ngày 08 tháng 6 năm 2026"):
        assert expected in text, expected


def test_mkdocs_build_publishes_the_closed_record_pdf_only(tmp_path):
    repo = sample_with_records(tmp_path / "repo")
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr[-3000:]
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    closed, open_ = by_id(catalog, "DGNB-2026-01"), by_id(catalog, "KP-2026-01")
    site = repo.root / "site"
    assert not (site / record_pdf_path(open_)).exists()
    text = all_text((site / record_pdf_path(closed)).read_bytes())
    assert "Lần ban hành: 02" in text and "DGNB-2026-01" in text and "Lê Thành Minh" in text
    assert sorted(p.name for p in (site / "ho-so").rglob("*.pdf")) == ["DGNB-2026-01.pdf"]


def test_with_the_agency_certificate_the_record_pdf_is_signed(tmp_path, monkeypatch):
    """Like every published PDF: signed (PAdES) over the whole file, and cached signed."""
    repo = sample_with_records(tmp_path / "repo")
    p12, ca = make_certificate(tmp_path / "ca")
    use_certificate(repo.root, p12, "QMS_TEST_P12_PASSWORD")
    monkeypatch.setenv("QMS_TEST_P12_PASSWORD", PASSWORD)
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    path = record_pdf_path(by_id(catalog, "DGNB-2026-01"))
    assert build_site_files(catalog, tmp_path / "site", only={path}) == []
    pdf = (tmp_path / "site" / path).read_bytes()
    signature = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    context = ValidationContext(trust_roots=[load_cert_from_pemder(ca)])
    with ThreadPoolExecutor(1) as pool:     # pyHanko runs asyncio.run(): keep it off any running loop
        status = pool.submit(validate_pdf_signature, signature, context).result()
    assert status.intact and status.valid and status.trusted and status.coverage.name == "ENTIRE_FILE"
    assert signature.signer_cert.subject.native["common_name"] == AGENCY
    again = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    assert build_site_files(again, tmp_path / "site2", only={path}) == []
    assert (tmp_path / "site2" / path).read_bytes() == pdf
