"""When the law changes: the 3-month deadline, impact, yearly duties, re-announcement, reassign."""
from __future__ import annotations

import json
import shutil

import pytest
from support.records import AUDIT, RECORDS, REVIEW, close_record, unintended
from support.repos import TODAY, copy_sample, make_repo

Q = "procedures/QT.01-kiem-soat-tai-lieu.md"
REG = "site_config/legal_register.yml"
NEW_DECREE = """
  - number: 45/2026/NĐ-CP
    type: Nghị định
    title: Quy định về công tác văn thư (thay thế Nghị định 30/2020/NĐ-CP)
    issuer: Chính phủ
    issued: 2026-07-01
    effective: {effective}
    status: Còn hiệu lực
    replaces: [30/2020/NĐ-CP]
"""


def findings_at(repo, today, prefix=""):
    """Exit code and findings of `qms check` on a given day (only rules starting with `prefix`)."""
    from click.testing import CliRunner

    from builder.cli.main import main
    out = CliRunner().invoke(main, ["check", "--format", "json", "--root", str(repo.root), "--today", today])
    return out.exit_code, [f for f in json.loads(out.stdout)["findings"] if f["rule"].startswith(prefix)]


def add_replacement(repo, effective="2026-08-01"):
    text = repo.read(REG)
    repo.write(REG, text.replace("\n  - number: 61/2018/NĐ-CP", NEW_DECREE.format(effective=effective).rstrip("\n")
                                 + "\n\n  - number: 61/2018/NĐ-CP", 1))


@pytest.fixture
def law_repo(tmp_path):
    repo = make_repo(tmp_path / "repo")
    # QT.01 cites 30/2020/NĐ-CP in its text (and is effective since 02/02/2026)
    assert "30/2020/NĐ-CP" in repo.read(Q)
    return repo


def test_replacement_starts_the_three_month_clock(law_repo):
    assert findings_at(law_repo, "2026-09-01", "legal") == (0, [])  # nothing before the register knows
    add_replacement(law_repo, effective="2026-08-01")
    assert findings_at(law_repo, "2026-07-15", "legal") == (0, [])  # not in force yet: nothing
    code, findings = findings_at(law_repo, "2026-09-01", "legal")
    assert code == 0 and [f["rule"] for f in findings] == ["legal-update-due"]
    assert findings[0]["path"] == Q and "còn 61 ngày (đến 01/11/2026)" in findings[0]["message"]
    code, findings = findings_at(law_repo, "2026-11-02", "legal")
    assert code == 1 and [f["rule"] for f in findings] == ["legal-update-overdue"]
    message = findings[0]["message"]
    assert "Nghị định số 30/2020/NĐ-CP bị thay thế bởi Nghị định số 45/2026/NĐ-CP" in message
    assert "01/11/2026" in message


def test_new_issue_after_the_change_clears_it(law_repo):
    add_replacement(law_repo, effective="2026-08-01")
    law_repo.edit(Q, "Nghị định số 30/2020/NĐ-CP", "Nghị định số 45/2026/NĐ-CP")
    law_repo.edit(Q, "revision: 2", "revision: 3")
    law_repo.edit(Q, "effective: 2026-02-02", "effective: 2026-10-01")
    law_repo.edit(Q, "    description: Cập nhật căn cứ pháp lý\n", "    description: Cập nhật căn cứ pháp lý\n"
                  "  - {revision: 3, date: 2026-10-01, description: Cập nhật theo Nghị định 45/2026/NĐ-CP}\n")
    assert law_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-09-25").exit_code == 0
    assert findings_at(law_repo, "2026-11-21") == (0, [])


def test_repealed_citation_waits_for_the_deadline(law_repo):
    """Citing a fully repealed document is a plain error only when no dated change explains it."""
    add_replacement(law_repo, effective="2026-08-01")
    text = law_repo.read(REG)
    law_repo.write(REG, text.replace("  - number: 30/2020/NĐ-CP\n    type: Nghị định\n    title: Về công tác văn thư\n"
                                     "    issuer: Chính phủ\n    issued: 2020-03-05\n    effective: 2020-03-05\n"
                                     "    status: Còn hiệu lực",
                                     "  - number: 30/2020/NĐ-CP\n    type: Nghị định\n    title: Về công tác văn thư\n"
                                     "    issuer: Chính phủ\n    issued: 2020-03-05\n    effective: 2020-03-05\n"
                                     "    status: Hết hiệu lực toàn bộ"))
    assert [f["rule"] for f in findings_at(law_repo, "2026-09-01", "legal")[1]] == ["legal-update-due"]


def test_configurable_deadline(law_repo):
    add_replacement(law_repo, effective="2026-08-01")
    org = law_repo.read("site_config/organisation.yml")
    law_repo.write("site_config/organisation.yml", org.replace("legal_update_months: 3", "legal_update_months: 6"))
    assert [f["rule"] for f in findings_at(law_repo, "2026-11-21")[1]] == ["legal-update-due"]


def test_impact_on_the_sample(tmp_path):
    repo = copy_sample(tmp_path / "s")
    prose = repo.qms("impact", "93/2025/QH15")
    assert prose.exit_code == 0
    assert "BM.23" in prose.output and "nội dung" in prose.output
    bm23 = [line for line in prose.output.splitlines() if line.strip().startswith("BM.23")]
    assert bm23 and all("nội dung" in line for line in bm23)
    assert "QT.07" in prose.output and "phần khai báo (legal_basis)" in prose.output
    front = repo.qms("impact", "26/2014/TT-BKHCN", "--format", "json")
    data = json.loads(front.stdout)
    cscl = [c for c in data["citing"] if c["code"] == "CSCL"]
    assert cscl and all(c["where"] == "phần khai báo (legal_basis)" for c in cscl)
    assert {c["code"] for c in data["citing"]} == {"CSCL", "KH.2025", "KH.2026", "QT.01", "QT.02", "QT.03", "QT.04"}
    # a replacing decree lists the documents citing what it replaced
    replaced = json.loads(repo.qms("impact", "118/2025/NĐ-CP", "--format", "json").stdout)
    assert replaced["relations"]["replaces"] == ["61/2018/NĐ-CP", "107/2021/NĐ-CP"]
    assert repo.qms("impact", "5/2020/NĐ-CP").exit_code == 2


def test_yearly_duties_warn_and_clear(tmp_path):
    """The sample's 2026 audit and review are closed records; a year later both are due, and the
    2027 closed records clear the warnings."""
    repo = copy_sample(tmp_path / "s")
    code, found = findings_at(repo, TODAY)
    assert code == 0 and unintended(found) == []
    code, findings = findings_at(repo, "2027-12-01")
    rules = {f["rule"] for f in findings}
    assert {"internal-audit-overdue", "management-review-overdue"} <= rules and code == 0
    for rel, text in ((AUDIT, RECORDS[AUDIT].replace("2026-10-", "2027-10-")),
                      (REVIEW, RECORDS[REVIEW].replace("2026-11-13", "2027-11-20"))):
        new = rel.replace("2026", "2027")
        repo.write(new, text.replace("-2026-01", "-2027-01").replace("năm 2026", "năm 2027"))
        close_record(repo.root, new, when="2027-11-25")
    rules = {f["rule"] for f in findings_at(repo, "2027-12-01")[1]}
    assert not {"internal-audit-overdue", "management-review-overdue"} & rules


def test_no_record_at_all_is_a_warning(law_repo):
    shutil.rmtree(law_repo.root / "records")
    law_repo.edit("procedures/KH.2026-ke-hoach.md", "    type: internal_audit\n", "")
    law_repo.edit("procedures/KH.2026-ke-hoach.md", "    type: management_review\n", "")
    rules = [f["rule"] for f in findings_at(law_repo, TODAY)[1]]
    assert "internal-audit-overdue" in rules
    assert "management-review-overdue" in rules


def test_scope_change_reminds_to_reannounce(tmp_path):
    repo = copy_sample(tmp_path / "s")
    org = repo.read("site_config/organisation.yml")
    repo.write("site_config/organisation.yml", org.replace("people:", "  - id: TTS\n    name: Trung tâm Số\n"
                                                            "    parent: BGD\n\npeople:", 1))
    findings = findings_at(repo, TODAY)[1]
    scope = [f for f in findings if f["rule"] == "scope-changed"]
    assert scope and "thêm đơn vị TTS" in scope[0]["message"]
    activities = repo.read("site_config/activities.yml")
    repo.write("site_config/activities.yml", activities + "  - type: announcement\n    date: 2026-11-20\n"
               "    units: [BGD, VP, KHTC, QLKH, CNCDS, TĐC, TTRA, TTS]\n    procedures: [QT.07, QT.08]\n")
    code, found = findings_at(repo, TODAY)
    assert code == 0 and unintended(found) == []


def test_reassign_moves_documents_of_a_dissolved_unit(law_repo):
    for rel in (Q, "forms/BM.01-phieu-de-nghi.md"):
        law_repo.edit(rel, "unit: VP\n", "unit: CCTĐC\n")
    code, findings = findings_at(law_repo, TODAY)
    dissolved = [f for f in findings if f["rule"] == "unit-dissolved"]
    assert code == 1 and len(dissolved) == 2 and "'TĐC'" in dissolved[0]["message"]
    before = law_repo.read(Q)
    result = law_repo.qms("reassign", "CCTĐC", "--to", "TĐC")
    assert result.exit_code == 0
    assert "Đã chuyển QT.01" in result.output and "Đã chuyển BM.01" in result.output
    assert law_repo.read(Q) == before.replace("unit: CCTĐC\n", "unit: TĐC\n")
    assert findings_at(law_repo, TODAY) == (0, [])
    assert law_repo.qms("reassign", "VP", "--to", "CCTĐC").exit_code == 1


def test_reassign_from_a_unit_in_operation_needs_force(law_repo):
    before = law_repo.read(Q)
    refused = law_repo.qms("reassign", "VP", "--to", "TĐC")
    assert refused.exit_code == 1 and "--force" in refused.output and "chưa giải thể" in refused.output
    assert law_repo.read(Q) == before
    forced = law_repo.qms("reassign", "VP", "--to", "TĐC", "--force")
    assert forced.exit_code == 0 and law_repo.read(Q) == before.replace("unit: VP\n", "unit: TĐC\n")


def test_home_page_shows_overdue_items_first(law_repo):
    from builder.catalog import load_catalog
    from builder.documents.dates import parse_date
    from builder.site.pages.home import home_page

    add_replacement(law_repo, effective="2026-08-01")
    page = home_page(load_catalog(law_repo.root, parse_date("2026-11-21"), with_git=False)).content
    box = page.split("## Việc cần làm ngay")[1].split("\n## ")[0]
    first = next(line for line in box.split("\n") if line.startswith("| 01/11/2026"))
    assert "Cập nhật theo văn bản mới" in first and "Quá hạn" in first
    rows = [line for line in box.split("\n") if line.startswith("| ") and "---" not in line][1:]
    overdue = ["Quá hạn" in row for row in rows]
    assert overdue == sorted(overdue, reverse=True)                      # overdue items first
    clean = home_page(load_catalog(law_repo.root, parse_date("2026-07-01"), with_git=False)).content
    assert "Cập nhật theo văn bản mới" not in clean  # the replacement is not in force yet
