"""Vietnamese labels of the site pages (one place for the wording staff read)."""

CODE = "Mã hiệu"
TITLE = "Tên tài liệu"
REVISION = "Lần ban hành"
EFFECTIVE = "Ngày hiệu lực"
UNIT = "Đơn vị soạn thảo"
STATUS = "Tình trạng"
KIND = "Loại"
SIGNOFFS = "Ký duyệt"
SIGNOFF_COLUMNS = {"prepared": "Soạn thảo", "reviewed": "Xem xét", "approved": "Phê duyệt"}
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
