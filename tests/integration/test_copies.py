"""Controlled copies: `qms issue-copy`, the distribution register, `qms recall`, the site's register."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest
from support.pdfutil import decode_qr, page_texts
from support.repos import TODAY

from builder.catalog import load_catalog
from builder.distribution.register import FIELDS, HEADER, REGISTER, load
from builder.documents.dates import parse_date
from builder.pdf.copies import master_pdf
from builder.site.model import place_html
from builder.site.pages.document import document_page

Q = "procedures/QT.01-kiem-soat-tai-lieu.md"


def register_rows(repo) -> list[dict]:
    text = (repo.root / REGISTER).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(HEADER)                   # Vietnamese, as Excel shows it to the controller
    return [dict(zip(FIELDS, row)) for row in rows[1:]]


def new_issue(repo):
    """Issue 03 of QT.01 comes out (the checks are not the point here)."""
    repo.edit(Q, "revision: 2", "revision: 3")


def test_issue_copy_stamps_and_records(repo):
    result = repo.qms("issue-copy", "QT.01", "--to", "VP", "--copies", "2", "--by", "ntkhanh")
    assert result.exit_code == 0, result.output
    assert "Bản số 01" in result.output and "Bản số 02" in result.output
    rows = register_rows(repo)
    assert [(r["code"], r["revision"], r["copy"], r["unit"], r["issued"], r["issued_by"], r["recalled"])
            for r in rows] == [("QT.01", "2", "1", "VP", TODAY, "ntkhanh", ""), ("QT.01", "2", "2", "VP", TODAY, "ntkhanh", "")]
    pdf = (repo.root / "ban-in" / "QT.01-lan-02-ban-so-02.pdf").read_bytes()
    for page in page_texts(pdf):
        assert "BẢN KIỂM SOÁT" in page and "Số bản: 02" in page and "Đơn vị nhận: Văn phòng Sở" in page
        assert "Ngày cấp: 21/11/2026" in page and "KHÔNG KIỂM SOÁT" not in page
    assert decode_qr(pdf) == ["https://iso.skhcn.hoaphong.gov.vn/tai-lieu/qt-01/lan-02/"]

    again = repo.qms("issue-copy", "QT.01", "--to", "KHTC", "--by", "ntkhanh", "-o", str(repo.root / "in"))
    assert again.exit_code == 0, again.output
    assert [r["copy"] for r in register_rows(repo)] == ["1", "2", "3"]
    assert (repo.root / "in" / "QT.01-lan-02-ban-so-03.pdf").is_file()


def test_issue_copy_refuses_bad_requests(repo):
    assert repo.qms("issue-copy", "QT.01", "--to", "PKT", "--by", "ntkhanh").exit_code == 2
    assert repo.qms("issue-copy", "QT.01", "--to", "VP", "--by", "ai-do").exit_code == 2
    assert repo.qms("issue-copy", "QT.01").exit_code == 2
    nobody = repo.qms("issue-copy", "QT.01", "--to", "VP")          # never the login name
    assert nobody.exit_code == 2 and "--by" in nobody.output
    future = repo.qms("issue-copy", "QT.01", "--to", "VP", "--by", "ntkhanh", "--date", "2026-12-31")
    assert future.exit_code == 1 and "sau hôm nay" in future.output
    missing = repo.qms("issue-copy", "QT.99", "--to", "VP", "--by", "ntkhanh")
    assert missing.exit_code == 1 and "QT.99" in missing.output
    repo.edit(Q, "status: effective", "status: draft")
    draft = repo.qms("issue-copy", "QT.01", "--to", "VP", "--by", "ntkhanh")
    assert draft.exit_code == 1 and "đang áp dụng" in draft.output
    assert not (repo.root / REGISTER).exists()


def test_issue_copy_refuses_a_document_with_errors(repo):
    repo.write(Q, repo.read(Q) + "\nSửa sau khi phê duyệt.\n")
    result = repo.qms("issue-copy", "QT.01", "--to", "VP", "--by", "ntkhanh")
    assert result.exit_code == 1 and "approval-fingerprint" in result.output
    assert not (repo.root / REGISTER).exists()


def test_two_processes_at_once_get_consecutive_unique_numbers(repo):
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    master_pdf(catalog.get("QT.01"), catalog)          # both processes then go straight to the lock
    command = [sys.executable, "-c", "from builder.cli.main import main; main()", "issue-copy", "QT.01",
               "--copies", "3", "--by", "ntkhanh", "--root", str(repo.root), "--today", TODAY]
    processes = [subprocess.Popen(command + ["--to", unit], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, env=dict(os.environ)) for unit in ("VP", "KHTC", "QLKH", "VP")]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    rows = register_rows(repo)
    numbers = [int(r["copy"]) for r in rows]
    assert sorted(numbers) == list(range(1, 13)) and len(set(numbers)) == 12
    for unit_rows in ([int(r["copy"]) for r in rows if r["unit"] == u] for u in ("KHTC", "QLKH")):
        assert unit_rows == list(range(unit_rows[0], unit_rows[0] + 3))   # one process, one block
    assert len(list((repo.root / "ban-in").glob("QT.01-lan-02-ban-so-*.pdf"))) == 12


def test_recall_lists_old_issues_and_records_returns(repo):
    assert repo.qms("issue-copy", "QT.01", "--to", "VP", "--copies", "2", "--by", "ntkhanh").exit_code == 0
    assert repo.qms("issue-copy", "QT.01", "--to", "KHTC", "--by", "ntkhanh").exit_code == 0
    none = repo.qms("recall", "QT.01")
    assert none.exit_code == 0 and "Không có bản kiểm soát nào cần thu hồi" in none.output

    new_issue(repo)
    listed = repo.qms("recall", "QT.01")
    assert listed.exit_code == 0 and "3 bản kiểm soát cần thu hồi" in listed.output
    assert "QT.01 bản số 01: lần ban hành 02, Văn phòng Sở" in listed.output
    assert "Phòng Kế hoạch - Tài chính" in listed.output and "bản hiện hành là lần 03" in listed.output

    early = repo.qms("recall", "QT.01", "--done", "1", "--by", "phthu", "--date", "2026-11-01")
    assert early.exit_code == 1 and "trước ngày cấp" in early.output
    later = repo.qms("recall", "QT.01", "--done", "1", "--by", "phthu", "--date", "2026-12-31")
    assert later.exit_code == 1 and "sau hôm nay" in later.output
    assert repo.qms("recall", "QT.01", "--done", "1").exit_code == 2         # who took it back?
    done = repo.qms("recall", "QT.01", "--done", "1", "3", "--by", "phthu")
    assert done.exit_code == 0, done.output
    rows = {r["copy"]: r for r in register_rows(repo)}
    assert (rows["1"]["recalled"], rows["1"]["recalled_by"]) == (TODAY, "phthu")
    assert rows["2"]["recalled"] == "" and rows["3"]["recalled"] == TODAY
    left = repo.qms("recall")
    assert "1 bản kiểm soát cần thu hồi" in left.output and "bản số 02" in left.output

    assert repo.qms("recall", "QT.01", "--done", "1", "--by", "phthu").exit_code == 1   # already back
    assert repo.qms("recall", "QT.01", "--done", "9", "--by", "phthu").exit_code == 1   # never issued
    assert repo.qms("recall", "QT.01", "2").exit_code == 2                    # numbers need --done
    assert repo.qms("recall", "--done").exit_code == 2


def test_document_page_shows_its_distribution_register(repo):
    assert repo.qms("issue-copy", "QT.01", "--to", "VP", "--copies", "2", "--by", "ntkhanh").exit_code == 0
    current = repo.qms("recall", "QT.01", "--done", "1", "--by", "phthu")      # issue 02 is in force
    assert current.exit_code == 1 and "đang có hiệu lực" in current.output
    new_issue(repo)
    assert repo.qms("recall", "QT.01", "--done", "1", "--by", "phthu").exit_code == 0
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    page = place_html(document_page(catalog.get("QT.01"), catalog).content)   # with its HTML blocks in place
    assert "## Sổ theo dõi phân phối" in page
    assert "| 01 | 02 | Văn phòng Sở | 21/11/2026 | Nguyễn Thị Khánh | 21/11/2026 | Đã thu hồi |" in page
    assert "| 02 | 02 | Văn phòng Sở | 21/11/2026 | Nguyễn Thị Khánh | — | **Cần thu hồi** |" in page
    assert 'href="QT.01.pdf"' in page
    other = document_page(catalog.get("KH.2026"), catalog).content
    assert "Chưa cấp bản kiểm soát nào" in other


def test_register_survives_hand_edits_as_findings(repo):
    (repo.root / "registers").mkdir()
    (repo.root / REGISTER).write_text("code,revision,copy,unit,issued,issued_by,recalled,recalled_by\n"
                                      "QT.01,2,1,VP,2026-11-20,ntkhanh,,\nQT.01,2,1,VP,2026-11-20,ntkhanh,,\n"
                                      "QT.09,1,1,VP,2026-11-20,ntkhanh,,\n", encoding="utf-8")
    code, findings = repo.findings()
    lines = sorted(f["line"] for f in findings if f["rule"] == "distribution-invalid")
    assert code == 1 and lines == [3]                                           # copy number 1 twice
    assert [f["line"] for f in findings if f["rule"] == "distribution-code"] == [4]
    copies, problems = load(repo.root)
    assert len(copies) == 2 and problems[0].line == 3
    result = repo.qms("issue-copy", "QT.01", "--to", "VP", "--by", "ntkhanh")
    assert result.exit_code == 1 and "distribution" in result.output


def test_qms_pdf_writes_printouts(repo):
    result = repo.qms("pdf", "QT.01", "BM.01")
    assert result.exit_code == 0, result.output
    assert "Đã tạo 2 bản PDF và 1 bản Word" in result.output
    out = repo.root / "ban-in"
    assert {p.name for p in out.iterdir()} == {"QT.01-lan-02.pdf", "BM.01-lan-01.pdf", "BM.01-lan-01.docx"}
    assert "TÀI LIỆU KHÔNG KIỂM SOÁT KHI IN" in page_texts((out / "QT.01-lan-02.pdf").read_bytes())[0]
    assert repo.qms("pdf", "QT.77").exit_code == 2


@pytest.mark.parametrize("row, rule", [
    ("QT.09,1,1,VP,2026-11-20,ntkhanh,,", "distribution-code"),
    ("QT.01,7,1,VP,2026-11-20,ntkhanh,,", "distribution-code"),
    ("QT.01,2,1,PKT,2026-11-20,ntkhanh,,", "distribution-unit"),
    ("QT.01,2,1,VP,2026-11-20,root,,", "distribution-person"),
    ("QT.01,2,1,VP,2026-11-20,ntkhanh,2026-11-21,admin", "distribution-person"),
    ("QT.01,2,1,VP,2026-11-20,ntkhanh,2026-11-10,phthu", "distribution-dates"),
    ("QT.01,2,1,VP,2027-01-05,ntkhanh,,", "distribution-dates"),
    ("QT.01,2,1,VP,2026-11-20,ntkhanh,2026-12-25,phthu", "distribution-dates"),
])
def test_register_only_holds_facts(repo, row, rule):
    (repo.root / "registers").mkdir()
    (repo.root / REGISTER).write_text("code,revision,copy,unit,issued,issued_by,recalled,recalled_by\n" + row + "\n",
                                      encoding="utf-8")
    code, findings = repo.findings()
    assert code == 1 and [(f["rule"], f["line"]) for f in findings if f["path"] == REGISTER] == [(rule, 2)]
