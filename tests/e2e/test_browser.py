"""End to end in a real browser: Debian's headless chromium, driven by Playwright, against the
built sample site served on 127.0.0.1. Every test records every request its browser makes and
fails if one leaves the host. Screenshots go to test-artifacts/ (QMS_ARTIFACTS to move them).

The sample site is built once per session; the script-injection check uses its own small site.
"""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from support.browser import SiteServer, screenshot
from support.preview import Preview
from support.repos import mkdocs_build, site_repo

QT01 = "QT.01 Quy trình kiểm soát thông tin dạng văn bản"
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"

INJECTED = """\
---
code: HD.01
kind: guide
title: Hướng dẫn thử nghiệm nội dung dán từ trang web
unit: VP
revision: 1
status: draft
---
## Nội dung dán từ nơi khác

<script>window.__pwned = "script"; alert("script")</script>

Ảnh lỗi: <img src="khong-co.png" onerror="window.__pwned = 'onerror'; alert('onerror')">

[Liên kết độc hại](javascript:window.__pwned='markdown-link';alert('link'))

<a id="encoded" href="jav&#x61;script:window.__pwned='encoded'">Liên kết mã hóa</a>

<svg width="10" height="10" onload="window.__pwned = 'svg'"><circle r="4"/></svg>

<iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>

<div onmouseover="window.__pwned = 'hover'" id="hover">Di chuột vào đây</div>
"""


@pytest.fixture(scope="session")
def injected_site(tmp_path_factory):
    """A small site with one document full of pasted script."""
    repo = site_repo(tmp_path_factory.mktemp("injected") / "repo")
    repo.write("procedures/HD.01-thu-nghiem.md", INJECTED)
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr
    assert "[unsafe-html]" in result.stderr
    with SiteServer(repo.root / "site") as server:
        server.root = repo.root / "site"
        yield server


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    """Every text field of every document holds script payloads (tests/support/payloads.py)."""
    from support.payloads import payload_repo

    repo = payload_repo(tmp_path_factory.mktemp("payloads") / "repo")
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr
    with SiteServer(repo.root / "site") as server:
        yield server


def search(page, site, query: str) -> list[str]:
    """Type a query in Material's search box; the result titles, best first."""
    page.goto(site.url)
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    done = re.compile(r"\d+ tài liệu liên quan|Không tìm thấy")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the query on keyup (fill alone sends only an input event)
    expect(meta).to_have_text(done, timeout=15000)
    page.wait_for_timeout(300)  # let the result list settle
    return [t.strip() for t in page.locator(f"{RESULT_LINKS} article > h1").all_inner_texts()]


def test_search_without_diacritics_lists_and_opens_the_procedure(page, sample_site):
    titles = search(page, sample_site, "kiem soat tai lieu")
    assert titles and titles[0] == QT01, titles
    screenshot(page, "search")
    page.locator(RESULT_LINKS).first.click()
    expect(page.locator("article h1").first).to_have_text(re.compile("^" + re.escape(QT01)))
    assert "/tai-lieu/qt-01/" in page.url


def test_opened_result_highlights_words_typed_without_diacritics(page, sample_site):
    search(page, sample_site, "kiem soat tai lieu")
    page.locator(RESULT_LINKS).first.click()
    expect(page.locator("article h1").first).to_have_text(re.compile("^" + re.escape(QT01)))
    marks = page.locator("article mark[data-md-highlight]")
    expect(marks.first).to_be_visible()
    words = {t.lower() for t in marks.all_inner_texts()}
    assert {"kiểm", "soát"} <= words, (words, page.url)   # Material passes the matched words in ?h=
    assert page.locator("article mark mark").count() == 0   # never marked twice

    search(page, sample_site, "danh gia noi bo")
    page.locator(RESULT_LINKS).first.click()
    expect(page.locator("article mark[data-md-highlight]").first).to_be_visible()
    words = {t.lower() for t in page.locator("article mark[data-md-highlight]").all_inner_texts()}
    assert "đánh" in words, (words, page.url)


def test_search_with_diacritics_and_d_for_dj(page, sample_site):
    assert search(page, sample_site, "kiểm soát tài liệu")[0] == QT01
    assert search(page, sample_site, "Quy trình kiểm soát thông tin dạng văn bản")[0] == QT01
    assert search(page, sample_site, "quy trinh danh gia noi bo")[0] == "QT.02 Quy trình đánh giá nội bộ"
    titles = search(page, sample_site, "don dang ky hoat dong khoa hoc")
    assert titles[0].startswith("BM.23 Đơn đăng ký"), titles


def test_search_by_code_and_legal_number(page, sample_site):
    assert search(page, sample_site, "QT.01")[0] == QT01
    assert search(page, sample_site, "BM.02")[0] == "BM.02 Danh mục tài liệu nội bộ"
    for number in ("19/2014/QĐ-TTg", "19/2014/QD-TTg"):
        titles = search(page, sample_site, number)
        assert "Sổ văn bản pháp luật" in titles, titles
        assert any(t.startswith("QT.01") or "Tài liệu viện dẫn" in t for t in titles), titles
        hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.href)")
        assert any("/tai-lieu/qt-01/" in h for h in hrefs), hrefs


@pytest.mark.parametrize("query", ["QT 04", "danh gia noi b", "qt04", "bm11", "19/2014/QD-TTg"])
def test_search_result_titles_render_clean(page, sample_site, query):
    """No stray '>' or broken highlight markup in a result title, whatever was typed."""
    search(page, sample_site, query)
    titles = page.locator(f"{RESULT_LINKS} article > h1")
    assert titles.count() > 0
    for i in range(titles.count()):
        text, html = titles.nth(i).inner_text(), titles.nth(i).inner_html()
        assert not text.startswith(">") and "&gt;" not in html and "mark<" not in html, html
        assert re.fullmatch(r'([^<>]|<mark data-md-highlight="">[^<>]+</mark>)*', html), html


@pytest.mark.parametrize("query, code", [("QT04", "QT.04"), ("qt04", "QT.04"), ("qt 04", "QT.04"),
                                         ("bm11", "BM.11"), ("BM11", "BM.11"), ("kh2026", "KH.2026")])
def test_codes_typed_without_the_dot_find_the_document(page, sample_site, query, code):
    titles = search(page, sample_site, query)
    assert titles and titles[0].startswith(code + " "), titles


def test_register_tables_are_not_one_search_result(page, sample_site):
    """A code or a legal number is answered by the documents, not by a register's whole table;
    the register pages stay findable by their title."""
    registers = {"Sổ văn bản pháp luật", "Tài liệu đến hạn xem xét", "Danh mục tài liệu nội bộ"}
    titles = search(page, sample_site, "QT.04")
    assert titles[0].startswith("QT.04 ") and not registers & set(titles), titles
    search(page, sample_site, "19/2014/QĐ-TTg")
    for article in page.locator(f"{RESULT_LINKS} article").all():
        heading = article.locator("h1")
        if heading.count() and heading.inner_text().strip() in registers:
            assert "61/2018/NĐ-CP" not in article.inner_text()      # a row of the table, not the intro
    assert search(page, sample_site, "so van ban phap luat")[0] == "Sổ văn bản pháp luật"


@pytest.mark.parametrize("width", [1280, 390])
def test_filter_codes_url_state_and_empty_result(page, sample_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(sample_site.url + "danh-muc-tai-lieu/")
    box = page.locator(".qms-filter input")
    shown = page.locator("article table tbody tr:not([hidden])")
    box.fill("qt04")
    expect(shown).to_have_count(1)
    expect(shown.first).to_contain_text("QT.04")
    expect(page.locator("article table tbody tr").filter(has_text="QT.05").first).to_be_hidden()   # cards too
    page.locator('.qms-filter select[data-column="Tình trạng"]').select_option("Đang áp dụng")
    assert "q=qt04" in page.url and "tinh-trang=" in page.url, page.url
    page.goto(page.url)                                  # a shared link opens the same list
    expect(box).to_have_value("qt04")
    expect(page.locator('.qms-filter select[data-column="Tình trạng"]')).to_have_value("Đang áp dụng")
    expect(shown).to_have_count(1)
    empty = page.locator(".qms-filter-empty")
    expect(empty).to_be_hidden()
    box.fill("khong co tai lieu nao nhu the")
    expect(shown).to_have_count(0)
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("Không có dòng nào khớp bộ lọc")
    # The placeholder is read whole: the box is at least as wide as its text.
    box.fill("")
    fits = page.evaluate("""() => {
        const input = document.querySelector('.qms-filter input'), style = getComputedStyle(input)
        const ctx = document.createElement('canvas').getContext('2d')
        ctx.font = style.fontSize + ' ' + style.fontFamily
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
        return [ctx.measureText(input.placeholder).width, room]
    }""")
    assert fits[0] <= fits[1], fits
    screenshot(page, f"filter-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_procedure_page_status_badge_and_pdf_download(page, sample_site, tmp_path):
    page.goto(sample_site.url + "tai-lieu/qt-01/")
    expect(page.locator("article h1").first).to_have_text(re.compile("^" + re.escape(QT01)))
    expect(page.locator("article .qms-status-line .qms-badge-effective")).to_have_text("Đang áp dụng")
    screenshot(page, "procedure")
    manifest = json.loads((sample_site.root / "manifest.json").read_text(encoding="utf-8"))
    entry = next(d for d in manifest["documents"] if d["code"] == "QT.01")
    assert entry["pdf"] == "tai-lieu/qt-01/QT.01.pdf"
    link = page.locator(f'article a[href$="{entry["pdf"].rsplit("/", 1)[-1]}"]').first
    with page.expect_download() as download:
        link.click()
    path = tmp_path / "QT.01.pdf"
    download.value.save_as(path)
    assert path.read_bytes()[:5] == b"%PDF-"


@pytest.mark.parametrize("width", [1280, 390])
def test_signoff_block_shows_each_signature_verified(page, sample_site, width):
    """Staff see, per role, that the sign-off is digitally signed and verifies; on a phone the
    row can be read by scrolling the table, never cut off."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(sample_site.url + "tai-lieu/qt-01/")
    row = page.locator("article tr", has_text="Chữ ký số")
    expect(row).to_have_count(1)
    cells = row.locator("td")
    for i in (1, 2, 3):
        expect(cells.nth(i)).to_contain_text("✓ Hợp lệ")
        cells.nth(i).scroll_into_view_if_needed()
        expect(cells.nth(i)).to_be_in_viewport()
    page.set_viewport_size({"width": 1280, "height": 900})


TABLE_PAGES = ["", "viec-can-lam/", "danh-muc-tai-lieu/", "so-theo-doi/van-ban-phap-luat/", "so-theo-doi/xem-xet-dinh-ky/",
               "so-theo-doi/muc-tieu-chat-luong/", "so-theo-doi/ke-hoach-nam/", "loai/bieu-mau/", "tai-lieu/qt-01/"]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", TABLE_PAGES)
def test_every_table_reads_without_hidden_columns(page, sample_site, path, width):
    """No cell of any table lies outside the screen or is cut by its scroll box: on a phone the
    rows are cards, on a desk the columns fit; long text columns are not squeezed thin."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(sample_site.url + path)
    page.wait_for_function("document.querySelectorAll('article table[data-qms-stack]').length > 0")
    problems = page.evaluate("""(width) => {
        const out = []
        document.querySelectorAll('article table').forEach((table, t) => {
            const box = table.closest('.md-typeset__scrollwrap')       // Material's scroll box, if any
            if (box && box.scrollWidth > box.clientWidth + 1) out.push(`table ${t}: ${box.scrollWidth} px in ${box.clientWidth} px`)
            table.querySelectorAll('td, th').forEach(cell => {
                const r = cell.getBoundingClientRect()
                if (r.width && (r.left < -1 || r.right > width + 1)) out.push(`table ${t}: cell '${cell.textContent.trim().slice(0, 30)}' at ${Math.round(r.left)}-${Math.round(r.right)}`)
                if (r.width && cell.textContent.trim().length > 60 && r.width < 120) out.push(`table ${t}: '${cell.textContent.trim().slice(0, 30)}' ${Math.round(r.width)} px wide`)
            })
        })
        return out.slice(0, 5)
    }""", width)
    assert problems == [], problems
    name = path.strip("/").replace("/", "-") or "home"
    screenshot(page, f"table-{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("width", [1280, 390])
def test_chart_titles_sit_above_their_charts(page, sample_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(sample_site.url + "so-theo-doi/muc-tieu-chat-luong/")
    figures = page.locator("figure.qms-figure")
    assert figures.count() > 0
    for i in range(figures.count()):
        caption = figures.nth(i).locator("figcaption").bounding_box()
        chart = figures.nth(i).locator("svg").bounding_box()
        assert caption["y"] + caption["height"] <= chart["y"] + 1, (caption, chart)
    screenshot(page, f"objectives-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("width", [1280, 390])
def test_home_todo_box_leads_to_the_whole_list(page, sample_site, width):
    """The home page's box lists what is due (never 'nothing due' beside it) and opens the list,
    which staff filter by unit."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(sample_site.url)
    box = page.locator("article table").first
    expect(box).to_contain_text("Kế hoạch năm")
    expect(page.locator("article")).not_to_contain_text("Không có việc quá hạn hoặc đến hạn")
    page.locator("article a", has_text="Việc cần làm").first.click()
    expect(page.locator("article h1").first).to_have_text(re.compile("^Việc cần làm"))
    rows = page.locator("article table tbody tr:not([hidden])")
    total = rows.count()
    assert total >= 2
    page.locator('.qms-filter select[data-column="Đơn vị chủ trì"]').select_option("Văn phòng Sở")
    assert 0 < rows.count() <= total
    screenshot(page, f"todo-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_home_registers_and_filters(page, sample_site):
    page.goto(sample_site.url)
    expect(page.locator("article")).to_contain_text("Tài liệu mới ban hành")
    expect(page.locator("article")).to_contain_text("Tài liệu đến hạn xem xét")
    screenshot(page, "home")
    page.goto(sample_site.url + "danh-muc-tai-lieu/")
    rows = page.locator("article table tbody tr")
    total = rows.count()
    page.locator('.qms-filter select[data-column="Loại"]').select_option("Biểu mẫu")
    shown = page.locator("article table tbody tr:not([hidden])")
    assert 0 < shown.count() < total
    assert all(c == "Biểu mẫu" for c in shown.locator("td:nth-child(3)").all_inner_texts())
    page.locator(".qms-filter input").fill("kiem soat")
    assert shown.count() >= 1
    for path in ("so-theo-doi/muc-tieu-chat-luong/", "so-theo-doi/ke-hoach-nam/", "so-theo-doi/van-ban-phap-luat/"):
        page.goto(sample_site.url + path)
        expect(page.locator("article h1").first).to_be_visible()
    # Fonts come from the site itself; the search worker's scripts are recorded too.
    page.goto(sample_site.url)
    page.evaluate("document.fonts.ready")
    search(page, sample_site, "ke hoach")
    urls = page.requests.urls
    assert any(u.endswith(".woff2") for u in urls), urls
    assert any("lunr.vi.min.js" in u for u in urls), urls


def test_pasted_script_never_runs(page, injected_site):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(injected_site.url + "tai-lieu/hd-01/")
    expect(page.locator("article h1").first).to_contain_text("HD.01")
    page.locator("#hover").hover()
    for name in ("Liên kết độc hại", "Liên kết mã hóa"):
        link = page.get_by_text(name)
        if link.count():
            link.first.click()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    html = (injected_site.root / "tai-lieu" / "hd-01" / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    # The Markdown link to javascript: is shown as its literal text (CommonMark parsers refuse
    # that URL), so the words may appear as text: never inside a tag, where they could run.
    tags = " ".join(re.findall(r"<[^>]*>", article))
    for bad in ("__pwned", "onerror", "onload", "onmouseover", "javascript:", "srcdoc", "<iframe", "<script"):
        assert bad not in tags, bad
    assert "<script>window.__pwned" not in article


ENGLISH_UI = re.compile(r"Permanent link|Made with|Not found|Skip to content|Back to top|Initializing|Copy to clipboard|"
                        r"Type to start|No matching|Table of contents|Edit this page|Last update|Contributors|"
                        r"\bSearch\b|\bPrevious\b|\bNext\b|\bShare\b|\bClear\b|\bClose\b|\bMetadata\b|\bTabs\b")


def test_built_site_speaks_vietnamese_only(sample_site, page):
    """No theme string, tooltip, footer or error page left in English, on any page of the site."""
    found = {}
    for path in sample_site.root.rglob("*.html"):
        text = re.sub(r"<(script|style)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
        for word in ENGLISH_UI.findall(text):
            found.setdefault(word, path.relative_to(sample_site.root).as_posix())
    assert found == {}, found
    page.goto(sample_site.url + "404.html")             # what the web server sends for an unknown address
    expect(page.locator("article h1")).to_have_text("Không tìm thấy trang (lỗi 404)")
    expect(page.locator("footer")).not_to_contain_text("Material")
    page.goto(sample_site.url + "tai-lieu/qt-01/")
    assert page.locator("a.headerlink").first.get_attribute("title") == "Liên kết đến mục này"


def test_built_site_loads_nothing_from_outside(sample_site):
    """Static counterpart of the request log: no page, style or script names an outside resource
    (links a reader may follow, and the canonical URL, are not loads)."""
    loads = re.compile(r'<(?:script|img|iframe|source|audio|video)\b[^>]*\ssrc="(?:https?:)?//'
                       r'|<link\b(?![^>]*rel="canonical")[^>]*href="(?:https?:)?//|url\((?:["\']?)(?:https?:)?//', re.I)
    offenders = []
    for path in sample_site.root.rglob("*"):
        if path.suffix in (".html", ".css") and path.is_file():
            if loads.search(path.read_text(encoding="utf-8", errors="replace")):
                offenders.append(str(path.relative_to(sample_site.root)))
    assert offenders == []
    assert "fonts.googleapis.com" not in (sample_site.root / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [1280, 390])
def test_script_payloads_in_every_field_never_run(page, payload_site, width):
    """Nav, header, title, tables, charts, registers, search results: no dialog, no payload ran,
    at desktop and phone widths."""
    from support.payloads import MARK

    page.set_viewport_size({"width": width, "height": 900})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("", "tai-lieu/qt-01/", "tai-lieu/kh-2026/", "tai-lieu/bm-01/", "danh-muc-tai-lieu/",
                 "so-theo-doi/ke-hoach-nam/", "so-theo-doi/muc-tieu-chat-luong/", "don-vi/vp/", "loai/quy-trinh/"):
        page.goto(payload_site.url + path)
        page.mouse.move(200, 300)
        page.mouse.move(400, 500)
        assert page.evaluate(f"window.{MARK}") is None, path
    page.set_viewport_size({"width": 1280, "height": 900})   # the search box, shown as on a desk
    assert search(page, payload_site, "pwned")
    page.wait_for_timeout(300)
    assert page.evaluate(f"window.{MARK}") is None
    assert dialogs == []


@pytest.mark.parametrize("width", [390, 1280])
def test_preview_page_follows_each_save(page, tmp_path, width):
    """`qms serve`: the page open in the browser reloads by itself after a save; an edit that
    breaks the approval shows the red banner with its finding at the top, at both widths."""
    repo = site_repo(tmp_path / "repo")
    server = Preview(repo.root)
    try:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(server.base + "/tai-lieu/qt-01/")
        expect(page.locator("h1").first).to_contain_text("QT.01")
        expect(page.locator(".qms-preview")).to_have_count(0)
        repo.edit("procedures/QT.01-kiem-soat-tai-lieu.md", "Đề nghị soạn thảo", "Đề nghị soạn thảo đã sửa lúc xem trước")
        expect(page.get_by_text("đã sửa lúc xem trước").first).to_be_visible(timeout=30_000)
        banner = page.locator(".qms-preview.danger")
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("BẢN XEM TRƯỚC — CHƯA ĐƯỢC PHÉP BAN HÀNH")
        expect(banner).to_contain_text("approval-fingerprint")
        box = banner.bounding_box()
        assert box and box["width"] <= width and box["y"] < 900      # at the top, within the screen
        screenshot(page, f"preview-banner-{width}")
    finally:
        server.stop()
