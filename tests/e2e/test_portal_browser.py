"""The province portal in a real browser: the sample agency, 20 generated ones and four that went
wrong (unreachable, malformed, oversized, hostile), built into a temporary folder and served on
127.0.0.1 with the agencies' own document pages beside it. At desk and phone widths: sort the
agencies by a column, filter them by level, by a name typed without diacritics and by "only
problems", search every agency's documents without diacritics and follow a hit, and see the
agencies that went wrong shown as such. No request leaves the host; no script of an agency runs."""
from __future__ import annotations

import copy
import re
from dataclasses import replace

import pytest
from playwright.sync_api import expect
from support.agencies import day, entry, portal_config, renamed, sample_files
from support.browser import RequestLog, SiteServer, screenshot
from support.portal_corpus import generated

from builder.portal.model import PROBLEMS, Collected
from builder.portal.site import build_portal

TODAY = day()
HOSTILE = "<script>alert('cổng')</script><img src=x onerror=alert(2)>"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PLAN_COLUMN = 8          # Kế hoạch năm (1-based, after name and level and six lights)


def _agency_site(root, agency_id: str, manifest: dict) -> None:
    """The agency's own published pages of its documents, as its CI would serve them."""
    for doc in manifest["documents"]:
        page = root / "ngoai" / agency_id / doc["url"] / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<!doctype html><meta charset="utf-8"><title>{doc["code"]}</title>'
                        f'<h1>{doc["code"]} trang của cơ quan</h1>', encoding="utf-8")


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """The portal built once into a folder served on 127.0.0.1 (the agencies' sites under ngoai/)."""
    root = tmp_path_factory.mktemp("portal")
    status, manifest = sample_files(tmp_path_factory.mktemp("sample") / "repo")
    server = SiteServer(root)
    site = server.url + "ngoai/{id}/"
    sample = Collected(replace(entry("so-khcn", "", "Sở Khoa học và Công nghệ tỉnh Hòa Phong"),
                               site_url=site.format(id="so-khcn")), status, manifest, TODAY)
    hostile_status, hostile_manifest = renamed(status, manifest, HOSTILE, titles=HOSTILE)
    for doc in hostile_manifest["documents"]:
        doc["url"] = "javascript:alert(3)"
    old = dict(copy.deepcopy(status), generated="2026-11-18")
    collected = [sample, *generated(status, 20, TODAY, site=site, docs=(30, 60)),
                 Collected(entry("khong-ket-noi", "", "Sở Tư pháp tỉnh Hòa Phong"),
                           problems=["unreachable:status.json: từ chối kết nối"]),
                 Collected(entry("loi-dinh-dang", "", "Ủy ban nhân dân phường Vĩnh Điện", level="xa"), old, manifest,
                           day("2026-11-18"), stale_copy=True, problems=["not_json:status.json: dòng 1, cột 1"]),
                 Collected(entry("qua-lon", "", "Ủy ban nhân dân xã Quá Tải", level="xa"),
                           problems=["too_large:status.json: hơn 5000000 byte"]),
                 Collected(replace(entry("doc-hai", "", HOSTILE), site_url="javascript:alert(4)//"),
                           hostile_status, hostile_manifest, TODAY)]
    _agency_site(root, "so-khcn", manifest)
    build_portal(portal_config(root, []), collected, root, TODAY)
    with server:
        server.count = len(collected)
        yield server


@pytest.fixture(params=list(WIDTHS))
def page(browser, request):
    """A fresh context per test at desk or phone width; no request may leave 127.0.0.1 and no
    dialog may open (an agency's script would)."""
    context = browser.new_context(viewport=WIDTHS[request.param])
    log = RequestLog(context)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.width = request.param
    yield page
    context.close()
    assert dialogs == []
    assert log.urls and log.external() == [], log.external()


def visible_rows(page):
    return page.locator("#pt-agencies tbody tr:not([hidden])")


def plan_values(page) -> list[str]:
    return page.eval_on_selector_all(
        f"#pt-agencies tbody tr:not([hidden]) td:nth-child({PLAN_COLUMN}) .pt-light",
        "els => els.map(e => e.dataset.sort)")


def test_sort_by_a_column(page, portal):
    page.goto(portal.url)
    if page.width == "desktop":
        page.get_by_role("button", name=re.compile("Kế hoạch năm")).click()
    else:                                   # a phone shows cards: the sort control above them
        page.locator("select[name=cot]").select_option(label="Kế hoạch năm")
    values = plan_values(page)
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers) and len(numbers) > 15
    assert values[len(numbers):] == [""] * (len(values) - len(numbers))       # no data: last
    if page.width == "desktop":
        page.get_by_role("button", name=re.compile("Kế hoạch năm")).click()
        expect(page.locator(f"#pt-agencies th:nth-child({PLAN_COLUMN})")).to_have_attribute("aria-sort", "descending")
    else:
        page.locator("select[name=chieu]").select_option("giam")
    values = plan_values(page)
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers, reverse=True) and values[len(numbers):] == [""] * (len(values) - len(numbers))
    assert "cot=7" in page.url and "chieu=giam" in page.url
    screenshot(page, f"portal-index-{page.width}")


def test_filter_by_level_by_name_without_diacritics_and_problems(page, portal):
    page.goto(portal.url)
    page.locator("select[name=cap]").select_option("xa")
    assert set(visible_rows(page).evaluate_all("rows => rows.map(r => r.dataset.cap)")) == {"xa"}
    communes = visible_rows(page).count()
    assert 0 < communes < portal.count
    box = page.locator("#pt-filter input[type=search]")
    box.fill("phuong vinh dien")
    expect(visible_rows(page)).to_have_count(1)
    expect(visible_rows(page).first).to_contain_text("Ủy ban nhân dân phường Vĩnh Điện")
    box.fill("Phường Vĩnh Điện")                                       # typed with diacritics too
    expect(visible_rows(page)).to_have_count(1)
    box.fill("khong co co quan nay")
    expect(page.locator(".pt-empty")).to_be_visible()
    box.fill("")
    page.locator("select[name=cap]").select_option("")
    page.get_by_label("Chỉ cơ quan cần chú ý").check()
    problems = visible_rows(page).evaluate_all("rows => rows.map(r => r.dataset.problem)")
    assert set(problems) == {"1"} and len(problems) < portal.count
    expect(page.locator("#pt-filter output")).to_have_text(f"Đang hiện {len(problems)}/{portal.count}")
    assert "van-de=1" in page.url


def search(page, portal, query: str):
    page.goto(portal.url + "tim-kiem/index.html")
    page.locator("#pt-q").fill(query)
    expect(page.locator("#pt-search-status")).to_have_text(re.compile(r"Tìm thấy \d+ tài liệu|Không tìm thấy"))
    return page.locator("#pt-hits tbody tr")


def test_search_every_agency_without_diacritics_and_follow_a_hit(page, portal):
    hits = search(page, portal, "quy trinh kiem soat tai lieu")
    count = hits.count()
    assert count >= 20                          # the generated agencies each have it
    agencies = set(page.eval_on_selector_all("#pt-hits tbody td:nth-child(3)", "tds => tds.map(t => t.textContent)"))
    assert len(agencies) >= 20
    assert search(page, portal, "Quy trình kiểm soát tài liệu").count() == count
    screenshot(page, f"portal-search-{page.width}")
    hits = search(page, portal, "quy trinh kiem soat thong tin")
    row = hits.filter(has_text="QT.01").filter(has_text="Sở Khoa học và Công nghệ")
    expect(row).to_have_count(1)
    expect(row.locator("a.pt-hit")).to_have_text("Quy trình kiểm soát thông tin dạng văn bản")
    row.locator("a.pt-hit").click()
    expect(page.locator("h1")).to_have_text("QT.01 trang của cơ quan")       # the agency's own page
    assert page.url == portal.url + "ngoai/so-khcn/tai-lieu/qt-01/"
    page.go_back()
    expect(page.locator("#pt-q")).to_have_value("quy trinh kiem soat thong tin")
    page.locator("#pt-hits tbody tr").filter(has_text="QT.01").get_by_role(
        "link", name="Sở Khoa học và Công nghệ tỉnh Hòa Phong").click()
    expect(page.locator("h1")).to_have_text("Sở Khoa học và Công nghệ tỉnh Hòa Phong")
    expect(page.locator("main")).to_contain_text("Cuộc đánh giá nội bộ đã có báo cáo ký đóng")


def test_search_by_code_typed_every_way(page, portal):
    for query in ("qt01", "QT.01", "qt 01"):
        hits = search(page, portal, query)
        codes = set(page.eval_on_selector_all("#pt-hits tbody td:nth-child(2)", "tds => tds.map(t => t.textContent)"))
        assert "QT.01" in codes and hits.count() >= 20, query


def test_agencies_that_went_wrong_are_shown_as_such(page, portal):
    page.goto(portal.url)
    cells = {name: visible_rows(page).filter(has_text=name).locator("td").last.locator(".pt-light") for name in (
        "Sở Tư pháp tỉnh Hòa Phong", "Ủy ban nhân dân phường Vĩnh Điện", "Ủy ban nhân dân xã Quá Tải")}
    expect(cells["Sở Tư pháp tỉnh Hòa Phong"]).to_have_text("Chưa thu thập được")
    expect(cells["Sở Tư pháp tỉnh Hòa Phong"]).to_have_attribute("title", re.compile(PROBLEMS["unreachable"]))
    expect(cells["Ủy ban nhân dân phường Vĩnh Điện"]).to_have_text("Bản lưu gần nhất, ngày 18/11/2026")
    expect(cells["Ủy ban nhân dân phường Vĩnh Điện"]).to_have_attribute("data-level", "warn")
    expect(cells["Ủy ban nhân dân phường Vĩnh Điện"]).to_have_attribute("title", re.compile(PROBLEMS["not_json"]))
    expect(cells["Ủy ban nhân dân xã Quá Tải"]).to_have_attribute("title", re.compile(PROBLEMS["too_large"]))
    hostile = page.locator("#pt-agencies tbody tr").filter(has_text="<script>").first
    expect(hostile.locator("td").first).to_have_text(HOSTILE)              # the name, as text
    hostile.locator("td").first.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text(HOSTILE)
    expect(page.locator("main")).to_contain_text("Địa chỉ trang của cơ quan không hợp lệ: javascript:alert(4)//")
    assert page.locator("a[href^='javascript']").count() == 0
    page.goto(portal.url + "co-quan/qua-lon/index.html")
    expect(page.locator("main")).to_contain_text("Lần thu thập này không thành công: Tệp quá lớn")
    hits = search(page, portal, "script alert")
    expect(hits.first).to_contain_text(HOSTILE)
    assert page.locator("#pt-hits a[href^='javascript']").count() == 0
    assert page.evaluate("document.querySelectorAll('#pt-hits img, #pt-hits script').length") == 0
    screenshot(page, f"portal-hostile-search-{page.width}")


def test_summary_page_links_its_files(page, portal):
    page.goto(portal.url)
    page.get_by_role("link", name="Báo cáo tổng hợp").click()
    expect(page.locator("h1")).to_have_text("Báo cáo tổng hợp năm 2026")
    expect(page.locator("main")).to_contain_text("Cơ quan công bố số liệu năm 2026")
    for name in ("bản PDF", "bản Word (DOCX) để biên tập"):
        href = page.get_by_role("link", name=name).get_attribute("href")
        assert page.request.get(portal.url + "tong-hop/" + href).ok
