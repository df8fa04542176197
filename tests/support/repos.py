"""A small valid document repository built in a temporary folder, and the embedded sample."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner
from support.records import close_record

from builder.catalog import load_catalog
from builder.cli.main import main
from builder.documents.dates import parse_date
from builder.records.kinds import REVIEW_INPUTS
from builder.records.loader import parse_record
from builder.revisions.approve import approve

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-21"

QT01 = """\
---
code: QT.01
kind: procedure
title: Quy trình kiểm soát thông tin dạng văn bản
unit: VP
revision: 2
status: effective
effective: 2026-02-02
review_months: 12
prepared: {by: ntkhanh, date: 2026-01-12}
reviewed: {by: phthu, date: 19/01/2026}
approved: {by: ltminh, date: 2026-01-26, decision: 15/QĐ-SKHCN}
legal_basis:
  - 19/2014/QĐ-TTg
  - 101/QĐ-BKHCN
references: [KH.2026]
forms: [BM.01]
records:
  - name: Danh mục tài liệu nội bộ
    keeper: VP
    retention: Đến khi có bản thay thế
changes:
  - revision: 1
    date: 2024-03-01
    section: Toàn bộ tài liệu
    description: Ban hành lần đầu
  - revision: 2
    date: 2026-02-02
    section: Mục 5
    description: Cập nhật căn cứ pháp lý
---
## 1. Mục đích

Quy định thống nhất cách kiểm soát tài liệu theo Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014
của Thủ tướng Chính phủ và Nghị định số 30/2020/NĐ-CP; mẫu phiếu là BM.01.

## 5. Nội dung quy trình

| Bước | Nội dung công việc | Trách nhiệm | Thời gian |
|---|---|---|---|
| B1 | Đề nghị soạn thảo | Đơn vị | 01 ngày |
"""

BM01 = """\
---
code: BM.01
kind: form
title: Phiếu đề nghị soạn thảo, sửa đổi tài liệu
unit: VP
revision: 1
status: effective
effective: 2026-02-02
prepared: {by: ntkhanh, date: 2026-01-12}
reviewed: {by: phthu, date: 2026-01-19}
approved: {by: ltminh, date: 2026-01-26}
procedure: QT.01
changes:
  - {revision: 1, date: 2026-02-02, description: Ban hành lần đầu}
---
**PHIẾU ĐỀ NGHỊ SOẠN THẢO, SỬA ĐỔI TÀI LIỆU**

Họ và tên người đề nghị: ........................................
"""

KH2026 = """\
---
code: KH.2026
kind: plan
title: Kế hoạch duy trì hệ thống quản lý chất lượng năm 2026
unit: VP
revision: 1
status: effective
effective: 2026-01-15
prepared: {by: ntkhanh, date: 2026-01-05}
reviewed: {by: phthu, date: 2026-01-08}
approved: {by: nvhai, date: 2026-01-12}
legal_basis: [19/2014/QĐ-TTg]
year: 2026
tasks:
  - content: Đánh giá nội bộ năm 2026
    period: Tháng 9-10
    due: 2026-10-31
    unit: VP
    status: done
    completed: 2026-10-20
    type: internal_audit
  - content: Họp xem xét của lãnh đạo năm 2026
    period: Tháng 11
    due: 2026-11-30
    unit: VP
    status: done
    completed: 2026-11-13
    type: management_review
changes:
  - {revision: 1, date: 2026-01-15, description: Ban hành lần đầu}
---
Kế hoạch năm 2026.
"""

# The year's internal audit and management review, as closed records (the evidence of the yearly
# duties the plan marks done); made on the repository's one form, so that they need nothing more, and
# early in the year, so that tests set on any day after the form took effect find no record from the future.
AUDIT2026 = """\
---
id: DGNB-2026-01
kind: audit
title: Báo cáo đánh giá nội bộ năm 2026
unit: VP
date: 2026-02-06
form: {code: BM.01, revision: 1}
procedure: QT.01
status: open
dates: {from: 2026-02-03, to: 2026-02-05}
scope: {units: [VP]}
auditors:
  - {person: dvlong}
findings:
  - {id: 1, type: observation, clause: 7.5.3, unit: VP, text: Danh mục tài liệu cập nhật chậm.}
---
Báo cáo đánh giá nội bộ.
"""
REVIEW2026 = """\
---
id: XXLD-2026-01
kind: review
title: Biên bản họp xem xét của lãnh đạo năm 2026
unit: VP
date: 2026-02-10
form: {code: BM.01, revision: 1}
procedure: QT.01
status: open
chair: ltminh
attendees: [nvhai, phthu]
inputs:
""" + "".join(f"  - {{input: {key}, summary: Đã xem xét, evidence: [DGNB-2026-01]}}\n" for key in REVIEW_INPUTS) + """\
---
Biên bản họp.
"""

BASE_FILES = {
    "procedures/QT.01-kiem-soat-tai-lieu.md": QT01,
    "forms/BM.01-phieu-de-nghi.md": BM01,
    "procedures/KH.2026-ke-hoach.md": KH2026,
    "records/2026/DGNB-2026-01-bao-cao-danh-gia-noi-bo.md": AUDIT2026,
    "records/2026/XXLD-2026-01-bien-ban-xem-xet.md": REVIEW2026,
}


class Repo:
    """A temporary document repository with helpers to edit files and run `qms`."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def qms(self, *args: str):
        runner = CliRunner()
        result = runner.invoke(main, [*args, "--root", str(self.root), "--today", TODAY])
        assert not (result.exception and not isinstance(result.exception, SystemExit)), result.output
        assert "Traceback" not in result.output
        return result

    def findings(self):
        result = self.qms("check", "--format", "json")
        return result.exit_code, json.loads(result.stdout)["findings"]


def copy_sample(root: Path) -> "Repo":
    """A copy of the embedded sample system (documents, records, site_config, mkdocs.yml), outside git."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("procedures", "forms", "records", "site_config", "signatures"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return Repo(root)


def approve_all(root: Path) -> None:
    """Record every effective document's approval with its fingerprint, as `qms approve` does."""
    catalog = load_catalog(root, parse_date(TODAY), with_git=False)
    for doc in catalog.documents:
        approved = doc.signoffs.get("approved")
        if doc.status == "effective" and approved and not approved.fingerprint:
            approve(catalog, doc.code, approved.by, approved.date, approved.decision)


def make_repo(root: Path, files: dict[str, str] = BASE_FILES, approved: bool = True,
              signatures: str = "off") -> Repo:
    """A small repository with the sample's configuration (not its announcements nor its ISO 18091
    indicator set, both optional). Its sign-offs are not signed, so signatures are off unless a
    test asks for them (tests/integration/test_signatures.py)."""
    shutil.copytree(REPO / "site_config", root / "site_config",
                    ignore=shutil.ignore_patterns("docs", "theme", "activities.yml", "iso18091.yml"))
    repo = Repo(root)
    set_signatures(root, signatures)
    repo.write(".gitignore", ".qms-cache/\nsite/\nsite.*/\nban-in/\n")   # as the sample repository has
    for rel, content in files.items():
        repo.write(rel, content)
    if approved:
        approve_all(root)
        close_open_records(root)
    return repo


def close_open_records(root: Path) -> None:
    """Close every open record of the repository, as its signer would with `qms record close`
    (the day after it was made)."""
    for path in sorted((Path(root) / "records").rglob("*.md")):
        record, _ = parse_record(path.relative_to(root).as_posix(), path.read_bytes())
        if record is not None and not record.is_closed and record.date:
            close_record(root, path.relative_to(root).as_posix(), "ltminh",
                         (record.date + timedelta(days=1)).isoformat())


def set_signatures(root: Path, mode: str) -> None:
    """Set `signatures:` of the repository's organisation.yml (required / warning / off)."""
    path = Path(root) / "site_config" / "organisation.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^signatures: .*$", f"signatures: {mode}", text, flags=re.M), encoding="utf-8")


def site_repo(root: Path, files: dict[str, str] = BASE_FILES) -> Repo:
    """A repository with the site's own pages and theme, ready for `mkdocs build`."""
    repo = make_repo(root, files)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "site_config" / "docs", root / "site_config" / "docs")
    shutil.copytree(REPO / "site_config" / "theme", root / "site_config" / "theme")
    return repo


def mkdocs_build(root: Path, *extra: str) -> subprocess.CompletedProcess:
    """The real `mkdocs build` of the repository at `root`, as of TODAY."""
    env = dict(os.environ, QMS_TODAY=TODAY, NO_MKDOCS_2_WARNING="true")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *extra], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


Q = "procedures/QT.01-kiem-soat-tai-lieu.md"


def new_issue(repo: Repo, effective: str = "2026-11-20") -> None:
    """What a document controller does for issue 3 of QT.01 (everything but approving)."""
    repo.edit(Q, "revision: 2", "revision: 3")
    repo.edit(Q, "effective: 2026-02-02", f"effective: {effective}")
    repo.edit(Q, "prepared: {by: ntkhanh, date: 2026-01-12}", "prepared: {by: ntkhanh, date: 2026-11-10}")
    repo.edit(Q, "reviewed: {by: phthu, date: 19/01/2026}", "reviewed: {by: phthu, date: 2026-11-12}")
    repo.edit(Q, "    description: Cập nhật căn cứ pháp lý\n",
              "    description: Cập nhật căn cứ pháp lý\n"
              f"  - revision: 3\n    date: {effective}\n    section: Mục 5\n    description: Thêm bước B2\n")


def add_step(repo: Repo, text: str = "| B2 | Xem xét dự thảo | Trưởng đơn vị | 02 ngày |") -> None:
    repo.edit(Q, "| B1 | Đề nghị soạn thảo | Đơn vị | 01 ngày |\n",
              f"| B1 | Đề nghị soạn thảo | Đơn vị | 01 ngày |\n{text}\n")
