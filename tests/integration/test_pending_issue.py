"""Scheduled issues: an issue approved ahead of its effective date is pending. Until that day
the issue in force stays the current page, PDF, manifest entry and recall reference; on the day
the site switches. Built with the real MkDocs on both sides of the date, in a real git repository."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from support.gitutil import commit_all, init
from support.repos import Q, new_issue, site_repo

EFFECTIVE = "2026-12-10"


def build(repo, today: str):
    env = dict(os.environ, QMS_TODAY=today, NO_MKDOCS_2_WARNING="true")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=repo.root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    site = repo.root / "site"
    manifest = {d["code"]: d for d in json.loads((site / "manifest.json").read_text(encoding="utf-8"))["documents"]}
    return site, manifest


def qms(repo, today: str, *args):
    from click.testing import CliRunner

    from builder.cli.main import main
    return CliRunner().invoke(main, [*args, "--root", str(repo.root), "--today", today])


def test_pending_issue_waits_for_its_day_then_switches(tmp_path):
    repo = site_repo(tmp_path / "repo")
    init(repo.root)
    assert repo.qms("issue-copy", "QT.01", "--to", "VP", "--by", "ntkhanh").exit_code == 0
    new_issue(repo, effective=EFFECTIVE)
    repo.edit(Q, "| B1 | Đề nghị soạn thảo | Đơn vị | 01 ngày |", "| B1 | Đề nghị soạn thảo theo mẫu mới | Đơn vị | 01 ngày |")
    assert repo.qms("approve", "QT.01", "--by", "ltminh", "--date", "2026-11-19").exit_code == 0
    commit_all(repo.root, "QT.01 lần 3, hiệu lực 10/12/2026")

    # before the day: issue 02 is in force, issue 03 is announced and previewed
    site, manifest = build(repo, "2026-12-01")
    page = (site / "tai-lieu" / "qt-01" / "index.html").read_text(encoding="utf-8")
    assert "Lần ban hành: <strong>02</strong>" in page and "theo mẫu mới" not in page.split("Lịch sử ban hành")[0]
    assert "Sắp có hiệu lực" in page and "10/12/2026" in page and 'href="lan-03/"' in page
    preview = (site / "tai-lieu" / "qt-01" / "lan-03" / "index.html").read_text(encoding="utf-8")
    assert "theo mẫu mới" in preview and "có hiệu lực từ 10/12/2026" in preview
    assert manifest["QT.01"]["revision"] in (2, "02")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Sắp có hiệu lực" in home and "QT.01" in home
    fidelity = qms(repo, "2026-12-01", "fidelity")        # the page shows issue 02: compared with issue 02
    assert fidelity.exit_code == 0, fidelity.output
    recall = qms(repo, "2026-12-01", "recall", "QT.01")
    assert "Không có bản kiểm soát nào cần thu hồi" in recall.output
    ahead = qms(repo, "2026-12-01", "issue-copy", "QT.01", "--to", "KHTC", "--by", "ntkhanh")
    assert ahead.exit_code == 0, ahead.output          # copies of issue 03 printed before the day

    # on the day: issue 03 is current, issue 02 superseded, its copies to be recalled
    site, manifest = build(repo, EFFECTIVE)
    page = (site / "tai-lieu" / "qt-01" / "index.html").read_text(encoding="utf-8")
    assert "Lần ban hành: <strong>03</strong>" in page and "theo mẫu mới" in page
    assert manifest["QT.01"]["revision"] in (3, "03")
    assert "HẾT HIỆU LỰC" in (site / "tai-lieu" / "qt-01" / "lan-02" / "index.html").read_text(encoding="utf-8")
    recall = qms(repo, EFFECTIVE, "recall", "QT.01")
    assert "1 bản kiểm soát cần thu hồi" in recall.output and "lần ban hành 02" in recall.output
