"""The constructs people used to GitHub write every day mean on the site and on paper what the
pull-request preview shows (CommonMark + GFM), read back from the built page and the PDF."""
from __future__ import annotations

import re

import pytest
from support.pdfutil import all_text
from support.repos import BASE_FILES, Q, QT01, mkdocs_build, site_repo

BODY = """
## 6. Cách viết quen thuộc

Các bước thực hiện:
- Tiếp nhận hồ sơ
  - Kiểm tra thành phần
    - Đối chiếu bản gốc
- Trả kết quả

Ký tự \\<tên đơn vị\\> giữ nguyên; số 19/2014/QĐ-TTg.

Dòng thứ nhất\\
dòng thứ hai sau ngắt dòng cứng.

| Bước | Nội dung |
|---|---|
| B1 | <ul><li>Nhận hồ sơ</li><li>Ghi sổ theo dõi</li></ul> |

Liên hệ https://dichvucong.gov.vn hoặc vanthu@skhcn.hoaphong.gov.vn.

> Trích dẫn thứ nhất.

> Trích dẫn thứ hai.

(4) Đoạn văn bắt đầu bằng số trong ngoặc.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    files = dict(BASE_FILES)
    files[Q] = QT01 + BODY
    repo = site_repo(tmp_path_factory.mktemp("meaning") / "repo", files)
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr[-3000:]
    return repo


def test_fidelity_finds_no_difference(built):
    result = built.qms("fidelity")
    assert result.exit_code == 0, result.output
    assert "Tổng: 0 khác biệt" in result.output


def test_site_shows_nesting_lists_in_cells_and_links(built):
    from builder.fidelity.run import site_body

    body = site_body((built.root / "site" / "tai-lieu" / "qt-01" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"<ul>\s*<li>Tiếp nhận hồ sơ\s*<ul>\s*<li>Kiểm tra thành phần\s*<ul>", body)
    assert "&lt;tên đơn vị&gt;" in body and "\\" not in re.sub(r"<[^>]+>", "", body)
    assert "Dòng thứ nhất<br />" in body
    assert "<td><ul><li>Nhận hồ sơ</li><li>Ghi sổ theo dõi</li></ul></td>" in body
    assert '<a href="https://dichvucong.gov.vn">' in body and 'href="mailto:vanthu@skhcn.hoaphong.gov.vn"' in body
    assert body.count("<blockquote>") == 2
    assert "<p>(4) Đoạn văn" in body


def test_pdf_keeps_every_word(built):
    text = " ".join(all_text((built.root / "site" / "tai-lieu" / "qt-01" / "QT.01.pdf").read_bytes()).split())
    for words in ("Đối chiếu bản gốc", "<tên đơn vị>", "Nhận hồ sơ", "Ghi sổ theo dõi", "vanthu@skhcn.hoaphong.gov.vn",
                  "Trích dẫn thứ hai", "(4) Đoạn văn bắt đầu"):
        assert words in text, words
    assert "\\<" not in text


def test_angle_bracket_placeholder_is_reported_at_its_line(repo):
    repo.edit(Q, "## 5. Nội dung quy trình", "Điền <placeholder text> vào phiếu.\n\n## 5. Nội dung quy trình")
    code, findings = repo.findings()
    assert code == 1
    [hit] = [f for f in findings if f["rule"] == "hidden-tag"]
    lines = (repo.root / Q).read_text(encoding="utf-8").split("\n")
    assert "<placeholder text>" in lines[hit["line"] - 1] and "\\<placeholder text>" in hit["message"]
