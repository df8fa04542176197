"""The kinds of records and the shape of each one's front matter.

Like documents/schema.py, this table is the one source for the checks, for `qms record new`
(the placeholders it writes) and for the site's field reference, so they never disagree.
"""
from __future__ import annotations

from builder.documents.field_types import (Date, Enum, Field, Int, ListOf,
                                           Number, Revision, Struct, Text)

KINDS = {
    "audit": "Đánh giá nội bộ",
    "corrective_action": "Sự không phù hợp và hành động khắc phục",
    "risk": "Rủi ro và cơ hội",
    "survey": "Khảo sát sự hài lòng",
    "review": "Xem xét của lãnh đạo",
    "training": "Đào tạo, tập huấn",
    "inspection": "Kiểm tra của cơ quan cấp trên",
    "acknowledgement": "Tiếp nhận tài liệu",
    "assessment": "Tự đánh giá theo TCVN ISO 18091",
}
STATUSES = {"open": "Đang thực hiện", "closed": "Đã đóng"}
FINDING_TYPES = {"nonconformity": "Sự không phù hợp", "observation": "Khuyến nghị, lưu ý",
                 "opportunity": "Cơ hội cải tiến"}
ACTION_SOURCES = {"audit": "Đánh giá nội bộ", "complaint": "Phản ánh, kiến nghị", "survey": "Khảo sát sự hài lòng",
                  "inspection": "Kiểm tra của cấp trên", "monitoring": "Theo dõi quá trình"}
VERIFICATION_RESULTS = {"effective": "Có hiệu lực", "not_effective": "Chưa có hiệu lực"}
RISK_TYPES = {"risk": "Rủi ro", "opportunity": "Cơ hội"}
EVALUATION_RESULTS = {"effective": "Hiệu quả", "partly": "Hiệu quả một phần", "not_effective": "Không hiệu quả"}
# TCVN ISO 18091:2020: the traffic light a council gives each indicator (site_config/iso18091.yml).
LEVELS = {"green": "Xanh", "yellow": "Vàng", "red": "Đỏ"}
# TCVN ISO 9001:2015 clause 9.3.2: the inputs of a management review, in the standard's order.
REVIEW_INPUTS = {
    "previous_actions": "a) Tình trạng các hành động từ các lần xem xét trước",
    "context_changes": "b) Thay đổi về các vấn đề nội bộ và bên ngoài liên quan đến hệ thống",
    "satisfaction": "c1) Sự hài lòng của người dân, tổ chức và phản hồi của các bên quan tâm",
    "objectives": "c2) Mức độ đạt được các mục tiêu chất lượng",
    "process_performance": "c3) Kết quả thực hiện các quá trình và sự phù hợp của sản phẩm, dịch vụ",
    "nonconformities": "c4) Sự không phù hợp và hành động khắc phục",
    "monitoring": "c5) Kết quả theo dõi và đo lường",
    "audit_results": "c6) Kết quả đánh giá",
    "providers": "c7) Kết quả thực hiện của các nhà cung cấp bên ngoài",
    "resources": "d) Sự thỏa đáng của các nguồn lực",
    "risk_actions": "e) Hiệu lực của các hành động giải quyết rủi ro và cơ hội",
    "improvement": "f) Các cơ hội cải tiến",
}
# TCVN ISO 9001:2015 clause 9.3.3: the kinds of outputs.
REVIEW_OUTPUTS = {"improvement": "Cơ hội cải tiến", "system_change": "Nhu cầu thay đổi hệ thống",
                  "resources": "Nhu cầu nguồn lực"}

# The clauses of TCVN ISO 9001:2015 an audit finding can be raised against (4 to 10).
CLAUSES = frozenset("""
4 4.1 4.2 4.3 4.4 4.4.1 4.4.2
5 5.1 5.1.1 5.1.2 5.2 5.2.1 5.2.2 5.3
6 6.1 6.1.1 6.1.2 6.2 6.2.1 6.2.2 6.3
7 7.1 7.1.1 7.1.2 7.1.3 7.1.4 7.1.5 7.1.5.1 7.1.5.2 7.1.6 7.2 7.3 7.4 7.5 7.5.1 7.5.2 7.5.3 7.5.3.1 7.5.3.2
8 8.1 8.2 8.2.1 8.2.2 8.2.3 8.2.3.1 8.2.3.2 8.2.4 8.3 8.3.1 8.3.2 8.3.3 8.3.4 8.3.5 8.3.6 8.4 8.4.1 8.4.2
8.4.3 8.5 8.5.1 8.5.2 8.5.3 8.5.4 8.5.5 8.5.6 8.6 8.7 8.7.1 8.7.2
9 9.1 9.1.1 9.1.2 9.1.3 9.2 9.2.1 9.2.2 9.3 9.3.1 9.3.2 9.3.3
10 10.1 10.2 10.2.1 10.2.2 10.3
""".split())

PERIOD = Struct([
    Field("from", Date(), "Từ ngày", "", True, "2026-09-14"),
    Field("to", Date(), "Đến ngày", "", True, "2026-09-25"),
])
FORM_ISSUE = Struct([
    Field("code", Text(), "Mã biểu mẫu", "Mã hiệu biểu mẫu đã dùng để lập hồ sơ.", True, "BM.08"),
    Field("revision", Revision(), "Lần ban hành của biểu mẫu",
          "Lần ban hành của biểu mẫu đang có hiệu lực vào ngày lập hồ sơ.", True, "2"),
])
CLOSING = Struct([
    Field("by", Text(), "Người ký đóng", "Mã nhân sự trong site_config/organisation.yml.", True, "ltminh"),
    Field("date", Date(), "Ngày ký đóng", "", True, "2026-10-20"),
    Field("fingerprint", Text(), "Dấu vân tay nội dung", "Do lệnh 'qms record close' ghi, không sửa tay.",
          False, "sha256:…"),
])

COMMON = [
    Field("id", Text(), "Số hồ sơ", "Số hồ sơ duy nhất, theo mẫu của loại hồ sơ (site_config/records.yml).",
          True, "DGNB-2026-01"),
    Field("kind", Enum(tuple(KINDS)), "Loại hồ sơ", ", ".join(f"{k} ({v.lower()})" for k, v in KINDS.items()) + ".",
          True, "audit"),
    Field("title", Text(), "Tên hồ sơ", "", True, "Báo cáo đánh giá nội bộ năm 2026"),
    Field("unit", Text(), "Đơn vị lưu", "Mã đơn vị lưu giữ hồ sơ.", True, "VP"),
    Field("date", Date(), "Ngày lập", "Ngày lập hồ sơ (ngày họp, ngày báo cáo...).", True, "2026-10-02"),
    Field("form", FORM_ISSUE, "Biểu mẫu", "Biểu mẫu và lần ban hành dùng để lập hồ sơ (code, revision).", True,
          "{code: BM.08, revision: 2}"),
    Field("procedure", Text(), "Quy trình", "Mã hiệu quy trình mà hồ sơ phục vụ.", True, "QT.02"),
    Field("status", Enum(tuple(STATUSES)), "Tình trạng", "open (đang thực hiện), closed (đã ký đóng).", True, "open"),
    Field("closed", CLOSING, "Ký đóng hồ sơ", "Do lệnh 'qms record close' ghi: người ký, ngày, dấu vân tay.", False,
          "{by: ltminh, date: 2026-10-20, fingerprint: …}"),
    Field("references", ListOf(Text()), "Hồ sơ, tài liệu liên quan", "Số hồ sơ hoặc mã hiệu tài liệu liên quan.",
          False, "[KP-2026-01, QT.04]"),
]

AUDITOR = Struct([
    Field("person", Text(), "Chuyên gia đánh giá", "Mã nhân sự.", True, "ltnga"),
    Field("units", ListOf(Text()), "Đơn vị được đánh giá",
          "Mã các đơn vị chuyên gia này đánh giá (mặc định: cả phạm vi); không được là đơn vị của mình.",
          False, "[VP, QLKH]"),
])
AUDIT_FINDING = Struct([
    Field("id", Text(), "Số phát hiện", "Số thứ tự trong báo cáo.", True, "1"),
    Field("type", Enum(tuple(FINDING_TYPES)), "Loại phát hiện",
          "nonconformity (không phù hợp), observation (khuyến nghị), opportunity (cơ hội cải tiến).", True,
          "nonconformity"),
    Field("clause", Text(), "Điều khoản", "Điều khoản TCVN ISO 9001:2015.", True, "7.5.3"),
    Field("unit", Text(), "Đơn vị", "Mã đơn vị có phát hiện.", True, "KHTC"),
    Field("procedure", Text(), "Quy trình", "Mã hiệu quy trình liên quan, nếu có.", False, "QT.01"),
    Field("text", Text(), "Nội dung", "", True, "Sổ theo dõi hồ sơ chưa cập nhật từ tháng 6."),
])
ACTION_SOURCE = Struct([
    Field("type", Enum(tuple(ACTION_SOURCES)), "Nguồn", "audit, complaint, survey, inspection, monitoring.", True,
          "audit"),
    Field("record", Text(), "Hồ sơ nguồn", "Số hồ sơ đánh giá, khảo sát hoặc kiểm tra phát sinh.", False,
          "DGNB-2026-01"),
    Field("item", Text(), "Mục", "Số phát hiện hoặc số kiến nghị trong hồ sơ nguồn.", False, "2"),
])
VERIFICATION = Struct([
    Field("by", Text(), "Người xác nhận", "Mã nhân sự.", True, "phthu"),
    Field("date", Date(), "Ngày xác nhận", "", True, "2026-11-10"),
    Field("result", Enum(tuple(VERIFICATION_RESULTS)), "Kết quả", "effective (có hiệu lực), not_effective.", True,
          "effective"),
    Field("note", Text(), "Ghi chú", "", False, ""),
])
RISK_EVALUATION = Struct([
    Field("by", Text(), "Người đánh giá", "Mã nhân sự.", True, "phthu"),
    Field("date", Date(), "Ngày đánh giá", "", True, "2026-12-10"),
    Field("result", Enum(tuple(EVALUATION_RESULTS)), "Kết quả", "effective, partly, not_effective.", True,
          "effective"),
    Field("note", Text(), "Nhận xét", "", False, ""),
])
SURVEY_RESULT = Struct([
    Field("group", Text(), "Nhóm câu hỏi", "", True, "Tiếp cận dịch vụ"),
    Field("rate", Number(), "Tỷ lệ hài lòng (%)", "", True, "96.5"),
])
SURVEY_THEME = Struct([
    Field("theme", Text(), "Chủ đề ý kiến", "Ý kiến tổng hợp, không ghi thông tin cá nhân.", True,
          "Đề nghị mở rộng nộp hồ sơ trực tuyến"),
    Field("count", Int(0, 10_000_000), "Số ý kiến", "", False, "12"),
])
OBJECTIVE_LINK = Struct([
    Field("document", Text(), "Mục tiêu chất lượng", "Mã hiệu tài liệu mục tiêu.", True, "MTCL.2026"),
    Field("target", Text(), "Mã mục tiêu", "", True, "MT.03"),
])
REVIEW_INPUT = Struct([
    Field("input", Enum(tuple(REVIEW_INPUTS)), "Đầu vào (9.3.2)", ", ".join(REVIEW_INPUTS) + ".", True,
          "audit_results"),
    Field("summary", Text(), "Tóm tắt", "", True, "04 phát hiện, 02 điểm không phù hợp"),
    Field("evidence", ListOf(Text()), "Bằng chứng", "Số hồ sơ hoặc mã hiệu tài liệu.", False, "[DGNB-2026-01]"),
])
REVIEW_OUTPUT = Struct([
    Field("type", Enum(tuple(REVIEW_OUTPUTS)), "Đầu ra (9.3.3)", "improvement, system_change, resources.", True,
          "improvement"),
    Field("decision", Text(), "Quyết định", "", True, "Mở rộng tiếp nhận hồ sơ trực tuyến"),
    Field("owner", Text(), "Người chủ trì", "Mã nhân sự.", False, "tqhuy"),
    Field("due", Date(), "Hạn", "", False, "2027-03-31"),
])
ATTENDEE_COUNT = Struct([
    Field("unit", Text(), "Đơn vị", "", True, "VP"),
    Field("count", Int(1, 100_000), "Số người", "", True, "5"),
])
RECOMMENDATION = Struct([
    Field("id", Text(), "Số kiến nghị", "", True, "1"),
    Field("text", Text(), "Nội dung kiến nghị", "", True, "Cập nhật quy trình theo văn bản mới"),
    Field("follow_up", Text(), "Việc đã làm", "Việc khắc phục đã hoặc đang làm.", False, "Đã ban hành lại QT.07"),
    Field("record", Text(), "Hồ sơ khắc phục", "Số hồ sơ hành động khắc phục, nếu có.", False, "KP-2026-03"),
    Field("done", Date(), "Ngày hoàn thành", "", False, "2026-11-15"),
])
DOCUMENT_ISSUE = Struct([
    Field("code", Text(), "Mã hiệu", "", True, "QT.04"),
    Field("revision", Revision(), "Lần ban hành", "", True, "3"),
])
CONFIRMATION = Struct([
    Field("unit", Text(), "Đơn vị", "", True, "KHTC"),
    Field("by", Text(), "Người tiếp nhận", "Mã nhân sự.", False, "dvlong"),
    Field("date", Date(), "Ngày tiếp nhận", "", True, "2026-02-05"),
])
INDICATOR_SCORE = Struct([
    Field("indicator", Text(), "Chỉ số", "Mã chỉ số trong site_config/iso18091.yml.", True, "1.1"),
    Field("level", Enum(tuple(LEVELS)), "Mức đánh giá", "green (xanh), yellow (vàng), red (đỏ).", True, "yellow"),
    Field("evidence", Text(), "Bằng chứng, nhận xét", "", False, "..."),
    Field("action", Text(), "Hành động cải tiến", "Bắt buộc khi mức vàng hoặc đỏ.", False, "..."),
    Field("owner", Text(), "Người chịu trách nhiệm", "Mã nhân sự.", False, "tqhuy"),
    Field("due", Date(), "Hạn hoàn thành", "", False, "2027-06-30"),
])

BY_KIND = {
    "audit": [
        Field("dates", PERIOD, "Thời gian đánh giá", "from, to.", True, "{from: 2026-09-14, to: 2026-09-25}"),
        Field("scope", Struct([
            Field("units", ListOf(Text()), "Đơn vị", "", True, "[VP, KHTC]"),
            Field("procedures", ListOf(Text()), "Quy trình", "", False, "[QT.01, QT.07]"),
        ]), "Phạm vi đánh giá", "units, procedures.", True, "{units: [VP, KHTC], procedures: [QT.01]}"),
        Field("auditors", ListOf(AUDITOR), "Đoàn đánh giá", "person, units.", True, "- {person: ltnga, units: [VP]}"),
        Field("findings", ListOf(AUDIT_FINDING), "Phát hiện", "id, type, clause, unit, text.", False,
              "- {id: 1, type: nonconformity, clause: 7.5.3, unit: KHTC, text: ...}"),
    ],
    "corrective_action": [
        Field("source", ACTION_SOURCE, "Nguồn phát sinh", "type, record, item.", True,
              "{type: audit, record: DGNB-2026-01, item: 2}"),
        Field("description", Text(), "Mô tả sự không phù hợp", "", True, "..."),
        Field("correction", Text(), "Khắc phục tức thời", "", False, "..."),
        Field("cause", Text(), "Nguyên nhân", "", False, "..."),
        Field("action", Text(), "Hành động khắc phục", "", False, "..."),
        Field("responsible", Text(), "Đơn vị thực hiện", "Mã đơn vị.", True, "KHTC"),
        Field("due", Date(), "Hạn hoàn thành", "", True, "2026-11-30"),
        Field("verification", VERIFICATION, "Xác nhận hiệu lực", "by, date, result, note.", False,
              "{by: phthu, date: 2026-11-10, result: effective}"),
    ],
    "risk": [
        Field("type", Enum(tuple(RISK_TYPES)), "Rủi ro hay cơ hội", "risk, opportunity.", True, "risk"),
        Field("description", Text(), "Mô tả", "", True, "..."),
        Field("likelihood", Int(1, 100), "Khả năng xảy ra", "Theo thang trong site_config/records.yml.", True, "3"),
        Field("impact", Int(1, 100), "Mức độ ảnh hưởng", "Theo thang trong site_config/records.yml.", True, "4"),
        Field("treatment", Text(), "Biện pháp xử lý", "", False, "..."),
        Field("owner", Text(), "Người chịu trách nhiệm", "Mã nhân sự.", False, "dvlong"),
        Field("due", Date(), "Hạn", "", False, "2026-06-30"),
        Field("evaluation", RISK_EVALUATION, "Đánh giá hiệu quả cuối năm", "by, date, result, note.", False,
              "{by: phthu, date: 2026-12-10, result: effective}"),
    ],
    "survey": [
        Field("period", PERIOD, "Kỳ khảo sát", "from, to.", True, "{from: 2026-07-01, to: 2026-08-31}"),
        Field("service", Text(), "Dịch vụ, nhóm thủ tục hành chính", "", True, "Lĩnh vực hoạt động KH&CN"),
        Field("tthc", ListOf(Text()), "Thủ tục hành chính", "Mã thủ tục hành chính của nhóm.", False, "[1.004502]"),
        Field("sample", Int(1, 10_000_000), "Số phiếu thu về", "", True, "120"),
        Field("method", Text(), "Phương pháp", "", True, "Phiếu khảo sát tại Bộ phận Một cửa"),
        Field("objective", OBJECTIVE_LINK, "Mục tiêu chất lượng tương ứng", "document, target.", False,
              "{document: MTCL.2026, target: MT.03}"),
        Field("results", ListOf(SURVEY_RESULT), "Kết quả theo nhóm câu hỏi", "group, rate.", True,
              "- {group: Tiếp cận dịch vụ, rate: 96.5}"),
        Field("themes", ListOf(SURVEY_THEME), "Ý kiến tổng hợp", "theme, count.", False,
              "- {theme: ..., count: 12}"),
    ],
    "review": [
        Field("chair", Text(), "Chủ trì", "Mã nhân sự.", True, "ltminh"),
        Field("attendees", ListOf(Text()), "Thành phần tham dự", "Mã nhân sự.", True, "[nvhai, phthu]"),
        Field("inputs", ListOf(REVIEW_INPUT), "Đầu vào (TCVN ISO 9001:2015, 9.3.2)", "input, summary, evidence.",
              True, "- {input: audit_results, summary: ..., evidence: [DGNB-2026-01]}"),
        Field("outputs", ListOf(REVIEW_OUTPUT), "Đầu ra (9.3.3)", "type, decision, owner, due.", False,
              "- {type: improvement, decision: ..., owner: tqhuy, due: 2027-03-31}"),
    ],
    "training": [
        Field("course", Text(), "Khóa đào tạo", "", True, "Nhận thức TCVN ISO 9001:2015"),
        Field("dates", PERIOD, "Thời gian", "from, to.", True, "{from: 2026-04-08, to: 2026-04-09}"),
        Field("organiser", Text(), "Đơn vị tổ chức", "", True, "Văn phòng Sở"),
        Field("attendees", ListOf(Text()), "Người tham dự", "Mã nhân sự.", False, "[ntkhanh, hmduc]"),
        Field("attendee_counts", ListOf(ATTENDEE_COUNT), "Số người tham dự theo đơn vị", "unit, count.", False,
              "- {unit: VP, count: 5}"),
    ],
    "inspection": [
        Field("inspector", Text(), "Cơ quan kiểm tra", "", True, "Sở Khoa học và Công nghệ"),
        Field("letter", Text(), "Số, ký hiệu văn bản", "Số ký hiệu văn bản kết luận hoặc kiến nghị.", True,
              "104/SKHCN-CCTĐC"),
        Field("letter_date", Date(), "Ngày văn bản", "", True, "2026-06-12"),
        Field("recommendations", ListOf(RECOMMENDATION), "Kiến nghị", "id, text, follow_up, record, done.", True,
              "- {id: 1, text: ..., follow_up: ...}"),
    ],
    "acknowledgement": [
        Field("documents", ListOf(DOCUMENT_ISSUE), "Tài liệu", "code, revision.", True, "- {code: QT.04, revision: 3}"),
        Field("units", ListOf(Text()), "Đơn vị phải tiếp nhận", "Mặc định: mọi đơn vị đang hoạt động.", False,
              "[VP, KHTC]"),
        Field("confirmations", ListOf(CONFIRMATION), "Xác nhận đã đọc", "unit, by, date.", False,
              "- {unit: KHTC, by: dvlong, date: 2026-02-05}"),
    ],
    "assessment": [
        Field("council", ListOf(Text()), "Hội đồng đánh giá", "Mã nhân sự của các thành viên hội đồng.", True,
              "[nvhai, phthu, dvlong]"),
        Field("scores", ListOf(INDICATOR_SCORE), "Kết quả đánh giá theo chỉ số",
              "indicator, level, evidence; action, owner, due khi mức vàng hoặc đỏ.", True,
              "- {indicator: 1.1, level: yellow, evidence: ..., action: ..., owner: tqhuy, due: 2027-06-30}"),
    ],
}


def fields_for(kind: str | None) -> list[Field]:
    """Every key a record of this kind may carry."""
    return COMMON + BY_KIND.get(kind or "", [])


def all_fields() -> dict[str, Field]:
    out = {f.key: f for f in COMMON}
    for extra in BY_KIND.values():
        out.update({f.key: f for f in extra})
    return out
