"""The front-matter schema: which keys each kind of document has, their shapes and meaning.

The reference page of the site ('Tra cứu trường khai báo') is generated from this table, so
the documentation and the checks can never disagree.
"""
from __future__ import annotations

from builder.documents.field_types import (Date, Enum, Field, Int, ListOf,
                                           Number, Revision, Struct, Text)

KINDS = {
    "policy": "Chính sách chất lượng",
    "objectives": "Mục tiêu chất lượng",
    "procedure": "Quy trình",
    "guide": "Hướng dẫn",
    "form": "Biểu mẫu",
    "plan": "Kế hoạch",
}
KIND_PLURALS = {
    "policy": "Chính sách chất lượng",
    "objectives": "Mục tiêu chất lượng",
    "plan": "Kế hoạch",
    "procedure": "Quy trình",
    "guide": "Hướng dẫn",
    "form": "Biểu mẫu",
}
STATUSES = {
    "draft": "Dự thảo",
    "effective": "Đang áp dụng",
    "withdrawn": "Hết hiệu lực",
    "superseded": "Hết hiệu lực (đã thay thế)",
    "pending": "Sắp có hiệu lực",
}
DOCUMENT_STATUSES = ("draft", "effective", "withdrawn")
TASK_STATUSES = ("planned", "in_progress", "done", "cancelled")
TASK_TYPES = ("internal_audit", "management_review", "survey", "report", "announcement", "other")
TARGET_OPS = (">=", "<=", "=")
OPERATOR_SIGNS = {">=": "≥", "<=": "≤", "=": "="}   # how a target is printed: ≥ 95 %
# Kinds whose documents have forms and records (the 'parents' of forms).
FORM_PARENT_KINDS = ("procedure", "guide")

SIGNOFF = Struct([
    Field("by", Text(), "Mã nhân sự", "Mã nhân sự trong site_config/organisation.yml.", True, "ntkhanh"),
    Field("date", Date(), "Ngày ký", "Ngày ký, dạng 2026-01-15 hoặc 15/01/2026.", True, "2026-01-15"),
    Field("decision", Text(), "Số quyết định ban hành",
          "Chỉ với phê duyệt: số quyết định ban hành, nếu có.", False, "15/QĐ-SKHCN"),
    Field("fingerprint", Text(), "Dấu vân tay nội dung",
          "Do lệnh 'qms approve' ghi, không sửa tay.", False, "sha256:…"),
])

CHANGE_ROW = Struct([
    Field("revision", Revision(), "Lần ban hành", "Số lần ban hành của dòng này.", True, "2"),
    Field("date", Date(), "Ngày ban hành", "Ngày hiệu lực của lần ban hành đó.", True, "2026-02-02"),
    Field("section", Text(), "Vị trí sửa đổi", "Mục, trang được sửa đổi.", False, "Mục 5.2"),
    Field("description", Text(), "Nội dung sửa đổi", "Tóm tắt nội dung sửa đổi.", True,
          "Cập nhật căn cứ pháp lý"),
])

RECORD = Struct([
    Field("name", Text(), "Tên hồ sơ", "", True, "Danh mục tài liệu nội bộ"),
    Field("keeper", Text(), "Đơn vị lưu", "Mã đơn vị lưu hồ sơ.", True, "VP"),
    Field("retention", Text(), "Thời gian lưu", "", True, "05 năm"),
    Field("form", Text(), "Biểu mẫu", "Mã biểu mẫu của hồ sơ, nếu có.", False, "BM.01"),
])

RESULT = Struct([
    Field("period", Text(), "Kỳ đánh giá", "", True, "Quý I"),
    Field("value", Number(), "Kết quả", "", True, "97.5"),
])

TARGET = Struct([
    Field("id", Text(), "Mã mục tiêu", "", True, "MT.01"),
    Field("name", Text(), "Nội dung mục tiêu", "", True, "Tỷ lệ hồ sơ giải quyết đúng hạn"),
    Field("op", Enum(TARGET_OPS), "Phép so sánh", "'>=' (ít nhất), '<=' (nhiều nhất) hoặc '='.",
          True, ">="),
    Field("target", Number(), "Chỉ tiêu", "Con số cần đạt.", True, "98"),
    Field("measure", Text(), "Đơn vị tính", "", False, "%"),
    Field("unit", Text(), "Đơn vị thực hiện", "Mã đơn vị chịu trách nhiệm.", False, "VP"),
    Field("results", ListOf(RESULT), "Kết quả theo kỳ", "Danh sách {period, value}.", False,
          "- {period: Quý I, value: 98.6}"),
])

TASK = Struct([
    Field("content", Text(), "Nội dung công việc", "", True, "Tổ chức đánh giá nội bộ"),
    Field("period", Text(), "Thời gian thực hiện", "Cách ghi trong kế hoạch: 'Quý I', 'Tháng 9-10'.",
          True, "Tháng 9-10"),
    Field("due", Date(), "Hạn hoàn thành", "Ngày hết hạn, để tính trễ hạn.", False, "2026-10-31"),
    Field("unit", ListOf(Text()), "Đơn vị chủ trì",
          "Mã đơn vị; nhiều đơn vị cùng chủ trì thì ghi danh sách hoặc cách nhau bằng dấu phẩy.", True,
          "[VP, KHTC]"),
    Field("status", Enum(TASK_STATUSES), "Tình trạng",
          "planned (chưa thực hiện), in_progress (đang thực hiện), done (hoàn thành), "
          "cancelled (hủy).", True, "done"),
    Field("completed", Date(), "Ngày hoàn thành", "", False, "2026-10-20"),
    Field("type", Enum(TASK_TYPES), "Loại công việc",
          "internal_audit (đánh giá nội bộ), management_review (xem xét của lãnh đạo), survey, "
          "report, announcement (công bố), other.", False, "internal_audit"),
])

COMMON = [
    Field("code", Text(), "Mã hiệu", "Mã hiệu duy nhất, theo mẫu của loại tài liệu.", True, "QT.01"),
    Field("kind", Enum(tuple(KINDS)), "Loại tài liệu",
          "policy (chính sách), objectives (mục tiêu), procedure (quy trình), guide (hướng dẫn), "
          "form (biểu mẫu), plan (kế hoạch).", True, "procedure"),
    Field("title", Text(), "Tên tài liệu", "", True, "Quy trình kiểm soát thông tin dạng văn bản"),
    Field("unit", Text(), "Đơn vị soạn thảo", "Mã đơn vị chủ trì tài liệu.", True, "VP"),
    Field("revision", Revision(), "Lần ban hành", "1, 2, 3...", True, "2"),
    Field("status", Enum(DOCUMENT_STATUSES), "Tình trạng",
          "draft (dự thảo), effective (đang áp dụng), withdrawn (hết hiệu lực).", True, "effective"),
    Field("effective", Date(), "Ngày hiệu lực", "Bắt buộc khi đang áp dụng hoặc hết hiệu lực.",
          False, "2026-02-02"),
    Field("withdrawn", Date(), "Ngày thu hồi", "Ngày tài liệu hết hiệu lực, khi status là withdrawn.",
          False, "2026-06-30"),
    Field("review_months", Int(1, 120), "Chu kỳ xem xét (tháng)",
          "Mặc định theo site_config/organisation.yml.", False, "12"),
    Field("prepared", SIGNOFF, "Soạn thảo", "Người soạn thảo và ngày (by, date).", False,
          "{by: ntkhanh, date: 2026-01-12}"),
    Field("reviewed", SIGNOFF, "Xem xét", "Người xem xét và ngày (by, date).", False,
          "{by: phthu, date: 2026-01-19}"),
    Field("approved", SIGNOFF, "Phê duyệt", "Người phê duyệt, ngày, số quyết định (by, date, decision).",
          False, "{by: ltminh, date: 2026-01-26}"),
    Field("legal_basis", ListOf(Text()), "Căn cứ pháp lý", "Số ký hiệu văn bản trong sổ văn bản pháp luật.",
          False, "[19/2014/QĐ-TTg, 101/QĐ-BKHCN]"),
    Field("references", ListOf(Text()), "Tài liệu liên quan", "Mã hiệu các tài liệu nội bộ liên quan.",
          False, "[QT.02]"),
    Field("changes", ListOf(CHANGE_ROW), "Theo dõi sửa đổi",
          "Mỗi lần ban hành một dòng: revision, date, section, description.", False,
          "- {revision: 1, date: 2024-03-01, description: Ban hành lần đầu}"),
]

BY_KIND = {
    "procedure": [
        Field("forms", ListOf(Text()), "Biểu mẫu", "Mã hiệu các biểu mẫu của quy trình.", False,
              "[BM.01, BM.02]"),
        Field("records", ListOf(RECORD), "Hồ sơ cần lưu", "name, keeper, retention.", False,
              "- {name: Sổ theo dõi, keeper: VP, retention: 05 năm}"),
        Field("tthc", ListOf(Text()), "Thủ tục hành chính",
              "Mã các thủ tục hành chính (theo Cơ sở dữ liệu quốc gia) mà quy trình thực hiện; xác định "
              "phạm vi hệ thống khi công bố.", False, "[1.004502]"),
    ],
    "form": [
        Field("procedure", Text(), "Quy trình gốc", "Mã hiệu quy trình hoặc hướng dẫn sử dụng biểu mẫu.",
              True, "QT.01"),
        Field("attachment", Text(), "Tệp biểu mẫu gốc",
              "Đường dẫn (tính từ thư mục của tệp biểu mẫu) tới tệp Word gốc để cán bộ tải về, khi bản "
              "chuyển sang Markdown không giữ được bố cục (ô gộp, hộp văn bản, trang ngang...). Lệnh "
              "'qms import' tự ghi trường này.", False, "attachments/BM.01.docx"),
    ],
    "objectives": [
        Field("year", Int(1900, 2999), "Năm", "", True, "2026"),
        Field("targets", ListOf(TARGET), "Các mục tiêu", "Mục tiêu đo lường được và kết quả theo kỳ.",
              True, "- {id: MT.01, name: ..., op: '>=', target: 98, measure: '%'}"),
    ],
    "plan": [
        Field("year", Int(1900, 2999), "Năm", "", True, "2026"),
        Field("tasks", ListOf(TASK), "Các công việc", "content, period, due, unit, status.", True,
              "- {content: ..., period: Quý I, unit: VP, status: planned}"),
    ],
}
BY_KIND["guide"] = BY_KIND["procedure"]

# Keys required once a document is effective (or withdrawn: it was effective once).
# Prepared and reviewed sign-offs are required per kind by organisation.yml (`required_signoffs`,
# rule signoff-required): a yearly plan may be signed by the head alone.
REQUIRED_WHEN_IN_FORCE = ("effective", "approved", "changes")
SIGNOFF_KEYS = ("prepared", "reviewed", "approved")


def fields_for(kind: str | None) -> list[Field]:
    """All keys a document of this kind may carry."""
    return COMMON + BY_KIND.get(kind or "", [])


def all_fields() -> dict[str, Field]:
    """Every key any kind may carry, for unknown-key hints and the reference page."""
    out = {f.key: f for f in COMMON}
    for extra in BY_KIND.values():
        out.update({f.key: f for f in extra})
    return out


def kinds_of(key: str) -> list[str]:
    """Kinds that may carry `key` (all kinds for common keys)."""
    if any(f.key == key for f in COMMON):
        return list(KINDS)
    return [k for k, extra in BY_KIND.items() if any(f.key == key for f in extra)]
