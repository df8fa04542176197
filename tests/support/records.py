"""A valid record of every kind, for the tests of the record rules, the commands and the pages:
written as an agency would, each one checked clean before a test breaks it."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from builder.records.fingerprint import record_fingerprint
from builder.records.kinds import REVIEW_INPUTS
from builder.records.loader import parse_record

AUDIT = "records/2026/DGNB-2026-01-bao-cao-danh-gia-noi-bo.md"
ACTION = "records/2026/KP-2026-01-cap-nhat-so-theo-doi.md"
RISK = "records/2026/RR-2026-01-cham-tra-ket-qua.md"
SURVEY = "records/2026/KS-2026-01-khao-sat-linh-vuc-khcn.md"
REVIEW = "records/2026/XXLD-2026-01-bien-ban-xem-xet.md"
TRAINING = "records/2026/DT-2026-01-nhan-thuc-iso.md"
INSPECTION = "records/2026/KT-2026-01-kiem-tra-cua-so.md"
ACK = "records/2026/TN-2026-01-tiep-nhan-qt02.md"

_INPUTS = "\n".join(f"  - {{input: {key}, summary: Đã xem xét nội dung {key}, evidence: [DGNB-2026-01]}}"
                    for key in REVIEW_INPUTS)

RECORDS = {
    AUDIT: """---
id: DGNB-2026-01
kind: audit
title: Báo cáo đánh giá nội bộ năm 2026
unit: VP
date: 2026-10-20
form: {code: BM.08, revision: 2}
procedure: QT.02
status: open
dates: {from: 2026-10-05, to: 2026-10-16}
scope:
  units: [KHTC, QLKH]
  procedures: [QT.01, QT.07]
auditors:
  - person: hmduc
    units: [KHTC]
  - person: ltnga
    units: [QLKH]
findings:
  - {id: 1, type: nonconformity, clause: 7.5.3, unit: KHTC, text: Sổ theo dõi hồ sơ chưa cập nhật từ tháng 6.}
  - {id: 2, type: observation, clause: 9.1.3, unit: QLKH, text: Chưa phân tích số liệu quý III.}
---
# Báo cáo đánh giá nội bộ

Đoàn đánh giá đã đánh giá hai phòng theo kế hoạch.
""",
    ACTION: """---
id: KP-2026-01
kind: corrective_action
title: Cập nhật sổ theo dõi hồ sơ
unit: VP
date: 2026-10-22
form: {code: BM.11, revision: 3}
procedure: QT.04
status: open
source: {type: audit, record: DGNB-2026-01, item: 1}
description: Sổ theo dõi hồ sơ chưa cập nhật từ tháng 6.
cause: Chưa phân công người cập nhật khi chuyên viên nghỉ phép.
action: Phân công người thay thế; cập nhật sổ hằng tuần.
responsible: KHTC
due: 2026-12-15
---
Phiếu yêu cầu hành động khắc phục.
""",
    RISK: """---
id: RR-2026-01
kind: risk
title: Chậm trả kết quả thủ tục hành chính
unit: VP
date: 2026-02-10
form: {code: BM.13, revision: 2}
procedure: QT.05
status: open
type: risk
description: Hồ sơ trả kết quả chậm do chờ ý kiến phối hợp.
likelihood: 2
impact: 3
treatment: Theo dõi hạn xử lý trên hệ thống một cửa điện tử hằng ngày.
owner: dvlong
due: 2026-06-30
---
""",
    SURVEY: """---
id: KS-2026-01
kind: survey
title: Khảo sát sự hài lòng lĩnh vực hoạt động khoa học và công nghệ
unit: VP
date: 2026-09-10
form: {code: BM.16, revision: 2}
procedure: QT.06
status: open
period: {from: 2026-07-01, to: 2026-08-31}
service: Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ
sample: 120
method: Phiếu khảo sát tại Bộ phận Một cửa
objective: {document: MTCL.2026, target: MT.03}
results:
  - {group: Tiếp cận dịch vụ, rate: 96.5}
  - {group: Thủ tục hành chính, rate: 95.8}
themes:
  - {theme: Đề nghị mở rộng nộp hồ sơ trực tuyến, count: 12}
---
Kết quả khảo sát tổng hợp.
""",
    REVIEW: """---
id: XXLD-2026-01
kind: review
title: Biên bản họp xem xét của lãnh đạo năm 2026
unit: VP
date: 2026-11-13
form: {code: BM.10, revision: 2}
procedure: QT.03
status: open
chair: ltminh
attendees: [nvhai, phthu, dvlong]
inputs:
""" + _INPUTS + """
outputs:
  - {type: improvement, decision: Mở rộng tiếp nhận hồ sơ trực tuyến, owner: tqhuy, due: 2027-03-31}
---
Biên bản họp.
""",
    TRAINING: """---
id: DT-2026-01
kind: training
title: Tập huấn nhận thức TCVN ISO 9001:2015
unit: VP
date: 2026-04-09
form: {code: BM.05, revision: 2}
procedure: QT.01
status: open
course: Nhận thức TCVN ISO 9001:2015
dates: {from: 2026-04-08, to: 2026-04-09}
organiser: Văn phòng Sở
attendees: [ntkhanh, hmduc]
attendee_counts:
  - {unit: KHTC, count: 4}
---
""",
    INSPECTION: """---
id: KT-2026-01
kind: inspection
title: Kiểm tra việc duy trì hệ thống quản lý chất lượng năm 2026
unit: VP
date: 2026-06-15
form: {code: BM.11, revision: 3}
procedure: QT.04
status: open
inspector: Sở Khoa học và Công nghệ tỉnh Hòa Phong
letter: 104/SKHCN-TĐC
letter_date: 2026-06-12
recommendations:
  - {id: 1, text: Cập nhật quy trình theo văn bản mới, follow_up: Đã ban hành lại QT.07, done: 2026-07-10}
  - {id: 2, text: Công khai kết quả khảo sát, follow_up: Đăng trên cổng thông tin của Sở}
---
""",
    ACK: """---
id: TN-2026-01
kind: acknowledgement
title: Tiếp nhận QT.02 lần ban hành 2
unit: VP
date: 2026-02-06
form: {code: BM.04, revision: 2}
procedure: QT.01
status: open
documents:
  - {code: QT.02, revision: 2}
units: [VP, KHTC]
confirmations:
  - {unit: VP, by: phthu, date: 2026-02-04}
  - {unit: KHTC, by: dvlong, date: 2026-02-05}
---
""",
}


def write_records(root: Path, records: dict[str, str] = RECORDS) -> None:
    """Replace the repository's records with the given ones."""
    shutil.rmtree(Path(root) / "records", ignore_errors=True)
    for rel, text in records.items():
        path = Path(root) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def close_record(root: Path, rel: str, by: str = "ltminh", when: str = "2026-11-20") -> str:
    """Close a record the way `qms record close` records it (status and the closing line);
    returns the fingerprint."""
    path = Path(root) / rel
    record, _ = parse_record(rel, path.read_bytes())
    print_ = record_fingerprint(record)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^status: open$", f'status: closed\nclosed: {{by: {by}, date: {when}, fingerprint: "{print_}"}}',
                  text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return print_


# The sample's 2026 cycle shows what staff must act on (issue 19): one corrective action overdue and
# one unit that has not confirmed reading a batch of new issues. Nothing else is reported on it.
SAMPLE_WARNINGS = {("action-overdue", "KP-2026-02"), ("acknowledgement-incomplete", "TN-2026-02")}


def unintended(findings) -> list:
    """Findings of the sample other than its two intended warnings (Finding objects or JSON dicts)."""
    def key(f):
        rule, path = (f["rule"], f["path"]) if isinstance(f, dict) else (f.rule, f.path)
        return next(((r, i) for r, i in SAMPLE_WARNINGS if r == rule and f"/{i}-" in path), None)
    return [f for f in findings if key(f) is None]
