"""Vietnamese labels of the site pages (one place for the wording staff read)."""
from __future__ import annotations

from builder.documents import labels as L
from builder.documents.schema import STATUSES
from builder.documents.text import closest

CODE = "Mã hiệu"
TITLE = "Tên tài liệu"
REVISION = "Lần ban hành"
EFFECTIVE = "Ngày hiệu lực"
UNIT = "Đơn vị soạn thảo"
STATUS = "Tình trạng"
KIND = "Loại"
SIGNOFFS = "Ký duyệt"
SIGNOFF_COLUMNS = {"prepared": "Soạn thảo", "reviewed": "Xem xét", "approved": "Phê duyệt"}
SIGNOFF_VERBS = {key: label.lower() for key, label in SIGNOFF_COLUMNS.items()}   # "ký phê duyệt"
# Why a key could not sign on a day (signature-key-date, qms approve / qms sign).
KEY_PROBLEMS = {"revoked": "đã bị thu hồi từ {when}", "expired": "đã hết hạn sau {when}", "early": "chỉ dùng từ {when}"}
NAME = "Họ và tên"
POSITION = "Chức vụ"
DATE = "Ngày"
DECISION = "Quyết định ban hành"
CHANGES = "Theo dõi sửa đổi tài liệu"
CHANGE_COLUMNS = ("Lần ban hành", "Ngày ban hành", "Vị trí sửa đổi", "Nội dung sửa đổi")
FORMS = "Biểu mẫu kèm theo"
PARENT = "Thuộc quy trình"
LEGAL_BASIS = "Căn cứ pháp lý"
REFERENCES = "Tài liệu liên quan"
RECORDS = "Hồ sơ cần lưu"
RECORD_COLUMNS = ("Hồ sơ", "Đơn vị lưu", "Thời gian lưu")
TARGETS = "Mục tiêu chất lượng"
TARGET_COLUMNS = ("Mã", "Mục tiêu", "Chỉ tiêu", "Đơn vị thực hiện", "Kết quả", "Đánh giá")
MET, NOT_MET, NOT_MEASURED = "Đạt", "Chưa đạt", "Chưa đánh giá"
TASKS = "Nội dung kế hoạch"
TASK_COLUMNS = ("STT", "Nội dung công việc", "Thời gian", "Đơn vị chủ trì", "Tình trạng")
TASK_STATUSES = {"planned": "Chưa thực hiện", "in_progress": "Đang thực hiện", "done": "Hoàn thành",
                 "cancelled": "Đã hủy"}
MASTER_LIST = "Danh mục tài liệu nội bộ"
FIELD_REFERENCE = "Tra cứu trường khai báo"
RULES_PAGE = "Quy tắc kiểm tra"
HOME = "Trang chủ"
USER_GUIDE = "Hướng dẫn sử dụng"
NONE = "—"
HISTORY = "Lịch sử ban hành"
HISTORY_COLUMNS = ("Lần ban hành", "Ngày hiệu lực", "Tóm tắt sửa đổi", "Người phê duyệt", "Xem")
CURRENT_ISSUE = "Bản hiện hành"
VIEW_ISSUE = "Xem bản cũ"
VIEW_CHANGES = "Xem thay đổi"
PENDING = "Sắp có hiệu lực"
PENDING_NOTICE = ("Lần ban hành {revision} đã được phê duyệt và có hiệu lực từ **{date}**; đến ngày đó, lần ban "
                  "hành đang áp dụng vẫn là bản dưới đây. [Xem trước lần ban hành {revision}]({link}).")
PENDING_BANNER = ("Lần ban hành {revision} có hiệu lực từ {date}. Trước ngày đó, bản đang áp dụng là "
                  "[lần ban hành hiện hành]({link}).")
SUPERSEDED_PDF = "Tải bản in của lần ban hành này (PDF, đóng dấu HẾT HIỆU LỰC)"
SUPERSEDED_BANNER = "HẾT HIỆU LỰC"
DIFF_LEGEND = ('Chú thích: <ins>chữ được thêm</ins>, <del>chữ bị bỏ</del>.')
LAW_CHANGES = "Văn bản pháp luật thay đổi"
# --- Intranet site: navigation, home page, registers and dashboards (issue 5) -------------
SITE_NAME = "Hệ thống quản lý chất lượng"
BY_KIND = "Theo loại tài liệu"
BY_UNIT = "Theo đơn vị"
REGISTERS = "Sổ theo dõi"
FORMS_INDEX = "Danh mục biểu mẫu"
LEGAL_REGISTER = "Sổ văn bản pháp luật"
REVIEW_DUE = "Tài liệu đến hạn xem xét"
OBJECTIVES_DASHBOARD = "Kết quả mục tiêu chất lượng"
PLAN_PROGRESS = "Tiến độ kế hoạch năm"
LATEST = "Tài liệu mới ban hành"
DOWNLOAD = "Tải về"
PDF, DOCX = "PDF", "Word"
PARENT_SHORT = "Thuộc quy trình"
FILTER_ALL = "Tất cả"
FILTER_TEXT = "Lọc theo mã hiệu hoặc tên"
FILTER_HINT = "Gõ có dấu hoặc không dấu; mã hiệu có hay không có dấu chấm (QT.04, qt04)"
FILTER_COUNT = "Đang hiển thị"
FILTER_EMPTY = "Không có dòng nào khớp bộ lọc. Bỏ bớt điều kiện lọc để xem lại."
LEGAL_NUMBER = "Số, ký hiệu"
LEGAL_SUMMARY = "Trích yếu"
LEGAL_EFFECTIVE = "Ngày có hiệu lực"
LEGAL_STATUS = "Tình trạng hiệu lực"
LEGAL_RELATIONS = "Văn bản liên quan"
CITED_BY = "Tài liệu viện dẫn"
LEGAL_TYPE = "Loại văn bản"
REVIEW_MONTHS = "Chu kỳ (tháng)"
REVIEW_DATE = "Hạn xem xét"
REVIEW_STATE = "Tình trạng xem xét"
REVIEW_STATES = {"overdue": "Quá hạn", "soon": "Đến hạn", "upcoming": "Sắp đến hạn"}
TASK_STATE = "Tình trạng (theo ngày dựng trang)"
TASK_STATES = {"done": "Hoàn thành", "late_done": "Hoàn thành (trễ hạn)", "overdue": "Quá hạn",
               "due": "Đến hạn", "in_progress": "Đang thực hiện", "upcoming": "Chưa đến hạn",
               "event": "Khi phát sinh", "cancelled": "Đã hủy"}
PAST_PLANS = "Kế hoạch các năm trước"
TASK_DUE = "Hạn hoàn thành"
TIMELINE = "Tiến độ theo tháng"
TODAY_MARK = "Hôm nay"
MONTH_SHORT = "Th"
CHART = "Biểu đồ kết quả"
TARGET_LINE = "Chỉ tiêu"
NO_RESULTS = "Chưa có kết quả"
COUNT_DOCUMENTS = "tài liệu"
# --- Print (PDF/DOCX), stamps and the distribution register (issue 4) ---------------------
PAGE = "Trang"
SIGNATURE = "Chữ ký"
FORM_COLUMNS = ("STT", "Mã hiệu", "Tên biểu mẫu", "Lần ban hành")
VERIFY_QR = "Quét mã QR hoặc mở địa chỉ dưới đây để kiểm tra bản này còn hiệu lực:"
STAMP_UNCONTROLLED = "TÀI LIỆU KHÔNG KIỂM SOÁT KHI IN"
STAMP_UNCONTROLLED_NOTE = "Bản điện tử trên trang nội bộ là bản có hiệu lực"
STAMP_CONTROLLED = "BẢN KIỂM SOÁT"
STAMP_WITHDRAWN = "HẾT HIỆU LỰC"
COPY_NUMBER = "Số bản"
RECEIVING_UNIT = "Đơn vị nhận"
ISSUED_ON = "Ngày cấp"
WITHDRAWN_SINCE = "Từ ngày"
REPLACED_BY_ISSUE = "Đã thay thế bởi lần ban hành"
PDF_SUBJECT = "{code} - Lần ban hành {revision} - Hiệu lực {effective}"
PDF_SUBJECT_COPY = "Bản kiểm soát số {copy:02d} - {unit}"
PDF_SUBJECT_WITHDRAWN = "Hết hiệu lực"
DOCX_HEADER = "Mã hiệu: {code} - Lần ban hành: {revision} - Ngày hiệu lực: {effective}"
PRINT_FILES = "Bản in"
PRINT_NOTE = ("Bản in từ trang này mang dấu «TÀI LIỆU KHÔNG KIỂM SOÁT KHI IN». Bản kiểm soát do thư ký "
              "ISO cấp, có số bản và đơn vị nhận; mã QR trên mỗi trang dẫn tới trang kiểm tra hiệu lực.")
DISTRIBUTION = "Sổ theo dõi phân phối"
DISTRIBUTION_COLUMNS = ("Bản số", "Lần ban hành", "Đơn vị nhận", "Ngày cấp", "Người cấp", "Ngày thu hồi",
                        "Tình trạng")
DISTRIBUTION_EMPTY = "Chưa cấp bản kiểm soát nào của tài liệu này."
COPY_STATES = {"out": "Đang lưu hành", "recall": "Cần thu hồi", "recalled": "Đã thu hồi"}
ATTENTION = "Việc cần làm ngay"


def revision_label(revision: int | None) -> str:
    return f"{revision:02d}" if revision else L.NONE


def status_label(status: str) -> str:
    return STATUSES.get(status, status)


def did_you_mean(value: str, candidates) -> str:
    """' Có phải ý bạn là 'TĐC'?' after an unknown identifier, or nothing."""
    found = closest(value, candidates)
    return f" Có phải ý bạn là '{found}'?" if found and found != value else ""

# Chữ ký số của từng lần ký duyệt (khối ký duyệt trên trang, bản PDF, tóm tắt yêu cầu hợp nhất).
DIGITAL_SIGNATURE = "Chữ ký số"
SIGNATURE_STATES = {"verified": "✓ Hợp lệ", "missing": "Chưa ký số", "invalid": "✗ Không hợp lệ",
                    "owner": "✗ Khóa không của người ký", "key-date": "✗ Khóa hết hiệu lực khi ký",
                    "content": "✗ Ký cho nội dung khác"}
SIGNATURE_DETAIL = "khóa {key}, ký ngày {signed}"
KEYS_CHANGED = ("**Cảnh báo: yêu cầu này sửa site_config/organisation.yml (khóa ký, mức áp dụng chữ ký số).** "
                "Ai đưa được khóa vào tệp này thì ký được thay người có tên: đối chiếu từng khóa thêm hoặc sửa "
                "với chính người đó trước khi hợp nhất.")
UNSIGNED_PDFS = ("Bản PDF chưa có chữ ký số của cơ quan: site_config/organisation.yml chưa khai báo certificate "
                 "(xem README, mục 'Chữ ký số').")

# Việc cần làm (builder/site/pages/todo.py): trang riêng và khung trên trang chủ.
TODO_PAGE = "Việc cần làm"
TODO_DUE = "Hạn"
TODO_KIND = "Loại việc"
TODO_WHAT = "Nội dung"
TODO_STATE = "Tình trạng"
TODO_UNIT = "Đơn vị chủ trì"
TODO_STATES = {"overdue": "Quá hạn", "due": "Đến hạn"}
TODO_KINDS = {"task": "Kế hoạch năm", "review": "Xem xét định kỳ", "legal": "Cập nhật theo văn bản mới",
              "duty": "Nhiệm vụ hằng năm", "pending": "Sắp có hiệu lực", "recall": "Thu hồi bản kiểm soát",
              "draft": "Dự thảo chờ phê duyệt"}
TODO_NONE = "Không có việc quá hạn hoặc đến hạn."
TODO_MORE = "Xem đủ {count} việc tại trang {link}."

# The preview for editing (qms serve): what marks a page that may not be published as it is.
PREVIEW_BANNER = "BẢN XEM TRƯỚC — CHƯA ĐƯỢC PHÉP BAN HÀNH"
PREVIEW_DRAFT = "Tài liệu này là dự thảo: chỉ ban hành khi đã được phê duyệt."
PREVIEW_DOC_FINDINGS = "Sửa {count} vấn đề dưới đây trong tệp {path} (trang tự cập nhật khi lưu tệp):"
PREVIEW_TITLE = "Bản xem trước"
# HTML: the link is made by builder/preview/pages.py
PREVIEW_SITE_ERRORS = ('Hệ thống còn {count} lỗi nên bản chính thức chưa được xuất bản. '
                       'Xem danh sách tại trang <a href="{link}">{page}</a>.')
PREVIEW_CHECK_PAGE = "Kết quả kiểm tra"
PREVIEW_CHECK_NONE = "Không có lỗi hay cảnh báo nào: bản chính thức sẽ được xuất bản như bản xem trước này."
PREVIEW_CHECK_HEADER = ["Mức", "Quy tắc", "Tệp", "Dòng", "Nội dung"]
PREVIEW_READY = "Bản xem trước đang chạy tại {url} (Ctrl+C để dừng). Trang tự cập nhật mỗi khi lưu tệp."
PREVIEW_REFRESHED = "Đã cập nhật sau {seconds:.2f} giây: {files}"
PREVIEW_PRINT_WAIT = "Bản in đang được tạo lại, hãy tải lại sau vài giây."
