"""Each rule on records: a failing case (the finding, its rule, file and line) and a passing one.
Rules that need history run in real temporary git repositories."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable

import pytest
from support.gitutil import commit_all, init
from support.records import (ACK, ACTION, AUDIT, INSPECTION, RECORDS, REVIEW,
                             RISK, SURVEY, TRAINING, close_record,
                             write_records)
from support.repos import TODAY, copy_sample

from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.findings.rule_texts import RULES
from builder.rules.runner import run_checks

RECORD_RULES = {rule_id for rule_id, rule in RULES.items() if rule.group == "Hồ sơ"}
PLAN = "procedures/KH.2026-ke-hoach-duy-tri-htqlcl-nam-2026.md"


@pytest.fixture
def repo(tmp_path):
    """The sample system with one valid record of each kind (the sample's own records removed)."""
    repo = copy_sample(tmp_path / "repo")
    write_records(repo.root)
    return repo


def findings(root, today: str = TODAY, rules=None):
    catalog = load_catalog(root, parse_date(today))
    return run_checks(catalog, only=rules)


def lines_of(repo, rel: str, text: str) -> int:
    """The file line holding `text` (where the finding must point)."""
    for number, line in enumerate(repo.read(rel).split("\n"), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {rel}")


def test_the_valid_records_break_no_rule(repo):
    for rel in (AUDIT, SURVEY, REVIEW, TRAINING, ACK, INSPECTION):
        close_record(repo.root, rel)
    found = [f for f in findings(repo.root) if f.path.startswith("records/")]
    assert found == []


@dataclass
class Case:
    name: str
    rule: str
    path: str
    edit: Callable                 # edit(repo) breaks the rule
    marker: str | None = None      # text of the line the finding points at (None: line 1)
    today: str = TODAY
    severity: str | None = None


def replace(rel, old, new):
    return lambda repo: repo.edit(rel, old, new)


def both(*edits):
    def run(repo):
        for edit in edits:
            edit(repo)
    return run


def close(rel, by="ltminh", when="2026-11-20"):
    return lambda repo: close_record(repo.root, rel, by, when)


def move(rel, new_rel):
    def run(repo):
        text = repo.read(rel)
        (repo.root / rel).unlink()
        repo.write(new_rel, text)
    return run


def drop(rel):
    return lambda repo: (repo.root / rel).unlink()


def add_action_for_survey(repo):
    repo.write("records/2026/KP-2026-02-khao-sat.md", RECORDS[ACTION].replace("KP-2026-01", "KP-2026-02").replace(
        "{type: audit, record: DGNB-2026-01, item: 1}", "{type: survey, record: KS-2026-01}"))


CASES = [
    Case("id off pattern", "record-id", ACTION, replace(ACTION, "id: KP-2026-01", "id: KP2026-1"), "id: KP2026-1"),
    Case("id of another year", "record-id", ACTION, replace(ACTION, "id: KP-2026-01", "id: KP-2025-01"),
         "id: KP-2025-01"),
    Case("id used twice", "record-id", "records/2026/KP-2026-01-ban-sao.md",
         lambda repo: repo.write("records/2026/KP-2026-01-ban-sao.md", RECORDS[ACTION]), "id: KP-2026-01"),
    Case("wrong year folder", "record-folder", "records/2025/RR-2026-01.md",
         move(RISK, "records/2025/RR-2026-01.md"), "date: 2026-02-10"),
    Case("date in the future", "record-date", RISK, replace(RISK, "due: 2026-06-30\n", "due: 2026-06-30\nevaluation: "
         "{by: phthu, date: 2026-12-10, result: effective}\n"), "evaluation:"),
    Case("closed before made", "record-date", TRAINING, close(TRAINING, when="2026-04-01"), "closed:"),
    Case("unknown unit", "record-unit", ACTION, replace(ACTION, "responsible: KHTC", "responsible: KHCT"),
         "responsible: KHCT"),
    Case("unknown auditor", "record-person", AUDIT, replace(AUDIT, "person: ltnga", "person: ltngaa"),
         "person: ltngaa"),
    Case("unknown objective", "record-document", SURVEY, replace(SURVEY, "document: MTCL.2026", "document: MTCL.2099"),
         "objective:"),
    Case("form that is a procedure", "record-document", AUDIT, replace(AUDIT, "code: BM.08, revision: 2",
         "code: QT.02, revision: 2"), "form:"),
    Case("form of another procedure", "record-document", AUDIT, replace(AUDIT, "procedure: QT.02", "procedure: QT.03"),
         "procedure: QT.03"),
    Case("unknown source record", "record-link", ACTION, replace(ACTION, "record: DGNB-2026-01", "record: DGNB-2026-09"),
         "source:"),
    Case("unknown finding number", "record-link", ACTION, replace(ACTION, "item: 1}", "item: 7}"), "source:"),
    Case("unknown evidence", "record-link", REVIEW, replace(REVIEW, "evidence: [DGNB-2026-01]}",
         "evidence: [DGNB-2026-07]}"), "input: previous_actions"),
    Case("form issue not yet in force", "record-form-issue", RISK, replace(RISK, "date: 2026-02-10", "date: 2026-01-20"),
         "form:"),
    Case("closed by a clerk", "record-closer", AUDIT, close(AUDIT, by="ntkhanh"), "closed:"),
    Case("closed record edited", "record-closed-changed", AUDIT,
         both(close(AUDIT), replace(AUDIT, "chưa cập nhật từ tháng 6", "chưa cập nhật từ tháng 7")), "closed:"),
    Case("closed by hand", "record-closed-changed", TRAINING,
         both(close(TRAINING), lambda repo: repo.write(TRAINING, repo.read(TRAINING).replace(
             ', fingerprint: "' + repo.read(TRAINING).split('fingerprint: "')[1].split('"')[0] + '"', ""))), "closed:"),
    Case("past retention", "record-retention", AUDIT, close(AUDIT), "date: 2026-10-20", today="2032-01-05"),
    Case("clause not in the standard", "audit-clause", AUDIT, replace(AUDIT, "clause: 7.5.3", "clause: 7.9"),
         "clause: 7.9"),
    Case("auditor in own unit", "auditor-own-unit", AUDIT, replace(AUDIT, "units: [KHTC]\n  - person: ltnga",
         "units: [VP, KHTC]\n  - person: ltnga"), "units: [VP, KHTC]"),
    Case("nonconformity without action", "audit-nonconformity-no-action", AUDIT, drop(ACTION),
         "type: nonconformity"),
    Case("action overdue", "action-overdue", ACTION, replace(ACTION, "due: 2026-12-15", "due: 2026-11-01"),
         "due: 2026-11-01"),
    Case("action closed unverified", "action-unverified", ACTION, close(ACTION), "status: closed"),
    Case("action closed not effective", "action-unverified", ACTION, both(replace(ACTION, "due: 2026-12-15",
         "due: 2026-12-15\nverification: {by: phthu, date: 2026-11-18, result: not_effective}"), close(ACTION)),
         "verification:"),
    Case("review missing an input (open)", "review-input-missing", REVIEW,
         replace(REVIEW, "  - {input: providers, summary: Đã xem xét nội dung providers, evidence: [DGNB-2026-01]}\n", ""),
         "inputs:", severity="warning"),
    Case("review missing an input (closed)", "review-input-missing", REVIEW,
         both(replace(REVIEW, "  - {input: providers, summary: Đã xem xét nội dung providers, evidence: [DGNB-2026-01]}\n",
                      ""), close(REVIEW)), "inputs:", severity="error"),
    Case("review before the audit", "review-before-audit", REVIEW, replace(REVIEW, "date: 2026-11-13", "date: 2026-10-01"),
         "date: 2026-10-01"),
    Case("review with no audit that year", "review-before-audit", REVIEW, drop(AUDIT), "date: 2026-11-13"),
    Case("risk without treatment", "risk-no-treatment", RISK, replace(RISK, "treatment: Theo dõi hạn xử lý trên hệ thống "
         "một cửa điện tử hằng ngày.\n", ""), "type: risk"),
    Case("risk not evaluated at year end", "risk-not-evaluated", RISK, lambda repo: None, "type: risk",
         today="2026-12-20"),
    Case("risk off the scale", "risk-scale", RISK, replace(RISK, "likelihood: 2", "likelihood: 7"), "likelihood: 7"),
    Case("survey below target", "survey-below-target", SURVEY, replace(SURVEY, "rate: 95.8", "rate: 90.1"),
         "rate: 90.1"),
    Case("survey rate over 100 %", "survey-rate", SURVEY, replace(SURVEY, "rate: 96.5", "rate: 965"), "rate: 965"),
    Case("period ending before it starts", "record-date", SURVEY, replace(SURVEY, "period: {from: 2026-07-01, to: "
         "2026-08-31}", "period: {from: 2026-09-01, to: 2026-08-31}"), "period:"),
    Case("survey with a phone number", "survey-personal-data", SURVEY, replace(SURVEY, "Kết quả khảo sát tổng hợp.",
         "Kết quả khảo sát tổng hợp.\nÔng Nam, điện thoại 0912 345 678, góp ý thái độ phục vụ."), "0912 345 678"),
    Case("survey with an e-mail", "survey-personal-data", SURVEY, replace(SURVEY, "count: 12}",
         "count: 12}\n  - {theme: Góp ý của nam.nguyen@example.vn, count: 1}"), "nam.nguyen@example.vn"),
    Case("inspection letter typed 'CV'", "inspection-letter", INSPECTION, replace(INSPECTION, "104/SKHCN-TĐC",
         "104/CV-SKHCN"), "letter: 104/CV-SKHCN"),
    Case("recommendation not followed up", "inspection-no-follow-up", INSPECTION,
         replace(INSPECTION, ", follow_up: Đăng trên cổng thông tin của Sở}", "}"), "{id: 2,"),
    Case("unit has not read the new issue", "acknowledgement-incomplete", ACK,
         replace(ACK, "  - {unit: KHTC, by: dvlong, date: 2026-02-05}\n", ""), "confirmations:"),
    Case("plan says audit done, no closed audit", "duty-plan-disagrees", PLAN, lambda repo: None,
         "type: internal_audit"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_bad_record_gets_its_finding(repo, case):
    case.edit(repo)
    line = lines_of(repo, case.path, case.marker) if case.marker else 1
    found = findings(repo.root, case.today)
    matching = [f for f in found if f.rule == case.rule and f.path == case.path]
    assert matching, f"{case.rule} expected at {case.path}:{line}, got {[(f.rule, f.path, f.line) for f in found]}"
    if case.rule == "duty-plan-disagrees":
        line = line - 3          # the task's status line, three lines above its type
        assert any("status: done" in repo.read(case.path).split("\n")[f.line - 1] for f in matching)
    else:
        assert any(f.line == line for f in matching), (line, matching)
    # every value filled in (a pattern quoted from site_config/records.yml may show its own braces)
    assert all(f.message and not re.search(r"\{[a-z_]+\}", re.sub(r"'[^']*'", "", f.message)) for f in matching)
    expected = case.severity or RULES[case.rule].severity.value
    assert any(f.severity.value == expected for f in matching)


def test_every_record_rule_has_a_case():
    tested = {c.rule for c in CASES} | {"record-closed-rewritten"}
    assert RECORD_RULES <= tested, RECORD_RULES - tested


def test_passing_variants(repo):
    """What the rules accept: a nonconformity with its action, a verified closed action, a risk
    evaluated at year end, a low survey result answered by an action, a unit's auditor auditing
    another unit, a review after the audit."""
    repo.edit(ACTION, "due: 2026-12-15", "due: 2026-12-15\nverification: {by: phthu, date: 2026-11-18, result: effective}")
    close_record(repo.root, ACTION)
    repo.edit(RISK, "due: 2026-06-30", "due: 2026-06-30\nevaluation: {by: phthu, date: 2026-12-10, result: effective}")
    repo.edit(SURVEY, "rate: 95.8", "rate: 90.1")
    add_action_for_survey(repo)
    found = findings(repo.root, "2026-12-20")
    rules = {(f.rule, f.path) for f in found if f.path.startswith("records/")}
    assert not {r for r in rules if r[0] in ("action-unverified", "risk-not-evaluated", "survey-below-target",
                                             "audit-nonconformity-no-action", "auditor-own-unit",
                                             "review-before-audit", "record-date")} - {
        ("record-date", "records/2026/KP-2026-02-khao-sat.md")}, rules


def test_the_duty_checks_read_the_records(repo):
    """A closed audit report and review minute are the evidence; removing the audit report brings
    the yearly warning back, and the plan's task marked done is then flagged against the records."""
    close_record(repo.root, AUDIT)
    close_record(repo.root, REVIEW)
    rules = {f.rule for f in findings(repo.root) if f.path in (PLAN, AUDIT, REVIEW)}
    assert not {"internal-audit-overdue", "management-review-overdue", "duty-plan-disagrees"} & rules
    (repo.root / AUDIT).unlink()
    found = findings(repo.root)
    audit = [f for f in found if f.rule == "internal-audit-overdue"]
    assert audit and "Chưa có hồ sơ đánh giá nội bộ" in audit[0].message
    assert "management-review-overdue" not in {f.rule for f in found}
    assert any(f.rule == "duty-plan-disagrees" and f.path == PLAN for f in found)
    # Thirteen months after the last closed review, it is overdue again.
    late = [f for f in findings(repo.root, "2027-12-20") if f.rule == "management-review-overdue"]
    assert late and "13/11/2026" in late[0].message and late[0].path == REVIEW


def test_an_open_audit_is_no_evidence(repo):
    assert "internal-audit-overdue" in {f.rule for f in findings(repo.root)}


# --- Rules against git history ------------------------------------------------------------

@pytest.fixture
def git_repo(repo):
    init(repo.root)
    return repo


def test_closed_then_edited_then_closed_again_is_refused(git_repo):
    """Closing, committing, then editing a closed record is an error against the record's own
    fingerprint; closing it again does not help: git still has the record as it was closed."""
    repo = git_repo
    close_record(repo.root, AUDIT)
    commit_all(repo.root, "Ký đóng báo cáo đánh giá nội bộ")
    assert not [f for f in findings(repo.root) if f.rule.startswith("record-closed")]
    repo.edit(AUDIT, "chưa cập nhật từ tháng 6", "chưa cập nhật từ tháng 7")
    rules = {f.rule for f in findings(repo.root) if f.path == AUDIT}
    assert {"record-closed-changed", "record-closed-rewritten"} <= rules
    text = repo.read(AUDIT)
    repo.write(AUDIT, text.replace("status: closed", "status: open").split("closed: {")[0]
               + text.split("closed: {")[1].split("}\n", 1)[1])
    close_record(repo.root, AUDIT)     # closed again with a fresh fingerprint
    found = [f for f in findings(repo.root) if f.path == AUDIT and f.rule.startswith("record-closed")]
    assert [f.rule for f in found] == ["record-closed-rewritten"]
    assert "HEAD" in found[0].message and "sửa" in found[0].message


def test_a_closed_record_cannot_be_deleted_or_reopened(git_repo):
    repo = git_repo
    close_record(repo.root, TRAINING)
    commit_all(repo.root, "Ký đóng hồ sơ đào tạo")
    repo.write(TRAINING, repo.read(TRAINING).replace("status: closed", "status: open"))
    assert any(f.rule == "record-closed-rewritten" and "mở lại" in f.message for f in findings(repo.root))
    (repo.root / TRAINING).unlink()
    assert any(f.rule == "record-closed-rewritten" and "xóa" in f.message and f.path == TRAINING
               for f in findings(repo.root))


def test_form_issue_out_of_force_is_read_from_history(git_repo):
    """BM.13 issue 2 took effect 2026-02-02; a record of 10/02/2026 made on issue 1 is refused, one
    of 20/01/2026 on issue 1 is accepted once history says issue 1 was in force then."""
    repo = git_repo
    form = "forms/BM.13-so-dang-ky-rui-ro-va-co-hoi.md"
    current = repo.read(form)
    # Put issue 1 into history: commit the form as issue 1 (effective 2025-01-15), then restore issue 2.
    first = current.replace("revision: 2", "revision: 1", 1).replace("effective: 2026-02-02", "effective: 2025-01-15", 1)
    repo.write(form, first)
    commit_all(repo.root, "BM.13 lần 1")
    repo.write(form, current)
    commit_all(repo.root, "BM.13 lần 2")
    repo.edit(RISK, "code: BM.13, revision: 2", "code: BM.13, revision: 1")
    found = [f for f in findings(repo.root) if f.rule == "record-form-issue" and f.path == RISK]
    assert found and "lần ban hành 1" in found[0].message and "là 2" in found[0].message
    repo.edit(RISK, "date: 2026-02-10", "date: 2026-01-20")
    assert not [f for f in findings(repo.root) if f.rule == "record-form-issue" and f.path == RISK]


def test_check_exit_code_and_json(repo):
    repo.edit(AUDIT, "clause: 7.5.3", "clause: 7.9")
    code, found = repo.findings()
    assert code == 1
    assert any(f["rule"] == "audit-clause" and f["path"] == AUDIT for f in found)


def test_pull_request_gate_reports_the_records_it_changes(git_repo):
    """`qms check --base REF` shows the findings of the records a branch changes (and a closed
    record rewritten anywhere), not those of records it left alone."""
    repo = git_repo
    close_record(repo.root, TRAINING)
    repo.edit(RISK, "likelihood: 2", "likelihood: 9")      # committed, not part of the branch
    commit_all(repo.root, "Hồ sơ năm 2026")
    repo.edit(INSPECTION, "104/SKHCN-TĐC", "104/CV-SKHCN")
    repo.edit(TRAINING, "organiser: Văn phòng Sở", "organiser: Phòng Kế hoạch - Tài chính")
    result = repo.qms("check", "--base", "HEAD", "--format", "json")
    found = {(f["rule"], f["path"]) for f in json.loads(result.stdout)["findings"]}
    assert ("inspection-letter", INSPECTION) in found
    assert ("record-closed-rewritten", TRAINING) in found
    assert not any(path == RISK for _, path in found)
    assert result.exit_code == 1


def test_record_bodies_get_the_checks_document_bodies_get(repo):
    """Pasted script, a hidden tag and an empty link in a record's body are reported at their lines."""
    repo.edit(ACTION, "Phiếu yêu cầu hành động khắc phục.", "Phiếu yêu cầu hành động khắc phục.\n\n"
              "<img src=x onerror=alert(1)>\n\nGhi chú <ten-nguoi-nop> và [liên kết]()")
    found = {(f.rule, f.line) for f in findings(repo.root) if f.path == ACTION}
    assert ("unsafe-html", lines_of(repo, ACTION, "onerror")) in found
    assert ("hidden-tag", lines_of(repo, ACTION, "<ten-nguoi-nop>")) in found
    assert ("link-target", lines_of(repo, ACTION, "[liên kết]()")) in found


def test_a_numbering_pattern_without_a_number_is_a_finding(repo):
    """site_config/records.yml: a pattern that cannot number records is reported at its line and
    the default kept; a pattern with a repeated {n} does not break the checks."""
    repo.edit("site_config/records.yml", "  audit: DGNB-{year}-{n:2}", "  audit: DGNB-{year}")
    repo.edit("site_config/records.yml", "  risk: RR-{year}-{n:2}", "  risk: RR-{n:2}-{n:2}")
    found = [f for f in findings(repo.root) if f.path == "site_config/records.yml"]
    assert [(f.rule, f.line) for f in found] == [("config-invalid", lines_of(repo, "site_config/records.yml",
                                                                              "audit: DGNB-{year}"))]
