"""Superseded issues, issue history and the 'what changed' view, built from git by real mkdocs."""
from support.gitutil import commit_all, init
from support.pdfutil import all_text
from support.repos import mkdocs_build, site_repo
from support.repos import add_step, new_issue

from builder.revisions.text_diff import diff_markdown


def test_site_shows_history_superseded_issue_and_changes(tmp_path):
    repo = site_repo(tmp_path / "repo")
    init(repo.root)
    add_step(repo)
    new_issue(repo)
    repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19")
    commit_all(repo.root, "QT.01 ban hành lần 3")
    result = mkdocs_build(repo.root, "--strict")     # as `make site`: a broken link aborts the build
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    site = repo.root / "site" / "tai-lieu"

    page = (site / "qt-01" / "index.html").read_text(encoding="utf-8")
    assert "Lịch sử ban hành" in page and "Bản hiện hành" in page
    assert 'href="lan-02/"' in page and 'href="lan-03-so-sanh/"' in page

    old = (site / "qt-01" / "lan-02" / "index.html").read_text(encoding="utf-8")
    assert "HẾT HIỆU LỰC" in old and "Lần ban hành: <strong>02</strong>" in old
    assert "B2" not in old.split("Theo dõi sửa đổi")[0]
    assert 'href="../"' in old  # link to the current issue
    assert 'href="../../bm-01/"' in old  # the form's page, from where the old issue lives

    # the superseded issue's printed copy, stamped with the day it ceased to apply, linked from its page
    assert 'href="QT.01-lan-02.pdf"' in old
    pdf = " ".join(all_text((site / "qt-01" / "lan-02" / "QT.01-lan-02.pdf").read_bytes()).split())
    assert "HẾT HIỆU LỰC" in pdf and "20/11/2026" in pdf and "Lần ban hành: 02" in pdf.replace("Lần ban hành:02", "Lần ban hành: 02")

    current = (site / "qt-01" / "lan-03" / "index.html").read_text(encoding="utf-8")
    assert "bản hiện hành" in current

    changes = (site / "qt-01" / "lan-03-so-sanh" / "index.html").read_text(encoding="utf-8")
    assert "<ins>B2</ins>" in changes and "<ins>Xem xét dự thảo</ins>" in changes
    assert "Thêm bước B2" in changes


def test_word_level_diff_keeps_markdown_structure():
    old = "## 1. Mục đích\nQuy định cách làm.\n\n| B1 | Đề nghị | 01 ngày |"
    new = "## 1. Mục đích và phạm vi\nQuy định thống nhất cách làm.\n\n| B1 | Đề nghị | 02 ngày |"
    text, count = diff_markdown(old, new)
    assert count == 3
    assert "## 1. Mục đích<ins> và phạm vi</ins>" in text
    assert "Quy định <ins>thống nhất </ins>cách làm." in text
    assert "| B1 | Đề nghị | <del>01</del><ins>02</ins> ngày |" in text
