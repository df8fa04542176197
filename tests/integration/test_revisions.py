"""Revisions checked against git history, approvals bound to fingerprints."""
from __future__ import annotations

import subprocess

import pytest
from support.repos import QT01, TODAY, Repo, add_step, make_repo, new_issue
from support.gitutil import commit_all, git, init
from hypothesis import given, settings, strategies as st

from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.documents.loader import parse_document
from builder.revisions.fingerprint import fingerprint
from builder.revisions.git_source import GitSource
from builder.revisions.history import build_history

Q = "procedures/QT.01-kiem-soat-tai-lieu.md"


@pytest.fixture
def git_repo(tmp_path):
    repo = make_repo(tmp_path / "repo")
    init(repo.root)
    return repo


def rules_of(findings, path=None):
    return {f["rule"] for f in findings if path is None or f["path"] == path}




def test_edit_without_new_issue_fails_then_new_issue_passes(git_repo):
    add_step(git_repo)
    code, findings = git_repo.findings()
    assert code == 1
    changed = [f for f in findings if f["rule"] == "content-changed-without-revision"]
    assert changed and changed[0]["path"] == Q and changed[0]["line"] == 6
    assert "approval-fingerprint" in rules_of(findings, Q)

    new_issue(git_repo)
    code, findings = git_repo.findings()
    assert code == 1 and "revision-approval" not in rules_of(findings) or "approval-fingerprint" in rules_of(findings)
    result = git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19")
    assert result.exit_code == 0, result.output
    assert git_repo.findings() == (0, [])

    add_step(git_repo, "| B3 | Trình ký | Văn phòng | 01 ngày |")
    code, findings = git_repo.findings()
    assert code == 1
    assert [f for f in findings if f["rule"] == "approval-fingerprint" and f["path"] == Q]
    assert "nội dung đã thay đổi sau khi phê duyệt".lower() in findings[0]["message"].lower() or any(
        "Nội dung đã thay đổi sau khi phê duyệt" in f["message"] for f in findings)


def test_replacing_a_forms_original_word_file_needs_a_new_issue(git_repo):
    """Staff download the original Word file of an imported form: swapping it silently would
    change the form in use without a new issue."""
    form = "forms/BM.01-phieu-de-nghi.md"
    git_repo.write("forms/attachments/BM.01.docx", b"PK original form")
    git_repo.edit(form, "procedure: QT.01\n", "procedure: QT.01\nattachment: attachments/BM.01.docx\n")
    commit_all(git_repo.root, "Giữ tệp Word gốc của BM.01")
    assert git_repo.findings() == (0, [])

    git_repo.write("forms/attachments/BM.01.docx", b"PK another layout")
    code, findings = git_repo.findings()
    assert code == 1
    found = [f for f in findings if f["rule"] == "attachment-changed-without-revision"]
    assert len(found) == 1 and found[0]["path"] == form
    assert git_repo.read(form).split("\n")[found[0]["line"] - 1].startswith("attachment:")
    assert "forms/attachments/BM.01.docx" in found[0]["message"] and "revision lên 2" in found[0]["message"]

    # In a pull request only the Word file changed, yet the form is reviewed and the gate fails.
    commit_all(git_repo.root, "Thay tệp Word")
    gate = git_repo.qms("check", "--base", "HEAD~1", "--format", "markdown")
    assert gate.exit_code == 1 and "BM.01" in gate.output and "attachment-changed-without-revision" in gate.output


def test_committed_change_checked_against_its_parent(git_repo):
    add_step(git_repo)
    commit_all(git_repo.root, "Sửa QT.01 không ban hành lần mới")
    # Against HEAD the working tree is clean of changes; the approval no longer matches, though.
    assert "approval-fingerprint" in rules_of(git_repo.findings()[1])
    result = git_repo.qms("check", "--base", "HEAD~1", "--format", "json")
    assert result.exit_code == 1
    assert '"content-changed-without-revision"' in result.output

    new_issue(git_repo)
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19")
    commit_all(git_repo.root, "QT.01 ban hành lần 3")
    assert git_repo.qms("check", "--base", "HEAD~2").exit_code == 0


def line_of(repo, text: str) -> int:
    return next(n for n, line in enumerate(repo.read(Q).split("\n"), 1) if text in line)


def test_rewriting_a_past_change_row_is_an_error(git_repo):
    """The change table is history: the row of issue 1 may not be rewritten, in this issue or
    in a new one, nor removed."""
    git_repo.edit(Q, "    description: Ban hành lần đầu", "    description: Ban hành lần đầu (sửa lại)")
    code, findings = git_repo.findings()
    [hit] = [f for f in findings if f["rule"] == "change-row-rewritten"]
    assert code == 1 and hit["path"] == Q and hit["line"] == line_of(git_repo, "  - revision: 1")
    assert "Ban hành lần đầu" in hit["message"]
    new_issue(git_repo)
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19")
    assert "change-row-rewritten" in rules_of(git_repo.findings()[1], Q)
    git_repo.edit(Q, "    description: Ban hành lần đầu (sửa lại)", "    description: Ban hành lần đầu")
    assert "change-row-rewritten" not in rules_of(git_repo.findings()[1], Q)


def test_the_current_change_row_is_covered_by_the_approval(git_repo):
    """Rewording what this issue changed, after approval and without a new issue, is caught."""
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-01-26")
    commit_all(git_repo.root, "Phê duyệt lại với dấu vân tay mới")
    git_repo.edit(Q, "    description: Cập nhật căn cứ pháp lý", "    description: Sửa toàn bộ quy trình")
    rules = rules_of(git_repo.findings()[1], Q)
    assert "content-changed-without-revision" in rules and "approval-fingerprint" in rules


def test_new_issue_signed_before_the_previous_approval(git_repo):
    new_issue(git_repo)
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19")
    assert git_repo.findings() == (0, [])
    # the controller kept the sign-off date of issue 2 (before issue 2 was even approved)
    git_repo.edit(Q, "prepared: {by: ntkhanh, date: 2026-11-10}", "prepared: {by: ntkhanh, date: 2026-01-20}")
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19")
    code, findings = git_repo.findings()
    [hit] = [f for f in findings if f["rule"] == "signoff-before-previous"]
    assert code == 1 and hit["line"] == line_of(git_repo, "prepared:")


def test_effective_issue_never_goes_back_to_draft(git_repo):
    """An import (or a revert) that turns the issue in force into a draft is an error, at the
    status line; a new issue in draft is the right way to revise."""
    git_repo.edit(Q, "status: effective", "status: draft")
    code, findings = git_repo.findings()
    assert code == 1
    [hit] = [f for f in findings if f["rule"] == "status-back-to-draft"]
    lines = (git_repo.root / Q).read_text(encoding="utf-8").split("\n")
    assert hit["path"] == Q and lines[hit["line"] - 1] == "status: draft"
    git_repo.edit(Q, "revision: 2", "revision: 3")
    assert "status-back-to-draft" not in rules_of(git_repo.findings()[1], Q)


def test_revision_never_jumps_or_decreases(git_repo):
    git_repo.edit(Q, "revision: 2", "revision: 4")
    assert "revision-sequence" in rules_of(git_repo.findings()[1], Q)
    git_repo.edit(Q, "revision: 4", "revision: 1")
    assert "revision-sequence" in rules_of(git_repo.findings()[1], Q)


def test_new_issue_must_take_effect_later(git_repo):
    new_issue(git_repo, effective="2026-01-30")
    git_repo.edit(Q, "prepared: {by: ntkhanh, date: 2026-11-10}", "prepared: {by: ntkhanh, date: 2026-01-10}")
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-01-27")
    findings = git_repo.findings()[1]
    assert [f for f in findings if f["rule"] == "revision-effective-date" and f["line"] == 8]


def test_new_issue_needs_fresh_approval(git_repo):
    add_step(git_repo)
    new_issue(git_repo)
    text = git_repo.read(Q)
    start = text.index("approved:")
    end = text.index("\n", start)
    git_repo.write(Q, text[:start] + 'approved: {by: ltminh, date: 2026-01-26, decision: "15/QĐ-SKHCN"}' + text[end:])
    findings = git_repo.findings()[1]
    assert "revision-approval" in rules_of(findings, Q)
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-01-26")
    assert "revision-approval" in rules_of(git_repo.findings()[1], Q)  # same date as issue 2's approval
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19")
    assert git_repo.findings() == (0, [])


def test_review_fingerprint_warns(git_repo):
    git_repo.qms("approve", "QT.01", "--review", "--by", "phthu", "--date", "2026-01-19")
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-01-26")
    commit_all(git_repo.root, "Ghi xem xét")
    add_step(git_repo)
    assert {"review-fingerprint", "approval-fingerprint"} <= rules_of(git_repo.findings()[1], Q)


def test_unsigned_approval_is_a_warning(tmp_path):
    repo = make_repo(tmp_path / "r", approved=False)
    code, findings = repo.findings()
    assert code == 0
    assert {f["path"] for f in findings if f["rule"] == "approval-unsigned"} == {
        Q, "forms/BM.01-phieu-de-nghi.md", "procedures/KH.2026-ke-hoach.md"}


def test_withdrawn_code_is_never_reused(git_repo):
    git_repo.edit(Q, "status: effective", "status: withdrawn\nwithdrawn: 2026-06-30")
    git_repo.edit(Q, "forms: [BM.01]", "forms: []")
    git_repo.edit("forms/BM.01-phieu-de-nghi.md", "procedure: QT.01", "procedure: QT.02")
    git_repo.write("procedures/QT.02-moi.md", QT01.replace("code: QT.01", "code: QT.02")
                   .replace("references: [KH.2026]", "references: []"))
    assert git_repo.qms("approve", "QT.02", "--by", "ltminh", "--date", "2026-01-26").exit_code in (0, 1)
    commit_all(git_repo.root, "Thu hồi QT.01, thay bằng QT.02")
    (git_repo.root / Q).unlink()
    git_repo.write("procedures/QT.01-tai-su-dung.md", QT01.replace("title: Quy trình kiểm soát thông tin dạng văn bản",
                                                                  "title: Quy trình khác").replace("forms: [BM.01]", "forms: []"))
    findings = git_repo.findings()[1]
    reused = [f for f in findings if f["rule"] == "withdrawn-code-reused"]
    assert reused and reused[0]["path"] == "procedures/QT.01-tai-su-dung.md" and reused[0]["line"] == 2


def test_deleting_an_effective_document_is_an_error(git_repo):
    (git_repo.root / Q).unlink()
    git_repo.edit("forms/BM.01-phieu-de-nghi.md", "status: effective", "status: withdrawn\nwithdrawn: 2026-11-20")
    code, findings = git_repo.findings()
    assert code == 1
    deleted = [f for f in findings if f["rule"] == "document-deleted"]
    assert deleted and deleted[0]["path"] == Q


def test_shallow_clone_warns_and_still_works(git_repo, tmp_path):
    add_step(git_repo)
    new_issue(git_repo)
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19")
    commit_all(git_repo.root, "QT.01 lần 3")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{git_repo.root}", str(clone)], check=True)
    catalog = load_catalog(clone, parse_date(TODAY))
    assert catalog.history.shallow
    assert len(catalog.history.of("QT.01")) == 1
    code, findings = Repo(clone).findings()
    assert code == 0 and rules_of(findings) == {"history-shallow"}


def test_outside_git_falls_back_to_front_matter(repo):
    catalog = load_catalog(repo.root, parse_date(TODAY))
    assert catalog.base is None and not catalog.history.available
    assert repo.findings() == (0, [])


def test_history_index_one_pass(git_repo):
    add_step(git_repo)
    new_issue(git_repo)
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19")
    commit_all(git_repo.root, "QT.01 lần 3")
    history = build_history(GitSource(git_repo.root))
    versions = history.of("QT.01")
    assert [v.document.revision for v in versions] == [2, 3]
    assert versions[1].commit.subject == "QT.01 lần 3" and versions[1].commit.author == "Thư ký ISO"
    assert set(history.issues("QT.01")) == {2, 3}
    assert "B2" in history.issues("QT.01")[3].document.body


def test_approve_keeps_every_other_byte(git_repo):
    original = ("\ufeff" + QT01.replace("unit: VP\n", "unit: VP  # đơn vị chủ trì\n")
                .replace("reviewed:", "# người xem xét\nreviewed:")).replace("\n", "\r\n")
    import unicodedata
    original = unicodedata.normalize("NFD", original)
    git_repo.write(Q, original)
    raw_before = (git_repo.root / Q).read_bytes()
    result = git_repo.qms("approve", "QT.01", "--by", "nvhai", "--date", "2026-01-27", "--decision", "16/QĐ-SKHCN")
    assert result.exit_code == 0, result.output
    raw_after = (git_repo.root / Q).read_bytes()
    before_lines, after_lines = raw_before.split(b"\r\n"), raw_after.split(b"\r\n")
    changed = [i for i, (a, b) in enumerate(zip(before_lines, after_lines)) if a != b]
    assert len(before_lines) == len(after_lines) and len(changed) == 1
    assert after_lines[changed[0]].startswith(b"approved: {by: nvhai, date: 2026-01-27, decision: \"16/Q")
    assert b"fingerprint: \"sha256v2:" in after_lines[changed[0]]
    # inserting a missing sign-off also touches nothing else
    text = raw_after.decode("utf-8")
    git_repo.write(Q, text.replace(after_lines[changed[0]].decode("utf-8") + "\r\n", ""))
    before = (git_repo.root / Q).read_bytes()
    assert git_repo.qms("approve", "QT.01", "--by", "nvhai", "--date", "2026-01-27").exit_code == 0
    after = (git_repo.root / Q).read_bytes()
    inserted = [line for line in after.split(b"\r\n") if line not in before.split(b"\r\n")]
    assert len(inserted) == 1 and after.replace(inserted[0] + b"\r\n", b"") == before


def test_only_approvers_approve(git_repo):
    result = git_repo.qms("approve", "QT.01", "--by", "hmduc")
    assert result.exit_code == 1 and "không có quyền phê duyệt" in result.output
    result = git_repo.qms("approve", "QT.01", "--by", "ntkhanh", "--review")
    assert result.exit_code == 1 and "không có quyền xem xét" in result.output
    git_repo.edit(Q, "prepared: {by: ntkhanh", "prepared: {by: phthu")
    result = git_repo.qms("approve", "QT.01", "--by", "nobody")
    assert result.exit_code == 1
    assert git_repo.qms("approve", "QT.09", "--by", "ltminh").exit_code == 1


BODY = parse_document(Q, QT01.encode())[0]


def _print(text: str) -> str:
    doc, _ = parse_document(Q, text.encode("utf-8"))
    return fingerprint(doc)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_single_character_change_breaks_the_fingerprint(data):
    body_start = QT01.index("## 1. Mục đích")
    position = data.draw(st.integers(body_start, len(QT01) - 2))
    old = QT01[position]
    new = data.draw(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp", "Mn")).filter(lambda c: c != old))
    assert _print(QT01[:position] + new + QT01[position + 1:]) != _print(QT01)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(["\r\n", "\n"]), st.sampled_from(["NFC", "NFD"]), st.sampled_from(["", " ", "  \t"]))
def test_line_endings_normalisation_and_trailing_spaces_keep_the_fingerprint(newline, form, trailing):
    import unicodedata
    text = unicodedata.normalize(form, QT01)
    body_start = text.index("## 1.")
    body = "\n".join(line + trailing for line in text[body_start:].split("\n"))
    variant = (text[:body_start] + body).replace("\n", newline)
    assert _print(variant) == _print(QT01)


def test_changing_a_controlled_field_breaks_the_fingerprint():
    assert _print(QT01.replace("  - 101/QĐ-BKHCN", "  - 30/2020/NĐ-CP")) != _print(QT01)
    assert _print(QT01.replace("title: Quy trình kiểm soát", "title: Quy trình quản lý")) != _print(QT01)
    # control data (sign-offs, dates, status) is not content
    assert _print(QT01.replace("effective: 2026-02-02", "effective: 2026-02-03")) == _print(QT01)


def test_gate_markdown_lists_two_changed_documents(git_repo):
    git(git_repo.root, "checkout", "-q", "-b", "sua-doi-qt01")
    add_step(git_repo)
    new_issue(git_repo)
    git_repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19")
    git_repo.edit("forms/BM.01-phieu-de-nghi.md", "Họ và tên người đề nghị", "Họ, tên và chức vụ người đề nghị")
    commit_all(git_repo.root, "QT.01 lần 3, sửa BM.01")
    result = git_repo.qms("check", "--base", "main", "--format", "markdown")
    out = result.output
    assert "| QT.01 | Quy trình kiểm soát thông tin dạng văn bản | 02 → 03 | 5. Nội dung quy trình | Lê Thành Minh |" in out
    assert "| BM.01 | Phiếu đề nghị soạn thảo, sửa đổi tài liệu | 01 → 01 |" in out
    assert "### Quy trình có biểu mẫu thay đổi" in out and "- QT.01 Quy trình kiểm soát thông tin dạng văn bản: BM.01" in out
    # BM.01 changed without a new issue: the gate fails and says so
    assert result.exit_code == 1 and "content-changed-without-revision" in out


def test_gate_reports_only_changed_documents(git_repo):
    git_repo.edit("procedures/KH.2026-ke-hoach.md", "Kế hoạch năm 2026.", "Kế hoạch năm 2026 (sửa).")
    commit_all(git_repo.root, "Sửa kế hoạch trực tiếp trên main")
    git(git_repo.root, "checkout", "-q", "-b", "nhanh")
    git_repo.edit(Q, "unit: VP\n", "unit: KHTC\n")  # owner change only: not controlled content
    result = git_repo.qms("check", "--base", "main", "--format", "json")
    assert result.exit_code == 0, result.output
    full = git_repo.qms("check", "--format", "json")
    assert full.exit_code == 1  # the plan's edit on main is still reported by a full check


def test_unknown_base_is_a_usage_error(git_repo):
    assert git_repo.qms("check", "--base", "khong-co").exit_code == 2
