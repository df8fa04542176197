"""The site for records of the yearly cycle (issue 19, site): a page per record, the registers
under so-theo-doi/, the heat map and survey charts, the 'Chu kỳ HTQLCL năm <year>' page, a
form's records and the home page's unconfirmed issues, on a small repository written here."""
from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import PurePosixPath
from types import SimpleNamespace

import pytest
from support.repos import BASE_FILES, approve_all, make_repo

from builder.addresses import (cycle_page_uri, page_url_of, record_page_uri,
                               record_pdf_path)
from builder.catalog import load_catalog
from builder.site.model import place_html
from builder.site.navigation import navigation
from builder.site.pages import page_makers
from builder.site.pages.home import home_page
from builder.site.pages.reference import field_reference_page

TODAY = date(2026, 11, 21)
SVG = "{http://www.w3.org/2000/svg}"
FORM = "form: {code: BM.01, revision: 1}\nprocedure: QT.01\n"

MTCL = """\
---
code: MTCL.2026
kind: objectives
title: Mục tiêu chất lượng năm 2026
unit: VP
revision: 1
status: effective
effective: 2026-01-20
prepared: {by: hmduc, date: 2026-01-07}
reviewed: {by: phthu, date: 2026-01-12}
approved: {by: ltminh, date: 2026-01-16}
year: 2026
targets:
  - id: MT.03
    name: Tỷ lệ tổ chức, cá nhân hài lòng
    op: ">="
    target: 95
    measure: "%"
    unit: VP
    results:
      - {period: Quý I, value: 96.1}
changes:
  - {revision: 1, date: 2026-01-20, description: Ban hành lần đầu}
---
Mục tiêu chất lượng năm 2026.
"""


def record(rid: str, kind: str, title: str, day: str, status: str, fields: str, body: str = "") -> str:
    closed = f"closed: {{by: ltminh, date: {day}}}\n" if status == "closed" else ""
    return (f"---\nid: {rid}\nkind: {kind}\ntitle: {title}\nunit: VP\ndate: {day}\n{FORM}status: {status}\n{closed}"
            f"{fields}---\n{body or 'Nội dung hồ sơ ' + rid + '.'}\n")


RECORDS = {
    "DGNB-2026-01": record("DGNB-2026-01", "audit", "Báo cáo đánh giá nội bộ năm 2026", "2026-10-20", "closed", """\
dates: {from: 2026-10-05, to: 2026-10-14}
scope: {units: [VP, KHTC, QLKH], procedures: [QT.01]}
auditors:
  - {person: ltnga, units: [VP]}
  - {person: hmduc, units: [KHTC, QLKH]}
findings:
  - {id: 1, type: nonconformity, clause: 7.5.3, unit: VP, text: Sổ theo dõi hồ sơ chưa cập nhật}
  - {id: 2, type: nonconformity, clause: 8.7.1, unit: KHTC, text: Hồ sơ trễ hạn không có phiếu xin lỗi}
  - {id: 3, type: observation, clause: 7.5.3, unit: VP, text: Nên sắp xếp lại tủ hồ sơ}
  - {id: 4, type: nonconformity, clause: 9.1.2, unit: QLKH, text: Chưa tổng hợp phản ánh Quý III}
"""),
    "KP-2026-01": record("KP-2026-01", "corrective_action", "Cập nhật sổ theo dõi hồ sơ", "2026-10-16", "closed", """\
source: {type: audit, record: DGNB-2026-01, item: 1}
description: Sổ theo dõi hồ sơ chưa cập nhật từ tháng 6
cause: Chưa phân công người cập nhật
action: Phân công và cập nhật sổ
responsible: VP
due: 2026-11-06
verification: {by: phthu, date: 2026-11-10, result: effective}
"""),
    "KP-2026-02": record("KP-2026-02", "corrective_action", "Phiếu xin lỗi khi trễ hạn", "2026-10-16", "open", """\
source: {type: audit, record: DGNB-2026-01, item: 2}
description: Hồ sơ trễ hạn không có phiếu xin lỗi
responsible: KHTC
due: 2026-11-15
"""),
    "KP-2026-03": record("KP-2026-03", "corrective_action", "Công khai kết quả khảo sát", "2026-09-01", "open", """\
source: {type: inspection, record: KT-2026-01, item: 2}
description: Chưa công khai kết quả khảo sát
responsible: VP
due: 2026-12-20
"""),
    "RR-2026-01": record("RR-2026-01", "risk", "Quy trình chậm cập nhật", "2026-03-13", "open", """\
type: risk
description: Quy trình chậm cập nhật khi văn bản thay đổi
likelihood: 3
impact: 3
treatment: Rà soát văn bản hằng tháng
owner: ntlan
due: 2026-06-30
evaluation: {by: phthu, date: 2026-11-06, result: effective}
"""),
    "RR-2026-02": record("RR-2026-02", "risk", "Mất dữ liệu hồ sơ điện tử", "2026-03-13", "open", """\
type: risk
description: Sự cố hệ thống làm mất dữ liệu
likelihood: 3
impact: 3
treatment: Sao lưu hằng tháng
owner: tqhuy
due: 2026-09-30
"""),
    "RR-2026-03": record("RR-2026-03", "risk", "Phản ánh về thái độ phục vụ", "2026-03-13", "open", """\
type: risk
description: Phản ánh về thái độ phục vụ của công chức
likelihood: 1
impact: 3
treatment: Kiểm tra đột xuất mỗi quý
owner: phthu
due: 2026-12-31
"""),
    "RR-2026-04": record("RR-2026-04", "risk", "Dịch vụ công trực tuyến toàn trình", "2026-03-13", "open", """\
type: opportunity
description: Mở rộng dịch vụ công trực tuyến
likelihood: 2
impact: 3
treatment: Cấu hình quy trình điện tử
owner: tqhuy
due: 2026-09-30
"""),
    "KS-2026-01": record("KS-2026-01", "survey", "Khảo sát sự hài lòng đợt 1", "2026-06-26", "open", """\
period: {from: 2026-06-01, to: 2026-06-19}
service: Cấp giấy chứng nhận đăng ký hoạt động KH&CN
sample: 36
method: Phiếu khảo sát tại Bộ phận Một cửa
objective: {document: MTCL.2026, target: MT.03}
results:
  - {group: Tiếp cận thông tin, rate: 96.5}
  - {group: Thời hạn giải quyết, rate: 93}
themes:
  - {theme: Đề nghị mở rộng nộp hồ sơ trực tuyến, count: 12}
"""),
    "XXLD-2026-01": record("XXLD-2026-01", "review", "Biên bản họp xem xét của lãnh đạo năm 2026", "2026-11-13",
                           "closed", """\
chair: ltminh
attendees: [nvhai, phthu]
inputs:
  - {input: audit_results, summary: 04 phát hiện, evidence: [DGNB-2026-01, QT.01]}
  - {input: objectives, summary: Đạt 5/7 mục tiêu, evidence: [MTCL.2026]}
outputs:
  - {type: improvement, decision: Khảo sát trực tuyến, owner: phthu, due: 2026-12-31}
"""),
    "DT-2026-01": record("DT-2026-01", "training", "Đào tạo chuyên gia đánh giá nội bộ", "2026-05-22", "closed", """\
course: Đánh giá nội bộ theo TCVN ISO 19011:2018
dates: {from: 2026-05-20, to: 2026-05-22}
organiser: Văn phòng Sở
attendees: [ntkhanh, hmduc]
attendee_counts:
  - {unit: KHTC, count: 5}
"""),
    "DT-2026-02": record("DT-2026-02", "training", "<script>alert(1)</script> Tập huấn", "2026-06-10", "open", """\
course: Nhận thức về TCVN ISO 9001:2015
dates: {from: 2026-06-10, to: 2026-06-10}
organiser: Văn phòng Sở
""", "Buổi tập huấn về quản lý rủi ro tại hội trường tầng 2."),
    "KT-2026-01": record("KT-2026-01", "inspection", "Kết quả kiểm tra HTQLCL năm 2026", "2026-08-20", "open", """\
inspector: Sở Khoa học và Công nghệ
letter: 104/SKHCN-TĐC
letter_date: 2026-08-20
recommendations:
  - {id: 1, text: Cập nhật danh mục tài liệu bên ngoài, follow_up: Đã cập nhật BM.03, done: 2026-09-15}
  - {id: 2, text: Công khai kết quả khảo sát, record: KP-2026-03}
  - {id: 3, text: Đánh giá hiệu lực xử lý rủi ro}
"""),
    "TN-2026-01": record("TN-2026-01", "acknowledgement", "Tiếp nhận QT.01 lần ban hành 02", "2026-02-03", "open", """\
documents:
  - {code: QT.01, revision: 2}
units: [VP, KHTC]
confirmations:
  - {unit: VP, by: ntkhanh, date: 2026-02-05}
"""),
    "RR-2025-01": record("RR-2025-01", "risk", "Rủi ro năm 2025", "2025-03-10", "closed", """\
type: risk
description: Rủi ro của năm trước
likelihood: 1
impact: 2
treatment: Theo dõi
"""),
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    """The base documents (QT.01, BM.01, KH.2026) approved, MTCL.2026, and the records above as
    written: open ones stay open."""
    files = {rel: text for rel, text in BASE_FILES.items() if not rel.startswith("records/")}
    files["procedures/MTCL.2026-muc-tieu-chat-luong.md"] = MTCL
    files.update({f"records/{rid[-7:-3]}/{rid}.md": text for rid, text in RECORDS.items()})
    repo = make_repo(tmp_path_factory.mktemp("records") / "repo", files, approved=False)
    approve_all(repo.root)
    return load_catalog(repo.root, TODAY)


@pytest.fixture(scope="module")
def pages(catalog):
    return {uri: place_html(make().content) for uri, make in page_makers(catalog).items()}


def svgs(page: str) -> list[ET.Element]:
    """Every chart of a page, parsed as XML (each is written as one well-formed <svg>)."""
    return [ET.fromstring(s) for s in re.findall(r"<svg\b.*?</svg>", page, re.S)]


def table_rows(page: str) -> list[list[str]]:
    """The cells of every Markdown table row of a page."""
    return [[c.strip() for c in line.strip().strip("|").split(" | ")] for line in page.splitlines()
            if line.startswith("| ") and not line.startswith("|---")]


def test_every_record_has_its_page_and_the_registers_exist(pages):
    for rid in RECORDS:
        assert f"ho-so/{rid[-7:-3]}/{rid.lower()}.md" in pages, rid
    for uri in ("so-theo-doi/danh-gia-noi-bo.md", "so-theo-doi/hanh-dong-khac-phuc.md",
                "so-theo-doi/rui-ro-va-co-hoi.md",
                "so-theo-doi/khao-sat-su-hai-long.md", "so-theo-doi/xem-xet-cua-lanh-dao.md", "so-theo-doi/dao-tao.md",
                "so-theo-doi/kiem-tra-cua-cap-tren.md", "so-theo-doi/tiep-nhan-tai-lieu.md",
                cycle_page_uri(2026), cycle_page_uri(2025)):
        assert uri in pages, uri


def test_record_page_header_links_form_procedure_and_pdf(pages):
    page = pages["ho-so/2026/dgnb-2026-01.md"]
    assert page.startswith("# DGNB-2026-01 — Báo cáo đánh giá nội bộ năm 2026")
    assert '<a href="../../../tai-lieu/bm-01/">BM.01 (lần ban hành 01)</a> Phiếu đề nghị soạn thảo' in page
    assert '<a href="../../../tai-lieu/qt-01/">QT.01</a> Quy trình kiểm soát thông tin dạng văn bản' in page
    assert "ký đóng bởi Lê Thành Minh ngày 20/10/2026" in page
    assert '<a href="DGNB-2026-01.pdf" download>' in page                 # closed: its PDF beside the page
    assert ".pdf" not in pages["ho-so/2026/kp-2026-02.md"]                   # open: none
    assert "Nội dung hồ sơ DGNB-2026-01." in page                            # the body, rendered


def test_audit_findings_show_their_corrective_actions_and_states(pages):
    page = pages["ho-so/2026/dgnb-2026-01.md"]
    rows = {cells[0]: cells for cells in table_rows(page) if len(cells) == 6}
    assert rows["1"][1:5] == ["Sự không phù hợp", "7.5.3", "Văn phòng Sở", "Sổ theo dõi hồ sơ chưa cập nhật"]
    assert "[KP-2026-01](kp-2026-01.md)" in rows["1"][5] and 'data-action-state="closed"' in rows["1"][5]
    assert "[KP-2026-02](kp-2026-02.md)" in rows["2"][5] and 'data-action-state="overdue"' in rows["2"][5]
    assert rows["3"][1] == "Khuyến nghị, lưu ý" and rows["3"][5] == "—"
    assert "Chưa có hành động khắc phục" in rows["4"][5]
    assert "Lý Thị Nga (Văn phòng Sở); Hoàng Minh Đức (Phòng Kế hoạch - Tài chính, Phòng Quản lý khoa học)" in page


def test_every_link_of_a_record_page_leads_to_a_page(pages):
    """The links of record pages, Markdown (between pages, checked by a strict build too) and
    HTML (the header, relative to the page's URL), lead to pages the build makes; the PDF is
    made beside the page."""
    uris, urls = set(pages), {page_url_of(uri) for uri in pages}
    checked = 0
    for uri, page in pages.items():
        if not uri.startswith("ho-so/"):
            continue
        for target in re.findall(r"\]\(([^)#]+)\)", page):
            assert posixpath.normpath(posixpath.join(posixpath.dirname(uri), target)) in uris, (uri, target)
            checked += 1
        for target in re.findall(r'href="([^"#]+)', page):
            resolved = posixpath.normpath(posixpath.join(page_url_of(uri), target)) + "/"
            assert target.endswith(".pdf") or resolved in urls, (uri, target)
            checked += 1
    assert checked > 60


def test_audit_programme_counts_findings_by_type_and_by_clause_and_unit(pages):
    page = pages["so-theo-doi/danh-gia-noi-bo.md"]
    row = next(line for line in page.splitlines() if line.startswith("| [DGNB-2026-01]"))
    assert row.split("|")[6:9] == [" 3 ", " 1 ", " 0 "]           # nonconformities, observations, opportunities
    assert "| Điều khoản | Văn phòng Sở | Phòng Kế hoạch - Tài chính | Phòng Quản lý khoa học | Tổng |" in page
    assert "| 7.5.3 | 2 |  |  | **2** |" in page
    assert "| **Tổng** | **2** | **1** | **1** | **4** |" in page


def test_corrective_action_register_states_one_overdue(pages):
    page = pages["so-theo-doi/hanh-dong-khac-phuc.md"]
    states = dict(re.findall(r"\[(KP-2026-\d\d)\][^\n]*?data-action-state=\"(\w+)\"", page))
    assert states == {"KP-2026-01": "closed", "KP-2026-02": "overdue", "KP-2026-03": "open"}
    assert "3 hành động khắc phục, 1 đã đóng, 1 đang thực hiện, 1 quá hạn" in page
    assert "Có hiệu lực: Phạm Hoài Thu, ngày 10/11/2026" in page
    assert "Đánh giá nội bộ: [DGNB-2026-01](../ho-so/2026/dgnb-2026-01.md), phát hiện số 2" in page
    assert 'data-columns="Năm|Đơn vị thực hiện|Tình trạng"' in page


def test_risk_heat_map_counts_each_cell(pages, catalog):
    """The sample's scale (site_config/records.yml): 3 × 3, high from 6, medium from 3."""
    scale = catalog.record_settings
    assert (len(scale.likelihood), len(scale.impact), scale.high, scale.medium) == (3, 3, 6, 3)
    page = pages["so-theo-doi/rui-ro-va-co-hoi.md"]
    section = page.split("## Năm 2026", 1)[1].split("## Năm 2025", 1)[0]
    risks, opportunities = svgs(section)
    cells = {(g.get("data-likelihood"), g.get("data-impact")): g for g in risks.iter(SVG + "g")}
    assert len(cells) == 9
    assert cells[("3", "3")].get("data-count") == "2" and cells[("3", "3")].get("data-level") == "high"
    assert cells[("1", "3")].get("data-count") == "1" and cells[("1", "3")].get("data-level") == "medium"
    assert cells[("1", "1")].get("data-count") == "0" and cells[("1", "1")].get("data-level") == "low"
    assert sum(int(g.get("data-count")) for g in cells.values()) == 3       # the opportunity has its own map
    assert [t.text for t in cells[("3", "3")].iter(SVG + "text")] == ["2"]
    assert [t.text for t in cells[("1", "1")].iter(SVG + "text")] == []   # an empty cell shows no number
    assert cells[("3", "3")].find(SVG + "title").text == (
        f"3. {scale.likelihood[2]} × 3. {scale.impact[2]}: điểm 9, mức cao: 2 rủi ro")
    texts = " ".join(t.text for t in risks.iter(SVG + "text"))
    assert f"1. {scale.likelihood[0]}" in texts and "Mức độ ảnh hưởng →" in texts   # whole labels, wrapped
    assert risks.get("aria-label") == "Bản đồ nhiệt rủi ro năm 2026"
    assert opportunities.get("aria-label") == "Bản đồ nhiệt cơ hội năm 2026"
    assert {(g.get("data-likelihood"), g.get("data-impact"), g.get("data-count"))
            for g in opportunities.iter(SVG + "g") if g.get("data-count") != "0"} == {("2", "3", "1")}
    # The register: highest score first, with the level and a short evaluation.
    rows = [line for line in section.splitlines() if line.startswith("| [RR-")]
    assert [r.split("]")[0][3:] for r in rows][:2] == ["RR-2026-01", "RR-2026-02"]
    assert "3 × 3 = 9" in rows[0] and 'data-level="high"' in rows[0]
    assert "Hiệu quả (06/11/2026)" in rows[0] and "Chưa đánh giá" in rows[1]


def test_survey_chart_rates_and_target(pages):
    page = pages["so-theo-doi/khao-sat-su-hai-long.md"]
    (chart,) = svgs(page)
    bars = {g.get("data-group"): g.get("data-rate") for g in chart.iter(SVG + "g")}
    assert bars == {"Tiếp cận thông tin": "96.5", "Thời hạn giải quyết": "93"}
    (target,) = [e for e in chart.iter(SVG + "line") if e.get("data-target")]
    assert target.get("data-target") == "95"
    fills = {g.get("data-group"): g.find(SVG + "rect").get("fill")
             for g in chart.iter(SVG + "g")}
    assert fills == {"Tiếp cận thông tin": "#2e7d32", "Thời hạn giải quyết": "#c62828"}     # met, not met
    assert "Chỉ tiêu ≥ 95%" in page and "| Thời hạn giải quyết | 93 |" in page
    assert "[MTCL.2026](../tai-lieu/mtcl-2026.md), MT.03" in page


def test_review_inputs_link_their_evidence_and_flag_missing_ones(pages):
    page = pages["ho-so/2026/xxld-2026-01.md"]
    inputs = {cells[0]: cells for cells in table_rows(page) if len(cells) == 3}
    assert len(inputs) == 1 + 12                                   # every input of 9.3.2, in the standard's order
    audit = inputs["c6) Kết quả đánh giá"]
    assert audit[1] == "04 phát hiện"
    assert audit[2] == "[DGNB-2026-01](dgnb-2026-01.md), [QT.01](../../tai-lieu/qt-01.md)"
    assert "Chưa có" in inputs["d) Sự thỏa đáng của các nguồn lực"][1]
    register = pages["so-theo-doi/xem-xet-cua-lanh-dao.md"]
    assert "2/12, thiếu: a), b), c1), c3), c4), c5), c7), d), e), f)" in register
    assert "Khảo sát trực tuyến | Phạm Hoài Thu | 31/12/2026" in register


def test_training_inspection_and_acknowledgement_pages(pages):
    trainings = pages["so-theo-doi/dao-tao.md"]
    assert "| [DT-2026-01](../ho-so/2026/dt-2026-01.md) | Đánh giá nội bộ theo TCVN ISO 19011:2018 |" in trainings
    assert "| 7 |" in trainings                                   # 2 named + 5 counted
    inspection = pages["ho-so/2026/kt-2026-01.md"]
    states = re.findall(r'data-recommendation-state="(\w+)"', inspection)
    assert states == ["done", "open", "missing"]
    assert "[KP-2026-03](kp-2026-03.md)" in inspection
    ack = pages["ho-so/2026/tn-2026-01.md"]
    assert '<span data-missing="1">Phòng Kế hoạch - Tài chính</span>' in ack
    register = pages["so-theo-doi/tiep-nhan-tai-lieu.md"]
    row = next(line for line in register.splitlines() if "[TN-2026-01]" in line)
    assert "Phòng Kế hoạch - Tài chính" in row and 'data-acknowledgement-state="late"' in row


def test_a_hostile_title_is_shown_as_text(pages):
    page = pages["ho-so/2026/dt-2026-02.md"]
    assert "<script>" not in page
    assert page.startswith("# DT-2026-02 — &lt;script&gt;alert(1)&lt;/script&gt; Tập huấn")
    assert "<script>" not in pages["so-theo-doi/dao-tao.md"]


def test_form_page_counts_records_per_year(pages):
    page = pages["tai-lieu/bm-01.md"]
    section = page.split("## Hồ sơ lập theo biểu mẫu này", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert lines[0].startswith(f"- Năm 2026: {len(RECORDS) - 1} hồ sơ (")
    assert lines[1].startswith("- Năm 2025: 1 hồ sơ (")
    assert "[RR-2025-01](../ho-so/2025/rr-2025-01.md)" in lines[1]
    assert "[Sổ đăng ký rủi ro và cơ hội](../so-theo-doi/rui-ro-va-co-hoi.md)" in lines[1]
    assert "Hồ sơ lập theo biểu mẫu này" not in pages["tai-lieu/qt-01.md"]


def test_cycle_page_states(pages):
    page = pages[cycle_page_uri(2026)]
    states = dict(re.findall(r'data-step="(\w+)" data-state="(\w+)"', page))
    assert states == {"objectives": "done", "risk_plan": "done", "internal_audit": "done",
                      "corrective_actions": "overdue", "survey": "upcoming", "management_review": "done",
                      "inspection": "upcoming", "training": "done", "objectives_evaluated": "done",
                      "risk_evaluated": "due"}
    assert page.startswith("---\nhide:\n- toc\n---\n\n# Chu kỳ HTQLCL năm 2026")
    row = next(line for line in page.splitlines() if 'data-step="internal_audit"' in line)
    assert "| 31/10/2026 |" in row and "[DGNB-2026-01](dgnb-2026-01.md)" in row     # the plan's deadline
    assert "Kế hoạch [KH.2026](../../tai-lieu/kh-2026.md): hoàn thành ngày 20/10/2026." in row
    risk = next(line for line in page.splitlines() if 'data-step="risk_evaluated"' in line)
    assert "| 15/12/2026 |" in risk and "1/4 rủi ro, cơ hội đã đánh giá hiệu quả" in risk
    past = dict(re.findall(r'data-step="(\w+)" data-state="(\w+)"', pages[cycle_page_uri(2025)]))
    assert past["internal_audit"] == "overdue" and past["risk_plan"] == "done" and past["inspection"] == "none"


def test_navigation_lists_cycle_pages_then_registers(catalog, pages):
    """Each year's cycle page is a link of the 'Hồ sơ' section, newest first, then the registers."""
    section = next(item for item in navigation(catalog) if item.title == "Hồ sơ")
    titles = [item.title for item in section.children]
    assert titles == ["Chu kỳ HTQLCL năm 2026", "Chu kỳ HTQLCL năm 2025", "Chương trình đánh giá nội bộ",
                      "Sổ theo dõi sự không phù hợp và hành động khắc phục", "Sổ đăng ký rủi ro và cơ hội",
                      "Kết quả khảo sát sự hài lòng", "Xem xét của lãnh đạo", "Đào tạo, tập huấn",
                      "Kiểm tra của cấp trên và thực hiện kiến nghị", "Tiếp nhận tài liệu"]
    assert section.children[0].page == cycle_page_uri(2026) == "ho-so/2026/chu-ky.md"
    assert all(item.page in pages for item in section.children)


def test_home_lists_issues_whose_confirmations_are_late(catalog):
    page = place_html(home_page(catalog).content)
    section = page.split("## Tài liệu chưa đủ xác nhận đã đọc", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| [")]
    assert any("[QT.01 " in r and "Phòng Kế hoạch - Tài chính" in r and "[TN-2026-01]" in r for r in rows), rows
    # Issues of the last 12 months without any record count too; BM.01 took effect 02/02/2026.
    assert any("[BM.01 " in r and 'data-acknowledgement-state="none"' in r for r in rows), rows
    assert "[Tiếp nhận tài liệu](so-theo-doi/tiep-nhan-tai-lieu.md)" in section


def test_field_reference_lists_record_fields_per_kind():
    page = field_reference_page().content
    assert "## Hồ sơ của chu kỳ hằng năm" in page
    assert "### Trường riêng: Đánh giá nội bộ (`kind: audit`)" in page
    assert "| `findings[].clause` | Điều khoản |" in page
    assert "| `verification.result` | Kết quả |" in page


def test_partial_and_wrong_records_still_make_every_page(tmp_path):
    """The preview renders a repository while records are being written: a record with only its
    id and kind, or with values of the wrong shape, still gets its page and its register rows."""
    files = {rel: text for rel, text in BASE_FILES.items() if not rel.startswith("records/")}
    odd = ("date: 2026-05-05\nlikelihood: nhiều\nimpact: 9\nresults: [{group: A}, 7]\nfindings: [{type: nonconformity}]\n"
           "inputs: [{input: objectives}]\ndocuments: [{code: QT.01}]\nrecommendations: [{record: KP-9}]\n"
           "dates: {from: 2026-05-05}\nverification: {by: ai-do}\nsource: {record: DGNB-2026-01, item: 9}\n"
           "attendee_counts: [{unit: VP}]\nobjective: {document: MTCL.2099, target: MT.09}\nscope: 3\n")
    for n, kind in enumerate(("audit", "corrective_action", "risk", "survey", "review", "training", "inspection",
                              "acknowledgement"), 1):
        files[f"records/2026/TH-{n}.md"] = f"---\nid: TH-2026-{n:02d}\nkind: {kind}\ntitle: Dở dang\n---\n"
        files[f"records/2026/TS-{n}.md"] = f"---\nid: TS-2026-{n:02d}\nkind: {kind}\ntitle: Sai kiểu\n{odd}---\n"
    repo = make_repo(tmp_path / "repo", files, approved=False)
    catalog = load_catalog(repo.root, TODAY)
    pages = {uri: make().content for uri, make in page_makers(catalog).items()}
    assert "ho-so/khong-ngay/th-2026-01.md" in pages and "ho-so/2026/ts-2026-08.md" in pages
    assert "Chưa có hành động khắc phục" in pages["ho-so/2026/ts-2026-01.md"]
    home_page(catalog)


@pytest.mark.parametrize("record_id", ["../../../etc/passwd", "KP-2026-01/../../x", "a\\b", "", "ĐGNB-2026-01"])
def test_a_record_id_never_leads_a_file_out_of_its_folder(record_id):
    """The id comes from the record's own file: its page and PDF stay under ho-so/<year>/."""
    record = SimpleNamespace(id=record_id, year=2026)
    for path in (record_page_uri(record), record_pdf_path(record)):
        parts = PurePosixPath(path).parts
        assert parts[:2] == ("ho-so", "2026") and ".." not in parts and "\\" not in path, path
    assert record_pdf_path(record).count("/") == 3
