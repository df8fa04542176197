"""The yearly QMS report (issue 20, item 1): `qms report --year 2026` on a copy of the sample writes
the PDF and the DOCX; the PDF read back (pypdf) and the DOCX (python-docx) hold every figure of
`yearly_figures` as the report prints it, the Nghị định 30 header and the signature block; the site
page built by the real `mkdocs build` shows the same values, links each figure's sources to their
record or document pages and publishes the two files. A record title holding a script shows as
text on the page, in the PDF and in the DOCX. Real pandoc, typst and MkDocs."""
from __future__ import annotations

import html
import io
import posixpath
import re

import docx
import pytest
from support.pdfutil import all_text, flat
from support.repos import TODAY, copy_sample, make_repo, mkdocs_build

from builder.addresses import page_uri, page_url_of, record_page_uri
from builder.catalog import load_catalog, published_view
from builder.documents.dates import parse_date
from builder.reporting.figures import flat as flat_figures
from builder.reporting.figures import yearly_figures
from builder.reporting.header import report_header
from builder.reporting.paths import report_page_uri, report_site_path
from builder.reporting.report import report_markdown
from builder.reporting.values import figure_text, value_text

ACTION = "records/2026/KP-2026-02-ho-so-tre-han-khong-co-phieu-xin-loi-va-hen-lai-ngay-tra-ket-qua.md"
TITLE = "title: Hồ sơ trễ hạn không có Phiếu xin lỗi và hẹn lại ngày trả kết quả"
PAYLOAD = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A copy of the sample whose overdue corrective action has a script in its title, after
    `qms report --year 2026` and a real site build; (repo, catalog, command output)."""
    repo = copy_sample(tmp_path_factory.mktemp("report") / "repo")
    repo.edit(ACTION, TITLE, f"title: {PAYLOAD} Hồ sơ trễ hạn không có Phiếu xin lỗi")
    result = repo.qms("report", "--year", "2026")
    assert result.exit_code == 0, result.output
    build = mkdocs_build(repo.root)
    assert build.returncode == 0, build.stderr[-3000:]
    catalog = published_view(load_catalog(repo.root, parse_date(TODAY), base_ref=None))
    return repo, catalog, result.output


def figures(catalog):
    return [f for section in yearly_figures(catalog, 2026) for f in section.figures]


def row_text(f) -> str:
    """A figure's row of the printed table: label, value, sources (or a dash)."""
    return flat(f"{f.label} {figure_text(f)} {', '.join(s.ref for s in f.sources) or '—'}")


# --- the command and the printed files --------------------------------------------------------

def test_report_writes_the_pdf_and_the_docx_into_the_print_folder(built):
    repo, _, output = built
    for name in ("BC-HTQLCL-2026.pdf", "BC-HTQLCL-2026.docx"):
        assert (repo.root / "ban-in" / name).is_file()
        assert name in output
    assert (repo.root / "ban-in" / "BC-HTQLCL-2026.pdf").read_bytes().startswith(b"%PDF")


def test_the_pdf_holds_every_figure_with_the_value_the_report_prints(built):
    repo, catalog, _ = built
    text = all_text((repo.root / "ban-in" / "BC-HTQLCL-2026.pdf").read_bytes())
    values = flat_figures(yearly_figures(catalog, 2026))
    assert len(values) >= 40
    missing = [row_text(f) for f in figures(catalog) if row_text(f) not in text]
    assert missing == []
    # the formatting the report, the page and this test share
    assert "Tỷ lệ hoàn thành 83,3% KH.2026" in text
    assert "Tài liệu ban hành lần đầu 05 BM.09" in text
    assert "Quá hạn 01 KP-2026-02" in text


def test_the_pdf_has_the_layout_of_a_report_under_decree_30(built):
    repo, _, _ = built
    pdf = (repo.root / "ban-in" / "BC-HTQLCL-2026.pdf").read_bytes()
    first = flat(all_text(pdf)[:900])
    for part in ("ỦY BAN NHÂN DÂN TỈNH HÒA PHONG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH HÒA PHONG",
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "/BC-SKHCN",
                 "Hòa Phong, ngày 21 tháng 11 năm 2026", "BÁO CÁO",
                 "Tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo TCVN ISO "
                 "9001:2015 năm 2026", "Kính gửi: Ủy ban nhân dân tỉnh Hòa Phong",
                 "Thực hiện Quyết định số 19/2014/QĐ-TTg", "Kế hoạch số 646/KH-UBND ngày 12/01/2026"):
        assert part in first, part
    text = all_text(pdf)
    tail = text[text.rindex("Nơi nhận:"):]
    for part in ("- Như trên;", "- Lưu: VT, TĐC.", "GIÁM ĐỐC", "Lê Thành Minh"):
        assert part in tail, part
    assert "II. ĐÁNH GIÁ CHUNG" in text and "III. KIẾN NGHỊ, ĐỀ XUẤT" in text
    assert "./." in text


def test_the_docx_holds_the_same_figures_header_and_signature(built):
    repo, catalog, _ = built
    document = docx.Document(io.BytesIO((repo.root / "ban-in" / "BC-HTQLCL-2026.docx").read_bytes()))
    rows = {tuple(flat(c.text) for c in row.cells[:2]) for table in document.tables for row in table.rows}
    missing = [(f.label, figure_text(f)) for f in figures(catalog) if (flat(f.label), figure_text(f)) not in rows]
    assert missing == []
    text = flat("\n".join([p.text for p in document.paragraphs]
                          + [c.text for t in document.tables for r in t.rows for c in r.cells]))
    for part in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Kính gửi: Ủy ban nhân dân tỉnh Hòa Phong",
                 "Nơi nhận:", "GIÁM ĐỐC", "Lê Thành Minh", PAYLOAD):
        assert part in text, part
    styles = {p.style.name for p in document.paragraphs}
    assert {"Tên loại văn bản", "Trích yếu", "Kính gửi"} <= styles    # site_config/print/bao-cao.docx


# --- the site page ----------------------------------------------------------------------------

def page(repo, year: int = 2026) -> str:
    return (repo.root / "site" / page_url_of(report_page_uri(year)) / "index.html").read_text(encoding="utf-8")


def test_the_page_shows_every_figure_with_the_same_value(built):
    repo, catalog, _ = built
    shown: dict[str, set[str]] = {}
    for key, value in re.findall(r'<span class="qms-value" data-figure="([^"]+)">([^<]*)</span>', page(repo)):
        shown.setdefault(key, set()).add(html.unescape(value))
    expected = {f.key: {figure_text(f)} for f in figures(catalog)}
    assert shown == expected


def row_links(page_html: str, key: str) -> set[str]:
    """The links in the table row that shows the figure `key`."""
    rows = [r for r in re.findall(r"<tr>(.*?)</tr>", page_html, re.S) if f'data-figure="{key}"' in r]
    assert rows, key
    return set(re.findall(r'<a href="([^"]+)"', rows[0]))


def test_the_page_links_each_figure_to_its_sources(built):
    repo, catalog, _ = built
    base = page_url_of(report_page_uri(2026))
    html_text = page(repo)
    overdue = catalog.records.get("KP-2026-02")
    expected = posixpath.relpath(page_url_of(record_page_uri(overdue)), base) + "/"
    assert expected in row_links(html_text, "actions.overdue")
    for f in figures(catalog):
        if not f.sources:
            continue
        links = row_links(html_text, f.key)
        targets = {posixpath.normpath(posixpath.join(base, link)) for link in links}
        for source in f.sources:
            record = catalog.records.get(source.ref)
            uri = record_page_uri(record) if record is not None else page_uri(catalog.get(source.ref))
            assert posixpath.normpath(page_url_of(uri)) in targets, (f.key, source.ref)
            assert (repo.root / "site" / page_url_of(uri) / "index.html").is_file()


def test_the_page_publishes_the_pdf_and_the_docx(built):
    repo, _, _ = built
    for ext in ("pdf", "docx"):
        path = report_site_path(2026, ext)
        assert (repo.root / "site" / path).is_file()
        assert f'href="BC-HTQLCL-2026.{ext}"' in page(repo)
    assert (repo.root / "site" / report_site_path(2026, "pdf")).read_bytes() == \
        (repo.root / "ban-in" / "BC-HTQLCL-2026.pdf").read_bytes()
    assert "bao-cao/2026/" in (repo.root / "site" / "index.html").read_text(encoding="utf-8")   # in the nav
    assert "qms report --year 2025" in page(repo, 2025)       # last year: a page, no files


def test_a_script_in_a_record_title_is_text_on_the_page_and_in_the_pdf(built):
    repo, _, _ = built
    html_text = page(repo)
    assert PAYLOAD not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert PAYLOAD in all_text((repo.root / "ban-in" / "BC-HTQLCL-2026.pdf").read_bytes())


# --- options, refusals, configuration ----------------------------------------------------------

def test_number_option_and_refusals(built, tmp_path):
    repo, _, _ = built
    out = tmp_path / "out"
    result = repo.qms("report", "--year", "2026", "--number", "215", "--format", "pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Số: 215/BC-SKHCN" in all_text((out / "BC-HTQLCL-2026.pdf").read_bytes())
    assert not (out / "BC-HTQLCL-2026.docx").exists()
    assert repo.qms("report", "--year", "2027").exit_code == 2            # a year that has not come
    edited = repo.root / "ban-in" / "BC-HTQLCL-2026.docx"
    edited.write_bytes(edited.read_bytes() + b"edited by the clerk")
    refused = repo.qms("report", "--year", "2026")
    assert refused.exit_code == 1 and "không ghi đè" in refused.output
    assert edited.read_bytes().endswith(b"edited by the clerk")


def test_the_header_without_configuration_and_with_a_deputy_signing(tmp_path):
    repo = make_repo(tmp_path / "repo")
    text = repo.read("site_config/records.yml")
    repo.write("site_config/records.yml", text[:text.index("\n# Báo cáo năm")] + "\n")
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    header = report_header(catalog, 2026)
    assert header.number == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-SKHCN"   # left for the văn thư
    assert header.place_date == "Hòa Phong, ngày 21 tháng 11 năm 2026"
    assert header.addressees == ("Ủy ban nhân dân tỉnh Hòa Phong",)      # the Sở KH&CN reports to the province
    assert header.recipients == ("Như trên", "Lưu: VT")
    assert (header.signer.authority, header.signer.position, header.signer.name) == ("", "GIÁM ĐỐC", "Lê Thành Minh")
    body = report_markdown(catalog, 2026)             # a small repository: no announcement, no surveys
    assert "Sở chưa công bố hệ thống phù hợp TCVN ISO 9001:2015." in body
    assert "Trong năm 2026, Sở chưa tổ chức khảo sát sự hài lòng của tổ chức, cá nhân." in body
    repo.write("site_config/records.yml", text[:text.index("\n# Báo cáo năm")] + "\nreport:\n  signer: nvhai\n")
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    signer = report_header(catalog, 2026).signer
    assert (signer.authority, signer.position, signer.name) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Hải")
    repo.write("site_config/records.yml", text[:text.index("\n# Báo cáo năm")] + "\nreport:\n  signr: nvhai\n")
    exit_code, found = repo.findings()
    assert any(f["rule"] == "unknown-key" and f["path"] == "site_config/records.yml" for f in found)


@pytest.mark.parametrize("value,unit,text", [(5, "", "05"), (19, "", "19"), (0, "", "0"), (1250, "", "1.250"),
                                             (83.3, "%", "83,3%"), (100.0, "%", "100%"), (None, "%", "chưa có số liệu"),
                                             ("2026-11-13", "", "13/11/2026"), ("không", "", "không")])
def test_how_values_are_written(value, unit, text):
    assert value_text(value, unit) == text
