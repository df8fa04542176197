"""The TCVN ISO 18091:2020 self-assessment (issue 20): the indicator set of site_config/iso18091.yml,
assessment records, their rules (a failing and a passing case each, with file, line and severity),
the figures of the yearly report, `qms record new assessment`, and a repository without the set,
where nothing of it appears. Runs on copies of the sample (two years of assessments)."""
from __future__ import annotations

import re

import pytest
from support.records import close_record
from support.repos import TODAY, copy_sample

from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.findings.rule_texts import RULES
from builder.records.iso18091 import ISO18091_FILE
from builder.reporting.figures import flat, yearly_figures
from builder.reporting.status import status
from builder.rules.runner import run_checks
from builder.site.navigation import navigation
from builder.site.pages import page_makers

Y2025 = "records/2025/TDG-2025-01-tu-danh-gia-theo-bo-chi-so-tcvn-iso-18091-nam-2025.md"
Y2026 = "records/2026/TDG-2026-01-bao-cao-tu-danh-gia-theo-bo-chi-so-tcvn-iso-18091-nam-2026.md"
PAGE = "so-theo-doi/iso-18091.md"
ISO_RULES = {"iso18091-config", "iso18091-indicators", "iso18091-no-action"}
# The 2026 assessment's score of indicator 1.2 (yellow, with its action programme entry).
ACTION_12 = ('    action: "Hoàn thành hành động khắc phục KP-2026-02: sửa đổi QT.07 bổ sung bước kiểm soát hồ sơ sắp '
             'đến hạn và lập Phiếu xin lỗi (BM.21); Trưởng phòng rà soát hồ sơ sắp đến hạn hằng tuần."\n')


@pytest.fixture
def repo(tmp_path):
    return copy_sample(tmp_path / "repo")


def catalog_of(repo, today: str = TODAY):
    return load_catalog(repo.root, parse_date(today), with_git=False)


def findings(repo, today: str = TODAY):
    return run_checks(catalog_of(repo, today))


def line_of(repo, rel: str, text: str) -> int:
    for number, line in enumerate(repo.read(rel).split("\n"), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {rel}")


def reopen(repo, rel: str) -> None:
    """The record as it was before `qms record close`: open, without its closing line."""
    repo.write(rel, re.sub(r"^status: closed\nclosed: \{[^\n]*\}\n", "status: open\n", repo.read(rel), flags=re.M))


def of_rule(found, rule: str, path: str) -> list:
    return [f for f in found if f.rule == rule and f.path == path]


def test_the_sample_assessments_break_no_rule(repo):
    """Twelve indicators in four quadrants, scored in 2025 and 2026, closed, every yellow and red
    indicator with its action: no finding on them or on the indicator set."""
    found = findings(repo)
    assert [f for f in found if f.rule in ISO_RULES or f.path in (Y2025, Y2026, ISO18091_FILE)] == []
    catalog = catalog_of(repo)
    assert len(catalog.indicator_set.quadrants) == 4 and len(catalog.indicator_set.indicators) == 12
    assert all(r.is_closed for r in catalog.records.of_kind("assessment"))


# --- iso18091-no-action ------------------------------------------------------------------------

@pytest.mark.parametrize("drop, words", [
    (ACTION_12, "hành động cải tiến (action)"),
    ("    owner: ntlan\n    due: 2026-12-31\n", "người chịu trách nhiệm (owner), hạn hoàn thành (due)"),
], ids=["no action", "no owner nor due"])
def test_yellow_without_its_action_is_a_warning_while_open(repo, drop, words):
    reopen(repo, Y2026)
    repo.edit(Y2026, drop, "")
    found = of_rule(findings(repo), "iso18091-no-action", Y2026)
    assert len(found) == 1
    assert found[0].line == line_of(repo, Y2026, 'indicator: "1.2"')
    assert found[0].severity.value == "warning"
    assert "chỉ số 1.2 (Giải quyết thủ tục hành chính đúng hạn)" in found[0].message and "mức vàng" in found[0].message
    assert words in found[0].message


def test_red_without_action_is_an_error_once_closed(repo):
    reopen(repo, Y2025)
    repo.edit(Y2025, '    action: "Đặt hàng 01 nhiệm vụ xử lý phụ phẩm chăn nuôi làm phân bón hữu cơ; phối hợp Sở Công '
              'Thương hướng dẫn doanh nghiệp kiểm toán năng lượng."\n', "")
    close_record(repo.root, Y2025, "ltminh", "2025-12-16")
    found = of_rule(findings(repo), "iso18091-no-action", Y2025)
    assert [(f.line, f.severity.value) for f in found] == [(line_of(repo, Y2025, 'indicator: "4.2"'), "error")]
    assert "mức đỏ" in found[0].message


def test_green_needs_no_action_and_a_complete_entry_passes(repo):
    """A green score without an action, and a yellow one with action, owner and due: no finding."""
    reopen(repo, Y2026)
    repo.edit(Y2026, '  - indicator: "3.2"\n    level: yellow', '  - indicator: "3.2"\n    level: green')
    assert not [f for f in findings(repo) if f.rule == "iso18091-no-action"]


# --- iso18091-indicators ---------------------------------------------------------------------------

def test_an_assessment_missing_an_indicator(repo):
    reopen(repo, Y2026)
    score = next(line for line in repo.read(Y2026).split("\n") if line.startswith('  - {indicator: "2.2"'))
    repo.edit(Y2026, score + "\n", "")
    found = of_rule(findings(repo), "iso18091-indicators", Y2026)
    assert [(f.line, f.severity.value) for f in found] == [(line_of(repo, Y2026, "scores:"), "warning")]
    assert "chưa đánh giá 1 chỉ số" in found[0].message
    assert "2.2 Bảo hộ, phát triển tài sản trí tuệ cho sản phẩm đặc sản của tỉnh" in found[0].message


def test_a_closed_assessment_missing_an_indicator_is_an_error(repo):
    reopen(repo, Y2025)
    score = next(line for line in repo.read(Y2025).split("\n") if line.startswith('  - {indicator: "4.1"'))
    repo.edit(Y2025, score + "\n", "")
    close_record(repo.root, Y2025, "ltminh", "2025-12-16")
    found = of_rule(findings(repo), "iso18091-indicators", Y2025)
    assert [f.severity.value for f in found] == ["error"] and "4.1" in found[0].message


def test_an_indicator_outside_the_set_and_one_scored_twice(repo):
    reopen(repo, Y2026)
    repo.edit(Y2026, '  - {indicator: "4.1", level: green,', '  - {indicator: "4.3", level: green,')
    repo.edit(Y2026, '  - {indicator: "3.1", level: green,', '  - {indicator: "1.1", level: green,')
    found = of_rule(findings(repo), "iso18091-indicators", Y2026)
    by_variant = {f.line: f.message for f in found}
    unknown = line_of(repo, Y2026, 'indicator: "4.3"')
    assert "'4.3' không có trong bộ chỉ số site_config/iso18091.yml" in by_variant[unknown]
    twice = [line for line, message in by_variant.items() if "đã được đánh giá ở dòng" in message]
    assert twice == [line_of(repo, Y2026, '- {indicator: "1.1", level: green, evidence: "Khảo sát')]
    first = line_of(repo, Y2026, 'indicator: "1.1"')
    assert f"dòng {first}" in by_variant[twice[0]]
    missing = by_variant[line_of(repo, Y2026, "scores:")]
    assert "chưa đánh giá 2 chỉ số" in missing and "3.1" in missing and "4.1" in missing


def test_assessments_without_the_set_are_reported(repo):
    """The set is the only way to check an assessment: with assessments kept and the file gone,
    each assessment says so (the feature is in use)."""
    (repo.root / ISO18091_FILE).unlink()
    found = [f for f in findings(repo) if f.rule in ISO_RULES]
    assert {(f.rule, f.path, f.line) for f in found} == {
        ("iso18091-indicators", Y2025, line_of(repo, Y2025, "kind: assessment")),
        ("iso18091-indicators", Y2026, line_of(repo, Y2026, "kind: assessment"))}
    assert "chưa có bộ chỉ số" in found[0].message


def test_a_level_other_than_the_three_lights_is_a_field_error(repo):
    reopen(repo, Y2026)
    repo.edit(Y2026, '  - {indicator: "1.1", level: green,', '  - {indicator: "1.1", level: blue,')
    found = [f for f in findings(repo) if f.path == Y2026 and f.rule == "invalid-value"]
    assert [f.line for f in found] == [line_of(repo, Y2026, "level: blue")]
    assert "green, yellow, red" in found[0].message


# --- iso18091-config: the indicator set ----------------------------------------------------------------

CONFIG_CASES = [
    ("indicator id twice", '  - id: "1.2"\n    quadrant: "1"\n    name: Giải quyết',
     '  - id: "1.1"\n    quadrant: "1"\n    name: Giải quyết', 'id: "1.1"', 2, "đã khai báo ở dòng"),
    ("unknown quadrant", '  - id: "4.2"\n    quadrant: "4"', '  - id: "4.2"\n    quadrant: "5"', 'quadrant: "5"', 1,
     "nhóm '5' không có trong mục quadrants"),
    ("malformed id", '  - id: "2.3"\n', '  - id: "2.3 (mới)"\n', 'id: "2.3 (mới)"', 1, "mã không hợp lệ"),
    ("quadrant without indicators", '    name: Phát triển môi trường bền vững\n',
     '    name: Phát triển môi trường bền vững\n  - id: "5"\n    name: Chuyển đổi số toàn diện\n', 'id: "5"', 1,
     "chưa có chỉ số nào"),
]


@pytest.mark.parametrize("name, old, new, marker, nth, words", CONFIG_CASES, ids=[c[0] for c in CONFIG_CASES])
def test_a_bad_indicator_set_is_a_finding_with_file_and_line(repo, name, old, new, marker, nth, words):
    repo.edit(ISO18091_FILE, old, new)
    found = of_rule(findings(repo), "iso18091-config", ISO18091_FILE)
    lines = [n for n, line in enumerate(repo.read(ISO18091_FILE).split("\n"), 1) if marker in line]
    assert [f.line for f in found] == [lines[nth - 1]], found
    assert words in found[0].message and found[0].severity.value == "error"
    assert RULES["iso18091-config"].stage == "load"


def test_missing_criteria_and_broken_yaml_are_findings_of_the_file(repo):
    repo.edit(ISO18091_FILE, "    red: Dưới 90 % thủ tục hành chính được công khai đầy đủ.\n", "")
    found = [f for f in findings(repo) if f.path == ISO18091_FILE]
    assert [(f.rule, f.line) for f in found] == [("required-field", line_of(repo, ISO18091_FILE, 'id: "1.1"'))]
    repo.write(ISO18091_FILE, repo.read(ISO18091_FILE).replace('  - id: "2.1"', '  - id: "2.1\n', 1))
    found = [f for f in findings(repo) if f.path == ISO18091_FILE]
    assert [f.rule for f in found] == ["yaml-syntax"] and found[0].line > 1


# --- Figures, the page, the command ------------------------------------------------------------

def test_the_yearly_figures_carry_the_iso_summary(repo):
    catalog = catalog_of(repo)
    now, before = flat(yearly_figures(catalog, 2026)), flat(yearly_figures(catalog, 2025))
    assert {k: v for k, v in now.items() if k.startswith("iso18091.")} == {
        "iso18091.indicators": 12, "iso18091.assessed": 12, "iso18091.green": 7, "iso18091.yellow": 4,
        "iso18091.red": 1, "iso18091.actions": 5, "iso18091.improved": 5, "iso18091.worsened": 1}
    assert (before["iso18091.green"], before["iso18091.red"], before["iso18091.improved"]) == (5, 3, None)
    section = next(s for s in yearly_figures(catalog, 2026) if s.key == "iso18091")
    assert [f.sources[0].ref for f in section.figures if f.key == "iso18091.green"] == ["TDG-2026-01"]
    assert ("4. Phát triển môi trường bền vững", 1, 0, 1) in section.rows
    assert status(catalog)["now"]["iso18091"] == {"green": 7, "yellow": 4, "red": 1}
    assert flat(yearly_figures(catalog, 2027))["iso18091.green"] is None      # no assessment that year


def test_without_the_set_nothing_is_shown_or_reported(repo):
    """No site_config/iso18091.yml and no assessment: no finding, no page, no menu entry, no figure."""
    (repo.root / ISO18091_FILE).unlink()
    for rel in (Y2025, Y2026):
        (repo.root / rel).unlink()
    catalog = catalog_of(repo)
    assert catalog.indicator_set is None
    assert not [f for f in run_checks(catalog) if f.rule in ISO_RULES]
    assert PAGE not in page_makers(catalog)
    assert PAGE not in repr(navigation(catalog))
    assert not [s for s in yearly_figures(catalog, 2026) if s.key == "iso18091"]
    assert status(catalog)["now"]["iso18091"] is None


def test_the_page_escapes_what_the_set_and_records_write(repo):
    repo.edit(ISO18091_FILE, "name: Công khai, minh bạch thủ tục hành chính",
              'name: "Công khai <script>alert(1)</script> thủ tục"')
    page = page_makers(catalog_of(repo))[PAGE]().content
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert PAGE in repr(navigation(catalog_of(repo)))


def test_record_new_lists_every_indicator_of_the_set(repo):
    result = repo.qms("record", "new", "assessment", "--date", "2026-11-21", "--title", "Tự đánh giá bổ sung năm 2026")
    assert result.exit_code == 0, result.output
    rel = re.search(r"records/2026/TDG-2026-02-[^\s]+\.md", result.output).group(0)
    text = repo.read(rel)
    assert "form: {code: BM.09, revision: 1}" in text and "procedure: QT.03" in text
    assert len(re.findall(r"^  - \{indicator: \d\.\d, level: CẦN ĐIỀN\}$", text, flags=re.M)) == 12, text
    assert not [f for f in findings(repo) if f.path == rel and f.rule in ISO_RULES]    # every indicator listed
