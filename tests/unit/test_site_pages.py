"""The intranet's generated pages: browsing, registers, dashboards, home page and navigation."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

import pytest
from support.repos import REPO, TODAY

from builder.addresses import page_url_of
from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.documents.model import Result, Target, Task
from builder.site.identity import site_identity
from builder.site.markdown import href
from builder.site.navigation import navigation
from builder.site.model import place_html
from builder.site.pages import generated_pages
from builder.site.pages.browse import NAV_DOCUMENTS_LIMIT, browse_nav
from builder.site.pages.home import home_page
from builder.rules.runner import run_checks
from builder.site.pages.plan import (current_plans, period_months, plan_page,
                                     task_state)
from builder.site.pages.todo import TODO_PAGE, todos
from builder.site.pages.review_due import due_reviews
from builder.site.svg import nice_ticks, objective_chart, plan_timeline

TODAY_DATE = parse_date(TODAY)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(REPO, TODAY_DATE, with_git=False)


@pytest.fixture(scope="module")
def pages(catalog):
    return {p.src_uri: place_html(p.content) for p in generated_pages(catalog)}


def test_urls_match_mkdocs_directory_urls():
    assert page_url_of("index.md") == ""
    assert page_url_of("loai/quy-trinh/index.md") == "loai/quy-trinh/"
    assert page_url_of("so-theo-doi/van-ban-phap-luat.md") == "so-theo-doi/van-ban-phap-luat/"
    assert href("loai/bieu-mau/index.md", "tai-lieu/bm-01/BM.01.pdf") == "../../tai-lieu/bm-01/BM.01.pdf"
    assert href("index.md", "tai-lieu/bm-01/BM.01.pdf") == "tai-lieu/bm-01/BM.01.pdf"


def test_every_register_and_dashboard_is_generated(pages):
    for uri in ("loai/quy-trinh/index.md", "loai/bieu-mau/index.md", "don-vi/vp.md", "so-theo-doi/van-ban-phap-luat.md",
                "so-theo-doi/xem-xet-dinh-ky.md", "so-theo-doi/muc-tieu-chat-luong.md", "so-theo-doi/ke-hoach-nam.md"):
        assert uri in pages, uri


def test_forms_index_links_pdf_and_word(pages):
    forms = pages["loai/bieu-mau/index.md"]
    assert "# Danh mục biểu mẫu" in forms
    assert 'href="../../tai-lieu/bm-01/BM.01.pdf"' in forms and 'href="../../tai-lieu/bm-01/BM.01.docx"' in forms
    assert '<a href="../../tai-lieu/qt-01/">QT.01</a> Quy trình kiểm soát thông tin dạng văn bản' in forms
    assert 'data-columns="Thuộc quy trình|Tình trạng"' in forms


def test_legal_register_lists_citing_documents_and_replacement(pages):
    register = pages["so-theo-doi/van-ban-phap-luat.md"]
    row = next(line for line in register.splitlines() if "**19/2014/QĐ-TTg**" in line)
    assert "[QT.01](../tai-lieu/qt-01.md)" in row and "Còn hiệu lực" in row
    repealed = next(line for line in register.splitlines() if "**61/2018/NĐ-CP**" in line)
    assert "Hết hiệu lực toàn bộ" in repealed
    assert "Bị thay thế bởi [118/2025/NĐ-CP](#vb-118-2025-nd-cp)" in repealed
    assert '<span id="vb-118-2025-nd-cp"></span>' in register


def test_review_list_follows_the_review_rule(catalog):
    doc = catalog.get("QT.01")
    overdue = replace(catalog, documents=[replace(doc, effective=date(2025, 10, 1), review_months=12)])
    (review,) = due_reviews(overdue)
    assert review.due == date(2026, 10, 1) and review.state == "overdue" and review.days_left == -51
    soon = replace(catalog, documents=[replace(doc, effective=date(2025, 12, 1), review_months=12)])
    assert due_reviews(soon)[0].state == "soon"
    later = replace(catalog, documents=[replace(doc, effective=date(2026, 6, 1), review_months=12)])
    assert due_reviews(later) == []


@pytest.mark.parametrize("period,due,months", [
    ("Quý I", None, (1, 3)), ("Quý IV", None, (10, 12)), ("Tháng 02", None, (2, 2)), ("Tháng 9-10", None, (9, 10)),
    ("tháng 7 đến tháng 8", None, (7, 8)), ("6 tháng đầu năm", None, (1, 6)), ("Thường xuyên", None, (1, 12)),
    ("Theo yêu cầu", date(2026, 5, 3), (5, 5)), ("Theo yêu cầu", None, None)])
def test_plan_periods(period, due, months):
    assert period_months(period, due) == months


def task(status="planned", due=None, completed=None, period="Tháng 11"):
    return Task("Việc", period, ("VP",), status, due, completed)


@pytest.mark.parametrize("t,state", [
    (task("done", date(2026, 3, 31), date(2026, 3, 20)), "done"),
    (task("done", date(2026, 3, 31), date(2026, 4, 2)), "late_done"),
    (task("planned", date(2026, 10, 31), period="Tháng 10"), "overdue"),
    (task("in_progress", date(2026, 11, 30)), "due"),
    (task("planned", date(2026, 12, 10), period="Tháng 12"), "due"),
    (task("planned", date(2027, 3, 31), period="Quý I"), "upcoming"),
    (task("cancelled", date(2026, 3, 31)), "cancelled"),
    # A period under way but whose end is still far: in progress, not "not yet due".
    (task("planned", None, period="Cả năm"), "in_progress"),
    (task("planned", None, period="Quý IV 2026"), "in_progress"),
    (task("planned", date(2026, 12, 31), period="Quý IV"), "in_progress"),
    (task("planned", None, period="Quý IV"), "in_progress"),
    # Event-driven periods wait for their event and are never overdue by the calendar.
    (task("planned", None, period="Khi có thông báo tổ chức lớp tập huấn"), "event"),
    (task("planned", None, period="Định kỳ hoặc đột xuất theo yêu cầu"), "event"),
    (task("in_progress", None, period="Theo kế hoạch kiểm tra của tỉnh"), "in_progress"),
    (task("done", None, date(2026, 9, 18), period="Theo kế hoạch kiểm tra của tỉnh"), "done")])
def test_plan_task_state_as_of_build_date(t, state):
    assert task_state(t, TODAY_DATE, 2026) == state


def test_plan_page_has_timeline_and_states(pages):
    plan = pages["so-theo-doi/ke-hoach-nam.md"]
    assert "<svg" in plan and "Hôm nay 21/11" in plan
    assert "Tính đến ngày 21/11/2026" in plan and "Hoàn thành" in plan


def test_past_year_plan_is_archived_with_its_states_at_year_end(pages, catalog):
    """The sample's 2025 plan, written as agencies write theirs: several units per task, periods
    tied to events, signed by the head alone."""
    plan = pages["so-theo-doi/ke-hoach-nam.md"]
    current, _, past = plan.partition("## Kế hoạch các năm trước")
    title = "Kế hoạch duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 năm"
    assert f"## {title} 2026" in current and f"### {title} 2025" in past and f"{title} 2025" not in current
    assert "Tính đến ngày 31/12/2025" in past
    assert "Văn phòng Sở, Phòng Quản lý khoa học, Phòng Tiêu chuẩn Đo lường Chất lượng" in past
    assert "Khi phát sinh" in past and "Đang thực hiện" in past
    kh2025 = catalog.get("KH.2025")
    assert set(kh2025.signoffs) == {"approved"} and run_checks(catalog, only={"signoff-required"}) == []
    assert not [d for d in due_reviews(catalog) if d.document.code == "KH.2025"]       # archived: no review


def test_plan_dates_inside_its_year(catalog):
    """The 2025 plan seen on days of 2025: states follow the day, and it is today's plan then."""
    def states(day):
        view = replace(catalog, today=day)
        doc = view.get("KH.2025")
        return [task_state(t, day, 2025) for t in doc.tasks], [d.code for d in current_plans(view)]
    march, plans = states(date(2025, 3, 10))
    assert "KH.2025" in plans and "KH.2026" not in plans
    assert march[2] == "due"            # Quý I: finished on 20/03, so on 10/03 it is still to do
    assert march[3] == "event" and march[5] == "in_progress"       # a training when announced; Cả năm under way
    assert march[6] == "upcoming"       # the audit of Tháng 9-10
    november, _ = states(date(2025, 11, 5))
    assert november[6] == "done" and november[8] == "due"          # audit done 24/10; review due 30/11


def test_plan_page_on_a_day_of_2025_shows_that_years_plan(catalog):
    page = plan_page(replace(catalog, today=date(2025, 3, 10))).content
    current = page.split("## Kế hoạch các năm trước")[0]
    assert "TCVN ISO 9001:2015 năm 2025" in current and "Tính đến ngày 10/03/2025" in current
    assert "Hôm nay 10/03" in current                          # the timeline's line for that day


def test_todo_list_gathers_every_kind_of_due_work(catalog):
    catalog = replace(catalog, today=date(2026, 12, 2))        # reviews due on 22/12 are within 30 days
    items = todos(catalog, TODO_PAGE)
    kinds = {t.kind for t in items}
    assert {"Kế hoạch năm", "Xem xét định kỳ"} <= kinds, kinds
    assert all(t.state in ("overdue", "due") and t.unit for t in items)
    assert [t for t in items if t.state == "overdue"] == items[:len([t for t in items if t.state == "overdue"])]
    assert not any("KH.2025" in t.text for t in items)                 # past years' plans are archived
    draft = replace(catalog.get("HD.01"), status="draft", code="HD.09", signoffs={
        "prepared": catalog.get("HD.01").signoffs["prepared"]})
    view = replace(catalog, documents=catalog.documents + [draft], pending={"QT.02": replace(
        catalog.get("QT.02"), revision=3, effective=date(2026, 12, 1))})
    kinds = {t.kind for t in todos(view, TODO_PAGE)}
    assert {"Dự thảo chờ phê duyệt", "Sắp có hiệu lực"} <= kinds, kinds


def test_home_page_todo_box_tells_the_truth(catalog):
    """The box lists the overdue plan task and the reviews due, never 'nothing due' beside them."""
    home = home_page(catalog).content
    box = home.split("## Việc cần làm ngay")[1].split("\n## ")[0]
    assert "Không có việc quá hạn" not in box
    assert f"{len(todos(catalog, 'index.md'))} việc quá hạn hoặc đến hạn" in box
    assert "[Việc cần làm](viec-can-lam.md)" in box


def test_charts_are_well_formed_svg():
    target = Target("MT.01", "Tỷ lệ hồ sơ đúng hạn <&>", ">=", 98, "%", "VP",
                    (Result("Quý I", 99.2), Result("Quý II", 97.5)))
    svg = objective_chart(target, lambda v: f"{v}%")
    root = ET.fromstring(svg)  # the div holding one svg element
    circles = root.findall(".//{http://www.w3.org/2000/svg}circle")
    assert [c.get("fill") for c in circles] == ["#2e7d32", "#c62828"]
    assert "Chỉ tiêu ≥ 98%" in svg and "&lt;&amp;&gt;" in svg
    assert "Chưa có kết quả" in objective_chart(replace(target, results=()), str)
    ET.fromstring(plan_timeline([(1, "Việc <1>", (2, 3), "done"), (2, "Việc", None, "due")], 2026, TODAY_DATE))


@pytest.mark.parametrize("lo, hi, whole, ticks", [
    (0.0, 2.5, True, [0, 1, 2, 3]),                   # a count: whole steps, never 0,625
    (80.4, 92.9, False, [80, 85, 90, 95]),
    (0.0, 100.0, False, [0, 25, 50, 75, 100]),
    (3.0, 3.0, True, [3])])
def test_axis_ticks_are_round_numbers(lo, hi, whole, ticks):
    assert nice_ticks(lo, hi, whole) == ticks


def test_chart_caption_is_its_title_above_it_and_ticks_carry_the_unit(pages, catalog):
    page = pages["so-theo-doi/muc-tieu-chat-luong.md"]
    figure = page.split('<figure class="qms-figure">')[1]
    assert figure.index("<figcaption>") < figure.index("<svg")
    objectives = catalog.of_kind("objectives")[0]
    percent = next(t for t in objectives.targets if t.measure == "%")
    chart = objective_chart(percent, lambda v: f"{v:g}%")
    ticks = re.findall(r'text-anchor="end" fill="#9e9e9e"[^>]*>([^<]+)<', chart)
    assert ticks and all(re.fullmatch(r"\d+(,\d)?%", t) for t in ticks), ticks


def test_objectives_dashboard(pages):
    page = pages["so-theo-doi/muc-tieu-chat-luong.md"]
    assert page.count('<figure class="qms-figure">') == 7
    assert "Chưa đạt (Quý II)" in page  # MT.04: one verified complaint in Quý II


def test_home_page_keeps_the_intro_and_adds_the_registers(catalog):
    home = home_page(catalog, "# Trang chủ của Sở\n\nGiới thiệu.\n").content
    assert home.startswith("# Trang chủ của Sở\n\nGiới thiệu.")
    for text in ("## Tài liệu mới ban hành", "## Tài liệu đến hạn xem xét", "## Sổ theo dõi",
                 "[Sổ văn bản pháp luật](so-theo-doi/van-ban-phap-luat.md)", "[Quy trình](loai/quy-trinh/index.md)"):
        assert text in home, text


def test_site_name_and_logo_come_from_the_organisation(catalog):
    assert site_identity(catalog.organisation) == {
        "site_name": "Hệ thống quản lý chất lượng - Sở Khoa học và Công nghệ tỉnh Hòa Phong",
        "logo": "assets/logo.svg"}


def test_copies_of_the_text_are_kept_out_of_search(pages):
    qr_pages = [uri for uri in pages if uri.startswith("tai-lieu/") and "/lan-" in uri]
    assert qr_pages
    assert all(pages[uri].startswith("---\nsearch:\n  exclude: true\n---") for uri in qr_pages)
    assert not pages["tai-lieu/qt-01.md"].startswith("---")


def nav_pages(nav) -> list[str]:
    out = []
    for item in nav:
        out += ([item.page] if item.page else []) + nav_pages(item.children)
    return out


def test_navigation_by_kind_and_unit_lists_each_page_once(catalog, pages):
    nav = navigation(catalog, guide_pages=[])
    listed = nav_pages(nav)
    assert len(listed) == len(set(listed))
    assert {"Theo loại tài liệu", "Theo đơn vị", "Sổ theo dõi"} <= {i.title for i in nav}
    assert all(uri in pages or uri == "index.md" for uri in listed)
    assert "tai-lieu/qt-01.md" in listed and "don-vi/vp.md" in listed


def test_a_large_kind_is_browsed_through_its_index_page(catalog):
    forms = catalog.of_kind("form")
    many = [replace(forms[0], code=f"BM.{n:03d}") for n in range(NAV_DOCUMENTS_LIMIT + 1)]
    big = replace(catalog, documents=[d for d in catalog.documents if d.kind != "form"] + many)
    by_kind = {i.title: i for i in browse_nav(big)[0].children}
    assert by_kind["Biểu mẫu"].page == "loai/bieu-mau/index.md" and not by_kind["Biểu mẫu"].children
    assert by_kind["Quy trình"].children
