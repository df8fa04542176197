"""Every string a document supplies (title, task text) is shown as written, everywhere: page
heading, browser title, header, nav, search index, tables and the PDF. Nothing in it is read as
Markdown or HTML, so nothing is lost and nothing runs."""
from __future__ import annotations

import json
import re

import pytest
from support.pdfutil import all_text
from support.repos import BASE_FILES, KH2026, Q, QT01, mkdocs_build, site_repo

TITLE = "Quy trình <ten don vi> & *đặc biệt* [x] </title><script>alert(1)</script>"
TASK = "Rà soát <danh muc> tài liệu *lần 2*"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = dict(BASE_FILES)
    files[Q] = QT01.replace("title: Quy trình kiểm soát thông tin dạng văn bản", f"title: {json.dumps(TITLE)}")
    files["procedures/KH.2026-ke-hoach.md"] = KH2026.replace("content: Đánh giá nội bộ năm 2026",
                                                             f"content: {json.dumps(TASK)}")
    repo = site_repo(tmp_path_factory.mktemp("literal") / "repo", files)
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr[-3000:]
    return repo.root / "site"


def visible(html: str) -> str:
    """Text as a browser shows it: tags dropped, entities decoded."""
    import html as html_lib

    return html_lib.unescape(re.sub(r"<[^>]+>", "", html))


def test_page_heading_header_nav_and_browser_title(site):
    page = (site / "tai-lieu" / "qt-01" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert visible(title).startswith(f"QT.01 {TITLE} - ")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert visible(h1).replace("¶", "").strip() == f"QT.01 {TITLE}"
    topic = re.search(r'data-md-component="header-topic">(.*?)</div>', page, re.S).group(1)
    assert f"QT.01 {TITLE}" in " ".join(visible(topic).split())
    nav = page.split('class="md-nav', 1)[1]
    assert f"QT.01 {TITLE}" in " ".join(visible(nav).split())


def test_search_index_and_task_table(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [visible(d["title"]) for d in index["docs"]]
    assert f"QT.01 {TITLE}" in titles
    plan = (site / "tai-lieu" / "kh-2026" / "index.html").read_text(encoding="utf-8")
    assert TASK in visible(plan)


def test_printed_copy(site):
    """Compared without spaces: the PDF breaks lines after '/' where the title has none."""
    def squeeze(text):
        return re.sub(r"\s+", "", text)

    text = squeeze(all_text((site / "tai-lieu" / "qt-01" / "QT.01.pdf").read_bytes()))
    assert squeeze(TITLE) in text
    plan = squeeze(all_text((site / "tai-lieu" / "kh-2026" / "KH.2026.pdf").read_bytes()))
    assert squeeze(TASK) in plan
