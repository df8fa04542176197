"""The site for records in a real browser (issue 19): the registers and the yearly cycle page
open and read at desk and phone widths, a record is found by its id and by a word of its body
typed without diacritics, and the heat map and the survey chart show the sample's numbers.

Debian's chromium driven by Playwright against the sample (records/2026/) built once and served
on 127.0.0.1; no request may leave the host (tests/support/browser.py)."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from support.browser import cells_outside, screenshot

from builder.records.queries import survey_target


@pytest.fixture
def sample(sample_site):
    """The sample with its records (tests/e2e/conftest.py)."""
    return sample_site


RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"
REGISTERS = ["so-theo-doi/danh-gia-noi-bo/", "so-theo-doi/hanh-dong-khac-phuc/", "so-theo-doi/rui-ro-va-co-hoi/",
             "so-theo-doi/khao-sat-su-hai-long/", "so-theo-doi/xem-xet-cua-lanh-dao/", "so-theo-doi/dao-tao/",
             "so-theo-doi/kiem-tra-cua-cap-tren/", "so-theo-doi/tiep-nhan-tai-lieu/"]


def search(page, site, query: str) -> list[str]:
    """Type a query in Material's search box; the result titles, best first."""
    page.goto(site.url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")          # Material reads the query on keyup
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ tài liệu liên quan|Không tìm thấy"),
                                                                 timeout=15000)
    page.wait_for_timeout(300)
    return [t.strip() for t in page.locator(f"{RESULT_LINKS} article > h1").all_inner_texts()]


def open_result(page, path: str) -> None:
    """Follow the search result that leads to `path`."""
    links = page.locator(RESULT_LINKS)
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    index = next((i for i, h in enumerate(hrefs) if path in h), None)
    assert index is not None, hrefs
    links.nth(index).click()
    expect(page).to_have_url(re.compile(re.escape(path)))


@pytest.mark.parametrize("width", [1280, 390])
def test_registers_and_cycle_page_read_at_every_width(page, sample, width):
    """Each register and the cycle page open from the navigation's section, and no table cell
    lies outside the screen (on a phone the rows become cards)."""
    page.set_viewport_size({"width": width, "height": 900})
    year = sample.catalog.records.years()[0]
    for path in [f"ho-so/{year}/chu-ky/", *REGISTERS]:
        page.goto(sample.url + path)
        expect(page.locator("article h1").first).to_be_visible()
        outside = cells_outside(page, width)
        assert outside == [], (path, outside)
        screenshot(page, f"records-{path.strip('/').replace('/', '-')}-{width}")
    page.goto(sample.url + f"ho-so/{year}/chu-ky/")
    expect(page.locator("article h1").first).to_have_text(re.compile(f"^Chu kỳ HTQLCL năm {year}"))
    steps = page.locator(".qms-cycle-state")
    expect(steps).to_have_count(10)
    states = steps.evaluate_all("spans => spans.map(s => [s.dataset.step, s.dataset.state, s.innerText.trim()])")
    assert [s[0] for s in states][:3] == ["objectives", "risk_plan", "internal_audit"]
    assert all(state in ("done", "due", "upcoming", "overdue", "none") and text for _, state, text in states), states
    # The sample's audit is closed; one of its corrective actions is open past its due date.
    assert dict((s[0], s[1]) for s in states)["internal_audit"] == "done"
    assert dict((s[0], s[1]) for s in states)["corrective_actions"] == "overdue"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_navigation_lists_each_cycle_page_by_its_title(page, sample):
    nav = page.locator("nav.md-nav--primary")
    for year in sample.catalog.records.years():
        page.goto(sample.url)
        link = nav.locator("a", has_text=f"Chu kỳ HTQLCL năm {year}").first
        assert link.get_attribute("href").endswith(f"ho-so/{year}/chu-ky/")
        link.click()
        expect(page.locator("article h1").first).to_have_text(re.compile(f"^Chu kỳ HTQLCL năm {year}"))
    expect(nav.get_by_text("Sổ đăng ký rủi ro và cơ hội").first).to_be_attached()


def test_heat_map_shows_the_number_of_risks_in_each_cell(page, sample):
    catalog = sample.catalog
    year = catalog.records.years()[0]
    expected: dict[tuple[str, str], int] = {}
    for r in catalog.records.of_kind("risk", year):
        if r.get("type") == "risk":
            key = (str(r.get("likelihood")), str(r.get("impact")))
            expected[key] = expected.get(key, 0) + 1
    page.goto(sample.url + "so-theo-doi/rui-ro-va-co-hoi/")
    heat_map = page.locator('figure.qms-heat-map[data-type="risk"] svg').first
    expect(heat_map).to_be_visible()
    assert heat_map.get_attribute("aria-label") == f"Bản đồ nhiệt rủi ro năm {year}"
    cells = heat_map.locator("g[data-count]")
    size = len(catalog.record_settings.likelihood) * len(catalog.record_settings.impact)
    expect(cells).to_have_count(size)
    shown = cells.evaluate_all("""gs => gs.map(g => [g.dataset.likelihood, g.dataset.impact, +g.dataset.count,
        g.dataset.level, Array.from(g.querySelectorAll('text')).map(t => t.textContent).join('')])""")
    counts = {(l, i): n for l, i, n, _, _ in shown if n}
    assert counts == expected, (counts, expected)
    for likelihood, impact, n, level, text in shown:
        assert text == (str(n) if n else "")        # the number is drawn in its cell
        assert level == catalog.record_settings.level(int(likelihood) * int(impact))
    box = heat_map.bounding_box()
    assert box["width"] > 200 and box["height"] > 100
    screenshot(page, "records-heat-map")


def test_survey_chart_shows_each_rate_against_the_target(page, sample):
    catalog = sample.catalog
    survey = catalog.records.of_kind("survey")[0]
    page.goto(sample.url + "so-theo-doi/khao-sat-su-hai-long/")
    chart = page.locator(f'figure[data-survey="{survey.id}"] svg')
    expect(chart).to_be_visible()
    bars = chart.locator("g[data-rate]").evaluate_all(
        "gs => gs.map(g => [g.dataset.group, +g.dataset.rate, g.querySelector('rect').getBBox().width])")
    assert [(group, rate) for group, rate, _ in bars] == [(r["group"], r["rate"]) for r in survey.items("results")]
    assert all(width > 0 for _, _, width in bars)
    target = survey_target(catalog, survey)
    assert target is not None
    assert float(chart.locator("line[data-target]").get_attribute("data-target")) == target.target
    screenshot(page, "records-survey-chart")


def test_search_finds_a_record_by_id_and_by_a_word_without_diacritics(page, sample):
    action = next(r for r in sample.catalog.records.of_kind("corrective_action") if not r.is_closed)
    path = f"/ho-so/{action.year}/{action.id.lower()}/"
    titles = search(page, sample, action.id)
    assert titles and titles[0].startswith(f"{action.id} — "), titles
    open_result(page, path)
    expect(page.locator("article h1").first).to_have_text(re.compile("^" + re.escape(f"{action.id} — {action.title}")))
    expect(page.locator('article [data-action-state="overdue"]').first).to_be_visible()
    # A phrase of the body, typed without its diacritics: 'nguyên nhân gốc rễ' as 'nguyen nhan goc re'.
    assert "nguyên nhân gốc rễ" in action.body.lower()
    search(page, sample, "nguyen nhan goc re")
    open_result(page, path)
    expect(page.locator("article .qms-body")).to_contain_text("Nguyên nhân gốc rễ")


def test_search_index_holds_each_record_page(sample):
    """Record pages are searchable (their id, unit and text); the registers' tables are not."""
    index = json.loads((sample.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    for doc in index["docs"]:
        base = doc["location"].split("#", 1)[0]
        pages[base] = pages.get(base, "") + " " + doc["title"] + " " + doc["text"]
    for record in sample.catalog.records:
        words = pages.get(f"ho-so/{record.year}/{record.id.lower()}/", "").split()
        unit = sample.catalog.organisation.unit_name(record.unit).split()
        assert record.id in words, record.id                        # a word of its own, as lunr splits it
        assert any(words[i:i + len(unit)] == unit for i in range(len(words))), (record.id, unit)
    register = pages.get("so-theo-doi/hanh-dong-khac-phuc/", "")
    assert "KP-" not in register


def test_a_closed_record_links_its_pdf(page, sample):
    """The page of a closed record offers its PDF (made beside the page by the PDF builder)."""
    record = next(r for r in sample.catalog.records if r.is_closed)
    page.goto(sample.url + f"ho-so/{record.year}/{record.id.lower()}/")
    link = page.locator("article a[download]", has_text=record.id)
    expect(link).to_have_count(1)
    target = (sample.root / f"ho-so/{record.year}/{record.id.lower()}" / link.get_attribute("href")).resolve()
    assert target.read_bytes()[:5] == b"%PDF-"
