"""The TCVN ISO 18091 self-assessment page in a real browser (issue 20): per quadrant each
indicator's light this year and last with the change, the count per light equal to the yearly
report's figures, a yellow or red indicator's entry in the action programme, at desk and phone
widths; the page is reached from the navigation and links the assessment records.

Debian's chromium driven by Playwright against the sample (two years of assessments, 12
indicators in 4 quadrants) built once and served on 127.0.0.1; no request may leave the host."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from support.browser import cells_outside, screenshot

from builder.records import assessments
from builder.reporting.figures import flat, yearly_figures

PAGE = "so-theo-doi/iso-18091/"
WORDS = {"green": "Xanh", "yellow": "Vàng", "red": "Đỏ"}
# Each quadrant's table, read from the page: the quadrant heading, then per row the indicator,
# this year's and last year's level and word, the change and the action programme's cell.
READ_QUADRANTS = r"""() => Array.from(document.querySelectorAll('article .qms-iso-quadrant')).map(box => {
        let heading = box.previousElementSibling
        while (heading && heading.tagName !== 'H3') heading = heading.previousElementSibling
        return [heading.textContent.replace(/¶\s*$/, '').trim(), Array.from(box.querySelector('table').tBodies[0].rows)
            .map(row => {
                const lights = row.querySelectorAll('.qms-light')
                const change = row.querySelector('[data-change]')
                return {indicator: row.cells[0].textContent.trim(),
                        now: lights[0].dataset.level, nowWord: lights[0].innerText.trim(),
                        then: lights[1] ? lights[1].dataset.level : null,
                        change: change ? change.dataset.change : null,
                        changeText: change ? change.innerText.trim() : '',
                        action: row.cells[row.cells.length - 1].innerText.trim()}
            })]
    })"""


@pytest.fixture
def sample(sample_site):
    """The sample built once for the session (tests/e2e/conftest.py)."""
    return sample_site


def expected_quadrants(catalog):
    """What the page must show, from the core: per quadrant its indicators with this year's and
    last year's level."""
    year = assessments.years(catalog.records)[0]
    now, before = assessments.of_year(catalog.records, year), assessments.previous(catalog.records, year)
    return year, [(f"Nhóm {q.id}. {q.name}",
                   [(i.id, assessments.level_of(now, i.id), assessments.level_of(before, i.id))
                    for i in catalog.indicator_set.of_quadrant(q.id)])
                  for q in catalog.indicator_set.quadrants]


@pytest.mark.parametrize("width", [1280, 390])
def test_lights_per_quadrant_with_counts_change_and_actions(page, sample, width):
    catalog = sample.catalog
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(sample.url + PAGE)
    expect(page.locator("article h1").first).to_have_text(re.compile(r"^Tự đánh giá theo TCVN ISO 18091\b"))
    year, quadrants = expected_quadrants(catalog)
    assert year == 2026
    expect(page.locator("article h2", has_text=f"Kết quả năm {year}")).to_be_visible()

    # The count per light is the yearly report's figure (builder/reporting/figures.py).
    figures = flat(yearly_figures(catalog, year))
    for level in WORDS:
        expect(page.locator(f'.qms-iso-summary [data-count="{level}"]')).to_have_text(str(figures[f"iso18091.{level}"]))
    assert (figures["iso18091.green"], figures["iso18091.yellow"], figures["iso18091.red"]) == (7, 4, 1)
    expect(page.locator("article")).to_contain_text("So với năm 2025: 5 chỉ số tốt lên, 1 chỉ số giảm mức, "
                                                    "6 chỉ số giữ nguyên.")

    shown = page.evaluate(READ_QUADRANTS)
    assert [title for title, _ in shown] == [title for title, _ in quadrants]
    for (title, rows), (_, expected) in zip(shown, quadrants):
        assert [(r["indicator"].split(" ")[0], r["now"], r["then"]) for r in rows] == expected, title
        for row in rows:
            assert row["nowWord"] == WORDS[row["now"]]          # the word, never the colour alone
            moved = assessments.change(row["now"], row["then"])
            assert row["change"] == moved and row["changeText"][0] == {"better": "↑", "worse": "↓", "same": "="}[moved]
            if row["now"] == "green":
                assert row["action"] == "—"
    rows = {r["indicator"].split(" ")[0]: r for _, quadrant in shown for r in quadrant}
    assert rows["1.2"]["change"] == "worse" and rows["1.2"]["changeText"] == "↓ Giảm mức"
    assert rows["1.4"]["change"] == "better" and rows["1.4"]["then"] == "red"
    # A red indicator's entry in the action programme: what, who, by when.
    assert rows["4.2"]["now"] == "red"
    assert "Nghiệm thu và xây dựng 01 mô hình xử lý phụ phẩm chăn nuôi" in rows["4.2"]["action"]
    assert "Võ Thị Mai" in rows["4.2"]["action"] and "31/12/2027" in rows["4.2"]["action"]

    # The three lights have three colours (and each carries its word).
    colours = {level: page.locator(f'.qms-iso-summary .qms-light[data-level="{level}"] .qms-badge').first.evaluate(
        "b => getComputedStyle(b).backgroundColor") for level in WORDS}
    assert len(set(colours.values())) == 3, colours
    assert cells_outside(page, width) == []
    screenshot(page, f"iso18091-{width}")


def test_the_page_is_in_the_navigation_and_links_the_assessments(page, sample):
    page.goto(sample.url)
    link = page.locator("nav.md-nav--primary a", has_text="Tự đánh giá theo TCVN ISO 18091").first
    assert link.get_attribute("href").endswith(PAGE)
    link.click()
    expect(page.locator("article h1").first).to_have_text(re.compile(r"^Tự đánh giá theo TCVN ISO 18091\b"))
    records = page.locator("article table a", has_text=re.compile(r"^TDG-\d{4}-\d{2}$"))
    assert sorted(set(records.all_inner_texts())) == ["TDG-2025-01", "TDG-2026-01"]
    page.locator("article a", has_text="TDG-2026-01").first.click()
    expect(page).to_have_url(re.compile(r"/ho-so/2026/tdg-2026-01/$"))
    expect(page.locator("article h1").first).to_contain_text("TDG-2026-01 — Báo cáo kết quả tự đánh giá")
    lights = page.locator("article .qms-light")
    expect(lights).to_have_count(12)
    assert lights.evaluate_all("ls => ls.map(l => l.dataset.level)").count("yellow") == 4
    expect(page.locator("article a[download]", has_text="TDG-2026-01")).to_have_count(1)
    page.locator("article .qms-record-header a", has_text="Tự đánh giá theo TCVN ISO 18091").click()
    expect(page).to_have_url(re.compile(re.escape(PAGE) + "$"))
