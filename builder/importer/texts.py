"""Every Vietnamese text the import shows: one place, so the wording is reviewed together.

Templates use str.format fields; the code passes values, never builds Vietnamese sentences.
"""
from __future__ import annotations

from builder.documents.labels import SIGNOFF_VERBS
from builder.documents.placeholders import MARK

# The marker written where the Word file did not say; the rule 'placeholder' reports it.
PLACEHOLDER = MARK


def placeholder(hint: str = "") -> str:
    """'CẦN ĐIỀN' alone, or with what the file said, e.g. 'CẦN ĐIỀN (Trần Văn Bình, Trưởng phòng)'."""
    return f"{MARK} ({hint})" if hint else MARK


# First line of the front matter of an imported document: a YAML comment, invisible to the
# checks and the site, by which a second import of the same file finds the same document.
SOURCE_COMMENT = "# Nhập từ tệp Word: {name}"
SOURCE_COMMENT_PREFIX = "# Nhập từ tệp Word: "

# --- Why a file is skipped --------------------------------------------------------------------
SKIP = {
    "missing": "Không tìm thấy tệp.",
    "unreadable": "Không đọc được tệp ({detail}).",
    "empty": "Tệp rỗng (0 byte).",
    "encrypted": "Tệp Word có đặt mật khẩu (đã mã hóa). Mở tệp trong Word, gỡ mật khẩu "
                 "(Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi nhập lại.",
    "legacy-doc": "Đây là tệp Word 97-2003 (.doc), không phải .docx. Mở bằng Word và chọn "
                  "'Lưu thành' > 'Tài liệu Word (*.docx)' rồi nhập lại.",
    "corrupt": "Tệp .docx bị hỏng (không giải nén được: {detail}). Mở bằng Word để sửa "
               "(Mở và Sửa chữa), lưu lại rồi nhập lại.",
    "not-word-zip": "Tệp nén này không phải tài liệu Word (có thể là Excel, PowerPoint hoặc "
                    "OpenDocument). Chỉ nhập được tệp .docx.",
    "pdf": "Đây là tệp PDF, không phải tệp Word. Dùng tệp .docx gốc của tài liệu.",
    "not-word": "Không phải tệp Word (.docx). Chỉ nhập được tệp .docx.",
    "pandoc": "Không chuyển đổi được nội dung tệp Word: {detail}",
    "code-conflict": "Mã hiệu {code} đã là của tài liệu {path} (nhập từ tệp '{other}'). Sửa mã "
                     "hiệu trong một trong hai tệp Word rồi nhập lại.",
    "code-taken": "Mã hiệu {code} đã là của tài liệu {path}, không phải tài liệu nhập từ tệp Word này: "
                  "không ghi đè. Nếu đây là bản sửa đổi của {path}, sửa trực tiếp tệp đó; nếu là tài liệu "
                  "khác, ghi mã hiệu khác vào tệp Word (ở phần đầu trang hoặc tên tệp) rồi nhập lại.",
    "effective": "Tài liệu {path} ({code}) đang có hiệu lực; nhập lại tệp Word sẽ thay nó bằng một bản dự "
                 "thảo: không ghi đè. Muốn sửa đổi, soạn lần ban hành mới ngay trong {path} (tăng "
                 "revision, thêm dòng vào changes) rồi trình phê duyệt.",
    "internal": "Lỗi khi tạo tài liệu: {detail}",
    "write": "Không ghi được tệp kết quả: {detail}",
}

# --- What was captured (per-file report) ---------------------------------------------------------
CAPTURED = {
    "code": "Mã hiệu: {value}",
    "code-new": "Mã hiệu: tệp không ghi mã hiệu, đã cấp mã mới {value}",
    "code-filename": "Mã hiệu: {value} (lấy từ tên tệp)",
    "kind": "Loại tài liệu: {value}",
    "title": "Tên tài liệu: {value}",
    "revision": "Lần ban hành: {value}",
    "revision-changes": "Lần ban hành: {value} (suy ra từ bảng theo dõi sửa đổi)",
    "effective": "Ngày hiệu lực: {value}",
    "effective-issued": "Ngày hiệu lực: {value} (lấy theo ngày ban hành)",
    "effective-changes": "Ngày hiệu lực: {value} (lấy theo dòng cuối bảng theo dõi sửa đổi)",
    "unit": "Đơn vị soạn thảo: {value}",
    "unit-preparer": "Đơn vị soạn thảo: {value} (đơn vị của người soạn thảo)",
    "unit-procedure": "Đơn vị soạn thảo: {value} (đơn vị của quy trình gốc {code})",
    "signoff": "{role}: {name}{position} → {person}{date}",
    "position-differs": "{role}: chức vụ trong tệp là '{word}', trong organisation.yml là '{config}'",
    "changes": "Theo dõi sửa đổi: {value} dòng",
    "changes-first": "Theo dõi sửa đổi: dòng 'Ban hành lần đầu' (lần ban hành 1)",
    "forms": "Biểu mẫu: {value}",
    "legal": "Căn cứ pháp lý: {value}",
    "records": "Hồ sơ cần lưu: {value} dòng",
    "procedure": "Quy trình gốc: {value}",
    "images": "Hình ảnh: {value} tệp trong {folder}",
    "attachment": "Giữ tệp Word gốc để tải về: {value} (bản chuyển đổi mất bố cục: {reasons})",
    "status-effective": "Tình trạng: đang áp dụng (có đủ ký duyệt và ngày hiệu lực trong tệp)",
    "overwrote": "Ghi đè tài liệu đã có: {value}",
}

# --- What a person must do -------------------------------------------------------------------------
TODO = {
    "title": "Tên tài liệu (title): không tìm thấy trong tệp.",
    "revision": "Lần ban hành (revision): không tìm thấy trong bảng tiêu đề.",
    "effective": "Ngày hiệu lực (effective): không tìm thấy trong tệp.",
    "unit": "Đơn vị soạn thảo (unit): không xác định được; ghi mã đơn vị trong organisation.yml "
            "hoặc nhập lại với --unit.",
    "kind": "Loại tài liệu: không xác định được từ mã hiệu hay tên, đã coi là quy trình; nhập lại "
            "với --kind nếu không đúng.",
    "signoffs-missing": "Không tìm thấy bảng ký duyệt (Soạn thảo / Xem xét / Phê duyệt): điền "
                        "prepared, reviewed, approved.",
    "signoff-missing": "{role} ({key}): bảng ký duyệt không ghi người {action}.",
    "signoff-person": "{role} ({key}.by): không tìm thấy '{name}'{position} trong "
                      "site_config/organisation.yml; thêm người này vào mục people rồi ghi mã nhân sự.",
    "signoff-ambiguous": "{role} ({key}.by): có nhiều người tên '{name}' trong organisation.yml; "
                         "ghi đúng mã nhân sự.",
    "signoff-date": "{role} ({key}.date): bảng ký duyệt không ghi ngày ký.",
    "changes-missing": "Không tìm thấy bảng 'Theo dõi sửa đổi tài liệu': điền các dòng của trường changes.",
    "change-row": "Bảng theo dõi sửa đổi, dòng {row}: thiếu {what}.",
    "record-keeper": "Hồ sơ cần lưu '{name}': không xác định được đơn vị lưu '{value}' (records.keeper).",
    "legal-malformed": "Số ký hiệu '{value}' ở mục căn cứ viết chưa đúng ({why}); sửa trong nội dung "
                       "và thêm vào legal_basis.",
    "procedure": "Quy trình gốc (procedure) của biểu mẫu: không tìm thấy; nhập lại với --procedure.",
    "status-draft": "Chưa đủ thông tin ký duyệt hoặc ngày hiệu lực trong tệp nên tài liệu được nhập "
                    "ở dạng dự thảo (status: draft) dù có --status effective.",
    "approve": "Tài liệu đang áp dụng: chạy 'qms approve {code} --by <mã người phê duyệt>' để ghi "
               "dấu vân tay nội dung sau khi rà soát.",
    "image-format": "Hình '{name}' ở định dạng {fmt}, trình duyệt không hiển thị được; chuyển sang "
                    "PNG hoặc JPG.",
    "unmapped": "Bảng {table} có nội dung chưa chuyển được vào phần khai báo nên được giữ nguyên trong "
                "nội dung: {items}. Điền các trường {fields} cho đúng rồi xóa bảng đó khỏi nội dung.",
    "unnumbered": "Không nhận ra các mục đánh số (1. Mục đích ... 7. Hồ sơ cần lưu); kiểm tra lại "
                  "các tiêu đề mục trong nội dung.",
}

ROLE_LABELS = {"prepared": "Soạn thảo", "reviewed": "Xem xét", "approved": "Phê duyệt"}
UNMAPPED_TABLES = {"signoffs": ("ký duyệt", "prepared, reviewed, approved"),
                   "changes": ("theo dõi sửa đổi", "changes")}
ROLE_ACTIONS = SIGNOFF_VERBS

# Reasons the Markdown copy of a form loses the Word layout (see layout.py).
LAYOUT_REASONS = {
    "merged-cells": "ô gộp",
    "nested-tables": "bảng lồng trong bảng",
    "text-boxes": "hộp văn bản, khung",
    "shapes": "hình vẽ, đối tượng trôi nổi",
    "form-fields": "ô đánh dấu, trường nhập liệu",
    "columns": "chia cột",
    "landscape": "trang ngang",
}

# Line added at the top of a form whose Word file is kept as attachment.
ATTACHMENT_LINK = "Tải biểu mẫu đúng định dạng gốc (tệp Word): [{name}]({target})"
CHANGE_FIRST_ISSUE = "Ban hành lần đầu"
WHOLE_DOCUMENT = "Toàn bộ tài liệu"

# --- Report layout ------------------------------------------------------------------------------------
REPORT_HEAD = "[{index}/{total}] {source}"
REPORT_WRITTEN = "  → {path} ({status})"
REPORT_SKIPPED = "  BỎ QUA: {reason}"
REPORT_CAPTURED = "  Đã lấy từ tệp:"
REPORT_TODO = "  Cần người điền hoặc kiểm tra:"
REPORT_FINDINGS = "  Kết quả kiểm tra ({errors} lỗi, {warnings} cảnh báo):"
REPORT_CLEAN = "  Kết quả kiểm tra: không có lỗi hay cảnh báo."
REPORT_MORE = "    ... và {count} thông báo khác (xem 'qms check')."
STATUS_WORDS = {"draft": "dự thảo", "effective": "đang áp dụng"}

SUMMARY_TITLE = "Tổng hợp nhập tài liệu"
SUMMARY_COLUMNS = ("Tệp", "Kết quả", "Tài liệu", "Cần điền", "Lỗi", "Cảnh báo")
SUMMARY_IMPORTED = "Đã nhập"
SUMMARY_SKIPPED = "Bỏ qua"
SUMMARY_LINE = "Đã nhập {done}/{total} tệp; {skipped} tệp bị bỏ qua."
SUMMARY_NEXT = ("Tiếp theo: điền các chỗ 'CẦN ĐIỀN', chạy 'qms check' cho đến khi hết lỗi, "
                "rồi gửi pull request để xem xét.")
NO_FILES = "Không có tệp .docx nào để nhập trong: {paths}"
PROGRESS_CONVERT = "Chuyển đổi tệp Word"
PROGRESS_BUILD = "Tạo tài liệu"
