"""Each kind of fault in a document gives its finding: rule id, file, line; never a traceback."""
from __future__ import annotations

from pathlib import Path

import unicodedata
from dataclasses import dataclass

import pytest
from support.repos import QT01

from builder.findings.rule_texts import RULES
from builder.rules.runner import registered_rules
from support.rule_cases import RULES_TESTED_ELSEWHERE

TESTS = Path(__file__).resolve().parents[1]

Q = "procedures/QT.01-kiem-soat-tai-lieu.md"
F = "forms/BM.01-phieu-de-nghi.md"
ORG = "site_config/organisation.yml"
REG = "site_config/legal_register.yml"

QT02_DRAFT = """\
---
code: QT.02
kind: procedure
title: Quy trình đánh giá nội bộ
unit: VP
revision: 1
status: draft
forms: [BM.01]
---
Nội dung.
"""


@dataclass
class Case:
    name: str
    rule: str
    path: str
    edit: tuple = ()          # (old, new) replaced once in `path`
    content: object = None    # whole new content of `path` (str or bytes)
    marker: str | None = None  # expected line: the first line of `path` containing this text
    line: int | None = None    # or the expected line number itself


CASES = [
    Case("windows-1258", "file-encoding", Q,
         content=unicodedata.normalize("NFC", QT01).encode("cp1258", errors="replace"), line=4),
    Case("empty file", "file-empty", Q, content="", line=1),
    Case("whitespace only", "file-empty", Q, content="\n  \n", line=1),
    Case("word file renamed .md", "file-binary", Q, content=b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 20, line=1),
    Case("no front matter", "front-matter-missing", Q, content="# Quy trình\n\nNội dung\n", line=1),
    Case("front matter not closed", "front-matter-missing", Q, edit=("---\n## 1.", "## 1."), line=1),
    Case("yaml syntax", "yaml-syntax", Q, edit=("unit: VP\n", "unit: VP: X\n"), marker="unit: VP: X"),
    Case("yaml tab indentation", "yaml-syntax", Q, edit=("  - 101/QĐ-BKHCN", "\t- 101/QĐ-BKHCN"),
         marker="\t- 101"),
    Case("front matter is a list", "front-matter-not-mapping", Q, content="---\n- a\n- b\n---\nNội dung\n", line=2),
    Case("duplicate key", "duplicate-key", Q, edit=("unit: VP\n", "unit: VP\nunit: KHTC\n"), marker="unit: KHTC"),
    Case("typo revison", "unknown-key", Q, edit=("revision: 2", "revison: 2"), marker="revison"),
    Case("key of another kind", "unknown-key", F, edit=("procedure: QT.01", "procedure: QT.01\nrecords: []"),
         marker="records:"),
    Case("unknown nested key", "unknown-key", Q, edit=("approved: {by: ltminh,", "approved: {nguoi: x, by: ltminh,"),
         marker="approved:"),
    Case("title missing", "required-field", Q, edit=("title: Quy trình kiểm soát thông tin dạng văn bản\n", ""), line=1),
    Case("effective without approval", "required-field", Q,
         edit=("approved: {by: ltminh", "# approved: {by: ltminh"), line=1),
    Case("form without parent", "required-field", F, edit=("procedure: QT.01\n", ""), line=1),
    Case("list expected", "field-type", Q, edit=("forms: [BM.01]", "forms: {a: b}"), marker="forms:"),
    Case("bad status", "invalid-value", Q, edit=("status: effective", "status: active"), marker="status:"),
    Case("bad kind", "invalid-value", Q, edit=("kind: procedure", "kind: quy-trinh"), marker="kind:"),
    Case("31 February", "invalid-date", Q, edit=("effective: 2026-02-02", "effective: 2026-02-31"),
         marker="effective:"),
    Case("date in words", "invalid-date", Q, edit=("prepared: {by: ntkhanh, date: 2026-01-12}",
                                                  "prepared: {by: ntkhanh, date: tháng 1}"), marker="prepared:"),
    Case("revision not a number", "revision-number", Q, edit=("revision: 2", "revision: 2a"), marker="revision: 2a"),
    Case("revision zero", "revision-number", Q, edit=("revision: 2", "revision: 0"), marker="revision: 0"),
    Case("placeholder left", "placeholder", Q, edit=("| B1 |", "| B1 CẦN ĐIỀN |"), marker="CẦN ĐIỀN"),
    Case("code pattern", "code-pattern", Q, edit=("code: QT.01", "code: QT-1"), marker="code:"),
    Case("code reused", "code-unique", "procedures/QT.01-ban-sao.md",
         content=QT01.replace("forms: [BM.01]", "forms: []"), marker="code:"),
    Case("form in procedures/", "kind-folder", "procedures/BM.02.md",
         content=QT02_DRAFT.replace("code: QT.02", "code: BM.02").replace("kind: procedure", "kind: form")
         .replace("forms: [BM.01]", "procedure: QT.01"), marker="kind:"),
    Case("change row missing", "change-table-rows", Q,
         edit=("  - revision: 1\n    date: 2024-03-01\n    section: Toàn bộ tài liệu\n    description: Ban hành lần đầu\n", ""),
         marker="changes:"),
    Case("last change row not current", "change-table-current", Q,
         edit=("    date: 2026-02-02\n    section: Mục 5", "    date: 2026-02-03\n    section: Mục 5"),
         marker="date: 2026-02-03"),
    Case("reviewed before prepared", "signoff-order", Q, edit=("date: 19/01/2026", "date: 10/01/2026"),
         marker="reviewed:"),
    Case("effective before approval", "signoff-order", Q,
         edit=("effective: 2026-02-02", "effective: 2026-01-20"), marker="effective:"),
    Case("unknown approver", "signoff-person", Q, edit=("approved: {by: ltminh", "approved: {by: ltminhh"),
         marker="approved:"),
    Case("reviewer without the role", "signoff-role", Q, edit=("reviewed: {by: phthu", "reviewed: {by: hmduc"),
         marker="reviewed:"),
    Case("procedure without its review sign-off", "signoff-required", Q,
         edit=("reviewed: {by: phthu, date: 19/01/2026}\n", "reviewed:\n"), marker="reviewed:"),
    Case("procedure without its preparer", "signoff-required", Q,
         edit=("prepared: {by: ntkhanh, date: 2026-01-12}\n", ""), marker="status:"),
    Case("approver prepared it", "signoff-self-approval", Q,
         edit=("prepared: {by: ntkhanh", "prepared: {by: ltminh"), marker="approved:"),
    Case("listed form missing", "form-missing", Q, edit=("forms: [BM.01]", "forms: [BM.01, BM.09]"), marker="forms:"),
    Case("form listed by another procedure", "form-parent-mismatch", "procedures/QT.02-danh-gia.md",
         content=QT02_DRAFT, marker="forms:"),
    Case("form's parent missing", "form-parent", F, edit=("procedure: QT.01", "procedure: QT.07"),
         marker="procedure:"),
    Case("form's parent is a plan", "form-parent", F, edit=("procedure: QT.01", "procedure: KH.2026"),
         marker="procedure:"),
    Case("form not listed by parent", "form-unlisted", F, marker="procedure:",
         content=None),  # edit applied to Q below
    Case("form's original Word file missing", "form-attachment-missing", F,
         edit=("procedure: QT.01\n", "procedure: QT.01\nattachment: attachments/BM.01.docx\n"),
         marker="attachment:"),
    Case("reference unresolved", "reference-unresolved", Q, edit=("references: [KH.2026]", "references: [KH.2025]"),
         marker="references:"),
    Case("code in text missing", "code-in-text", Q, edit=("mẫu phiếu là BM.01", "mẫu phiếu là BM.99"),
         marker="BM.99"),
    Case("unknown unit", "unit-unknown", Q, edit=("unit: VP\n", "unit: PKT\n"), marker="unit: PKT"),
    Case("unknown record keeper", "unit-unknown", Q, edit=("keeper: VP", "keeper: VPP"), marker="keeper:"),
    Case("dissolved unit", "unit-dissolved", Q, edit=("unit: VP\n", "unit: CCTĐC\n"), marker="unit: CCTĐC"),
    Case("review overdue", "review-overdue", Q, edit=("review_months: 12", "review_months: 6"), marker="effective:"),
    Case("number without leading zero", "legal-number-format", Q, edit=("  - 101/QĐ-BKHCN", "  - 5/2020/NĐ-CP"),
         marker="5/2020"),
    Case("spaces in number", "legal-number-format", Q, edit=("  - 101/QĐ-BKHCN", "  - 19/2014/QĐ - TTg"),
         marker="QĐ - TTg"),
    Case("CV is not a type", "legal-type-unknown", Q, edit=("  - 101/QĐ-BKHCN", "  - 123/CV-UBND"), marker="CV-UBND"),
    Case("QD typed without Đ", "legal-type-unknown", Q, edit=("số 19/2014/QĐ-TTg ngày", "số 19/2014/QD-TTg ngày"),
         marker="QD-TTg"),
    Case("not in register", "legal-not-registered", Q, edit=("  - 101/QĐ-BKHCN", "  - 99/2020/NĐ-CP"),
         marker="99/2020"),
    Case("prose citation not in register", "legal-text-not-registered", Q,
         edit=("Nghị định số 30/2020/NĐ-CP", "Thông tư số 12/2019/TT-BTC"), marker="12/2019"),
    Case("repealed decree", "legal-repealed", Q, edit=("  - 101/QĐ-BKHCN", "  - 61/2018/NĐ-CP"), marker="61/2018"),
    Case("organisation: unknown position", "config-invalid", ORG, edit=("position: CV\n    unit: VP", "position: XYZ\n    unit: VP"),
         marker="position: XYZ"),
    Case("organisation: yaml broken", "yaml-syntax", ORG, edit=("review_months: 12", "review_months: [12"),
         marker=None, line=None),
    Case("script in content", "unsafe-html", Q, edit=("| B1 | Đề nghị soạn thảo |",
                                                      "| B1 | Đề nghị soạn thảo <script>alert(1)</script> |"),
         marker="<script>"),
    Case("event handler in content", "unsafe-html", Q,
         edit=("mẫu phiếu là BM.01.", "mẫu phiếu là BM.01. <img src=x onerror=alert(1)>"), marker="onerror"),
    Case("javascript link", "unsafe-html", Q,
         edit=("mẫu phiếu là BM.01.", "mẫu phiếu là [BM.01](javascript:alert(1))."), marker="javascript:"),
    Case("placeholder in angle brackets (hidden as an HTML tag)", "hidden-tag", Q,
         edit=("mẫu phiếu là BM.01.", "mẫu phiếu là BM.01.\nGhi <ten don vi> vào phiếu."), marker="<ten don vi>"),
    Case("angle-bracket placeholder alone on its line", "hidden-tag", Q,
         edit=("| B1 | Đề nghị", "<enter role of process owner>\n\n| B1 | Đề nghị"), marker="<enter role"),
    Case("link without a target", "link-target", Q,
         edit=("mẫu phiếu là BM.01.", "mẫu phiếu là [BM.01]()."), marker="[BM.01]()"),
    Case("link to a missing heading", "link-target", Q,
         edit=("mẫu phiếu là BM.01.", "mẫu phiếu là BM.01 (xem [mục 9](#9-phu-luc))."), marker="#9-phu-luc"),
    Case("footnote (only GitHub shows it)", "github-only", Q,
         edit=("mẫu phiếu là BM.01.", "mẫu phiếu là BM.01.[^1]\n\n[^1]: Ban hành kèm theo quyết định."),
         marker="[^1]: Ban hành"),
    Case("alert box (only GitHub shows it)", "github-only", Q,
         edit=("mẫu phiếu là BM.01.", "mẫu phiếu là BM.01.\n\n> [!WARNING]\n> Không dùng mẫu cũ."), marker="> [!WARNING]"),
    Case("math between dollars", "github-only", Q,
         edit=("mẫu phiếu là BM.01.", "mẫu phiếu là BM.01.\n\nTỷ lệ $a/b \\times 100$ phần trăm."), marker="Tỷ lệ $"),
    Case("mermaid diagram", "github-only", Q,
         edit=("mẫu phiếu là BM.01.", "mẫu phiếu là BM.01.\n\n```mermaid\ngraph TD\n```"), marker="```mermaid"),
    Case("characters the print fonts lack", "print-glyph", Q,
         edit=("mẫu phiếu là BM.01.", "mẫu phiếu là BM.01.\n\nKý hiệu: &#x0D06;"), marker="&#x0D06;"),
    Case("register: malformed number", "register-invalid", REG, edit=("number: 116/2015/TT-BTC", "number: 116/2015/TT BTC"),
         marker="116/2015/TT BTC"),
    Case("distribution register: copy number not a number", "distribution-invalid", "registers/distribution.csv",
         content="code,revision,copy,unit,issued,issued_by,recalled,recalled_by\nQT.01,2,x,VP,2026-11-20,ntkhanh,,\n",
         line=2),
]


def apply(repo, case: Case):
    if case.name == "form not listed by parent":
        repo.edit(Q, "forms: [BM.01]", "forms: []")
        repo.edit(Q, "mẫu phiếu là BM.01", "mẫu phiếu là phiếu đề nghị")
        return
    if case.content is not None:
        repo.write(case.path, case.content)
    else:
        repo.edit(case.path, *case.edit)


def expected_line(repo, case: Case) -> int | None:
    if case.line is not None:
        return case.line
    if case.marker is None:
        return None
    for number, text in enumerate(repo.read(case.path).split("\n"), 1):
        if case.marker in text:
            return number
    raise AssertionError(f"marker {case.marker!r} not in {case.path}")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_document_is_reported(repo, case):
    apply(repo, case)
    line = expected_line(repo, case)
    code, findings = repo.findings()
    matching = [f for f in findings if f["rule"] == case.rule and f["path"] == case.path
                and (line is None or f["line"] == line)]
    assert matching, f"expected {case.rule} at {case.path}:{line}, got {findings}"
    assert all(f["message"] for f in findings)
    severity = RULES[case.rule].severity.value
    assert matching[0]["severity"] == severity
    assert code == (1 if any(f["severity"] == "error" for f in findings) else 0)
    if severity == "error":
        assert code == 1


def test_at_least_thirty_distinct_bad_documents():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


def test_every_rule_has_a_failing_case():
    """Rules that need git history, the print build or the build cache have their failing cases
    in the modules named by support/rule_cases.py; each of those modules asserts on the rule."""
    tested = set()
    for module, rules in RULES_TESTED_ELSEWHERE.items():
        source = (TESTS / module).read_text(encoding="utf-8")
        assert all(f'"{rule}"' in source for rule in rules), module
        tested |= set(rules)
    assert {c.rule for c in CASES} | tested == set(RULES)


def test_every_check_rule_has_one_function_and_the_others_none():
    """Rules of stage 'check' are functions in builder/rules; loader and print rules are not."""
    checks = {r.id for r in RULES.values() if r.stage == "check"}
    assert set(registered_rules()) == checks
    assert all(fn.rule.id == rule_id for rule_id, fn in registered_rules().items())


def test_text_output_names_file_line_and_rule(repo):
    repo.edit(Q, "revision: 2", "revison: 2")
    result = repo.qms("check")
    assert result.exit_code == 1
    assert f"{Q}:6: LỖI [unknown-key] Trường 'revison' không được hỗ trợ. Có phải ý bạn là 'revision'?" in result.output


def test_repealed_citation_names_replacement(repo):
    repo.edit(Q, "  - 101/QĐ-BKHCN", "  - 61/2018/NĐ-CP")
    _, findings = repo.findings()
    message = next(f["message"] for f in findings if f["rule"] == "legal-repealed")
    assert "118/2025/NĐ-CP" in message


def test_dissolved_unit_names_successor(repo):
    repo.edit(Q, "unit: VP\n", "unit: CCTĐC\n")
    _, findings = repo.findings()
    message = next(f["message"] for f in findings if f["rule"] == "unit-dissolved")
    assert "'TĐC'" in message and "Phòng Tiêu chuẩn Đo lường Chất lượng" in message
