"""The real `mkdocs build` with the doc-control plugin: refuses broken documents, keeps the old site."""
from __future__ import annotations

import json
import shutil
import unicodedata

import pytest
from support.repos import (BASE_FILES, REVIEW2026, Q, close_open_records,
                           mkdocs_build, site_repo)


@pytest.fixture
def built(tmp_path):
    repo = site_repo(tmp_path / "repo")
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr
    return repo


def test_build_publishes_pages_and_manifest(built):
    manifest = json.loads((built.root / "site" / "manifest.json").read_text(encoding="utf-8"))
    codes = {d["code"]: d for d in manifest["documents"]}
    assert set(codes) == {"QT.01", "BM.01", "KH.2026"}
    qt01 = codes["QT.01"]
    assert (qt01["kind"], qt01["revision"], qt01["status"], qt01["effective"], qt01["unit"]) == \
        ("procedure", 2, "effective", "2026-02-02", "VP")
    page = (built.root / "site" / qt01["url"] / "index.html").read_text(encoding="utf-8")
    for text in ("Mã hiệu: <strong>QT.01</strong>", "Lần ban hành: <strong>02</strong>",
                 "Ngày hiệu lực: <strong>02/02/2026</strong>", "Văn phòng Sở", "Đang áp dụng",
                 "Soạn thảo", "Xem xét", "Phê duyệt", "Nguyễn Thị Khánh", "Theo dõi sửa đổi tài liệu",
                 "Ban hành lần đầu", "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH HÒA PHONG"):
        assert text in page, text
    # Section anchors a reader can share keep the đ of "Mục đích" as d.
    assert 'id="1-muc-dich"' in page and 'id="theo-doi-sua-doi-tai-lieu"' in page
    master = (built.root / "site" / "danh-muc-tai-lieu" / "index.html").read_text(encoding="utf-8")
    assert "Danh mục tài liệu nội bộ" in master and "KH.2026" in master and "BM.01" in master
    assert not (built.root / "site.building").exists()


def test_search_indexes_content_not_control_boilerplate(built):
    """Sign-offs, issue history and print files repeat on every page: a search for 'ký duyệt'
    or a signer's name must not return every document. The content, legal basis and change
    table stay searchable."""
    raw = (built.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Quy trình kiểm soát" in raw, "the index is written as UTF-8, not \\u-escaped"
    index = json.loads(raw)
    titles = {e["title"] for e in index["docs"] if e["location"].startswith("tai-lieu/qt-01/")}
    assert {"1. Mục đích", "Căn cứ pháp lý", "Theo dõi sửa đổi tài liệu"} <= titles
    assert not titles & {"Ký duyệt", "Lịch sử ban hành", "Bản in", "Sổ theo dõi phân phối"}
    assert not any("Nguyễn Thị Khánh" in e["text"] for e in index["docs"] if e["location"].startswith("tai-lieu/"))
    page = (built.root / "site" / "tai-lieu" / "qt-01" / "index.html").read_text(encoding="utf-8")
    assert 'id="ky-duyet"' in page and "{ data-search-exclude }" not in page
    # Lists of documents show every title but are not search results themselves.
    master = [e for e in index["docs"] if e["location"].startswith("danh-muc-tai-lieu/")]
    assert master and not any("BM.01" in e["text"] for e in master)
    listing = (built.root / "site" / "danh-muc-tai-lieu" / "index.html").read_text(encoding="utf-8")
    assert "<table>" in listing and "BM.01" in listing


def test_broken_document_fails_build_and_keeps_published_site(built):
    before = (built.root / "site" / "manifest.json").read_bytes()
    built.edit(Q, "revision: 2", "revison: 2")
    result = mkdocs_build(built.root)
    assert result.returncode != 0
    assert f"{Q}:6: LỖI [unknown-key]" in result.stderr
    assert "Traceback" not in result.stderr
    assert (built.root / "site" / "manifest.json").read_bytes() == before
    assert not (built.root / "site.building").exists()

    built.edit(Q, "revison: 2", "revision: 2")
    assert mkdocs_build(built.root).returncode == 0


def test_strict_mode_is_not_needed_to_fail(built):
    built.edit(Q, "approved: {by: ltminh", "approved: {by: nobody")
    assert mkdocs_build(built.root).returncode != 0
    assert mkdocs_build(built.root, "--strict").returncode != 0


def test_nfd_document_builds_identical_html(tmp_path):
    nfc = site_repo(tmp_path / "nfc")
    nfd = site_repo(tmp_path / "nfd", {k: unicodedata.normalize("NFD", v) for k, v in BASE_FILES.items()})
    for repo in (nfc, nfd):
        assert mkdocs_build(repo.root).returncode == 0
    for rel in ("tai-lieu/qt-01/index.html", "tai-lieu/bm-01/index.html", "manifest.json"):
        assert (nfd.root / "site" / rel).read_bytes() == (nfc.root / "site" / rel).read_bytes(), rel


def test_a_strict_build_stopped_by_a_warning_leaves_the_site_alone(built):
    """`make site` builds with --strict: MkDocs stops after the last event when a warning was
    logged (a guide page's broken link); the site published before must stay as it was."""
    before = (built.root / "site" / "manifest.json").read_bytes()
    guide = built.root / "site_config" / "docs" / "huong-dan" / "can-bo.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n[Trang không có](khong-co-trang-nay.md)\n",
                     encoding="utf-8")
    result = mkdocs_build(built.root, "--strict")
    assert result.returncode != 0
    assert "khong-co-trang-nay.md" in result.stderr and "Traceback" not in result.stderr
    assert (built.root / "site" / "manifest.json").read_bytes() == before
    assert not (built.root / "site.building").exists()


def test_links_publish_only_files_kept_with_the_documents(tmp_path):
    """A body may link its images and attachments; a link to the configuration, the signatures
    or anything outside the document folders publishes nothing."""
    repo = site_repo(tmp_path / "repo")
    repo.write("procedures/anh/so-do.png", b"\x89PNG\r\n\x1a\n")
    repo.write("procedures/.an/bi-mat.txt", "bí mật")
    repo.write("procedures/HD.05-huong-dan.md", "---\ncode: HD.05\nkind: guide\ntitle: Hướng dẫn có liên kết\n"
               "unit: VP\nrevision: 1\nstatus: draft\n---\n![Sơ đồ](anh/so-do.png)\n\n"
               "[Cấu hình](../site_config/organisation.yml) [Ẩn](.an/bi-mat.txt) [Git](../.git/config)\n")
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr
    published = {p.relative_to(repo.root / "site").as_posix() for p in (repo.root / "site").rglob("*") if p.is_file()}
    assert "tai-lieu/anh/so-do.png" in published
    assert not any(p.endswith(("organisation.yml", "bi-mat.txt")) or p.endswith(".git/config") for p in published)


def test_a_record_publishes_the_scan_it_links(tmp_path):
    """A record's body may link a scan of the signed minute kept beside it: published beside the
    record's page, so the link works; a link out of the records folder publishes nothing."""
    repo = site_repo(tmp_path / "repo")
    repo.write("records/2026/scan/bien-ban.pdf", b"%PDF-1.4 scan")
    repo.write("records/2026/XXLD-2026-02-hop-bat-thuong.md", REVIEW2026.replace("XXLD-2026-01", "XXLD-2026-02").replace(
        "Biên bản họp.", "Biên bản họp. [Bản quét có chữ ký](scan/bien-ban.pdf) [Khóa](../../signatures/x.txt)"))
    close_open_records(repo.root)
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr
    assert (repo.root / "site" / "ho-so" / "2026" / "scan" / "bien-ban.pdf").read_bytes() == b"%PDF-1.4 scan"
    page = (repo.root / "site" / "ho-so" / "2026" / "xxld-2026-02" / "index.html").read_text(encoding="utf-8")
    assert 'href="../scan/bien-ban.pdf"' in page


def test_a_body_never_publishes_what_a_browser_would_run(tmp_path):
    """Pages, scripts and SVGs that carry script stay unpublished, and a link climbing out of its
    section cannot put a file at another published address; an inert SVG (as Word keeps) is fine."""
    repo = site_repo(tmp_path / "repo")
    repo.write("records/2026/bang-chung.html", "<script>alert(document.cookie)</script>")
    repo.write("records/2026/so-do.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    repo.write("records/2026/ve.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    repo.write("records/2026/hinh.svg", '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>')
    repo.write("records/tai-lieu/qt-01/QT.01.docx", b"PK fake")
    repo.write("records/2026/sub/XXLD-2026-02-hop.md", REVIEW2026.replace("XXLD-2026-01", "XXLD-2026-02").replace(
        "Biên bản họp.", "[a](../bang-chung.html) ![b](../so-do.svg) ![c](../ve.svg) ![d](../hinh.svg) "
        "[e](../../tai-lieu/qt-01/QT.01.docx)"))
    close_open_records(repo.root)
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr
    published = {p.relative_to(repo.root / "site").as_posix() for p in (repo.root / "site").rglob("*") if p.is_file()}
    assert not any(p.endswith(("bang-chung.html", "so-do.svg", "ve.svg")) for p in published)
    assert "tai-lieu/qt-01/QT.01.docx" not in published
    assert "ho-so/hinh.svg" in published or any(p.endswith("hinh.svg") for p in published)


def test_a_strict_build_publishes_despite_warnings_of_the_checks(tmp_path):
    """`make site` builds with --strict: MkDocs' own warnings refuse to publish, the checks'
    warnings (a yearly duty overdue) are printed and do not."""
    repo = site_repo(tmp_path / "repo")
    shutil.rmtree(repo.root / "records")
    result = mkdocs_build(repo.root, "--strict")
    assert result.returncode == 0, result.stderr
    assert "[internal-audit-overdue]" in result.stderr and (repo.root / "site" / "index.html").is_file()
