"""Vietnamese words for records, as staff and inspectors read them on the site, in PDFs and in
the `qms record` commands. One place, so a wording is changed once. (Kind, status and field
names live with the schema in kinds.py.)"""
from __future__ import annotations

CLOSED_BY = "Người ký đóng"
CLOSED_ON = "Ngày ký đóng"
RECORD_ID = "Số hồ sơ"
RECORD_FORM = "Lập theo biểu mẫu"
RECORD_PROCEDURE = "Thuộc quy trình"
RECORD_UNIT = "Đơn vị lưu"
RECORD_DATE = "Ngày lập"

# ---- A record's content and its printed copy (builder/records/sections.py, builder/pdf/record.py) ----
# (RECORD_CONTENT, RECORD_REFERENCES and FORM_ISSUE: in the site's block below, shared.)
RECORD_GENERAL = "Thông tin chung"
RECORD_ITEM = "Mục"
RECORD_VALUE = "Nội dung"
PERIOD = "từ {start} đến {end}"
SCALE_LEVEL = "{n} – {level}"
WRITTEN_DATE = "ngày {day} tháng {month} năm {year}"
CLOSED_ON_LINE = "Ký đóng hồ sơ {date}"
SIGN_HERE = "(Ký, ghi rõ họ tên)"
COUNCIL_MEMBER = "Thành viên Hội đồng"      # signs an ISO 18091 self-assessment
CLOSING_FINGERPRINT = "Dấu vân tay nội dung khi ký đóng"
RECORD_VERIFY_QR = "Quét mã QR hoặc mở địa chỉ dưới đây để xem hồ sơ này trên trang thông tin nội bộ:"
RECORD_PDF_SUBJECT = "{id} - Hồ sơ lập theo biểu mẫu {code} lần ban hành {revision}"
RECORD_PDF_FAILED = "bản PDF của hồ sơ {id}"

# --- Site (builder/site/pages/records/): record pages, registers, the yearly cycle page
RECORDS_NAV = "Hồ sơ"
PAGE_KIND = "Loại hồ sơ"
STATE_COLUMN = "Tình trạng"
RECORD_REGISTER = "Sổ theo dõi"
RECORD_REFERENCES = "Hồ sơ, tài liệu liên quan"
RECORD_CONTENT = "Nội dung hồ sơ"
RECORD_PDF = "Bản in hồ sơ đã ký đóng"
RECORD_PDF_LINK = "Tải bản in (PDF) của hồ sơ {id}"
CLOSED_LINE = "ký đóng bởi {by} ngày {date}"
FORM_ISSUE = "{code} (lần ban hành {revision})"
FORM_NOT_CURRENT = "bản đang áp dụng: lần ban hành {revision}"
REGISTER_EMPTY = "Chưa có hồ sơ."
YEAR = "Năm"
YEAR_HEADING = "Năm {year}"
COUNT_RECORDS = "{count} hồ sơ"
# Registers (so-theo-doi/), one per kind.
REGISTER_TITLES = {
    "audit": "Chương trình đánh giá nội bộ",
    "corrective_action": "Sổ theo dõi sự không phù hợp và hành động khắc phục",
    "risk": "Sổ đăng ký rủi ro và cơ hội",
    "survey": "Kết quả khảo sát sự hài lòng",
    "review": "Xem xét của lãnh đạo",
    "training": "Đào tạo, tập huấn",
    "inspection": "Kiểm tra của cấp trên và thực hiện kiến nghị",
    "acknowledgement": "Tiếp nhận tài liệu",
    "assessment": "Tự đánh giá theo TCVN ISO 18091",
}
# Corrective actions (queries.action_state) and what waits on them.
ACTION_STATES = {"closed": "Đã đóng", "open": "Đang thực hiện", "overdue": "Quá hạn"}
NO_ACTION = "Chưa có hành động khắc phục"
VERIFICATION_LINE = "{result}: {by}, ngày {date}"
NOT_VERIFIED = "Chưa xác nhận"
# The item of the source record a corrective action answers.
SOURCE_ITEM = {"audit": "phát hiện số {item}", "inspection": "kiến nghị số {item}"}
SOURCE_ITEM_OTHER = "mục {item}"
# Audits.
AUDIT_DATES = "Thời gian"
AUDIT_SCOPE = "Phạm vi"
SCOPE_UNITS = "Đơn vị được đánh giá"
SCOPE_PROCEDURES = "Quy trình được đánh giá"
AUDITORS = "Đoàn đánh giá"
FINDINGS = "Phát hiện"
FINDING_COLUMNS = ("Số", "Loại", "Điều khoản", "Đơn vị", "Nội dung", "Hành động khắc phục")
FINDINGS_MATRIX = "Phát hiện theo điều khoản và đơn vị"
CLAUSE = "Điều khoản"
TOTAL = "Tổng"
NO_FINDINGS = "Không có phát hiện."
# Risks and opportunities.
RISK_LEVELS = {"high": "Cao", "medium": "Trung bình", "low": "Thấp"}
RISK_LEVEL = "Mức"
RISK_SCORE = "Điểm"
RISK_ENTRY = "Rủi ro, cơ hội"
HEAT_MAP = "Bản đồ nhiệt {what} năm {year}"
HEAT_MAP_WHAT = {"risk": "rủi ro", "opportunity": "cơ hội"}
HEAT_MAP_CELL = "{likelihood} × {impact}: điểm {score}, mức {level}: {count} {what}"
HEAT_MAP_NOTE = ("Mỗi ô là một cặp khả năng xảy ra × mức độ ảnh hưởng, tô màu theo mức (điểm từ {high} trở lên: "
                 "cao; từ {medium}: trung bình; dưới {medium}: thấp); số trong ô là số rủi ro (cơ hội) được đánh giá "
                 "ở ô đó.")
NOT_EVALUATED = "Chưa đánh giá"
# Surveys.
SURVEY_CHART = "Tỷ lệ hài lòng theo nhóm câu hỏi: {id}"
SURVEY_TARGET = "Chỉ tiêu {op} {value}"
SURVEY_NO_TARGET = "Không gắn với mục tiêu chất lượng"
SURVEY_VERDICTS = {True: "Đạt", False: "Chưa đạt"}
THEMES = "Ý kiến tổng hợp"
# Reviews, trainings, inspections, acknowledgements.
REVIEW_INPUTS_TITLE = "Đầu vào của xem xét (TCVN ISO 9001:2015, 9.3.2)"
REVIEW_OUTPUTS_TITLE = "Đầu ra của xem xét (9.3.3)"
REVIEW_INPUT_MISSING = "Chưa có"
REVIEW_INPUTS_LACKING = "thiếu"
REVIEW_DATE = "Ngày họp"
ATTENDEE_COUNT = "Số người tham dự"
ATTENDEE_COLUMNS = ("STT", "Họ và tên", "Đơn vị")
ATTENDEE_TOTAL = "{count} hồ sơ, {people} lượt người tham dự"
RECOMMENDATIONS = "Kiến nghị và việc thực hiện"
LETTER = "{number} ngày {date}"
RECOMMENDATION_STATES = {"done": "Đã thực hiện", "open": "Đang thực hiện", "overdue": "Quá hạn",
                         "missing": "Chưa có việc khắc phục"}
CONFIRMATIONS = "Xác nhận đã đọc"
MISSING_UNITS = "Chưa xác nhận"
ACK_STATES = {"complete": "Đủ", "waiting": "Đang chờ xác nhận", "late": "Quá hạn xác nhận", "none": "Chưa có hồ sơ"}
ACK_NO_RECORD = "Tài liệu mới ban hành chưa có hồ sơ tiếp nhận"
ACK_HOME = "Tài liệu chưa đủ xác nhận đã đọc"
ACK_HOME_NOTE = ("{count} lần ban hành có hiệu lực quá {days} ngày mà các đơn vị chưa xác nhận đủ đã đọc. "
                 "Xem đủ tại trang {link}.")
# The yearly cycle page.
CYCLE_TITLE = "Chu kỳ HTQLCL năm {year}"
CYCLE_STEPS = {
    "objectives": "Thiết lập mục tiêu chất lượng",
    "risk_plan": "Lập kế hoạch giải quyết rủi ro và cơ hội",
    "internal_audit": "Đánh giá nội bộ",
    "corrective_actions": "Hành động khắc phục sau đánh giá",
    "survey": "Khảo sát sự hài lòng của người dân, tổ chức",
    "management_review": "Xem xét của lãnh đạo",
    "inspection": "Thực hiện kiến nghị sau kiểm tra của cấp trên",
    "training": "Đào tạo, tập huấn",
    "objectives_evaluated": "Đánh giá mức độ đạt mục tiêu chất lượng",
    "risk_evaluated": "Đánh giá hiệu quả xử lý rủi ro và cơ hội",
}
CYCLE_STATES = {"done": "Hoàn thành", "due": "Đến hạn", "upcoming": "Chưa đến hạn", "overdue": "Quá hạn",
                "none": "Không phát sinh"}
CYCLE_COLUMNS = ("STT", "Bước", "Hạn", "Tình trạng", "Bằng chứng")
# What the evidence column of the cycle page says when links alone do not tell it.
CYCLE_NOTES = {
    "plan": "Kế hoạch {notes}.",
    "plan_done": "hoàn thành ngày {date}",
    "plan_due": "hạn {date}",
    "no_objectives": "Chưa có mục tiêu chất lượng của năm.",
    "risks": "{count} rủi ro, cơ hội đã đăng ký",
    "untreated": ", {count} chưa có biện pháp xử lý",
    "no_risks": "Chưa đăng ký rủi ro, cơ hội.",
    "no_record": "Chưa có hồ sơ.",
    "unanswered": "{count} điểm không phù hợp chưa có hành động khắc phục.",
    "no_nonconformity": "Không có điểm không phù hợp.",
    "no_inspection": "Không có đoàn kiểm tra trong năm.",
    "recommendations": "{done}/{count} kiến nghị đã thực hiện.",
    "no_review": "Chưa có biên bản xem xét.",
    "evaluated": "{done}/{count} rủi ro, cơ hội đã đánh giá hiệu quả:",
    "summary": "{done}/{count} bước hoàn thành, {late} bước quá hạn.",
}
FORM_RECORDS = "Hồ sơ lập theo biểu mẫu này"

# --- `qms record` (builder/cli/records.py): the columns of `qms record list` and its words.
LIST_KIND = "Loại"
LIST_STATUS = "Tình trạng"
LIST_DUE = "Hạn"
LIST_TITLE = "Tên hồ sơ"
LIST_OVERDUE = "Quá hạn"
LIST_OVERDUE_DAYS = "quá hạn {days} ngày"
LIST_EMPTY = "Không có hồ sơ nào phù hợp."
LIST_COUNT = "{count} hồ sơ."
# Shorter names of the longest kinds, for the columns of `qms record list`.
LIST_KIND_SHORT = {"corrective_action": "Hành động khắc phục", "inspection": "Kiểm tra của cấp trên",
                   "assessment": "Tự đánh giá ISO 18091"}

# --- TCVN ISO 18091 self-assessment (builder/site/pages/records/iso18091.py) -------------------------
ISO_INTRO = ("Kết quả tự đánh giá hằng năm của Hội đồng theo bộ chỉ số TCVN ISO 18091:2020 của cơ quan "
             "(site_config/iso18091.yml): mỗi chỉ số ở một trong ba mức xanh (đạt), vàng (đạt một phần), đỏ (chưa "
             "đạt), so với năm trước; mỗi chỉ số mức vàng, đỏ có hành động cải tiến, người chịu trách nhiệm và hạn "
             "trong chương trình hành động.")
ISO_SET = "Bộ chỉ số"
ISO_SET_SIZE = "{indicators} chỉ số trong {quadrants} nhóm"
ISO_NO_SET = ("Chưa khai báo bộ chỉ số (site_config/iso18091.yml): các hồ sơ tự đánh giá dưới đây chưa đối chiếu "
              "được với bộ chỉ số.")
ISO_YEAR = "Kết quả năm {year}"
ISO_COMPARED = "So với năm trước"
ISO_NO_PREVIOUS = "Chưa có kết quả năm trước để so sánh."
ISO_SUMMARY_LEVEL = "Mức"
ISO_YEAR_COLUMN = "Năm {year}"
ISO_NOT_SCORED = "Chưa đánh giá"
ISO_CHANGES = "So với năm {year}: {better} chỉ số tốt lên, {worse} chỉ số giảm mức, {same} chỉ số giữ nguyên."
ISO_QUADRANT = "Nhóm {id}. {name}"
ISO_INDICATOR = "Chỉ số"
ISO_CHANGE = "Thay đổi"
ISO_CHANGE_WORDS = {"better": "↑ Tốt lên", "worse": "↓ Giảm mức", "same": "= Giữ nguyên"}
ISO_PROGRAMME = "Chương trình hành động"
ISO_ACTION_LINE = "{action} ({owner}; hạn {due})"
ISO_NO_ACTION = "Chưa có hành động"
ISO_CRITERIA = "Bộ chỉ số và tiêu chí đánh giá"
ISO_RECORDS = "Hồ sơ tự đánh giá"
ISO_NONE = "Chưa có hồ sơ tự đánh giá. Lập bằng lệnh 'qms record new assessment'."
ISO_SCORES = "Kết quả đánh giá theo chỉ số"
ISO_SEE_PAGE = "Bảng tổng hợp theo nhóm chỉ số và so với năm trước: trang {link}."
