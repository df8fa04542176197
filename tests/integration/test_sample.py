"""The embedded sample system: complete, realistic, clean, and the revision workflow on it."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest
from support.gitutil import init
from support.keys import sample_key
from support.records import unintended
from support.repos import REPO, TODAY, copy_sample, mkdocs_build

from builder.catalog import load_catalog
from builder.documents.dates import parse_date
from builder.reporting.figures import flat, yearly_figures
from builder.reporting.status import status_schema
from builder.rules.runner import run_checks

SYSTEM_PROCEDURES = ("kiểm soát thông tin dạng văn bản", "đánh giá nội bộ", "xem xét của lãnh đạo",
                     "không phù hợp", "rủi ro và cơ hội", "hài lòng")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(REPO, parse_date(TODAY), with_git=False)


def test_sample_checks_clean(catalog):
    """No error; the only warnings are the two the 2026 cycle shows on purpose."""
    found = run_checks(catalog)
    assert unintended(found) == []
    assert {(f.rule, f.severity.value) for f in found} == {("action-overdue", "warning"),
                                                            ("acknowledgement-incomplete", "warning")}


def test_sample_is_a_complete_system(catalog):
    kinds = [d.kind for d in catalog.documents]
    # This year's plan and last year's (archived), as agencies keep them.
    assert kinds.count("policy") == 1 and kinds.count("objectives") == 1 and kinds.count("plan") == 2
    procedures = [d for d in catalog.documents if d.kind == "procedure"]
    assert len(procedures) >= 8 and kinds.count("form") >= 20
    titles = " ".join(d.title.lower() for d in procedures)
    assert all(t in titles for t in SYSTEM_PROCEDURES)
    plan = catalog.get("KH.2026")
    assert 8 <= len(plan.tasks) <= 15
    objectives = catalog.of_kind("objectives")[0]
    assert objectives.targets and any(t.results for t in objectives.targets)
    assert all(d.procedure for d in catalog.of_kind("form"))


def test_sample_site_manifest_lists_every_document(tmp_path, catalog):
    repo = copy_sample(tmp_path / "sample")
    result = mkdocs_build(repo.root)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((repo.root / "site" / "manifest.json").read_text(encoding="utf-8"))
    assert {d["code"] for d in manifest["documents"]} == {d.code for d in catalog.documents}
    for entry in manifest["documents"]:
        assert (repo.root / "site" / entry["url"] / "index.html").is_file()
        if entry["status"] == "effective":   # make site: a PDF for every effective document (issue 4)
            assert entry["pdf"] and (repo.root / "site" / entry["pdf"]).read_bytes().startswith(b"%PDF")
    # Every record is listed, each closed one with its published PDF.
    assert {r["id"] for r in manifest["records"]} == {r.id for r in catalog.records}
    for entry in manifest["records"]:
        assert (repo.root / "site" / entry["url"] / "index.html").is_file()
        assert (entry["pdf"] is not None) == (entry["status"] == "closed")
        if entry["pdf"]:
            assert (repo.root / "site" / entry["pdf"]).read_bytes().startswith(b"%PDF")
    # status.json: valid against its schema, its figures those of the yearly report.
    status = json.loads((repo.root / "site" / "status.json").read_text(encoding="utf-8"))
    jsonschema.validate(status, status_schema())
    assert status["figures"] == flat(yearly_figures(catalog, 2026))
    assert status["now"]["actions_overdue"] == 1 and status["now"]["internal_audit"]["last"] == "2026-10-20"
    overdue = next(f for s in status["sections"] for f in s["figures"] if f["key"] == "actions.overdue")
    assert [x["ref"] for x in overdue["sources"]] == ["KP-2026-02"]
    assert (repo.root / "site" / overdue["sources"][0]["url"] / "index.html").is_file()
    qt01 = next(e for e in manifest["documents"] if e["code"] == "QT.01")
    page = (repo.root / "site" / qt01["url"] / "index.html").read_text(encoding="utf-8")
    row = page.split("<strong>Chữ ký số</strong>")[1].split("</tr>")[0]      # the sign-off block's row
    assert row.count("✓ Hợp lệ (khóa SHA256:") == 3, row
    law = (repo.root / "site" / "van-ban-phap-luat-thay-doi" / "index.html").read_text(encoding="utf-8")
    assert "61/2018/NĐ-CP → 118/2025/NĐ-CP" in law and "Đã cập nhật" in law
    assert "29/2013/QH13 → 93/2025/QH15" in law


def test_revision_workflow_on_the_committed_sample(tmp_path):
    repo = copy_sample(tmp_path / "sample")
    init(repo.root)
    path = "procedures/QT.02-danh-gia-noi-bo.md"
    text = repo.read(path)
    repo.write(path, text.rstrip("\n") + "\n\nGhi chú: bổ sung yêu cầu về năng lực chuyên gia đánh giá.\n")
    code, findings = repo.findings()
    assert code == 1
    assert any(f["rule"] == "content-changed-without-revision" and f["path"] == path for f in findings)

    doc = load_catalog(repo.root, parse_date(TODAY), with_git=False).get("QT.02")
    old_rev, old_eff = doc.revision, doc.effective.isoformat()
    text = repo.read(path)
    text = text.replace(f"revision: {old_rev}\n", f"revision: {old_rev + 1}\n", 1)
    text = text.replace(f"effective: {old_eff}\n", "effective: 2026-11-20\n", 1)
    # README step 4: the new issue's own sign-off dates
    text = re.sub(r"^(prepared: \{by: \w+, date: )[^}]+\}", r"\g<1>2026-11-10}", text, count=1, flags=re.M)
    text = re.sub(r"^(reviewed: \{by: \w+, date: )[^}]+\}", r"\g<1>2026-11-12}", text, count=1, flags=re.M)
    marker = "\n---\n"
    head, _, body = text[4:].partition(marker)
    head += (f"\n  - revision: {old_rev + 1}\n    date: 2026-11-20\n    section: Mục 5\n"
             f"    description: Bổ sung yêu cầu năng lực chuyên gia đánh giá")
    repo.write(path, "---\n" + head + marker + body)
    # README step 5: each signer signs the new issue with their own key (the sample's keys).
    for role, person, day in (("prepare", "hmduc", "2026-11-10"), ("review", "nvhai", "2026-11-12"),
                              ("approve", "ltminh", "2026-11-19")):
        result = repo.qms("approve", "QT.02", "--role", role, "--by", person, "--date", day,
                          "--key", str(sample_key(person, tmp_path / "keys")))
        assert "Đã ký số" in result.output, result.output
    assert result.exit_code == 0, result.output
    code, found = repo.findings()
    assert code == 0 and unintended(found) == []

    repo.write(path, repo.read(path) + "\nSửa thêm sau khi đã phê duyệt.\n")
    code, findings = repo.findings()
    assert code == 1 and any(f["rule"] == "approval-fingerprint" and f["path"] == path for f in findings)
