"""`qms serve`, the preview for editing: a real server on 127.0.0.1 over a real git repository,
edited as a controller edits. Drafts and documents with errors render under the banner with
their findings, lists follow every edit, a broken file never stops the server, and the
published build still refuses what the preview shows."""
from __future__ import annotations

import re
import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest

from support.preview import BANNER, Preview, fetch
from support.repos import mkdocs_build, site_repo


@pytest.fixture
def preview(tmp_path):
    repo = site_repo(tmp_path / "repo")
    server = Preview(repo.root)
    yield repo, server
    server.stop()


def banner_of(html: str) -> str:
    found = re.search(r'<div class="admonition danger qms-preview".*?</div>', html, re.S)
    return found.group(0) if found else ""


def test_a_clean_repository_previews_without_banner(preview):
    repo, server = preview
    html = server.page("/tai-lieu/qt-01/")
    assert "Đề nghị soạn thảo" in html and BANNER not in html
    assert '<script src="/.qms-preview/reload.js"' in html       # the page reloads itself after a save
    assert "location.reload" in server.page("/.qms-preview/reload.js")


def test_an_edit_of_an_approved_document_shows_with_its_finding_and_line(preview):
    """The controller edits the effective procedure before it is re-issued: the page shows the
    new text, under the banner, with the rule, the line and what to do."""
    repo, server = preview
    repo.edit("procedures/QT.01-kiem-soat-tai-lieu.md", "Đề nghị soạn thảo", "Đề nghị soạn thảo MỚI SỬA")
    html = server.until("/tai-lieu/qt-01/", lambda h: "MỚI SỬA" in h)
    banner = banner_of(html)
    assert BANNER in banner and "LỖI" in banner
    # the same findings as `qms check`, each with its rule and line
    _, expected = repo.findings()
    own = [f for f in expected if f["path"] == "procedures/QT.01-kiem-soat-tai-lieu.md"]
    assert own and any(f["severity"] == "error" for f in own)
    shown = re.findall(r"<code>([^<]+)</code> dòng (\d+)", banner)
    assert sorted(shown) == sorted((f["rule"], str(f["line"])) for f in own)
    # every page says the system has errors and links to the list of findings
    home = server.page("/")
    assert "ket-qua-kiem-tra/" in home
    findings = server.page("/ket-qua-kiem-tra/")
    assert all(f["rule"] in findings for f in expected) and "procedures/QT.01-kiem-soat-tai-lieu.md" in findings


def test_a_draft_previews_under_the_banner_and_joins_the_lists(preview):
    repo, server = preview
    repo.write("procedures/HD.05-huong-dan.md", "---\ncode: HD.05\nkind: guide\ntitle: Hướng dẫn vừa soạn\n"
               "unit: VP\nrevision: 1\nstatus: draft\n---\nGửi cho <ten-don-vi> vừa soạn.\n")
    html = server.until("/tai-lieu/hd-05/", lambda h: "Hướng dẫn vừa soạn" in h)
    banner = banner_of(html)
    assert BANNER in banner and "dự thảo" in banner
    assert "hidden-tag" in banner and "&lt;ten-don-vi&gt;" in banner      # its finding, escaped
    assert "<ten-don-vi>" not in banner
    server.until("/danh-muc-tai-lieu/", lambda h: "Hướng dẫn vừa soạn" in h and "../tai-lieu/hd-05/" in h)


def test_a_title_edit_reaches_every_list(preview):
    repo, server = preview
    repo.edit("procedures/QT.01-kiem-soat-tai-lieu.md", "title: ", "title: Tên mới xyz ")
    server.until("/danh-muc-tai-lieu/", lambda h: "Tên mới xyz" in h)
    procedures = server.page("/loai/quy-trinh/")
    # a kind with few documents lists them in its section of the sidebar: the navigation follows
    sidebar = procedures.split('<div class="md-content"', 1)[0]
    assert "Tên mới xyz" in sidebar and "Tên mới xyz" in procedures.split('<div class="md-content"', 1)[1]


def test_a_deleted_document_leaves_the_lists_and_its_page(preview):
    repo, server = preview
    assert "tai-lieu/bm-01/" in server.page("/danh-muc-tai-lieu/")
    assert fetch(server.base + "/tai-lieu/bm-01/")[0] == 200
    (repo.root / "forms" / "BM.01-phieu-de-nghi.md").unlink()
    server.until("/danh-muc-tai-lieu/", lambda h: "tai-lieu/bm-01/" not in h and "qms-preview" in h)
    assert "tai-lieu/bm-01/" not in server.page("/loai/bieu-mau/")
    assert fetch(server.base + "/tai-lieu/bm-01/")[0] == 404
    # the procedure that names the form now has a finding: the preview says so on its page
    assert "BM.01" in banner_of(server.page("/tai-lieu/qt-01/"))


def test_a_broken_file_never_stops_the_preview(preview):
    """Half-saved YAML: the finding shows, the other pages still serve, and the fix is taken in."""
    repo, server = preview
    path = "procedures/QT.01-kiem-soat-tai-lieu.md"
    good = repo.read(path)
    repo.write(path, good.replace("title: ", "title: [unclosed ", 1))
    server.until("/ket-qua-kiem-tra/", lambda h: path in h)
    assert fetch(server.base + "/danh-muc-tai-lieu/")[0] == 200
    repo.write(path, good)
    server.until("/ket-qua-kiem-tra/", lambda h: "Không có lỗi" in h)
    assert BANNER not in server.page("/tai-lieu/qt-01/")


def test_the_pdf_of_a_document_downloads_from_the_preview(preview):
    repo, server = preview
    html = server.page("/tai-lieu/qt-01/")
    pdf = re.search(r'href="([^"]+\.pdf)"', html).group(1)
    with urllib.request.urlopen(server.base + "/tai-lieu/qt-01/" + pdf, timeout=120) as response:
        assert response.read(5) == b"%PDF-"


def test_the_published_build_still_refuses_what_the_preview_shows(tmp_path):
    repo = site_repo(tmp_path / "repo")
    repo.edit("procedures/QT.01-kiem-soat-tai-lieu.md", "Đề nghị soạn thảo", "Đề nghị soạn thảo MỚI SỬA")
    result = mkdocs_build(repo.root)
    assert result.returncode != 0
    assert "approval-fingerprint" in result.stderr and "Không xuất bản" in result.stderr
    assert not (repo.root / "site" / "tai-lieu").exists()


def test_the_preview_serves_nothing_outside_the_site(preview):
    """Raw requests with '..' (browsers normalise them, other clients do not) get a 404."""
    repo, server = preview
    (repo.root / "secret.txt").write_text("bí mật", encoding="utf-8")
    for path in ("/../secret.txt", "/../../etc/passwd", "/tai-lieu/../../secret.txt", "/tai-lieu/qt-01/../../../secret.txt",
                 "/tai-lieu/qt-01/..%2F..%2F..%2Fsecret.txt", "/../../../../etc/passwd.pdf", "/" + "../" * 12 + "etc/passwd",
                 "/" + "../" * 12 + "etc/hostname", "/./index.html"):
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as conn:
            conn.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
            answer = b""
            while chunk := conn.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.0 404"), (path, answer[:100])
        assert "bí mật".encode() not in answer and b"root:" not in answer


def test_a_foreign_host_name_and_hidden_files_are_refused(preview):
    repo, server = preview
    request = urllib.request.Request(server.base + "/", headers={"Host": "evil.example:%d" % server.port})
    try:
        urllib.request.urlopen(request, timeout=30)
        raise AssertionError("a foreign Host was served")
    except urllib.error.HTTPError as exc:
        assert exc.code == 403
    assert fetch(server.base + "/assets/.an")[0] == 404


def test_a_linked_image_deleted_is_a_404_not_a_crash(preview):
    repo, server = preview
    repo.write("procedures/anh/so-do.png", b"\x89PNG\r\n\x1a\n")
    repo.edit("procedures/QT.01-kiem-soat-tai-lieu.md", "Đề nghị soạn thảo", "![Sơ đồ](anh/so-do.png) Đề nghị soạn thảo")
    html = server.until("/tai-lieu/qt-01/", lambda h: "so-do.png" in h)
    src = re.search(r'src="([^"]*so-do\.png)"', html).group(1)
    url = urllib.parse.urljoin(server.base + "/tai-lieu/qt-01/", src)     # as a browser resolves it
    assert fetch(url)[0] == 200
    (repo.root / "procedures" / "anh" / "so-do.png").unlink()
    assert fetch(url)[0] == 404
    assert server.process.poll() is None
