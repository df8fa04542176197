"""Every word the portal's pages show, in one place (Vietnamese, with its diacritics)."""
from __future__ import annotations

PORTAL_TITLE = "Theo dõi hệ thống quản lý chất lượng"
PORTAL_SUBTITLE = "các cơ quan hành chính nhà nước {province}"
NAV_AGENCIES = "Các cơ quan"
NAV_SEARCH = "Tìm tài liệu"
NAV_SUMMARY = "Báo cáo tổng hợp"
FOOTER = "{lead_unit} · dựng ngày {day} · dữ liệu do từng cơ quan công bố, cổng chỉ thu thập"
SKIP = "Chuyển đến nội dung"

# The index: one row per agency.
INDEX_HEADING = "Tình hình hệ thống quản lý chất lượng của các cơ quan"
INDEX_INTRO = ("Mỗi cơ quan tự dựng trang hệ thống quản lý chất lượng của mình và công bố tệp status.json; "
               "cổng thu thập các tệp đó ngày {day}. Bấm tên cột để sắp xếp, tên cơ quan để xem chi tiết.")
INDEX_COUNTS = "{total} cơ quan · {problems} cơ quan cần chú ý · {never} chưa thu thập được"
COL_NAME = "Cơ quan"
COL_LEVEL = "Cấp"
COL_LEGAL = "Cập nhật văn bản pháp luật"
COL_AUDIT = "Đánh giá nội bộ"
COL_REVIEW = "Xem xét của lãnh đạo"
COL_ACTIONS = "Hành động khắc phục"
COL_OBJECTIVES = "Mục tiêu chất lượng"
COL_PLAN = "Kế hoạch năm"
COL_SURVEYS = "Khảo sát hài lòng"
COL_SCOPE = "Phạm vi, công bố"
COL_ISO18091 = "ISO 18091"
COL_DATA = "Số liệu"
LEVEL_WORDS = {"ok": "đạt", "warn": "cần chú ý", "bad": "không đạt", "none": "không có số liệu"}
LEGEND = "Chú giải"

# Filters of the index (assets/portal-table.js reads these from data- attributes).
FILTER_LEVEL = "Cấp"
FILTER_ALL = "Tất cả"
FILTER_TEXT = "Lọc theo tên cơ quan (gõ không dấu cũng được)"
FILTER_PROBLEMS = "Chỉ cơ quan cần chú ý"
FILTER_COUNT = "Đang hiện"
FILTER_EMPTY = "Không có cơ quan nào khớp bộ lọc."
SORT_HINT = "Bấm để sắp xếp"
SORT_BY = "Sắp xếp theo"
SORT_DEFAULT = "Thứ tự trong danh sách"
SORT_DIRECTION = "Chiều sắp xếp"
SORT_UP = "tăng dần"
SORT_DOWN = "giảm dần"

# Light words (builder/portal/site/lights.py).
NO_DATA = "Không có số liệu"
OVERDUE_N = "Quá hạn {n}"
DUE_N = "Đang trong hạn {n}"
NONE_OVERDUE = "Không quá hạn"
NEVER_DONE = "Chưa thực hiện"
DONE_ON = "{day}"
DUE_SOON = "{day}, hạn {due}"
OVERDUE_SINCE = "Quá hạn từ {due}"
OPEN_N = "{n} chưa đóng"
DUE_ON = "hạn {due}"
NO_OBJECTIVES = "Chưa có mục tiêu"
NOT_MEASURED = "Chưa đánh giá"
MET_OF = "{met}/{total} đạt"
NO_PLAN = "Chưa có kế hoạch"
PLAN_OVERDUE = "{completion} · {n} việc quá hạn"
NO_SURVEY = "Chưa khảo sát"
SURVEY = "{average} (thấp nhất {lowest})"
SURVEY_BELOW = "{average} · {n} cuộc dưới chỉ tiêu"
SCOPE_CHANGED = "Phạm vi đã đổi, chưa công bố lại"
NOT_ANNOUNCED = "Chưa công bố"
ANNOUNCED_ON = "Công bố {day}"
ISO_NOT_USED = "Không áp dụng"
ISO_COUNTS = "{green} xanh · {yellow} vàng · {red} đỏ"
NEVER_COLLECTED = "Chưa thu thập được"
FRESH = "Ngày {day}"
STALE = "Cũ: ngày {day} ({days} ngày)"
STALE_COPY = "Bản lưu gần nhất, ngày {day}"
FROM_FUTURE = "Ngày {day}: sau ngày dựng cổng"

# The agency's page.
AGENCY_SITE = "Trang hệ thống quản lý chất lượng của cơ quan"
AGENCY_NO_SITE = "Địa chỉ trang của cơ quan không hợp lệ: {url}"
AGENCY_LEVEL = "Cấp"
AGENCY_PARENT = "Cơ quan chủ quản"
COLLECTION = "Thu thập dữ liệu"
COLLECTED_ON = "Thu thập ngày {day}."
BUILT_ON = "Cơ quan dựng trang ngày {day}."
COLLECTION_FAILED = "Lần thu thập này không thành công: {problems}."
SHOWING_COPY = "Cổng đang hiện bản lưu gần nhất (thu thập ngày {day})."
NEVER_COLLECTED_TEXT = "Cổng chưa từng thu thập được tệp status.json hợp lệ của cơ quan này."
STALE_TEXT = "Số liệu cũ hơn {limit} ngày: cơ quan chưa dựng lại trang từ ngày {day}."
DOCUMENTS_COLLECTED = "Danh mục tài liệu: {n} tài liệu."
SEARCH_THEM = "Tìm tài liệu của mọi cơ quan theo tên hoặc mã hiệu"
NO_MANIFEST = "Chưa có danh mục tài liệu (manifest.json)."
DUTIES = "Nghĩa vụ hằng năm"
DUTY_COLUMNS = ("Nội dung", "Tình trạng")
FIGURES = "Số liệu năm {year}"
FIGURE_COLUMNS = ("Chỉ tiêu", "Giá trị", "Nguồn")
BACK = "Về danh sách các cơ quan"

# Search.
SEARCH_HEADING = "Tìm tài liệu trong hệ thống của mọi cơ quan"
SEARCH_INTRO = ("Tìm theo tên hoặc mã hiệu tài liệu (quy trình, biểu mẫu...) của {count} cơ quan; gõ có dấu "
                "hay không dấu đều được, ví dụ: quy trinh cap giay. Mỗi kết quả dẫn đến trang tài liệu trên "
                "trang của cơ quan và trang của cơ quan trên cổng.")
SEARCH_LABEL = "Tên hoặc mã hiệu tài liệu"
SEARCH_BUTTON = "Tìm"
SEARCH_NOSCRIPT = "Trang tìm kiếm cần bật JavaScript của trình duyệt."
SEARCH_COLUMNS = ("Tài liệu", "Mã hiệu", "Cơ quan")
SEARCH_WORDS = {"found": "Tìm thấy {hits} tài liệu", "none": "Không tìm thấy tài liệu nào.",
                "short": "Gõ ít nhất 2 ký tự.", "more": "Xem thêm", "loading": "Đang tìm…",
                "error": "Không tải được chỉ mục tìm kiếm.", "agency_page": "Trang của cơ quan trên cổng"}

# Summary page.
SUMMARY_HEADING = "Báo cáo tổng hợp năm {year}"
SUMMARY_FILES = "Tải báo cáo:"
SUMMARY_PDF = "bản PDF"
SUMMARY_DOCX = "bản Word (DOCX) để biên tập"
SUMMARY_TO = "Kính gửi"
SUMMARY_PRINT_FAILED = "Chưa tạo được bản in của báo cáo: {error}"
