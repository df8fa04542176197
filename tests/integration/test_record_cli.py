"""`qms record new`, `close` and `list` on a copy of the sample system, with the records of
tests/support/records.py (or none): ids, forms and placeholders of a new record, every refusal
of a closing, the bytes a closing changes, and the filters of the list."""
from __future__ import annotations

import json
import re
import shlex
import textwrap

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from support.gitutil import init
from support.records import (ACTION, AUDIT, RECORDS, RISK, TRAINING,
                             close_record, write_records)
from support.repos import REPO, TODAY, copy_sample

from builder.catalog import load_catalog
from builder.cli.main import main
from builder.documents.dates import parse_date
from builder.documents.placeholders import MARK
from builder.records.fingerprint import record_fingerprint
from builder.records.loader import parse_record

BM08 = "forms/BM.08-bao-cao-danh-gia-noi-bo.md"


@pytest.fixture
def repo(tmp_path):
    """The sample system without records."""
    repo = copy_sample(tmp_path / "repo")
    write_records(repo.root, {})
    return repo


@pytest.fixture
def full(tmp_path):
    """The sample system with one valid open record of each kind."""
    repo = copy_sample(tmp_path / "repo")
    write_records(repo.root)
    return repo


def made(repo, record_id: str) -> str:
    """The path of the one record file named after `record_id`."""
    found = list((repo.root / "records").rglob(f"{record_id}-*.md"))
    assert len(found) == 1, found
    return found[0].relative_to(repo.root).as_posix()


def load_problems(repo, rel: str) -> list:
    catalog = load_catalog(repo.root, parse_date(TODAY), with_git=False)
    return [f for f in catalog.load_findings if f.path == rel]


# --- qms record new -------------------------------------------------------------------------

def test_new_audit_takes_the_next_id_the_form_in_force_and_placeholders(repo):
    first = repo.qms("record", "new", "audit", "--date", "2026-10-05")
    assert first.exit_code == 0, first.output
    assert "DGNB-2026-01" in first.output
    rel = made(repo, "DGNB-2026-01")
    assert rel == "records/2026/DGNB-2026-01-danh-gia-noi-bo-nam-2026.md" and rel in first.output
    text = repo.read(rel)
    for line in ("id: DGNB-2026-01", "kind: audit", "unit: VP", "date: 2026-10-05",
                 "form: {code: BM.08, revision: 2}", "procedure: QT.02", "status: open",
                 "dates: {from: CẦN ĐIỀN, to: CẦN ĐIỀN}", "  - {person: CẦN ĐIỀN}"):
        assert f"\n{line}" in text, line
    # The body follows the form's own sections (BM.08), each left to write.
    assert "\n## 1. Thông tin chung\n\nCẦN ĐIỀN\n" in text and "\n## 7. Kiến nghị\n\nCẦN ĐIỀN\n" in text
    assert "closed:" not in text
    # Well formed: the loader reads every key without a finding.
    assert load_problems(repo, rel) == []
    record, _ = parse_record(rel, (repo.root / rel).read_bytes())
    assert (record.id, record.form_code, record.form_revision, record.is_closed) == ("DGNB-2026-01", "BM.08", 2, False)

    second = repo.qms("record", "new", "audit", "--title", "Đánh giá nội bộ đột xuất: Bộ phận Một cửa")
    assert second.exit_code == 0, second.output
    rel = made(repo, "DGNB-2026-02")
    assert 'title: "Đánh giá nội bộ đột xuất: Bộ phận Một cửa"' in repo.read(rel)
    assert f"date: {TODAY}" in repo.read(rel)
    assert load_problems(repo, rel) == []
    # Each kind counts on its own.
    assert "RR-2026-01" in repo.qms("record", "new", "risk").output


def test_new_counts_ids_filed_in_any_folder_but_only_of_that_year(repo):
    text = RECORDS[AUDIT].replace("id: DGNB-2026-01", "id: DGNB-2026-05")
    repo.write("records/2025/DGNB-2026-05-xep-nham-thu-muc.md", text)
    repo.write("records/2025/DGNB-2025-09-nam-truoc.md",
               RECORDS[AUDIT].replace("id: DGNB-2026-01", "id: DGNB-2025-09").replace("date: 2026-10-20",
                                                                                    "date: 2025-10-20"))
    assert "DGNB-2026-06" in repo.qms("record", "new", "audit").output
    assert "DGNB-2025-10" in repo.qms("record", "new", "audit", "--date", "2025-11-03").output
    assert made(repo, "DGNB-2025-10").startswith("records/2025/")


def test_new_uses_the_form_issue_in_force_on_the_record_date(repo):
    init(repo.root)
    # BM.08 issue 3 takes effect on 1 November; issue 2 (committed) was in force before.
    repo.edit(BM08, "revision: 2", "revision: 3")
    repo.edit(BM08, "effective: 2026-02-02", "effective: 2026-11-01")
    assert repo.qms("record", "new", "audit", "--date", "2026-10-05").exit_code == 0
    assert "form: {code: BM.08, revision: 2}" in repo.read(made(repo, "DGNB-2026-01"))
    assert repo.qms("record", "new", "audit", "--date", "2026-11-10").exit_code == 0
    assert "form: {code: BM.08, revision: 3}" in repo.read(made(repo, "DGNB-2026-02"))
    # Issue 1, from before the repository, is known from the form's change table (2019-12-20).
    assert repo.qms("record", "new", "audit", "--date", "2026-01-10").exit_code == 0
    assert "form: {code: BM.08, revision: 1}" in repo.read(made(repo, "DGNB-2026-03"))
    early = repo.qms("record", "new", "audit", "--date", "2019-06-01")
    assert early.exit_code == 1
    assert "không có lần ban hành nào có hiệu lực vào ngày 01/06/2019" in early.output


def test_new_corrective_action_from_an_audit_finding(repo):
    write_records(repo.root, {AUDIT: RECORDS[AUDIT]})
    result = repo.qms("record", "new", "corrective_action", "--source", "DGNB-2026-01:1")
    assert result.exit_code == 0, result.output
    rel = made(repo, "KP-2026-01")
    text = repo.read(rel)
    for line in ("form: {code: BM.11, revision: 3}", "procedure: QT.04",
                 "source: {type: audit, record: DGNB-2026-01, item: 1}",
                 "description: Sổ theo dõi hồ sơ chưa cập nhật từ tháng 6.", "responsible: KHTC", "due: CẦN ĐIỀN",
                 "# verification: {by: phthu, date: 2026-11-10, result: effective}"):
        assert f"\n{line}" in text, line
    assert "## PHẦN C. XÁC NHẬN HIỆU LỰC" in text
    assert load_problems(repo, rel) == []
    missing = repo.qms("record", "new", "corrective_action", "--source", "DGNB-2026-01:7")
    assert missing.exit_code == 1 and "không có phát hiện hay kiến nghị số '7'" in missing.output


def test_new_refuses_an_unknown_kind_as_a_usage_error(repo):
    result = repo.qms("record", "new", "audi")
    assert result.exit_code == 2
    assert "Lỗi: Giá trị không hợp lệ cho 'LOẠI': 'audi' không phải loại hồ sơ." in result.output
    assert "Có phải ý bạn là 'audit'?" in result.output and "corrective_action (sự không phù hợp" in result.output
    assert not (repo.root / "records").exists() or not list((repo.root / "records").rglob("*.md"))


def test_new_refuses_what_would_make_a_broken_record(repo):
    # A kind with no form in site_config/records.yml needs --form.
    repo.edit("site_config/records.yml", "  training: BM.05", "  # training: BM.05")
    training = repo.qms("record", "new", "training")
    assert training.exit_code == 1 and "--form" in training.output and "site_config/records.yml" in training.output
    assert repo.qms("record", "new", "training", "--form", "BM.06").exit_code == 0
    assert repo.qms("record", "new", "audit", "--form", "QT.02").exit_code == 1
    future = repo.qms("record", "new", "audit", "--date", "2026-11-22")
    assert future.exit_code == 1 and "sau hôm nay" in future.output
    unit = repo.qms("record", "new", "audit", "--unit", "ZZ")
    assert unit.exit_code == 1 and "Không có đơn vị mã 'ZZ'" in unit.output
    assert repo.qms("record", "new", "audit", "--source", "DGNB-2026-01:1").exit_code == 1
    assert [p.name for p in (repo.root / "records").rglob("*.md")] == ["DT-2026-01-dao-tao-tap-huan-nam-2026.md"]


# --- qms record close -----------------------------------------------------------------------

def refused(repo, rel: str, *args: str) -> str:
    """Run a closing that must be refused; the file must not change."""
    before = (repo.root / rel).read_bytes()
    result = repo.qms("record", "close", *args)
    assert result.exit_code == 1, result.output
    assert (repo.root / rel).read_bytes() == before
    return result.output


def test_close_refuses_a_person_without_the_closing_role(full):
    said = refused(full, AUDIT, "DGNB-2026-01", "--by", "ntkhanh")
    assert "Nguyễn Thị Khánh (Chuyên viên) không có quyền ký đóng hồ sơ đánh giá nội bộ" in said
    assert "Giám đốc, Phó Giám đốc" in said
    said = refused(full, AUDIT, "DGNB-2026-01", "--by", "ltmin")
    assert "Không có nhân sự mã 'ltmin' trong site_config/organisation.yml. Có phải ý bạn là 'ltminh'?" in said
    # Chánh Văn phòng may close a training record (site_config/records.yml), not an audit.
    refused(full, AUDIT, "DGNB-2026-01", "--by", "phthu")
    assert full.qms("record", "close", "DT-2026-01", "--by", "phthu").exit_code == 0


def test_close_refuses_a_future_date_or_one_before_the_record(full):
    assert "sau hôm nay" in refused(full, AUDIT, "DGNB-2026-01", "--by", "ltminh", "--date", "2026-11-22")
    assert "trước ngày lập hồ sơ 20/10/2026" in refused(full, AUDIT, "DGNB-2026-01", "--by", "ltminh",
                                                        "--date", "2026-10-19")


def test_close_refuses_a_record_with_placeholders_left(repo):
    assert repo.qms("record", "new", "audit").exit_code == 0
    rel = made(repo, "DGNB-2026-01")
    said = refused(repo, rel, "DGNB-2026-01", "--by", "ltminh")
    assert f"còn chỗ '{MARK}' chưa điền: trường 'dates.from' (dòng 10)" in said


def test_close_refuses_a_corrective_action_without_an_effective_verification(full):
    assert "chưa có xác nhận hiệu lực" in refused(full, ACTION, "KP-2026-01", "--by", "ltminh")
    full.edit(ACTION, "due: 2026-12-15\n", "due: 2026-12-15\nverification: {by: phthu, date: 2026-11-18, "
                                           "result: not_effective}\n")
    assert "'Chưa có hiệu lực'" in refused(full, ACTION, "KP-2026-01", "--by", "ltminh")
    full.edit(ACTION, "result: not_effective", "result: effective")
    assert "sau ngày ký đóng" in refused(full, ACTION, "KP-2026-01", "--by", "ltminh", "--date", "2026-11-17")
    assert full.qms("record", "close", "KP-2026-01", "--by", "nvhai").exit_code == 0


def test_close_refuses_a_closed_record_and_an_unknown_id(full):
    assert full.qms("record", "close", "DGNB-2026-01", "--by", "ltminh", "--date", "2026-11-20").exit_code == 0
    said = refused(full, AUDIT, "DGNB-2026-01", "--by", "nvhai")
    assert "đã được ký đóng ngày 20/11/2026 (ltminh)" in said
    assert "Có phải ý bạn là 'DGNB-2026-01'?" in refused(full, AUDIT, "dgnb-2026-01", "--by", "ltminh")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_close_writes_only_the_status_and_closing_lines(full, newline):
    path = full.root / AUDIT
    text = RECORDS[AUDIT].replace("status: open\n", "status: open   \n# ghi chú của thư ký ISO\n")
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    before = path.read_bytes()
    expected = record_fingerprint(parse_record(AUDIT, before)[0])

    result = full.qms("record", "close", "DGNB-2026-01", "--by", "ltminh", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    closing = f'closed: {{by: ltminh, date: 2026-11-20, fingerprint: "{expected}"}}'
    assert after == before.replace(f"status: open   {newline}# ghi chú của thư ký ISO{newline}".encode(),
                                   f"status: closed{newline}# ghi chú của thư ký ISO{newline}{closing}{newline}"
                                   .encode())
    assert closing in result.output
    record, problems = parse_record(AUDIT, after)
    assert problems == [] and record.is_closed
    assert (record.closed.by, record.closed.date.isoformat()) == ("ltminh", "2026-11-20")
    assert record.closed.fingerprint == record_fingerprint(record) == expected


# --- qms record list ------------------------------------------------------------------------

@pytest.fixture
def listed(full):
    """Records of two years: an overdue corrective action, a closed training, a risk of 2025."""
    full.edit(ACTION, "due: 2026-12-15", "due: 2026-11-15")
    close_record(full.root, TRAINING)
    old = RECORDS[RISK].replace("id: RR-2026-01", "id: RR-2025-01").replace("date: 2026-02-10", "date: 2025-03-02")
    full.write("records/2025/RR-2025-01-cham-tra-ket-qua.md", old)
    return full


def ids(repo, *args: str) -> list[str]:
    result = repo.qms("record", "list", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [r["id"] for r in json.loads(result.stdout)["records"]]


def test_list_filters_open_overdue_year_and_kind(listed):
    everything = ids(listed)
    assert len(everything) == len(RECORDS) + 1 and everything[0] == "RR-2025-01"
    assert "DT-2026-01" in everything and "DT-2026-01" not in ids(listed, "--open")
    assert ids(listed, "--overdue") == ["KP-2026-01"]
    assert ids(listed, "--year", "2025") == ["RR-2025-01"]
    assert ids(listed, "--kind", "risk") == ["RR-2025-01", "RR-2026-01"]
    assert ids(listed, "--kind", "risk", "--year", "2026", "--open") == ["RR-2026-01"]
    assert ids(listed, "--year", "2024") == []


def test_list_json_and_text_say_the_same(listed):
    rows = json.loads(listed.qms("record", "list", "--format", "json").stdout)["records"]
    action = next(r for r in rows if r["id"] == "KP-2026-01")
    assert action == {"id": "KP-2026-01", "kind": "corrective_action",
                      "kind_name": "Sự không phù hợp và hành động khắc phục", "date": "2026-10-22", "unit": "VP",
                      "status": "open", "due": "2026-11-15", "overdue": True, "title": "Cập nhật sổ theo dõi hồ sơ",
                      "form": "BM.11", "procedure": "QT.04", "path": ACTION}
    text = listed.qms("record", "list", "--overdue").output.splitlines()
    assert text[0].split() == ["Số", "hồ", "sơ", "Loại", "Ngày", "lập", "Đơn", "vị", "lưu", "Tình", "trạng", "Hạn",
                               "Tên", "hồ", "sơ"]
    assert text[1].startswith("KP-2026-01  Hành động khắc phục  22/10/2026  VP")
    assert "Quá hạn" in text[1] and "15/11/2026 (quá hạn 6 ngày)" in text[1]
    assert text[1].endswith("Cập nhật sổ theo dõi hồ sơ") and text[2] == "1 hồ sơ."
    assert listed.qms("record", "list", "--year", "2024").output.strip() == "Không có hồ sơ nào phù hợp."
    assert listed.qms("record", "list", "--kind", "rui_ro").exit_code == 2


# --- help -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [["record"], ["record", "new"], ["record", "close"], ["record", "list"]])
def test_record_help_is_vietnamese(path):
    result = CliRunner().invoke(main, [*path, "--help"], prog_name="qms")
    assert result.exit_code == 0
    assert f"Cách dùng: qms {' '.join(path)} [TÙY_CHỌN]" in result.output
    assert "Hiện hướng dẫn này rồi thoát." in result.output
    for english in ("Usage", "Options", "Commands", "TEXT", "INTEGER", "KIND", "RECORD_ID", "PERSON", "UNIT"):
        assert english not in result.output, english
    if path == ["record"]:
        assert "Lệnh:" in result.output and "Ký đóng hồ sơ" in result.output


# --- the README's cycle ---------------------------------------------------------------------

def readme_cycle() -> tuple[list[list[str]], list[str]]:
    """The `qms record` commands of the README's section "Hồ sơ chu kỳ HTQLCL", in order, and
    its YAML examples."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Hồ sơ chu kỳ HTQLCL"):text.index("### Chữ ký số")]
    commands = [shlex.split(c) for c in re.findall(r"\.venv/bin/qms (record [^`#\n]+)", section)]
    blocks = [textwrap.dedent(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S)]
    return commands, blocks


def test_the_readme_cycle_from_audit_to_corrective_action_runs(repo):
    commands, (findings, verification) = readme_cycle()
    assert [c[:2] for c in commands] == [["record", "new"], ["record", "close"], ["record", "new"],
                                         ["record", "close"], ["record", "list"], ["record", "list"],
                                         ["record", "list"]]
    assert repo.qms(*commands[0]).exit_code == 0
    audit = made(repo, "DGNB-2026-01")
    text = repo.read(audit).replace("dates: {from: CẦN ĐIỀN, to: CẦN ĐIỀN}",
                                    "dates: {from: 2026-10-05, to: 2026-10-14}")
    text = text.replace("scope: {units: [CẦN ĐIỀN]}", "scope: {units: [QLKH, CNCDS]}")
    text = text.replace("{person: CẦN ĐIỀN}", "{person: hmduc, units: [QLKH, CNCDS]}")
    text = re.sub(r"# findings:.*\n#   - .*\n", findings, text)
    repo.write(audit, text.replace(MARK, "Nội dung báo cáo."))
    closed = repo.qms(*commands[1])
    assert closed.exit_code == 0, closed.output

    assert repo.qms(*commands[2]).exit_code == 0
    action = made(repo, "KP-2026-01")
    text = repo.read(action).replace("due: CẦN ĐIỀN", "due: 2026-11-15")
    text = text.replace("# cause: ...", "cause: Chưa phân công người theo dõi hạn trả kết quả")
    text = text.replace("# action: ...", "action: Phân công theo dõi hạn hằng ngày")
    repo.write(action, text.replace(MARK, "Nội dung phiếu."))
    assert ids(repo, "--overdue") == ["KP-2026-01"]
    assert "chưa có xác nhận hiệu lực" in refused(repo, action, *commands[3][2:])
    repo.write(action, re.sub(r"# verification: .*\n", verification, repo.read(action)))
    closed = repo.qms(*commands[3])
    assert closed.exit_code == 0, closed.output
    for command in commands[4:]:
        assert repo.qms(*command).exit_code == 0
    assert ids(repo, "--open") == [] and ids(repo, "--overdue") == []


def test_qms_pdf_prints_closed_records_only(full, tmp_path):
    close_record(full.root, AUDIT)
    out = tmp_path / "ban-in"
    result = full.qms("pdf", "DGNB-2026-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in PdfReader(out / "DGNB-2026-01.pdf").pages)
    assert "DGNB-2026-01" in text and "BM.08" in text
    refused = full.qms("pdf", "KP-2026-01", "-o", str(out))
    assert refused.exit_code == 1 and "chưa ký đóng" in refused.output
    assert not (out / "KP-2026-01.pdf").exists()


def test_an_id_numbered_the_vietnamese_way_stays_one_file(repo):
    """'01/2026/ĐT-VP' (number/year/symbol, as agencies number their papers) is the id; its file is
    records/2026/01-2026-ĐT-VP-....md, never a folder tree, and it is written only where no file is."""
    repo.edit("site_config/records.yml", "  training: DT-{year}-{n:2}", '  training: "{n:2}/{year}/ĐT-VP"')
    result = repo.qms("record", "new", "training", "--title", "Tập huấn thử")
    assert result.exit_code == 0, result.output
    files = [p.relative_to(repo.root).as_posix() for p in (repo.root / "records").rglob("*.md")]
    assert files == ["records/2026/01-2026-ĐT-VP-tap-huan-thu.md"]
    assert 'id: "01/2026/ĐT-VP"' in repo.read(files[0]) or "id: 01/2026/ĐT-VP" in repo.read(files[0])
    record, findings = parse_record(files[0], (repo.root / files[0]).read_bytes())
    assert record.id == "01/2026/ĐT-VP"
